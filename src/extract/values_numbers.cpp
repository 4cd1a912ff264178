// Numbers (qingdan/values.hpp): decoding task text to compact UTF-32 and
// reading Arabic and Chinese numerals. Rules: docs/extraction.md.

#include "values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "values_internal.hpp"

namespace qingdan {

using namespace values_detail;

namespace values_detail {

// Whitespace is dropped unless it separates two ASCII letters/digits: PDF
// line breaks and letter-spacing inside Chinese ("国家知识产权强 市建设",
// "在 2023 年底前") disappear, "45 45" stays two numbers. `ws_before[i]` says
// whether whitespace preceded out[i] in the input. Decodes and compacts in one
// pass (lenient UTF-8: an invalid byte becomes U+FFFD).
u32 decode_compact_uncached(std::string_view in, std::vector<bool>* ws_before);

u32 decode_compact(std::string_view in, std::vector<bool>* ws_before) {
    // Targets and deadlines are read from the same task text one after the
    // other: the last text's result is kept (per thread) and copied.
    thread_local std::string last_in;
    thread_local u32 last_out;
    thread_local bool last_ready = false;
    if (!ws_before && last_ready && in.size() == last_in.size() && in == last_in) return last_out;
    u32 out = decode_compact_uncached(in, ws_before);
    if (!ws_before) {
        last_in.assign(in.data(), in.size());
        last_out = out;
        last_ready = true;
    }
    return out;
}

u32 decode_compact_uncached(std::string_view in, std::vector<bool>* ws_before) {
    u32 out;
    out.reserve(in.size());
    if (ws_before) ws_before->clear();
    bool pending = false;
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    for (std::size_t i = 0; i < in.size();) {
        // Fast path: a CJK ideograph (U+4000..U+9FFF), most of the text; never
        // a space, never next to a kept space.
        if (ustr::ideograph3_at(p + i, in.size() - i)) {
            out.push_back(ustr::decode3(p + i));
            i += 3;
            if (ws_before) ws_before->push_back(pending);
            pending = false;
            continue;
        }
        const char32_t c = ustr::next(in, i);
        if (is_space(c)) {
            pending = true;
            continue;
        }
        if (pending && !out.empty() && is_ascii_alnum(out.back()) && is_ascii_alnum(c)) {
            out.push_back(U' ');
            if (ws_before) ws_before->push_back(true);
        }
        out.push_back(c);
        if (ws_before) ws_before->push_back(pending);
        pending = false;
    }
    return out;
}

// ---------------------------------------------------------------------------
// Numerals

// Arabic numeral starting at `i`: digits, optional ",ddd" groups, optional
// ".d+". Returns the end (== i when there is no numeral).
std::size_t scan_arabic(u32v s, std::size_t i, double& value) {
    std::size_t j = i;
    double v = 0;
    std::size_t lead = 0;
    while (j < s.size() && is_ascii_digit(s[j])) {
        v = v * 10 + static_cast<double>(s[j] - U'0');
        ++j;
        ++lead;
    }
    if (lead == 0) return i;
    if (lead <= 3) {
        // thousands separators: exactly three digits after each comma
        while (j + 3 < s.size() && s[j] == U',' && is_ascii_digit(s[j + 1]) &&
               is_ascii_digit(s[j + 2]) && is_ascii_digit(s[j + 3]) &&
               (j + 4 >= s.size() || !is_ascii_digit(s[j + 4]))) {
            for (std::size_t k = 1; k <= 3; ++k) v = v * 10 + static_cast<double>(s[j + k] - U'0');
            j += 4;
        }
    }
    if (j + 1 < s.size() && s[j] == U'.' && is_ascii_digit(s[j + 1])) {
        ++j;
        double scale = 0.1;
        while (j < s.size() && is_ascii_digit(s[j])) {
            v += scale * static_cast<double>(s[j] - U'0');
            scale /= 10;
            ++j;
        }
    }
    value = v;
    return j;
}

// A positional Chinese numeral (十四, 一百零五, 一亿二千万) read left to right.
struct CnPositional {
    long long total = 0;     // completed 亿 / 万 sections
    long long section = 0;   // value below 万 being built
    long long big_last = 0;  // last 万/亿 seen (must decrease)
    long long small_last = 100000;  // last 十/百/千 in this section (must decrease)
    int pending = -1;        // digit waiting for its multiplier
    bool zero_seen = false;  // a 零 since the last multiplier
    long long last_mult = 0;

    // Takes one numeral character; false when the numeral is malformed.
    bool take(char32_t c) {
        int d = cn_digit(c);
        if (d == 0) {
            if (pending > 0) return false;  // "五零"
            zero_seen = true;
            pending = -1;
            return true;
        }
        if (d > 0) {
            if (pending >= 0) return false;  // two digits in a row
            pending = d;
            return true;
        }
        long long m = cn_mult(c);
        return m < 10000 ? take_small(m) : take_big(m);
    }

    // 十 / 百 / 千 inside a section.
    bool take_small(long long m) {
        if (m >= small_last) return false;
        long long k = pending >= 0 ? pending : 1;
        if (pending < 0 && zero_seen && m != 10) return false;
        section += k * m;
        small_last = m;
        pending = -1;
        zero_seen = false;
        last_mult = m;
        return true;
    }

    // 万 / 亿: closes a section.
    bool take_big(long long m) {
        if (pending > 0) section += pending;
        if (section == 0 && total == 0) section = 1;  // bare 万 / 亿
        if (big_last && m >= big_last && !(m == 10000 && big_last == 100000000)) {
            return false;
        }
        if (m == 100000000) {
            total = (total + section) * m;
        } else {
            total += section * m;
        }
        big_last = m;
        section = 0;
        small_last = 100000;
        pending = -1;
        zero_seen = false;
        last_mult = m;
        return true;
    }

    double value() const {
        long long sec = section;
        if (pending > 0) {
            // colloquial tail: 一百五 = 150, 一万二 = 12000, 三千五 = 3500
            if (!zero_seen && last_mult >= 100) {
                sec += pending * (last_mult / 10);
            } else {
                sec += pending;
            }
        }
        return static_cast<double>(total + sec);
    }
};

// A whole Chinese numeral: positional (十四, 一百零五, 三千, 一亿二千万,
// colloquial 一百五 = 150) or digit-by-digit (二〇二三).
std::optional<double> parse_cn(u32v s) {
    if (s.empty()) return std::nullopt;
    bool has_mult = false;
    for (char32_t c : s) {
        if (!is_cn_numeral_char(c)) return std::nullopt;
        if (cn_mult(c)) has_mult = true;
    }
    if (!has_mult) {
        if (s.size() == 1) return static_cast<double>(cn_digit(s[0]));
        double v = 0;
        for (char32_t c : s) v = v * 10 + cn_digit(c);
        return v;
    }
    CnPositional num;
    for (char32_t c : s)
        if (!num.take(c)) return std::nullopt;
    return num.value();
}

}  // namespace values_detail

// ---------------------------------------------------------------------------
// Public API

std::optional<double> parse_number(std::string_view sv) {
    u32 s = decode_compact(sv);
    std::size_t a = 0, b = s.size();
    while (a < b && is_space(s[a])) ++a;
    while (b > a && is_space(s[b - 1])) --b;
    u32v t(s.data() + a, b - a);
    if (t.empty()) return std::nullopt;
    if (is_ascii_digit(t[0])) {
        double v = 0;
        std::size_t j = scan_arabic(t, 0, v);
        if (j == t.size()) return v;
        // 1.5万, 3亿
        u32v rest = t.substr(j);
        if (rest == U"万") return v * 1e4;
        if (rest == U"亿") return v * 1e8;
        if (rest == U"万亿") return v * 1e12;
        if (rest == U"千") return v * 1e3;
        return std::nullopt;
    }
    if (t[0] == U'-' || t[0] == U'+') {
        if (auto v = parse_number(encode(t.substr(1)))) {
            if (t.size() > 1 && is_ascii_digit(t[1])) return t[0] == U'-' ? -*v : *v;
        }
        return std::nullopt;
    }
    return parse_cn(t);
}


}  // namespace qingdan
