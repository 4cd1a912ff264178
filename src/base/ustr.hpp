// The text layer: every UTF-8 <-> code point step of the library goes
// through here, built on utfcpp (utf8::unchecked once a sequence has been
// validated). The measured fast paths live here too: the validator, the
// three-byte (CJK) checks, ASCII runs and code point counting eight bytes at
// a time.
#pragma once

#include <utf8.h>

#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

namespace qingdan::ustr {

// Length of the well-formed UTF-8 sequence at p[0..n), or 0 when the bytes
// there are not one. `*maximal` receives the length of the maximal subpart of
// an ill-formed sequence (>= 1; Unicode "best practice" for U+FFFD), and
// `*truncated` whether the sequence was only cut short by the end of input.
inline std::size_t utf8_sequence(const unsigned char* p, std::size_t n, std::size_t* maximal,
                                 bool* truncated) {
    unsigned char b0 = p[0];
    *truncated = false;
    *maximal = 1;
    if (b0 < 0x80) return 1;
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;  // continuation byte, C0/C1, F5..FF
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (k >= n) {
            *truncated = true;
            *maximal = k;
            return 0;
        }
        unsigned char b = p[k];
        bool ok = (k == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) {
            *maximal = k;
            return 0;
        }
    }
    return len;
}

// True for a UTF-8 continuation byte (10xxxxxx).
inline bool is_trail(unsigned char b) { return utf8::internal::is_trail(b); }

// Byte length of the sequence a lead byte opens (1 for ASCII and for stray
// bytes); for stepping through text already known to be well-formed.
inline std::size_t sequence_length(unsigned char lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// --- Fast paths (most of the text is CJK: three-byte sequences) ----------

// True when p[0..3) (n bytes available) is a well-formed three-byte sequence
// whose lead byte puts no extra limit on the second byte (E1..EC, EE, EF:
// all but E0 and ED), so that two continuation bytes are all it takes.
inline bool plain3_at(const unsigned char* p, std::size_t n) {
    const unsigned char b0 = p[0];
    return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && n >= 3 && is_trail(p[1]) && is_trail(p[2]);
}

// True when p[0..3) is a three-byte sequence with lead E4..E9: a code point
// in U+4000..U+9FFF, a CJK ideograph (never a space or punctuation).
inline bool ideograph3_at(const unsigned char* p, std::size_t n) {
    return p[0] >= 0xE4 && p[0] <= 0xE9 && n >= 3 && is_trail(p[1]) && is_trail(p[2]);
}

// The code point of a three-byte sequence the caller has checked.
inline char32_t decode3(const unsigned char* p) {
    return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
}

// Number of leading ASCII bytes of p[0..n), eight at a time.
inline std::size_t ascii_prefix(const unsigned char* p, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
    }
    while (i < n && p[i] < 0x80) ++i;
    return i;
}

// --- Code points -------------------------------------------------------------

// Decodes the code point at s[i] (i < s.size()). A well-formed sequence
// (checked by utf8_sequence: no overlongs, surrogates or truncation) sets
// `cp`, advances i past it and returns true; otherwise i advances one byte
// and the result is false.
inline bool decode(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    if (p[0] < 0x80) {
        cp = p[0];
        ++i;
        return true;
    }
    if (plain3_at(p, s.size() - i)) {  // most Chinese text: no table walk needed
        cp = decode3(p);
        i += 3;
        return true;
    }
    std::size_t maximal;
    bool truncated;
    const std::size_t len = utf8_sequence(p, s.size() - i, &maximal, &truncated);
    if (len == 0) {
        ++i;
        return false;
    }
    const char* it = s.data() + i;
    cp = static_cast<char32_t>(utf8::unchecked::next(it));
    i += len;
    return true;
}

// Decodes one code point at s[i], advancing i; an ill-formed byte reads as
// U+FFFD, one byte long (normalised text has none).
inline char32_t next(std::string_view s, std::size_t& i) {
    char32_t cp;
    return decode(s, i, cp) ? cp : char32_t{0xFFFD};
}

// Start of the code point that ends at byte `end` (0 < end <= s.size()):
// back over continuation bytes, never before 0.
inline std::size_t char_start(std::string_view s, std::size_t end) {
    std::size_t b = end - 1;
    while (b > 0 && is_trail(static_cast<unsigned char>(s[b]))) --b;
    return b;
}

// The largest character boundary <= `at` (for cutting valid text at a byte
// budget); `at` <= s.size().
inline std::size_t floor_boundary(std::string_view s, std::size_t at) {
    while (at > 0 && at < s.size() && is_trail(static_cast<unsigned char>(s[at]))) --at;
    return at;
}

// First and last code point of `s` (0 when empty).
inline char32_t first(std::string_view s) {
    std::size_t i = 0;
    return s.empty() ? 0 : next(s, i);
}
inline char32_t last(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = char_start(s, s.size());
    return next(s, i);
}

// Appends one code point as UTF-8 (the one encoder the library uses).
inline void append(std::string& out, char32_t cp) {
    utf8::unchecked::append(static_cast<uint32_t>(cp), std::back_inserter(out));
}

// Whole strings between UTF-8 and UTF-32 (ill-formed bytes read as U+FFFD).
std::u32string to_u32(std::string_view s);
std::string to_u8(std::u32string_view s);

inline bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 ||
           (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

// Number of code points: bytes minus continuation bytes (10xxxxxx), counted
// eight at a time (every line is measured, some several times).
inline size_t length(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        // bit 7 set and bit 6 clear, per byte; the flags (one bit per byte)
        // are summed by a multiply: a popcount without -mpopcnt is a libgcc call.
        const uint64_t flags = (w & (~w << 1) & 0x8080808080808080ull) >> 7;
        cont += static_cast<size_t>((flags * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; ++i) cont += (p[i] & 0xC0) == 0x80;
    return n - cont;
}

// Share of code points (ignoring spaces) that are Han characters.
inline double han_ratio(std::string_view s) {
    size_t han = 0, all = 0;
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        if (c == ' ' || c == '\t') continue;
        ++all;
        han += is_han(c);
    }
    return all ? static_cast<double>(han) / all : 0.0;
}

inline std::string trim(std::string_view s) {
    auto is_space = [](std::string_view v, size_t at, size_t& w) {
        if (v[at] == ' ' || v[at] == '\t' || v[at] == '\r' || v[at] == '\n') { w = 1; return true; }
        if (v.substr(at, 3) == "\xE3\x80\x80") { w = 3; return true; }  // U+3000
        return false;
    };
    size_t b = 0, w = 0;
    while (b < s.size() && is_space(s, b, w)) b += w;
    size_t e = s.size();
    while (e > b) {
        if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n') { --e; continue; }
        if (e - b >= 3 && s.substr(e - 3, 3) == "\xE3\x80\x80") { e -= 3; continue; }
        break;
    }
    return std::string(s.substr(b, e - b));
}

// Whitespace as the extractors see it: ASCII white space, U+3000
// (ideographic space), U+00A0 (no-break space) and U+FEFF (BOM).
inline bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' || c == 0x3000 ||
           c == 0xA0 || c == 0xFEFF;
}

// Byte length of the whitespace character (is_space) at s[i], or 0.
inline std::size_t space_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') ? 1 : 0;
    if (c == 0xE3) return s.substr(i, 3) == "\xE3\x80\x80" ? 3 : 0;  // U+3000
    if (c == 0xEF) return s.substr(i, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // BOM
    if (c == 0xC2) return s.substr(i, 2) == "\xC2\xA0" ? 2 : 0;      // U+00A0
    return 0;
}

inline bool has_space(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (space_at(s, i)) return true;
    return false;
}

inline bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// `s` without the spaces and tabs at either end (a view; ASCII blanks only,
// as laid out by normalise).
inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
inline bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Removes every space and tab (PDF letter-spacing inside names).
inline std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != ' ' && c != '\t') out += c;
    return out;
}

// True when every code point of `a` occurs in `b` in the same order
// (潍坊工作要点 in 潍坊市2017年工作要点).
inline bool is_subsequence(std::string_view a, std::string_view b) {
    std::size_t j = 0;
    for (std::size_t i = 0; i < a.size();) {
        const std::size_t from = i;
        next(a, i);
        const std::string_view cp = a.substr(from, i - from);
        const std::size_t at = b.find(cp, j);
        if (at == std::string_view::npos) return false;
        j = at + cp.size();
    }
    return true;
}

// Value of a Chinese numeral 一..九十九 (section labels), formal numerals
// 壹..玖拾玖 included; 0 if not one.
int small_chinese_number(std::string_view s);

// A decimal outline number (2.1.3, full-width 2．1 too): its levels (3 here,
// 1 for a plain 12) and the number of its last part (3: its place among its
// siblings).
std::size_t outline_depth(std::string_view label);
int outline_last(std::string_view label);
// The inverse for 1..99, as headings print it (六, 十二, 二十); other
// values in Arabic digits.
std::string small_chinese_numeral(int n);

}  // namespace qingdan::ustr
