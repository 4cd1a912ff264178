#include "ustr.hpp"

namespace qingdan::ustr {

namespace {

// Value of one numeral character: the common 一..九, 〇/零, and the formal
// (大写) numerals 壹..玖 that Taiwan/HK texts and financial-style headings
// print (壹、 貳、 參、), Simplified and Traditional; -1 if not a digit.
int digit_value(char32_t c) {
    static const std::u32string common = U"零一二三四五六七八九";
    static const std::u32string formal = U"〇壹贰叁肆伍陆柒捌玖";
    static const std::u32string formal_hant = U"〇壹貳參肆伍陸柒捌玖";
    if (c == U'〇') return 0;
    for (const auto* set : {&common, &formal, &formal_hant})
        if (size_t d = set->find(c); d != std::u32string::npos) return static_cast<int>(d);
    if (c == U'参' || c == U'叄') return 3;  // 參 after Simplified conversion, and its variant
    return -1;
}

}  // namespace

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i));
    return out;
}

std::string to_u8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t cp : s) append(out, cp);
    return out;
}

int small_chinese_number(std::string_view s) {
    int total = 0, cur = -1;
    bool any = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        if (c == U'十' || c == U'拾') {
            total += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
        } else {
            int d = digit_value(c);
            if (d < 0) return 0;
            cur = d;
        }
        any = true;
    }
    if (!any) return 0;
    return total + (cur < 0 ? 0 : cur);
}

std::string small_chinese_numeral(int n) {
    static const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n > 99) return std::to_string(n);
    if (n < 10) return kDigits[n];
    return std::string(n >= 20 ? kDigits[n / 10] : "") + "十" + kDigits[n % 10];
}

std::size_t outline_depth(std::string_view label) {
    std::size_t d = 1;
    for (std::size_t i = 0; i < label.size(); ++i) d += label[i] == '.' || label.compare(i, 3, "．") == 0;
    return d;
}

int outline_last(std::string_view label) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '.') from = i + 1;
        else if (label.compare(i, 3, "．") == 0) from = i + 3;
    }
    int n = 0;
    for (std::size_t i = from; i < label.size() && label[i] >= '0' && label[i] <= '9' && n < 100000000; ++i)
        n = n * 10 + (label[i] - '0');
    return n;
}

}  // namespace qingdan::ustr
