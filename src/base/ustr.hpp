// Small UTF-8 helpers shared by the pipeline stages (private header).
#pragma once

#include <cstdint>
#include <cstring>
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

// Decodes one code point at s[i], advancing i; invalid bytes yield U+FFFD.
inline char32_t next(std::string_view s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; return c; }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
    char32_t cp = c & (0x3F >> (len - 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

// Appends one code point as UTF-8 (the one encoder the library uses).
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

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
        // bit 7 set and bit 6 clear, per byte
        cont += static_cast<size_t>(__builtin_popcountll(w & (~w << 1) & 0x8080808080808080ull));
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

// Value of a Chinese numeral 一..九十九 (section labels), formal numerals
// 壹..玖拾玖 included; 0 if not one.
int small_chinese_number(std::string_view s);
// The inverse for 1..99, as headings print it (六, 十二, 二十); other
// values in Arabic digits.
std::string small_chinese_numeral(int n);

}  // namespace qingdan::ustr
