// Stage 2: decoded UTF-8 -> normalised lines (see docs/normalisation.md).
//
//   normalise()       T->S when the text is Traditional, then per line:
//                     character normalisation (normalise_chars), page
//                     furniture dropped, blank lines dropped; every line keeps
//                     its original 1-based number.
//   join_wrapped()    is in join_wrapped.cpp.
//
// Everything here is hand-written over UTF-8 (no regex): the pipeline has to
// run at tens of MB/s.
#include "normalise.hpp"
#include "gloss.hpp"

#include <opencc/Config.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

#include "pipe_table.hpp"
#include "ustr.hpp"
#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>

namespace qingdan {
namespace {

using namespace std::string_view_literals;

using ustr::ends_with;
using ustr::starts_with;

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// ---------------------------------------------------------------------------
// Character classes for the spacing rules

enum class Cls : unsigned char {
    None,   // start of line / cell
    Cjk,    // Han, kana, hangul, CJK and general punctuation, full-width forms
    Digit,  // ASCII digit
    Tight,  // ASCII punctuation that hugs Chinese text: : ; , ( ) ! ? %
    Other,  // letters, other ASCII punctuation, anything else
};

inline Cls classify(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') return Cls::Digit;
        switch (cp) {
            case ':': case ';': case ',': case '(': case ')': case '!': case '?': case '%':
                return Cls::Tight;
            default:
                return Cls::Other;
        }
    }
    if ((cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x31FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
        (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0x2010 && cp <= 0x205E) || cp == 0xB7)
        return Cls::Cjk;
    return Cls::Other;
}

// A space between `a` and `b` is PDF letter-spacing or extraction noise.
inline bool drop_space_between(Cls a, Cls b) {
    if (a == Cls::Cjk) return b == Cls::Cjk || b == Cls::Digit || b == Cls::Tight;
    if (b == Cls::Cjk) return a == Cls::Digit || a == Cls::Tight;
    return false;
}

// Character mapping. Returns 0 to drop the character, ' ' for a space.
inline char32_t map_char(char32_t cp) {
    if (cp < 0x80) {
        if (cp == '\t' || cp >= 0x20) return cp == 0x7F ? 0 : cp;
        if (cp == '\v') return ' ';
        return 0;  // other C0 controls, incl. \f (pdftotext page breaks) and \r
    }
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'A';
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    if (cp == 0xFF05) return '%';  // ％: targets are printed `93%`
    if (cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return ' ';
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD ||
        (cp >= 0x80 && cp <= 0x9F))
        return 0;  // zero-width characters, soft hyphen, C1 controls
    return cp;
}

// ---------------------------------------------------------------------------
// Spaces in front of numbering labels. A space between Han characters is
// letter-spacing noise, except where it is the only trace of a label:
//  - `一 完善知识产权制度`: a level-1 heading whose 、 was lost (line start);
//  - a flattened article (one very long line, line breaks lost in PDF or web
//    extraction): `…制定本计划。 一 完善… （一）… 10. 研究…` keeps the space
//    before each inline label so that reflow_long_lines() can cut there.

bool is_cn_numeral_cp(char32_t c) {
    switch (c) {
        case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
        case U'八': case U'九': case U'十':
            return true;
        default:
            return false;
    }
}

// `line[i]` (raw text) opens a numbering label: 一、 / 一␣X, （一）/(一),
// 1. 1． 1、 1) 1）(not 2.5), 附件.
bool label_ahead(std::string_view line, std::size_t i) {
    std::string_view r = line.substr(i);
    if (starts_with(r, "附件"sv)) return true;
    std::size_t k = 0;
    int n = 0;
    while (k < r.size() && n < 4) {
        std::size_t j = k;
        if (!is_cn_numeral_cp(ustr::next(r, j))) break;
        k = j;
        ++n;
    }
    if (n > 0 && n <= 3) {
        if (starts_with(r.substr(k), "、"sv)) return true;
        std::size_t j = k, sp = 0;
        for (;; ++sp) {  // spaces, ideographic spaces
            if (j < r.size() && r[j] == ' ') {
                ++j;
            } else if (starts_with(r.substr(j), "\u3000"sv)) {
                j += 3;
            } else {
                break;
            }
        }
        return sp > 0 && j < r.size() && ustr::is_han(ustr::first(r.substr(j)));
    }
    if (n > 0) return false;
    if (starts_with(r, "（"sv) || starts_with(r, "("sv)) {
        std::size_t j = starts_with(r, "("sv) ? 1 : 3;
        std::size_t m = 0;
        while (j < r.size() && m < 4) {
            std::size_t t = j;
            if (!is_cn_numeral_cp(ustr::next(r, t))) break;
            j = t;
            ++m;
        }
        return m > 0 && m <= 3 && (starts_with(r.substr(j), "）"sv) || starts_with(r.substr(j), ")"sv));
    }
    std::size_t d = 0;
    while (d < r.size() && d < 4 && r[d] >= '0' && r[d] <= '9') ++d;
    if (d == 0 || d > 3) return false;
    std::size_t j = d;
    while (j < r.size() && r[j] == ' ') ++j;
    std::string_view after = r.substr(j);
    if (starts_with(after, "．"sv) || starts_with(after, "、"sv) || starts_with(after, "）"sv)) return true;
    if (starts_with(after, "."sv) || starts_with(after, ")"sv))
        return !(after.size() > 1 && after[1] >= '0' && after[1] <= '9');
    return false;
}

// True when `out` so far ends in a run of one to three Chinese numerals
// that opens the line or, in a flattened line (`mid_line`), follows a
// space, 。, ； or ）: a heading label `一 完善…` whose 、 was lost.
bool ends_in_heading_numeral(std::string_view s, bool mid_line) {
    std::size_t end = s.size(), n = 0;
    while (end > 0 && n < 4) {
        std::size_t b = ustr::char_start(s, end);
        std::size_t t = b;
        if (!is_cn_numeral_cp(ustr::next(s, t))) break;
        end = b;
        ++n;
    }
    if (n == 0 || n > 3) return false;
    if (end == 0) return true;
    if (!mid_line) return false;
    std::string_view before = s.substr(0, end);
    return ends_with(before, " "sv) || ends_with(before, "。"sv) || ends_with(before, "；"sv) ||
           ends_with(before, "）"sv);
}

// True when `s` ends in a level-1 heading `一、工作要求` (short, no sentence
// punctuation) that opens the line or follows a space, 。, ； or ）: in a
// flattened line the space after it is where the heading's line ended
// (`五、工作要求 各省…`).
bool ends_in_heading(std::string_view s) {
    std::size_t end = s.size();
    for (int n = 0; n <= 40 && end > 0; ++n) {
        std::size_t b = ustr::char_start(s, end);
        std::size_t t = b;
        const char32_t c = ustr::next(s, t);
        if (c == U'、') return n >= 2 && ends_in_heading_numeral(s.substr(0, b), true);
        if (c == ' ' || c == U'。' || c == U'；' || c == U'：' || c == ':' || c == U'？' || c == U'！') return false;
        end = b;
    }
    return false;
}

// Lines at least this long (code points) are flattened articles.
constexpr std::size_t kFlattenedLine = 200;

// One line (no '\n'): character normalisation and spacing.
void normalise_line_chars(std::string_view line, std::string& out) {
    // Output is written through a raw pointer. Every mapping keeps or
    // shrinks the byte count (a kept space stands for at least one consumed
    // space) except an ill-formed byte, which grows to a 3-byte U+FFFD: the
    // slow path makes room before writing.
    out.resize(line.size() + 16);
    char* o = out.data();
    bool pending_space = false;
    Cls prev = Cls::None;
    std::size_t i = 0;
    const std::size_t n = line.size();
    const bool flattened = n >= kFlattenedLine && ustr::length(line) >= kFlattenedLine;
    // A space that would be dropped survives in front of a label (see
    // label_ahead): after a heading numeral at the line start, or anywhere
    // in a flattened line.
    auto keep_space = [&](std::size_t at) {
        if (flattened && (label_ahead(line, at) || ends_in_heading(std::string_view(
                                                        out.data(), static_cast<std::size_t>(o - out.data())))))
            return true;
        return prev == Cls::Cjk && ustr::is_han(ustr::first(line.substr(at))) &&
               ends_in_heading_numeral(std::string_view(out.data(), static_cast<std::size_t>(o - out.data())),
                                       flattened);
    };
    while (i < n) {
        const auto b = static_cast<unsigned char>(line[i]);
        // Fast path: printable ASCII other than space and '*'. (Both fast
        // paths leave the room check to the slow path unless room is short:
        // an ill-formed byte earlier may have used up the slack.)
        if (b > 0x20 && b < 0x7F && b != '*' && out.data() + out.size() - o >= 8) {
            const Cls cls = classify(b);
            if (pending_space) {
                if (!drop_space_between(prev, cls) || keep_space(i)) *o++ = ' ';
                pending_space = false;
            }
            *o++ = static_cast<char>(b);
            prev = cls;
            ++i;
            continue;
        }
        // Fast path: a CJK unified ideograph (U+4E00..U+9FFF, lead byte
        // E4..E9), most of every line, or the CJK punctuation that is kept
        // as printed (、。「」《》 U+3001..303F; ！（），：；？ and the like in
        // U+FF01..FF1F, not ％ or full-width digits): kept as is, class Cjk.
        if (((b >= 0xE4 && b <= 0xE9) || b == 0xE3 || b == 0xEF) && i + 2 < n &&
            out.data() + out.size() - o >= 8) {
            const auto* q = reinterpret_cast<const unsigned char*>(line.data()) + i;
            const unsigned char b1 = q[1], b2 = q[2];
            const char32_t cp = ustr::decode3(q);
            const bool kept = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3001 && cp <= 0x303F) ||
                              (cp >= 0xFF01 && cp <= 0xFF0F && cp != 0xFF05) || (cp >= 0xFF1A && cp <= 0xFF1F);
            if (ustr::is_trail(b1) && ustr::is_trail(b2) && kept) {
                if (pending_space) {
                    if (!drop_space_between(prev, Cls::Cjk) || keep_space(i)) *o++ = ' ';
                    pending_space = false;
                }
                *o++ = static_cast<char>(b);
                *o++ = static_cast<char>(b1);
                *o++ = static_cast<char>(b2);
                prev = Cls::Cjk;
                i += 3;
                continue;
            }
        }
        if (b == '*' && i + 1 < n && line[i + 1] == '*') {  // leaked markdown emphasis
            i += 2;
            continue;
        }
        if (static_cast<std::size_t>(out.data() + out.size() - o) < 8) {
            const std::size_t used = static_cast<std::size_t>(o - out.data());
            out.resize(out.size() * 2 + 16);
            o = out.data() + used;
        }
        const std::size_t start = i;
        const char32_t raw = ustr::next(line, i);
        const char32_t cp = map_char(raw);
        if (cp == 0) continue;
        if (cp == ' ') {
            if (prev != Cls::None) pending_space = true;
            continue;
        }
        if (cp == '\t') {
            *o++ = '\t';
            pending_space = false;
            prev = Cls::None;
            continue;
        }
        const Cls cls = classify(cp);
        if (pending_space) {
            if (!drop_space_between(prev, cls) || keep_space(start)) *o++ = ' ';
            pending_space = false;
        }
        if (cp == raw && raw != 0xFFFD) {
            for (std::size_t k = start; k < i; ++k) *o++ = line[k];
        } else {
            std::string tmp;
            ustr::append(tmp, cp);
            for (char ch : tmp) *o++ = ch;
        }
        prev = cls;
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    // Trailing empty table cells.
    while (!out.empty() && out.back() == '\t') out.pop_back();
    // `109 . 深入推进` -> `109. 深入推进`: a label's number split from its dot.
    std::size_t d = 0;
    while (d < out.size() && d < 4 && out[d] >= '0' && out[d] <= '9') ++d;
    if (d > 0 && d < out.size() && out[d] == ' ') {
        std::size_t k = d;
        while (k < out.size() && out[k] == ' ') ++k;
        std::string_view rest(out.data() + k, out.size() - k);
        if (starts_with(rest, "."sv) || starts_with(rest, "．"sv) || starts_with(rest, "、"sv)) {
            if (!(rest.size() > 1 && rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9'))
                out.erase(d, k - d);
        }
    }
}

// ---------------------------------------------------------------------------
// Page furniture

constexpr std::array<std::string_view, 36> kHeaderWords = {
    "任务清单"sv, "落实举措"sv, "责任部门"sv, "执行部门"sv, "完成时间"sv, "牵头单位"sv,
    "配合单位"sv, "序号"sv,     "主要任务"sv, "工作任务"sv, "具体措施"sv, "责任单位"sv,
    "时间进度"sv, "完成时限"sv, "牵头部门"sv, "配合部门"sv, "参与单位"sv, "重点任务"sv,
    "工作内容"sv, "任务内容"sv, "工作措施"sv, "备注"sv,     "责任处室"sv, "进度安排"sv,
    "时间安排"sv, "工作举措"sv, "具体任务"sv, "任务分工"sv, "时限要求"sv, "责任主体"sv,
    "主要内容"sv, "具体举措"sv, "牵头处室"sv, "协办单位"sv, "完成期限"sv, "时间节点"sv,
};

// Removes every space and tab.
std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != ' ' && c != '\t') out.push_back(c);
    return out;
}

bool is_dash(char32_t cp) {
    return cp == '-' || cp == '_' || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
           cp == 0x2012 || cp == 0x2500 || cp == 0xFF0D || cp == 0xFE63 || cp == 0xB7 ||
           cp == 0x2022 || cp == 0x2212 || cp == 0x30FC;
}

// Parses ASCII digits at s[i..]; returns count (0 if none) and the value.
std::size_t digits_at(std::string_view s, std::size_t i, long* value) {
    std::size_t k = i;
    long v = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k - i < 6) {
        v = v * 10 + (s[k] - '0');
        ++k;
    }
    if (value) *value = v;
    return k - i;
}

// Greedy segmentation of a squeezed line into header words; empty when it
// is not made only of them.
std::vector<std::string_view> header_words(std::string_view squeezed) {
    std::vector<std::string_view> words;
    std::string_view r = squeezed;
    while (!r.empty()) {
        std::string_view best;
        for (auto w : kHeaderWords)
            if (w.size() > best.size() && starts_with(r, w)) best = w;
        if (best.empty()) return {};
        words.push_back(best);
        r.remove_prefix(best.size());
    }
    return words;
}

// The kept header line: its words separated by one space, or by tabs when
// the original separated its cells by tabs.
std::string render_table_header(std::string_view raw) {
    std::string squeezed = squeeze(raw);
    std::string chars;
    normalise_line_chars(squeezed, chars);
    const char sep = raw.find('\t') != std::string_view::npos ? '\t' : ' ';
    std::string out;
    for (auto w : header_words(chars)) {
        if (!out.empty()) out.push_back(sep);
        out += w;
    }
    return out;
}

bool is_page_number(std::string_view line) {
    if (line.size() > 60) return false;
    {
        std::string_view t = trim_spaces(line);
        if (t.empty()) return false;
        const char32_t f = ustr::first(t);
        if (!(is_dash(f) || (f >= '0' && f <= '9') || f == U'第' || f == U'共' || f == 'P' ||
              f == 'p'))
            return false;
    }
    std::string s = squeeze(line);
    if (s.empty() || s.size() > 40) return false;
    std::string_view v = s;
    // — 12 —, - 12 -, ·12·
    {
        std::size_t i = 0, lead = 0;
        while (i < v.size()) {
            std::size_t j = i;
            if (!is_dash(ustr::next(v, j))) break;
            i = j;
            ++lead;
        }
        long num = 0;
        std::size_t nd = digits_at(v, i, &num);
        if (lead > 0 && nd >= 1 && nd <= 4) {
            std::size_t k = i + nd, trail = 0;
            while (k < v.size()) {
                std::size_t j = k;
                if (!is_dash(ustr::next(v, j))) break;
                k = j;
                ++trail;
            }
            if (trail > 0 && k == v.size()) return true;
        }
    }
    // 第 3 页, 第3页 共12页, 第3页/共12页, 共12页 第3页
    {
        std::string_view r = v;
        int parts = 0;
        while (!r.empty()) {
            if (starts_with(r, "第"sv) || starts_with(r, "共"sv))
                r.remove_prefix(3);
            else
                break;
            std::size_t nd = digits_at(r, 0, nullptr);
            if (nd == 0 || nd > 4) return false;
            r.remove_prefix(nd);
            if (!starts_with(r, "页"sv)) return false;
            r.remove_prefix(3);
            ++parts;
            for (std::string_view sep : {","sv, "，"sv, "/"sv, "、"sv}) {
                if (starts_with(r, sep)) {
                    r.remove_prefix(sep.size());
                    break;
                }
            }
        }
        if (parts > 0 && r.empty()) return true;
    }
    // 3/12
    {
        long a = 0, b = 0;
        std::size_t na = digits_at(v, 0, &a);
        if (na >= 1 && na <= 4 && na < v.size() && v[na] == '/') {
            std::size_t nb = digits_at(v, na + 1, &b);
            if (nb >= 1 && nb <= 4 && na + 1 + nb == v.size() && a >= 1 && a <= b) return true;
        }
    }
    // Page 3, Page 3 of 12
    {
        std::string low;
        for (char c : v) low.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        if (starts_with(low, "page")) {
            std::size_t i = 4;
            std::size_t nd = digits_at(low, i, nullptr);
            if (nd > 0) {
                i += nd;
                if (i == low.size()) return true;
                if (low.compare(i, 2, "of") == 0) {
                    std::size_t nd2 = digits_at(low, i + 2, nullptr);
                    if (nd2 > 0 && i + 2 + nd2 == low.size()) return true;
                }
            }
        }
    }
    return false;
}

// Navigation words of saved web pages.
bool is_nav_line(std::string_view line) {
    if (line.size() > 120) return false;
    {
        std::string_view t = trim_spaces(line);
        if (t.empty()) return false;
        const char32_t f = ustr::first(t);
        if (std::u32string_view(U"打关返收加分字扫【[大中小默首微Q标在下").find(f) ==
            std::u32string_view::npos)
            return false;
    }
    static constexpr std::array<std::string_view, 20> kStrong = {
        "打印"sv,   "打印本页"sv, "打印此页"sv, "打印文章"sv, "关闭"sv,     "关闭窗口"sv, "关闭本页"sv,
        "返回顶部"sv, "收藏"sv,   "加入收藏"sv, "分享"sv,     "分享到"sv,   "字号"sv,     "字体"sv,
        "扫一扫"sv, "【打印】"sv, "【关闭】"sv, "【关闭窗口】"sv, "【打印本页】"sv, "打印正文"sv,
    };
    static constexpr std::array<std::string_view, 12> kWeak = {
        "大"sv,   "中"sv,   "小"sv,     "默认"sv, "返回"sv,   "首页"sv,
        "微信"sv, "微博"sv, "QQ空间"sv, "标准"sv, "在手机上打开"sv, "下载"sv,
    };
    // Tokenise on spaces, tabs, |, ｜, 【】, [], ：, :, ·
    std::vector<std::string_view> tokens;
    std::size_t i = 0, start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) tokens.push_back(line.substr(start, end - start));
    };
    while (i < line.size()) {
        std::size_t j = i;
        char32_t cp = ustr::next(line, j);
        bool sep = cp == ' ' || cp == '\t' || cp == '|' || cp == 0xFF5C || cp == 0x3010 ||
                   cp == 0x3011 || cp == '[' || cp == ']' || cp == 0xFF1A || cp == ':' ||
                   cp == 0xB7 || cp == '/';
        if (sep) {
            flush(i);
            start = j;
        }
        i = j;
    }
    flush(line.size());
    if (tokens.empty()) return false;
    bool strong = false;
    for (auto t : tokens) {
        if (std::find(kStrong.begin(), kStrong.end(), t) != kStrong.end()) {
            strong = true;
        } else if (std::find(kWeak.begin(), kWeak.end(), t) == kWeak.end()) {
            return false;
        }
    }
    return strong;
}

bool is_footer_line(std::string_view line) {
    if (line.size() > 300 || ends_with(line, "。"sv) || ustr::length(line) > 100) return false;
    // One pass over the line; keys are compared only where their first
    // character occurs.
    bool has_bar = false, nav_word = false;
    auto owner_key = [](std::string_view r, std::string_view key) {
        if (!starts_with(r, key)) return false;
        std::string_view after = r.substr(key.size());
        return after.empty() || starts_with(after, "："sv) || starts_with(after, ":"sv) ||
               starts_with(after, " "sv) || starts_with(after, "©"sv);
    };
    std::size_t i = 0;
    while (i < line.size()) {
        std::string_view r = line.substr(i);
        const char32_t cp = ustr::next(line, i);
        switch (cp) {
            case '|': case U'｜': has_bar = true; break;
            case 'I': if (starts_with(r, "ICP备"sv) || starts_with(r, "ICP证"sv)) return true; break;
            case 'C': if (starts_with(r, "Copyright"sv) || starts_with(r, "COPYRIGHT"sv)) return true; break;
            case U'©': return true;
            case U'公': if (starts_with(r, "公网安备"sv)) return true; break;
            case U'网':
                if (starts_with(r, "网站标识码"sv) || owner_key(r, "网站管理"sv)) return true;
                if (starts_with(r, "网站地图"sv)) nav_word = true;
                break;
            case U'版':
                if (owner_key(r, "版权所有"sv)) return true;
                if (starts_with(r, "版权声明"sv)) nav_word = true;
                break;
            case U'主': if (owner_key(r, "主办单位"sv)) return true; break;
            case U'承': if (owner_key(r, "承办单位"sv)) return true; break;
            case U'技': if (owner_key(r, "技术支持"sv)) return true; break;
            case U'维': if (owner_key(r, "维护单位"sv)) return true; break;
            case U'联': if (starts_with(r, "联系我们"sv)) nav_word = true; break;
            case U'隐': if (starts_with(r, "隐私声明"sv)) nav_word = true; break;
            case U'免': if (starts_with(r, "免责声明"sv)) nav_word = true; break;
            case U'使': if (starts_with(r, "使用帮助"sv)) nav_word = true; break;
            default: break;
        }
    }
    if (nav_word && !has_bar) {
        // A lone 联系我们 / 网站地图 ... line.
        std::string_view t = trim_spaces(line);
        for (std::string_view key : {"联系我们"sv, "网站地图"sv, "版权声明"sv, "隐私声明"sv,
                                     "免责声明"sv, "使用帮助"sv})
            if (t == key) return true;
    }
    return nav_word && has_bar;
}

// Strips `字号：大 中 小` (with or without 【】) from inside a line, and a
// trailing `分享：`. Returns true when something was removed.
bool strip_inline_furniture(std::string& line) {
    bool changed = false;
    for (std::string_view key : {"字号"sv, "字体"sv}) {
        std::size_t p;
        while ((p = line.find(key)) != std::string::npos) {
            std::size_t b = p, e = p + key.size();
            if (b >= 3 && line.compare(b - 3, 3, "【") == 0) b -= 3;
            else if (b >= 1 && line[b - 1] == '[') b -= 1;
            std::string_view rest(line.data() + e, line.size() - e);
            std::size_t k = 0;
            if (starts_with(rest, "："sv)) k = 3;
            else if (starts_with(rest, ":"sv)) k = 1;
            int sizes = 0;
            for (;;) {
                while (k < rest.size() && rest[k] == ' ') ++k;
                std::string_view r = rest.substr(k);
                if (starts_with(r, "大"sv) || starts_with(r, "中"sv) || starts_with(r, "小"sv)) {
                    k += 3;
                    ++sizes;
                } else {
                    break;
                }
            }
            if (sizes < 3) break;
            std::string_view r = rest.substr(k);
            if (starts_with(r, "】"sv)) k += 3;
            else if (starts_with(r, "]"sv)) k += 1;
            line.erase(b, e + k - b);
            changed = true;
        }
    }
    std::string_view t = trim_spaces(line);
    for (std::string_view tail : {"分享："sv, "分享:"sv, "分享到："sv, "分享到:"sv}) {
        if (ends_with(t, tail) && t.size() > tail.size()) {
            line.resize(static_cast<std::size_t>(t.data() - line.data()) + t.size() - tail.size());
            changed = true;
            break;
        }
    }
    if (changed) {
        std::string_view tt = trim_spaces(line);
        line = std::string(tt);
    }
    return changed;
}

bool is_related_links(std::string_view line) {
    if (line.size() > 40) return false;
    std::string s = squeeze(line);
    return s == "相关链接" || s == "相关链接：" || s == "相关链接:" || s == "友情链接" ||
           s == "友情链接：" || s == "相关链接>>" || s == "【相关链接】";
}

// ---------------------------------------------------------------------------
// Traditional -> Simplified

// After t2s every 著 is left as 著 (OpenCC 1.1 dropped 著->着 because both
// are correct in some words). Traditional text writes the particle 着 as 著,
// so: 著 stays only in 著-words (著作, 著名, 显著 ...), else it becomes 着.
void fix_zhe(std::string& s) {
    static constexpr std::string_view kZhe = "著"sv;
    if (s.find(kZhe) == std::string::npos) return;
    static constexpr std::u32string_view kStrongPrev =
        U"随看接沿绕朝向带穿拿等听想说笑坐站躺走跑忙顺凭靠趁冲为本含味负载临挥跟盯守挂抱背举藏记瞒指试闹开亮活睡醒急忍衬奔围扶握捧戴跪骑唱读望盼护连满";
    static constexpr std::u32string_view kKeepNext = U"作名称述录书者有";
    static constexpr std::u32string_view kKeepPrev = U"显卓昭土名巨原专论编合译拙遗新大彰杰所撰宏力佳遗";
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    char32_t prev = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t cp = ustr::next(s, i);
        if (cp != U'著') {
            out.append(s, start, i - start);
            prev = cp;
            continue;
        }
        std::size_t j = i;
        char32_t next = j < s.size() ? ustr::next(s, j) : 0;
        char32_t next2 = j < s.size() ? ustr::next(s, j) : 0;
        bool keep;
        if (next == U'作' && (next2 == U'权' || next2 == U'者' || next2 == U'品'))
            keep = true;  // 著作权 / 著作者 / 著作品 whatever comes before
        else if (kStrongPrev.find(prev) != std::u32string_view::npos)
            keep = false;  // 随著 看著 沿著 本著 ...
        else if (kKeepNext.find(next) != std::u32string_view::npos ||
                 kKeepPrev.find(prev) != std::u32string_view::npos)
            keep = true;
        else
            keep = false;  // 著力 著手 著重 著眼 ...
        ustr::append(out, keep ? U'著' : U'着');
        prev = cp;
    }
    s = std::move(out);
}

// OpenCC's own Converter runs at about 1 MB/s here (marisa-trie lookups per
// character); the pipeline needs tens of MB/s. So OpenCC is used only to
// LOAD its dictionaries; the same algorithm (forward maximum matching
// segmentation on TSPhrases, then each conversion stage by maximum match,
// first dictionary of a group that matches wins) runs over hash maps here.
constexpr char32_t kTableSize = 0x30000;

class FastDict {
public:
    // `flags` is shared by up to 8 dictionaries: bit `bit` is set for every
    // code point that starts a key here. One 192 KB byte table stays in
    // cache where seven 768 KB root tables would not.
    FastDict(const opencc::Dict& dict, std::vector<std::uint8_t>& flags, unsigned bit)
        : flags_(flags), bit_(static_cast<std::uint8_t>(1u << bit)), root_(kTableSize, 0) {
        nodes_.push_back(-1);  // node 0 = "none"
        opencc::LexiconPtr lex = dict.GetLexicon();
        for (const auto& entry : *lex) {
            std::string key = entry->Key();
            // 著 alone is decided by fix_zhe() (TWVariantsRev would turn every
            // 著 outside its short exception list into 着: 土著 -> 土着).
            if (key.empty() || key == "著") continue;
            std::size_t i = 0;
            char32_t first = ustr::next(key, i);
            if (first >= kTableSize) continue;
            std::uint32_t node = root_[first];
            if (node == 0) {
                node = new_node();
                root_[first] = node;
                flags[first] |= bit_;
            }
            while (i < key.size()) {
                char32_t cp = ustr::next(key, i);
                auto [it, inserted] = edges_.try_emplace(edge(node, cp), 0);
                if (inserted) it->second = new_node();
                node = it->second;
            }
            if (nodes_[node] < 0) {
                nodes_[node] = static_cast<std::int32_t>(values_.size());
                values_.push_back(entry->GetDefault());
            }
        }
    }

    // Longest key at the start of `s`: its byte length and value, or 0.
    std::size_t match(std::string_view s, const std::string** value) const {
        std::size_t i = 0;
        char32_t first = ustr::next(s, i);
        if (first >= kTableSize || !(flags_[first] & bit_)) return 0;
        std::uint32_t node = root_[first];
        std::size_t best = 0;
        if (nodes_[node] >= 0) {
            best = i;
            *value = &values_[static_cast<std::size_t>(nodes_[node])];
        }
        while (i < s.size()) {
            char32_t cp = ustr::next(s, i);
            auto it = edges_.find(edge(node, cp));
            if (it == edges_.end()) break;
            node = it->second;
            if (nodes_[node] >= 0) {
                best = i;
                *value = &values_[static_cast<std::size_t>(nodes_[node])];
            }
        }
        return best;
    }

private:
    static std::uint64_t edge(std::uint32_t node, char32_t cp) {
        return (static_cast<std::uint64_t>(node) << 21) | cp;
    }
    std::uint32_t new_node() {
        nodes_.push_back(-1);
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    const std::vector<std::uint8_t>& flags_;
    std::uint8_t bit_;
    std::vector<std::uint32_t> root_;   // first code point -> trie node (0 = none)
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, cp) -> child
    std::vector<std::int32_t> nodes_;   // node -> index into values_, -1 = no key ends here
    std::vector<std::string> values_;
};

using DictGroupList = std::vector<const FastDict*>;

// One conversion stage over `in`: maximum match, first dictionary that
// matches wins (OpenCC's DictGroup::MatchPrefix). Returns whether anything
// was replaced by a different string.
bool convert_stage(const DictGroupList& group, std::string_view in, std::string& out) {
    bool changed = false;
    std::size_t i = 0;
    while (i < in.size()) {
        if (static_cast<unsigned char>(in[i]) < 0x80) {
            out.push_back(in[i++]);
            continue;
        }
        std::string_view rest = in.substr(i);
        std::size_t len = 0;
        const std::string* value = nullptr;
        for (const auto& d : group) {
            len = d->match(rest, &value);
            if (len) break;
        }
        if (len) {
            out += *value;
            changed = changed || in.compare(i, len, *value) != 0;
            i += len;
        } else {
            std::size_t j = i;
            ustr::next(in, j);
            out.append(in.data() + i, j - i);
            i = j;
        }
    }
    return changed;
}

class T2S {
public:
    std::string convert(std::string_view text) const {
        if (!stages_.empty()) return convert_fast(text);
        if (icu_) {
            std::unique_ptr<icu::Transliterator> t(icu_->clone());
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(
                icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
            t->transliterate(u);
            std::string out;
            u.toUTF8String(out);
            return out;
        }
        return std::string(text);
    }
    const std::string& engine() const { return engine_; }

    static const T2S& instance() {
        static const T2S t;  // loaded once, on first use; thread-safe
        return t;
    }

private:
    // True when some dictionary of `group` has a key starting inside `s`.
    static bool any_match(const DictGroupList& group, std::string_view s) {
        std::size_t i = 0;
        const std::string* value = nullptr;
        while (i < s.size()) {
            if (static_cast<unsigned char>(s[i]) >= 0x80) {
                for (const auto& d : group)
                    if (d->match(s.substr(i), &value)) return true;
            }
            ustr::next(s, i);
        }
        return false;
    }

    // The whole chain over one segment, the general way.
    void convert_segment(std::string_view segment, std::string& out) const {
        std::string a(segment), b;
        for (const auto& stage : stages_) {
            b.clear();
            convert_stage(stage, a, b);
            a.swap(b);
        }
        out += a;
    }

    std::string convert_fast(std::string_view text) const {
        std::string out;
        out.reserve(text.size());
        const FastDict& seg = *segmentation_;
        // With the chain [variants, TSPhrases+TSCharacters] and segments cut by
        // maximum match on TSPhrases, a segment the variant stage leaves alone
        // converts to the phrase's value (phrase segment) or character by
        // character through TSCharacters (TSPhrases matches nowhere inside a
        // run). Only segments touched by a variant go the general way.
        auto run = [&](std::size_t b, std::size_t e) {
            if (e <= b) return;
            std::string_view segment = text.substr(b, e - b);
            if (!fast_chain_ || any_match(stages_[0], segment))
                convert_segment(segment, out);
            else
                convert_stage(characters_, segment, out);
        };
        std::size_t i = 0, run_start = 0;
        const std::string* value = nullptr;
        while (i < text.size()) {
            if (static_cast<unsigned char>(text[i]) < 0x80) {
                ++i;
                continue;
            }
            std::size_t len = seg.match(text.substr(i), &value);
            if (len) {
                run(run_start, i);
                std::string_view segment = text.substr(i, len);
                if (!fast_chain_ || any_match(stages_[0], segment))
                    convert_segment(segment, out);
                else
                    out += *value;
                i += len;
                run_start = i;
            } else {
                ustr::next(text, i);
            }
        }
        run(run_start, text.size());
        return out;
    }

    T2S() {
        // OpenCC t2s with the Taiwan and Hong Kong variant tables first, so
        // that 衞, 綫 ... written the regional way are also converted.
        static constexpr const char* kConfig = R"({
  "name": "qingdan Traditional (any variant) to Simplified",
  "segmentation": { "type": "mmseg", "dict": { "type": "ocd2", "file": "TSPhrases.ocd2" } },
  "conversion_chain": [
    { "dict": { "type": "group", "dicts": [
        { "type": "ocd2", "file": "TWVariantsRevPhrases.ocd2" },
        { "type": "ocd2", "file": "HKVariantsRevPhrases.ocd2" },
        { "type": "ocd2", "file": "TWVariantsRev.ocd2" },
        { "type": "ocd2", "file": "HKVariantsRev.ocd2" } ] } },
    { "dict": { "type": "group", "dicts": [
        { "type": "ocd2", "file": "TSPhrases.ocd2" },
        { "type": "ocd2", "file": "TSCharacters.ocd2" } ] } }
  ]
})";
        for (const char* dir : {"/usr/share/opencc/", "/usr/local/share/opencc/",
                                "/opt/homebrew/share/opencc/"}) {
            try {
                opencc::Config config;
                opencc::ConverterPtr conv = config.NewFromString(kConfig, dir);
                if (conv && load(*conv)) {
                    engine_ = "OpenCC t2s+variants";
                    return;
                }
            } catch (...) {
            }
            stages_.clear();
            owned_.clear();
            fast_chain_ = false;
        }
        UErrorCode err = U_ZERO_ERROR;
        icu_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD,
                                                        err));
        if (U_FAILURE(err)) icu_.reset();
        engine_ = icu_ ? "ICU Traditional-Simplified" : "none";
    }

    bool load(const opencc::Converter& conv) {
        auto chain = conv.GetConversionChain();
        if (!chain) return false;
        flags_.assign(kTableSize, 0);
        unsigned bit = 0;
        auto mmseg = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(conv.GetSegmentation());
        if (!mmseg || !mmseg->GetDict()) return false;
        owned_.push_back(std::make_unique<FastDict>(*mmseg->GetDict(), flags_, bit++));
        segmentation_ = owned_.back().get();
        for (const auto& conversion : chain->GetConversions()) {
            DictGroupList group;
            auto dict = conversion->GetDict();
            std::list<opencc::DictPtr> dicts;
            if (auto g = std::dynamic_pointer_cast<opencc::DictGroup>(dict))
                dicts = g->GetDicts();
            else if (dict)
                dicts.push_back(dict);
            for (const auto& d : dicts) {
                if (bit >= 8) return false;
                owned_.push_back(std::make_unique<FastDict>(*d, flags_, bit++));
                group.push_back(owned_.back().get());
            }
            stages_.push_back(std::move(group));
        }
        // The fast path needs exactly our chain: [variants], [TSPhrases, TSCharacters].
        fast_chain_ = stages_.size() == 2 && stages_[1].size() == 2;
        if (fast_chain_) characters_ = {stages_[1][1]};
        return !stages_.empty();
    }

    std::vector<std::uint8_t> flags_;  // shared first-character table (see FastDict)
    std::vector<std::unique_ptr<FastDict>> owned_;
    std::vector<DictGroupList> stages_;
    const FastDict* segmentation_ = nullptr;
    DictGroupList characters_;  // TSCharacters alone (fast path)
    bool fast_chain_ = false;
    std::unique_ptr<icu::Transliterator> icu_;
    std::string engine_;
};

}  // namespace

// ---------------------------------------------------------------------------
// Public API

std::string normalise_chars(std::string_view s) {
    std::string out, line;
    out.reserve(s.size());
    std::size_t pos = 0;
    for (;;) {
        std::size_t e = s.find('\n', pos);
        std::string_view part = s.substr(pos, e == std::string_view::npos ? s.npos : e - pos);
        normalise_line_chars(part, line);
        out += line;
        if (e == std::string_view::npos) break;
        out.push_back('\n');
        pos = e + 1;
    }
    return out;
}

bool looks_traditional(std::string_view utf8) {
    // Cheap: a compiled-in set of Traditional-only and Simplified-only forms,
    // counted over (at most) the first few MB of Han characters.
    std::size_t trad = 0, simp = 0;
    std::size_t i = 0;
    const std::size_t limit = std::min<std::size_t>(utf8.size(), 4u << 20);
    while (i < limit) {
        if (static_cast<unsigned char>(utf8[i]) < 0xE4) {  // below U+4E00's lead byte
            ++i;
            continue;
        }
        char32_t cp = ustr::next(utf8, i);
        if (cp < 0x4E00 || cp > 0x9FFF) continue;
        if (script::is_traditional_only(cp))
            ++trad;
        else if (script::is_simplified_only(cp))
            ++simp;
        if (trad + simp >= 20000) break;
        // Stop early once one script leads by far more than any later text
        // could overturn in a document of this genre: most of the cost of a
        // Simplified file was this scan.
        if ((simp >= 256 && trad * 12 < simp) || (trad >= 256 && simp * 12 < trad)) break;
    }
    return trad > 0 && trad >= 3 * simp;
}

std::string to_simplified(std::string_view utf8) {
    const T2S& t2s = T2S::instance();
    std::string out;
    out.reserve(utf8.size());
    // Chunks of about 1 MB cut at line ends keep memory flat on big inputs.
    constexpr std::size_t kChunk = 1 << 20;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t end = std::min(utf8.size(), pos + kChunk);
        if (end < utf8.size()) {
            std::size_t nl = utf8.find('\n', end);
            end = nl == std::string_view::npos ? utf8.size() : nl + 1;
        }
        out += t2s.convert(utf8.substr(pos, end - pos));
        pos = end;
    }
    fix_zhe(out);
    return out;
}

bool is_table_header(std::string_view line) {
    if (line.size() > 200) return false;
    // Cheap rejection: the first character must start some header word.
    std::string_view t = trim_spaces(line);
    if (t.empty()) return false;
    // The header words' first characters, decoded once (every line is asked).
    static const std::vector<char32_t> kFirsts = [] {
        std::vector<char32_t> v;
        for (auto w : kHeaderWords) v.push_back(ustr::first(w));
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    if (!std::binary_search(kFirsts.begin(), kFirsts.end(), ustr::first(t))) return false;
    // Words separated by spaces/tabs (normalised text): no allocation.
    {
        std::string_view r = t;
        int words = 0;
        bool ok = true;
        while (!r.empty()) {
            while (!r.empty() && (r.front() == ' ' || r.front() == '\t')) r.remove_prefix(1);
            if (r.empty()) break;
            std::size_t best = 0;
            for (auto w : kHeaderWords)
                if (w.size() > best && starts_with(r, w)) best = w.size();
            if (best == 0) {
                ok = false;
                break;
            }
            r.remove_prefix(best);
            ++words;
        }
        if (ok) return words >= 2;
        if (t.find(' ') == std::string_view::npos) return false;
    }
    return header_words(squeeze(line)).size() >= 2;
}

bool is_page_furniture(std::string_view line) {
    std::string_view t = trim_spaces(line);
    if (t.empty()) return false;
    if (is_page_number(t) || is_nav_line(t) || is_footer_line(t)) return true;
    std::string copy(t);
    if (strip_inline_furniture(copy)) return trim_spaces(copy).empty() || is_nav_line(copy);
    return false;
}

NormalisedText normalise(std::string_view utf8) {
    NormalisedText result;
    // Pinyin glosses (工(gōng)業) go first: they would split words for
    // the script test and for every pattern after it (gloss.cpp).
    std::string unglossed;
    if (may_hold_glosses(utf8)) {
        unglossed = strip_glosses(utf8);
        utf8 = unglossed;
    }
    std::string converted;
    if (looks_traditional(utf8)) {
        result.script = "Hant";
        converted = to_simplified(utf8);
        utf8 = converted;
        const std::string& engine = T2S::instance().engine();
        if (engine == "none") {
            result.diagnostics.push_back({"warning", "no-t2s", 0,
                                          "the text is Traditional Chinese but no converter "
                                          "(OpenCC or ICU) could be loaded; left unconverted"});
        }
    }

    std::vector<Line>& lines = result.lines;
    std::string text;
    bool header_seen = false;
    TableRowReader rows;
    int line_no = 0;
    std::size_t pos = 0;
    const std::size_t n = utf8.size();
    while (pos < n) {
        // Lines end at LF, CRLF or a lone CR (decode() already made them LF).
        std::size_t e = pos;
        if (const void* lf = std::memchr(utf8.data() + pos, '\n', n - pos))
            e = static_cast<std::size_t>(static_cast<const char*>(lf) - utf8.data());
        else
            e = n;
        if (const void* cr = std::memchr(utf8.data() + pos, '\r', e - pos))
            e = static_cast<std::size_t>(static_cast<const char*>(cr) - utf8.data());
        std::string_view raw = utf8.substr(pos, e - pos);
        ++line_no;
        if (e < n && utf8[e] == '\r' && e + 1 < n && utf8[e + 1] == '\n') ++e;
        pos = e + 1;
        std::string piped;  // a table row (`| a | b |`, `a  b  c`, `a |`) read as `a\tb` (pipe_table.cpp)
        if (rows.read(raw, piped)) raw = piped;

        normalise_line_chars(raw, text);
        if (text.empty()) continue;
        if (is_table_header(text)) {
            if (header_seen) continue;
            header_seen = true;
            text = render_table_header(raw);
        } else {
            if (is_page_number(text) || is_nav_line(text) || is_footer_line(text)) continue;
            if (text.size() <= 200 &&
                (contains(text, "字号"sv) || contains(text, "字体"sv) || contains(text, "分享"sv)) &&
                strip_inline_furniture(text)) {
                if (text.empty() || is_nav_line(text)) continue;
            }
        }
        lines.push_back({text, line_no, line_no});
    }

    // 相关链接 and the short link lines after it, to the end (or to the first
    // long line, which is content again). One pass, in place.
    std::size_t w = 0;
    for (std::size_t k = 0; k < lines.size();) {
        if (is_related_links(lines[k].text)) {
            ++k;
            while (k < lines.size() &&
                   (ustr::length(lines[k].text) <= 40 || is_footer_line(lines[k].text)))
                ++k;
            continue;
        }
        if (w != k) lines[w] = std::move(lines[k]);
        ++w;
        ++k;
    }
    lines.resize(w);
    return result;
}

}  // namespace qingdan
