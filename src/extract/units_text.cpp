// Text helpers shared by the units files (units_internal.hpp), on the
// src/base/ustr text layer.
#include "units_internal.hpp"

#include <algorithm>
#include <stdexcept>

#include "ustr.hpp"

namespace qingdan::unit_detail {
namespace {

// Characters a unit name ends with (…司, …部, …局, 成员单位, 各省份 ...).
bool is_unit_final(char32_t c) {
    static constexpr std::u32string_view kFinal =
        U"司部局委署院会办厅室行社台心位门府协联团央所处科组馆校站队庭盟区省市县州旗镇乡村园份方关地军报班）)";  // 班: 工作专班
    return kFinal.find(c) != std::u32string_view::npos;
}

}  // namespace

std::string squeeze(std::string_view s) {
    if (!ustr::has_space(s)) return std::string(s);
    std::u32string u = to_u32(s);
    u.erase(std::remove_if(u.begin(), u.end(), ustr::is_space), u.end());
    return to_u8(u);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}


void fail(const std::string& file, int line, const std::string& msg) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + msg);
}

bool ends_like_unit(std::string_view name) {
    if (name.empty()) return false;
    const char32_t last = ustr::last(name);
    if (last == U')') return true;  // 各县(市、区)政府(管委会)
    if (last < 0x80) return (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
    if (name == "最高法" || name == "最高检") return true;
    return is_unit_final(last);
}

std::string_view trim_sv(std::string_view s) {
    for (size_t n; !s.empty() && (n = space_at(s, 0)) > 0;) s.remove_prefix(n);
    for (;;) {
        if (s.empty()) break;
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            s.remove_suffix(1);
        } else if (s.ends_with("\xE3\x80\x80")) {
            s.remove_suffix(3);
        } else if (s.ends_with("\xC2\xA0")) {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

}  // namespace qingdan::unit_detail
