// UTF-8 helpers shared by the units files (units_internal.hpp). Helper
// "house" is moving these onto the src/base/ustr text layer.
#include "units_internal.hpp"

#include <algorithm>
#include <stdexcept>

#include "ustr.hpp"

namespace qingdan::unit_detail {
namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' || c == 0x3000 ||
           c == 0xA0 || c == 0xFEFF;
}

bool has_space_byte(std::string_view s) {
    for (char c : s)
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return true;
    return s.find("\xE3\x80\x80") != std::string_view::npos || s.find("\xC2\xA0") != std::string_view::npos;
}

// Characters a unit name ends with (…司, …部, …局, 成员单位, 各省份 ...).
bool is_unit_final(char32_t c) {
    static constexpr std::u32string_view kFinal =
        U"司部局委署院会办厅室行社台心位门府协联团央所处科组馆校站队庭盟区省市县州旗镇乡村园份方关地军报）)";
    return kFinal.find(c) != std::u32string_view::npos;
}

}  // namespace

std::string squeeze(std::string_view s) {
    if (!has_space_byte(s)) return std::string(s);
    std::u32string u = to_u32(s);
    u.erase(std::remove_if(u.begin(), u.end(), is_space), u.end());
    return to_u8(u);
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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

// Byte length of the whitespace character at s[i], or 0.
size_t space_at(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') ? 1 : 0;
    if (c == 0xE3) return at3(s, i, "\xE3\x80\x80") ? 3 : 0;  // U+3000
    if (c == 0xEF) return at3(s, i, "\xEF\xBB\xBF") ? 3 : 0;  // BOM
    if (c == 0xC2) return i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0 ? 2 : 0;
    return 0;
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

bool has_space(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i)
        if (space_at(s, i)) return true;
    return false;
}

}  // namespace qingdan::unit_detail
