#include "qingdan/normalise.hpp"

namespace qingdan {
NormalisedText normalise(std::string_view utf8) {
    NormalisedText n;
    int no = 0;
    std::size_t pos = 0;
    while (pos <= utf8.size()) {
        auto e = utf8.find('\n', pos);
        if (e == std::string_view::npos) e = utf8.size();
        ++no;
        auto l = utf8.substr(pos, e - pos);
        if (!l.empty()) n.lines.push_back({std::string(l), no, no});
        pos = e + 1;
    }
    return n;
}
std::string normalise_chars(std::string_view s) { return std::string(s); }
std::vector<Line> join_wrapped(const std::vector<Line>& lines) { return lines; }
bool looks_traditional(std::string_view) { return false; }
std::string to_simplified(std::string_view utf8) { return std::string(utf8); }
}  // namespace qingdan
