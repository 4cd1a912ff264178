// Deadlines and dates (qingdan/values.hpp): 2023年12月15日前 -> {2023-12-15, by},
// whole dates for signature lines, and completion clauses.
//
// A hand-written linear scan over UTF-32 code points; the rules are in
// docs/extraction.md; keep the two in step.

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

namespace {

// ---------------------------------------------------------------------------
// Dates

int days_in_month(int y, int m) {
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) {
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return leap ? 29 : 28;
    }
    return d[m - 1];
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month/day 0 = absent).
std::string iso_date(int y, int m, int d) {
    auto two = [](std::string& out, int v) {
        out.push_back('-');
        out.push_back(static_cast<char>('0' + (v / 10) % 10));
        out.push_back(static_cast<char>('0' + v % 10));
    };
    std::string out = std::to_string(y);
    if (m > 0) {
        two(out, m);
        if (d > 0) two(out, d);
    }
    return out;
}

struct DateTok {
    std::size_t start = 0, end = 0;
    int year = 0;   // 0 = not printed
    int month = 0;  // 0 = none
    int day = 0;    // 0 = none; -1 = last day of the month
    bool year_end = false;  // 年底 / 年末
    bool period_end = false;  // 底, 末, 上半年, 季度, 旬: an end-of-period date
    int rel_year = 0;  // 今年 / 明年 offsets when the year is relative (1 = 今年, 2 = 明年)
};

// Small number for months/days: Arabic 1-2 digits or a Chinese numeral.
std::size_t scan_small(u32v s, std::size_t i, int& v, bool& chinese) {
    chinese = false;
    if (i >= s.size()) return i;
    if (is_ascii_digit(s[i])) {
        std::size_t j = i;
        int x = 0;
        while (j < s.size() && is_ascii_digit(s[j]) && j - i < 3) {
            x = x * 10 + static_cast<int>(s[j] - U'0');
            ++j;
        }
        if (j < s.size() && is_ascii_digit(s[j])) return i;
        v = x;
        return j;
    }
    std::size_t j = i;
    while (j < s.size() && (cn_digit(s[j]) > 0 || s[j] == U'十' || s[j] == U'〇' || s[j] == U'零') &&
           j - i < 3)
        ++j;
    if (j == i) return i;
    auto x = parse_cn(s.substr(i, j - i));
    if (!x) return i;
    v = static_cast<int>(*x);
    chinese = true;
    return j;
}

// Year: four Arabic digits or four Chinese digits, followed by 年 (not 年度/年代).
std::size_t scan_year(u32v s, std::size_t i, int& y) {
    std::size_t j = i;
    int v = 0;
    if (i < s.size() && is_ascii_digit(s[i])) {
        while (j < s.size() && is_ascii_digit(s[j])) {
            if (j - i < 5) v = v * 10 + static_cast<int>(s[j] - U'0');
            ++j;
        }
    } else {
        while (j < s.size() && cn_digit(s[j]) >= 0 && s[j] != U'两') {
            if (j - i < 5) v = v * 10 + cn_digit(s[j]);
            ++j;
        }
    }
    if (j - i != 4 || v < 1900 || v > 2199) return i;
    y = v;
    return j;
}

// Quarter / half-year after 年: 上半年, 下半年, 第一季度, 一季度, 第1季度, 三季度末.
std::size_t scan_year_part(u32v s, std::size_t j, DateTok& t) {
    if (at(s, j, U"上半年")) {
        t.month = 6;
        t.day = -1;
        t.period_end = true;
        return j + 3;
    }
    if (at(s, j, U"下半年")) {
        t.month = 12;
        t.day = -1;
        t.period_end = true;
        return j + 3;
    }
    std::size_t k = j;
    if (at(s, k, U"第")) ++k;
    if (k < s.size()) {
        int q = 0;
        if (s[k] >= U'1' && s[k] <= U'4') q = static_cast<int>(s[k] - U'0');
        else if (cn_digit(s[k]) >= 1 && cn_digit(s[k]) <= 4 && s[k] != U'两') q = cn_digit(s[k]);
        if (q && at(s, k + 1, U"季度")) {
            t.month = q * 3;
            t.day = -1;
            t.period_end = true;
            // 三季度末前: the quarter's end is the quarter's date.
            return at(s, k + 3, U"末") || at(s, k + 3, U"底") ? k + 4 : k + 3;
        }
    }
    return j;
}

// Month [day | 底 | 末 | 旬] starting at j. Returns j when there is none.
std::size_t scan_month(u32v s, std::size_t j, DateTok& t, bool have_year) {
    int m = 0;
    bool cn = false;
    std::size_t k = scan_small(s, j, m, cn);
    if (k == j || k >= s.size() || s[k] != U'月' || m < 1 || m > 12) return j;
    std::size_t e = k + 1;
    int d = 0;
    bool dcn = false;
    std::size_t k2 = scan_small(s, e, d, dcn);
    if (k2 != e && k2 < s.size() && (s[k2] == U'日' || s[k2] == U'号') && d >= 1 && d <= 31) {
        t.month = m;
        t.day = d;
        return k2 + 1;
    }
    if (at(s, e, U"底") || at(s, e, U"末")) {
        t.month = m;
        t.day = -1;
        t.period_end = true;
        return e + 1;
    }
    if (at(s, e, U"上旬") || at(s, e, U"中旬") || at(s, e, U"下旬")) {
        t.month = m;
        t.day = s[e] == U'上' ? 10 : s[e] == U'中' ? 20 : -1;
        t.period_end = true;
        return e + 2;
    }
    // a bare Chinese month without a year (一月...) is too ambiguous
    if (cn && !have_year) return j;
    t.month = m;
    return e;
}

bool is_range_dash(char32_t c) {
    return c == U'—' || c == U'–' || c == U'-' || c == U'－' || c == U'~' || c == U'～' ||
           c == U'至' || c == U'到';
}

constexpr u32v kByWords[] = {U"以前", U"之前", U"前"};
constexpr u32v kFromWords[] = {U"起", U"开始", U"以后"};
constexpr u32v kDoneWords[] = {U"全面完成", U"基本完成", U"完成",
                                            U"建成", U"出台", U"印发", U"实现"};
constexpr u32v kOnVerbs[] = {U"报送", U"提交", U"上报", U"报", U"完成"};
constexpr u32v kGroupJoin[] = {U"以及", U"和", U"、", U"及", U"与", U"或"};

// Labels of a completion column or line: the date after them is a limit.
// Labels of a time limit (完成时限：…); kLimitLabelsUtf8 below is the same
// list for UTF-8 text, with 办结时限 (ending in 时限, matched here already).
constexpr u32v kLimitLabels[] = {U"完成时限", U"完成时间", U"完成期限", U"时间节点", U"时限要求", U"时限"};

struct DeadlineScan {
    u32v s;
    std::optional<int> doc_year;
    std::vector<DateTok> toks;
    bool limits = false;  // the text is a completion field: a date standing alone is a limit

    bool closes_text(std::size_t pos) const {
        return pos == s.size() || s[pos] == U'。' || s[pos] == U'；' || s[pos] == U';' || s[pos] == U'）' ||
               s[pos] == U')' || s[pos] == U'\n';
    }

    // A date that is the whole text, or the whole of one of its ；-parts: in
    // a completion field (a 完成时限 cell: 2024年6月30日, 2024年9月；2024年12
    // 月) a limit, as under a 完成时限： label. (On a line of its own in a
    // document it is the date the document was signed.)
    bool whole_part(std::size_t from, std::size_t to) const {
        auto edge = [](char32_t c) { return c == U'；' || c == U';' || c == U'\n'; };
        while (from > 0 && s[from - 1] == U' ') --from;
        while (to < s.size() && (s[to] == U' ' || s[to] == U'。')) ++to;
        return (from == 0 || edge(s[from - 1])) && (to == s.size() || edge(s[to]));
    }

    bool after_limit_label(std::size_t pos) const {
        while (pos > 0 && (s[pos - 1] == U' ' || s[pos - 1] == U'：' || s[pos - 1] == U':')) --pos;
        return !match_ending_at(s, pos, kLimitLabels).empty();
    }

    // Try a date token at i; returns false when there is none.
    bool token_at(std::size_t i, DateTok& t, std::size_t& skip_to) {
        t = DateTok{};
        t.start = i;
        char32_t c = s[i];
        // 三季度末前 / 4季度 without a printed year: the document's.
        if (at(s, i + 1, U"季度") && (i == 0 || !is_cn_numeral_char(s[i - 1])) && !(i > 0 && is_ascii_digit(s[i - 1]))) {
            if (std::size_t e = scan_year_part(s, i, t); e != i) {
                t.end = e;
                return true;
            }
        }
        if (is_ascii_digit(c) || cn_digit(c) >= 0 || c == U'十') return numeral_token(i, t, skip_to);
        // 第一季度 / 上半年 without a printed year: the document's
        if ((c == U'第' || c == U'上' || c == U'下') && (i == 0 || !is_cn_numeral_char(s[i - 1]))) {
            std::size_t e = scan_year_part(s, i, t);
            if (e != i) {
                t.end = e;
                return true;
            }
        }
        // 年底 / 年末 without a printed year (今年年底前, 年底前)
        if (c == U'年' && (at(s, i + 1, U"底") || at(s, i + 1, U"末"))) return year_end_token(i, t);
        return false;
    }

    // A date that starts with a numeral: a year (2023年…) or a bare month.
    bool numeral_token(std::size_t i, DateTok& t, std::size_t& skip_to) const {
        bool digit = is_ascii_digit(s[i]);
        // must not continue a longer number / code
        if (i > 0) {
            char32_t p = s[i - 1];
            if (digit && (is_ascii_alnum(p) || p == U'.' || p == U'/' || p == U'·')) return false;
            if (!digit && is_cn_numeral_char(p)) return false;
            if (p == U'第') return false;
        }
        int y = 0;
        std::size_t j = scan_year(s, i, y);
        if (j != i) return year_token(i, j, y, t, skip_to);
        std::size_t e = scan_month(s, i, t, false);
        if (e == i) return false;
        // a bare month needs a day/底 or context; checked by the caller
        t.end = e;
        return true;
    }

    // A printed year s[i, j) = y and what follows its 年 (底, 上半年, a month).
    bool year_token(std::size_t i, std::size_t j, int y, DateTok& t, std::size_t& skip_to) const {
        // ranges: 2021—2035年, 2022-2023年
        if (j < s.size() && is_range_dash(s[j]) && j + 1 < s.size() &&
            (is_ascii_digit(s[j + 1]) || cn_digit(s[j + 1]) >= 0)) {
            int y2 = 0;
            std::size_t j2 = scan_year(s, j + 1, y2);
            if (j2 != j + 1) {
                skip_to = j2;
                return false;
            }
        }
        if (i > 0 && is_range_dash(s[i - 1]) && i >= 2 && (is_ascii_digit(s[i - 2]) || cn_digit(s[i - 2]) >= 0))
            return false;
        if (j >= s.size() || s[j] != U'年') return false;
        if (at(s, j, U"年度") || at(s, j, U"年代") || at(s, j, U"年份")) return false;
        t.year = y;
        std::size_t e = j + 1;
        if (at(s, e, U"底") || at(s, e, U"末")) {
            t.year_end = true;
            t.period_end = true;
            t.end = e + 1;
            return true;
        }
        std::size_t e2 = scan_year_part(s, e, t);
        if (e2 != e) {
            t.end = e2;
            return true;
        }
        t.end = scan_month(s, e, t, true);
        return true;
    }

    // 年底 / 年末 at i without a printed year; 今年/明年 make it relative.
    bool year_end_token(std::size_t i, DateTok& t) const {
        if (i > 0) {
            char32_t p = s[i - 1];
            if (is_ascii_digit(p) || cn_digit(p) >= 0) return false;  // handled above
            if (p == U'今' || p == U'本' || p == U'当') {
                t.rel_year = 1;
                t.start = i - 1;
            } else if (p == U'明') {
                t.rel_year = 2;
                t.start = i - 1;
            } else if (p == U'年' && i >= 2) {
                char32_t pp = s[i - 2];
                if (pp == U'今' || pp == U'本' || pp == U'当') t.rel_year = 1;
                if (pp == U'明') t.rel_year = 2;
                if (t.rel_year) t.start = i - 2;
            } else if (p == U'每' || p == U'去' || p == U'前' || p == U'上') {
                return false;
            }
        }
        t.year_end = true;
        t.period_end = true;
        t.end = i + 2;
        return true;
    }

    // Every date token outside 《》 titles, in order.
    void tokenize() {
        std::size_t n = s.size();
        TitleMarks marks;
        for (std::size_t i = 0; i < n; ++i) {
            const char32_t c = s[i];
            if (!marks.outside(c)) continue;
            DateTok t;
            std::size_t skip = 0;
            if (token_at(i, t, skip)) {
                toks.push_back(t);
                i = t.end - 1;
            } else if (skip > i) {
                i = skip - 1;
            } else if (is_ascii_digit(c)) {
                while (i + 1 < n && is_ascii_digit(s[i + 1])) ++i;
            }
        }
    }

    // The last token of the group starting at k: A和B前, A、B前.
    std::size_t group_end(std::size_t k) const {
        std::size_t g = k;
        while (g + 1 < toks.size()) {
            u32v gap = s.substr(toks[g].end, toks[g + 1].start - toks[g].end);
            bool join = false;
            for (u32v w : kGroupJoin)
                if (gap == w) join = true;
            if (!join) break;
            ++g;
        }
        return g;
    }

    // The group's kind from its context ("by", "from", "on"; "" for none),
    // widening its text [ts, te) over the context words.
    std::string group_kind(const DateTok& first, const DateTok& last, std::size_t& ts, std::size_t& te) const {
        std::size_t n = s.size();
        std::string kind;
        // suffix context
        if (u32v w = match_at(s, last.end, kByWords); !w.empty()) {
            std::size_t after = last.end + w.size();
            bool numeral_after = w == U"前" && after < n &&
                                 (is_ascii_digit(s[after]) || is_cn_numeral_char(s[after]) || s[after] == U'期' ||
                                  s[after] == U'夕' || s[after] == U'后');
            if (!numeral_after) {
                kind = "by";
                te = after;
            }
        }
        if (kind.empty()) {
            if (u32v w = match_at(s, last.end, kFromWords); !w.empty()) {
                kind = "from";
                te = last.end + w.size();
                if (first.start > 0 && (s[first.start - 1] == U'自' || s[first.start - 1] == U'从'))
                    ts = first.start - 1;
            }
        }
        if (kind.empty() && (last.month || last.year_end)) {
            if (!match_at(s, last.end, kDoneWords).empty()) {
                kind = "by";
            }
        }
        if (kind.empty()) {
            for (u32v w : {u32v(U"截止到"), u32v(U"截止至"), u32v(U"截止")}) {
                if (ends_at(s, first.start, w)) {
                    kind = "by";
                    ts = first.start - w.size();
                    break;
                }
            }
        }
        // An end of a period that closes the text or a sentence (完成时限：
        // 2024年6月底 / …于6月底。) is a limit by itself — not one a comma
        // continues (截至2021年底，累计建成… is a status); nor is any date
        // under a 完成时限： label.
        if (kind.empty() && ((last.period_end && closes_text(last.end)) || after_limit_label(first.start) ||
                             (limits && whole_part(first.start, last.end))))
            kind = "by";
        if (kind.empty() && last.day > 0 && first.start > 0 && (s[first.start - 1] == U'于') &&
            !match_at(s, last.end, kOnVerbs).empty()) {
            kind = "on";
        }
        return kind;
    }

    // Deadlines for the group toks[k..g] of `kind` with text s[ts, te);
    // `carry` is the year of the previous dated token.
    void emit_group(std::size_t k, std::size_t g, const std::string& kind, std::size_t ts, std::size_t te,
                    int& carry, std::vector<Deadline>& out) const {
        // Each statement of a date counts (年底前报告… 年底前开展督查); only a
        // group's own tokens that give the same date again are merged.
        const std::size_t group_start = out.size();
        for (std::size_t q = k; q <= g; ++q) {
            const DateTok& t = toks[q];
            int y = t.year;
            if (!y && t.rel_year && doc_year) y = *doc_year + (t.rel_year - 1);
            if (!y) y = carry;
            if (!y && doc_year) y = *doc_year;
            if (t.year) carry = t.year;
            if (kind.empty() || !y) continue;
            // a bare month needs an explicit by/from context (前, 起)
            std::string date;
            if (t.year_end) {
                date = iso_date(y, 12, 31);
            } else if (t.month) {
                int d = t.day == -1 ? days_in_month(y, t.month) : t.day;
                if (d > days_in_month(y, t.month)) continue;
                date = iso_date(y, t.month, d);
            } else {
                // a year alone: only "2025年前" / "自2023年起"
                if ((kind != "by" && kind != "from") || q != g) continue;
                date = iso_date(y, 0, 0);
            }
            bool dup = false;
            for (std::size_t e = group_start; e < out.size(); ++e)
                if (out[e].date == date && out[e].kind == kind) dup = true;
            if (dup) continue;
            out.push_back(Deadline{encode(s.substr(ts, te - ts)), date, kind});
        }
    }

    void run(std::vector<Deadline>& out) {
        tokenize();
        int carry = 0;  // year of the previous dated token
        for (std::size_t k = 0; k < toks.size();) {
            std::size_t g = group_end(k);
            std::size_t ts = toks[k].start, te = toks[g].end;
            std::string kind = group_kind(toks[k], toks[g], ts, te);
            emit_group(k, g, kind, ts, te, carry, out);
            k = g + 1;
        }
    }
};

}  // namespace

namespace {

std::vector<Deadline> scan_deadlines(std::string_view text, std::optional<int> doc_year, bool limits) {
    std::vector<Deadline> out;
    // fast path: every date has a 年, a 月 or a 季度 (第一季度)
    if (text.find("年") == std::string_view::npos && text.find("月") == std::string_view::npos &&
        text.find("季度") == std::string_view::npos)
        return out;
    u32 s = decode_compact(text);
    DeadlineScan scan{s, doc_year, {}, limits};
    scan.run(out);
    return out;
}

}  // namespace

std::vector<Deadline> extract_deadlines(std::string_view text, std::optional<int> doc_year) {
    return scan_deadlines(text, doc_year, false);
}

std::vector<Deadline> extract_limits(std::string_view text, std::optional<int> doc_year) {
    return scan_deadlines(text, doc_year, true);
}

std::optional<std::string> parse_date(std::string_view text) {
    u32 s = decode_compact(text);
    if (s.empty()) return std::nullopt;
    // ISO-like: 2022-01-24, 2022/1/24, 2022.01.24
    if (s.size() >= 8 && is_ascii_digit(s[0])) {
        int y = 0, m = 0, d = 0;
        std::size_t i = 0;
        while (i < s.size() && is_ascii_digit(s[i]) && i < 5) y = y * 10 + static_cast<int>(s[i++] - U'0');
        if (i == 4 && i < s.size() && (s[i] == U'-' || s[i] == U'/' || s[i] == U'.')) {
            char32_t sep = s[i++];
            std::size_t ms = i;
            while (i < s.size() && is_ascii_digit(s[i]) && i - ms < 3) m = m * 10 + static_cast<int>(s[i++] - U'0');
            if (i - ms >= 1 && i - ms <= 2 && i < s.size() && s[i] == sep) {
                ++i;
                std::size_t ds = i;
                while (i < s.size() && is_ascii_digit(s[i]) && i - ds < 3) d = d * 10 + static_cast<int>(s[i++] - U'0');
                if (i == s.size() && i - ds >= 1 && i - ds <= 2 && m >= 1 && m <= 12 && d >= 1 &&
                    d <= days_in_month(y, m)) {
                    return iso_date(y, m, d);
                }
            }
            return std::nullopt;
        }
    }
    DeadlineScan scan{s, std::nullopt, {}};
    DateTok t;
    std::size_t skip = 0;
    if (!scan.token_at(0, t, skip) || t.end != s.size() || !t.year) return std::nullopt;
    if (t.year_end || t.period_end) return std::nullopt;
    if (t.month && t.day > days_in_month(t.year, t.month)) return std::nullopt;
    return iso_date(t.year, t.month, t.day);
}


}  // namespace qingdan

// ---------------------------------------------------------------------------
// Completion clauses
// ---------------------------------------------------------------------------

namespace qingdan {
namespace {

// Words a completion clause is made of, longest first. Status words say how
// long the work runs (持续推进, 长期坚持); the rest are the pieces of a time
// limit (2023年6月底前完成, 年内, 上半年) and connectives (并, 、).
constexpr std::string_view kCompletionWords[] = {
    "持续推进", "长期坚持", "长期推进", "持续开展", "持续实施", "持续落实", "常态化推进", "常态化开展",
    "逐步推进", "分步实施", "分阶段推进", "长期开展", "每年开展", "年底前", "年内", "今年", "明年", "每年",
    "逐年", "全年", "上半年", "下半年", "上旬", "中旬", "下旬", "季度", "以前", "之前", "开始", "完成",
    "推进", "坚持", "长期", "持续", "常态化", "逐步", "实施", "开展", "落实", "出台", "建成", "启动",
    "年底", "年末", "年初", "年中", "月底", "月末", "并", "和", "及", "前", "起", "至", "到", "底", "末",
    "年", "月", "日", "号", "第"};

// Status or time-limit words that make such a clause a completion (a bare
// 2021—2035年 is a period, not a completion).
constexpr std::string_view kCompletionMarkers[] = {"完成", "推进", "坚持", "长期", "持续", "年内", "前",
                                                   "底", "常态化", "每年", "起", "启动", "出台", "建成"};

bool is_date_char(char32_t c) {
    static constexpr std::u32string_view kDigits = U"0123456789〇零一二三四五六七八九十两";
    static constexpr std::u32string_view kJoin = U"—–-~～、，,/ ";
    return kDigits.find(c) != std::u32string_view::npos || kJoin.find(c) != std::u32string_view::npos;
}

}  // namespace

// Only completion words and date characters.
static bool only_time_words(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const std::string_view rest = std::string_view(s).substr(i);
        size_t len = 0;
        for (std::string_view w : kCompletionWords)
            if (rest.starts_with(w)) {
                len = w.size();
                break;
            }
        if (len == 0) {
            size_t j = i;
            if (!is_date_char(ustr::next(s, j))) return false;
            len = j - i;
        }
        i += len;
    }
    return true;
}

bool is_completion_phrase(std::string_view text) {
    const std::string s = ustr::squeeze(text);
    bool marker = false;
    for (std::string_view m : kCompletionMarkers) marker = marker || s.find(m) != std::string::npos;
    return marker && !s.empty() && only_time_words(s);
}

std::size_t limit_label_length(std::string_view s) {
    static constexpr std::string_view kLimitLabelsUtf8[] = {"完成时限", "完成时间", "完成期限", "办结时限",
                                                            "时间节点", "时限要求", "时限"};
    for (std::string_view label : kLimitLabelsUtf8) {
        if (!s.starts_with(label)) continue;
        const std::string_view rest = s.substr(label.size());
        if (rest.starts_with("：")) return label.size() + 3;
        if (rest.starts_with(":")) return label.size() + 1;
        return 0;
    }
    return 0;
}

std::optional<std::string> completion_value(std::string_view part, bool bare_dates) {
    std::string s = ustr::squeeze(ustr::trim(part));
    while (ustr::ends_with(s, "。") || ustr::ends_with(s, "；")) s.resize(s.size() - 3);
    const std::size_t label = limit_label_length(s);
    const bool labelled = label > 0;
    s.erase(0, label);
    if (s.empty()) return std::nullopt;
    if (is_completion_phrase(s)) return s;
    // A bare date or period needs a digit of its own: 年 alone is no date.
    const bool dated = std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                       s.find("年") != std::string::npos;
    if ((labelled || bare_dates) && dated && only_time_words(s)) return s;
    return std::nullopt;
}

}  // namespace qingdan

