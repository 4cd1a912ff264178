// Stage 2b: joining lines wrapped inside a sentence back into paragraphs
// (see docs/normalisation.md, "Joining wrapped lines"). Used by the prose
// model and `qingdan text`; the table model works on the unjoined lines.
//
// Hand-written over UTF-8 (no regex), like normalise.cpp.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "qingdan/normalise.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

using namespace std::string_view_literals;

// ---------------------------------------------------------------------------
// UTF-8 helpers

std::size_t cp_count(std::string_view s) { return ustr::length(s); }

char32_t last_cp(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return ustr::next(s, i);
}

char32_t first_cp(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = 0;
    return ustr::next(s, i);
}

inline char32_t next_cp(std::string_view s, std::size_t& i) { return ustr::next(s, i); }

using ustr::ends_with;
using ustr::starts_with;

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// ---------------------------------------------------------------------------
// join_wrapped helpers

bool is_cn_numeral(char32_t cp) {
    return std::u32string_view(U"一二三四五六七八九十百零〇两").find(cp) != std::u32string_view::npos;
}

bool starts_with_label(std::string_view s) {
    s = trim_spaces(s);
    if (s.empty()) return false;
    std::size_t i = 0;
    char32_t c = next_cp(s, i);
    if (is_cn_numeral(c)) {  // 一、
        while (i < s.size()) {
            std::size_t j = i;
            char32_t d = next_cp(s, j);
            if (!is_cn_numeral(d)) break;
            i = j;
        }
        return starts_with(s.substr(i), "、"sv);
    }
    if (c == U'（' || c == U'(') {  // （一） (一) （1） (1)
        std::size_t k = i, n = 0;
        while (k < s.size()) {
            std::size_t j = k;
            char32_t d = next_cp(s, j);
            if (!(is_cn_numeral(d) || (d >= '0' && d <= '9'))) break;
            k = j;
            ++n;
        }
        if (n == 0 || n > 4 || k >= s.size()) return false;
        std::size_t j = k;
        char32_t close = next_cp(s, j);
        return close == U'）' || close == U')';
    }
    if (c >= '0' && c <= '9') {  // 1. 1． 1、 (not 2.5, not 2022年)
        std::size_t k = 0;
        while (k < s.size() && k < 4 && s[k] >= '0' && s[k] <= '9') ++k;
        while (k < s.size() && s[k] == ' ') ++k;
        std::string_view r = s.substr(k);
        if (starts_with(r, "."sv)) return !(r.size() > 1 && r[1] >= '0' && r[1] <= '9');
        return starts_with(r, "．"sv) || starts_with(r, "、"sv);
    }
    if (c >= 0x2460 && c <= 0x2473) return true;  // ①..⑳
    if (c == U'第') {                             // 第一条 / 第三章
        std::size_t k = i, n = 0;
        while (k < s.size()) {
            std::size_t j = k;
            char32_t d = next_cp(s, j);
            if (!(is_cn_numeral(d) || (d >= '0' && d <= '9'))) break;
            k = j;
            ++n;
        }
        if (n == 0 || k >= s.size()) return false;
        std::size_t j = k;
        char32_t unit = next_cp(s, j);
        return unit == U'条' || unit == U'章' || unit == U'节' || unit == U'部';
    }
    return starts_with(s, "——"sv) || starts_with(s, "附件"sv);
}

std::string_view strip_closing_quotes(std::string_view s) {
    for (;;) {
        s = trim_spaces(s);
        bool stripped = false;
        for (std::string_view q : {"”"sv, "’"sv, "」"sv, "』"sv, "\""sv}) {
            if (ends_with(s, q)) {
                s.remove_suffix(q.size());
                stripped = true;
            }
        }
        if (!stripped) return s;
    }
}

bool ends_sentence(std::string_view s) {
    s = strip_closing_quotes(s);
    if (s.empty()) return true;
    char32_t c = last_cp(s);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == '!' ||
        c == '?' || c == ';' || c == ':' || c == U'…')
        return true;
    if (c == U'）' || c == ')') {
        // （条法司负责） closes a task; other parentheses need not.
        std::size_t open = 0;
        std::size_t a = s.rfind("（"sv), b = s.rfind('(');
        if (a != std::string_view::npos) open = a;
        if (b != std::string_view::npos && b > open) open = b;
        std::string_view inside = s.substr(open);
        return contains(inside, "负责"sv) || contains(inside, "牵头"sv);
    }
    return false;
}

bool ends_with_title_noun(std::string_view s) {
    s = trim_spaces(s);
    // drop a trailing （2023） / (2023)
    if (ends_with(s, "）"sv) || ends_with(s, ")"sv)) {
        std::size_t open = s.rfind("（"sv);
        if (open == std::string_view::npos) open = s.rfind('(');
        if (open != std::string_view::npos && s.size() - open <= 14) s = s.substr(0, open);
    }
    static constexpr std::array<std::string_view, 18> kNouns = {
        "通知"sv, "方案"sv, "计划"sv, "清单"sv, "指引"sv, "意见"sv, "纲要"sv, "规划"sv, "办法"sv,
        "要点"sv, "规定"sv, "细则"sv, "报告"sv, "决定"sv, "公告"sv, "通报"sv, "函"sv,   "指南"sv,
    };
    for (auto n : kNouns)
        if (ends_with(s, n)) return true;
    return false;
}

bool ends_with_issuer(std::string_view s) {
    s = trim_spaces(s);
    for (auto n : {"局"sv, "办公室"sv, "委员会"sv, "政府"sv, "部"sv, "院"sv, "厅"sv, "委"sv,
                   "会议"sv, "中心"sv, "代章）"sv})
        if (ends_with(s, n)) return true;
    return false;
}

bool ends_with_continuation(std::string_view s) {
    s = trim_spaces(s);
    char32_t c = last_cp(s);
    return c == U'，' || c == U'、' || c == ',' || c == U'（' || c == '(' || c == U'《' ||
           c == U'“' || c == '-' || c == U'—';
}

// A heading, a title, a signature or a date line: never continued by the next.
bool title_like(std::string_view s) {
    if (ends_with_continuation(s)) return false;
    std::size_t n = cp_count(trim_spaces(s));
    if (n <= 20) return true;
    if (starts_with_label(s) && n <= 40) return true;
    if (ends_with_title_noun(s) && n <= 60) return true;
    if (ends_with_issuer(s) && n <= 30) return true;
    return false;
}

bool ascii_alnum(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::vector<Line> join_wrapped(const std::vector<Line>& lines) {
    std::vector<Line> out;
    out.reserve(lines.size());
    bool last_joinable = false;  // may out.back() be continued?
    for (const Line& l : lines) {
        bool has_tab = l.text.find('\t') != std::string::npos;
        if (!out.empty() && last_joinable && !has_tab && !starts_with_label(l.text)) {
            Line& p = out.back();
            if (ascii_alnum(last_cp(p.text)) && ascii_alnum(first_cp(l.text))) p.text.push_back(' ');
            p.text += l.text;
            p.line_end = l.line_end;
            last_joinable = !ends_sentence(p.text);
            continue;
        }
        out.push_back(l);
        last_joinable = !has_tab && !ends_sentence(l.text) && !title_like(l.text);
    }
    return out;
}

}  // namespace qingdan
