// Shared pieces of the value scanners (values_*.cpp): the UTF-32 view,
// character classes, word matching, decoding and numerals. Private to
// src/extract; the public API is values.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ustr.hpp"

namespace qingdan::values_detail {

using u32 = std::u32string;
using u32v = std::u32string_view;

// ---------------------------------------------------------------------------
// UTF-32 -> UTF-8

// The text layer's encoder, under the name this file reads best with.
inline std::string encode(u32v s) { return ustr::to_u8(s); }

// ---------------------------------------------------------------------------
// Character classes

inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
inline bool is_ascii_alnum(char32_t c) { return is_ascii_digit(c) || is_ascii_alpha(c); }
using ustr::is_space;

inline int cn_digit(char32_t c) {
    switch (c) {
        case U'零': case U'〇': return 0;
        case U'一': return 1;
        case U'二': case U'两': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        case U'六': return 6;
        case U'七': return 7;
        case U'八': return 8;
        case U'九': return 9;
        default: return -1;
    }
}

inline long long cn_mult(char32_t c) {
    switch (c) {
        case U'十': return 10;
        case U'百': return 100;
        case U'千': return 1000;
        case U'万': return 10000;
        case U'亿': return 100000000;
        default: return 0;
    }
}

inline bool is_cn_numeral_char(char32_t c) { return cn_digit(c) >= 0 || cn_mult(c) != 0; }

// Ends a clause: where a metric starts and a group of dates stops.
inline bool is_clause_break(char32_t c) {
    switch (c) {
        case U'，': case U'。': case U'；': case U'：': case U'！': case U'？':
        case U',': case U';': case U':': case U'!': case U'?':
        case U'\n': case U'\t': case U'\r':
            return true;
        default:
            return false;
    }
}

inline bool is_punct(char32_t c) {
    if (is_clause_break(c)) return true;
    switch (c) {
        case U'、': case U'（': case U'）': case U'《': case U'》': case U'“': case U'”':
        case U'‘': case U'’': case U'(': case U')': case U'[': case U']': case U'【': case U'】':
        case U'"': case U'\'': case U'.': case U' ': case 0x3000:
            return true;
        default:
            return false;
    }
}

inline bool at(u32v s, std::size_t pos, u32v w) {
    return pos <= s.size() && s.size() - pos >= w.size() && s.compare(pos, w.size(), w) == 0;
}

inline bool ends_at(u32v s, std::size_t end, u32v w) {
    return end <= s.size() && end >= w.size() && s.compare(end - w.size(), w.size(), w) == 0;
}

template <std::size_t N>
inline u32v match_at(u32v s, std::size_t pos, const u32v (&words)[N]) {
    for (u32v w : words)
        if (at(s, pos, w)) return w;
    return {};
}

template <std::size_t N>
inline u32v match_ending_at(u32v s, std::size_t end, const u32v (&words)[N]) {
    for (u32v w : words)
        if (ends_at(s, end, w)) return w;
    return {};
}

// Book-title marks: values inside 《…》 belong to a cited title (《2023年…
// 要点》), not to the text. `outside(c)` is false for the marks themselves
// and for everything between them.
struct TitleMarks {
    int depth = 0;
    bool outside(char32_t c) {
        if (c == U'《') ++depth;
        else if (c == U'》') depth -= depth > 0;
        else return depth == 0;
        return false;
    }
};

// Whitespace is dropped unless it separates two ASCII letters/digits (see
// values_numbers.cpp); `ws_before[i]` says whether whitespace preceded out[i].
u32 decode_compact(std::string_view in, std::vector<bool>* ws_before = nullptr);

// Arabic number at s[i] ("1,000", "93.5"); returns its end, value in `value`.
std::size_t scan_arabic(u32v s, std::size_t i, double& value);

// A whole Chinese numeral ("一百零五", "二〇二三"); nullopt when it is not one.
std::optional<double> parse_cn(u32v s);

}  // namespace qingdan::values_detail
