#include "ustr.hpp"

namespace qingdan::ustr {

int small_chinese_number(std::string_view s) {
    static const std::u32string digits = U"零一二三四五六七八九";
    int total = 0, cur = -1;
    bool any = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        if (c == U'十') {
            total += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
        } else if (c == U'〇') {
            cur = 0;
        } else {
            size_t d = digits.find(c);
            if (d == std::u32string::npos) return 0;
            cur = static_cast<int>(d);
        }
        any = true;
    }
    if (!any) return 0;
    return total + (cur < 0 ? 0 : cur);
}

}  // namespace qingdan::ustr
