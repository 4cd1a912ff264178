// Numbers, quantitative targets, deadlines and scope clauses (qingdan/values.hpp).
//
// Everything here is a hand-written linear scan over UTF-32 code points: no
// regex is built, nothing is allocated per character. The rules are described
// in docs/extraction.md; keep the two in step.
#include "values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ustr.hpp"

namespace qingdan {
namespace {

using u32 = std::u32string;
using u32v = std::u32string_view;

// ---------------------------------------------------------------------------
// UTF-32 -> UTF-8

// The text layer's encoder, under the name this file reads best with.
std::string encode(u32v s) { return ustr::to_u8(s); }

// ---------------------------------------------------------------------------
// Character classes

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_ascii_alnum(char32_t c) { return is_ascii_digit(c) || is_ascii_alpha(c); }
using ustr::is_space;

int cn_digit(char32_t c) {
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

long long cn_mult(char32_t c) {
    switch (c) {
        case U'十': return 10;
        case U'百': return 100;
        case U'千': return 1000;
        case U'万': return 10000;
        case U'亿': return 100000000;
        default: return 0;
    }
}

bool is_cn_numeral_char(char32_t c) { return cn_digit(c) >= 0 || cn_mult(c) != 0; }

// Ends a clause: where a metric starts and a group of dates stops.
bool is_clause_break(char32_t c) {
    switch (c) {
        case U'，': case U'。': case U'；': case U'：': case U'！': case U'？':
        case U',': case U';': case U':': case U'!': case U'?':
        case U'\n': case U'\t': case U'\r':
            return true;
        default:
            return false;
    }
}

bool is_punct(char32_t c) {
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

bool at(u32v s, std::size_t pos, u32v w) {
    return pos <= s.size() && s.size() - pos >= w.size() && s.compare(pos, w.size(), w) == 0;
}

bool ends_at(u32v s, std::size_t end, u32v w) {
    return end <= s.size() && end >= w.size() && s.compare(end - w.size(), w.size(), w) == 0;
}

template <std::size_t N>
u32v match_at(u32v s, std::size_t pos, const u32v (&words)[N]) {
    for (u32v w : words)
        if (at(s, pos, w)) return w;
    return {};
}

template <std::size_t N>
u32v match_ending_at(u32v s, std::size_t end, const u32v (&words)[N]) {
    for (u32v w : words)
        if (ends_at(s, end, w)) return w;
    return {};
}

// Whitespace is dropped unless it separates two ASCII letters/digits: PDF
// line breaks and letter-spacing inside Chinese ("国家知识产权强 市建设",
// "在 2023 年底前") disappear, "45 45" stays two numbers. `ws_before[i]` says
// whether whitespace preceded out[i] in the input. Decodes and compacts in one
// pass (lenient UTF-8: an invalid byte becomes U+FFFD).
u32 decode_compact(std::string_view in, std::vector<bool>* ws_before = nullptr) {
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
    long long total = 0;     // completed 亿 / 万 sections
    long long section = 0;   // value below 万 being built
    long long big_last = 0;  // last 万/亿 seen (must decrease)
    long long small_last = 100000;  // last 十/百/千 in this section (must decrease)
    int pending = -1;        // digit waiting for its multiplier
    bool zero_seen = false;  // a 零 since the last multiplier
    long long last_mult = 0;
    for (char32_t c : s) {
        int d = cn_digit(c);
        if (d == 0) {
            if (pending > 0) return std::nullopt;  // "五零"
            zero_seen = true;
            pending = -1;
            continue;
        }
        if (d > 0) {
            if (pending >= 0) return std::nullopt;  // two digits in a row
            pending = d;
            continue;
        }
        long long m = cn_mult(c);
        if (m < 10000) {
            if (m >= small_last) return std::nullopt;
            long long k = pending >= 0 ? pending : 1;
            if (pending < 0 && zero_seen && m != 10) return std::nullopt;
            section += k * m;
            small_last = m;
            pending = -1;
            zero_seen = false;
            last_mult = m;
        } else {
            if (pending > 0) section += pending;
            if (section == 0 && total == 0) section = 1;  // bare 万 / 亿
            if (big_last && m >= big_last && !(m == 10000 && big_last == 100000000)) {
                return std::nullopt;
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
        }
    }
    if (pending > 0) {
        // colloquial tail: 一百五 = 150, 一万二 = 12000, 三千五 = 3500
        if (!zero_seen && last_mult >= 100) {
            section += pending * (last_mult / 10);
        } else {
            section += pending;
        }
    }
    return static_cast<double>(total + section);
}

// ---------------------------------------------------------------------------
// Targets

enum class Op { none, le, ge, eq, approx };

const char* op_str(Op op) {
    switch (op) {
        case Op::le: return "<=";
        case Op::ge: return ">=";
        case Op::eq: return "=";
        case Op::approx: return "~";
        default: return "";
    }
}

// Measure units, longest first where one is a prefix of another.
constexpr u32v kUnits[] = {
    U"个百分点", U"百分点", U"个工作日", U"工作日", U"个月", U"个", U"%", U"％", U"‰",
    U"小时", U"分钟", U"天", U"周", U"分", U"家", U"件", U"项", U"人次", U"人",
    U"次", U"所", U"座", U"批", U"篇", U"场", U"套", U"条", U"名", U"户", U"倍",
    U"元", U"美元", U"吨", U"平方米", U"公里", U"台"};
// Never a measure after a number: years, dates, ordinals-in-disguise.
constexpr u32v kNotUnits[] = {U"周年", U"周岁", U"个人", U"批次", U"分类"};  // 四分类: a kind, not 4 分
constexpr u32v kMultipliers[] = {U"万亿", U"万", U"亿", U"千"};

struct OpWord {
    u32v word;
    Op op;
    bool growth;  // stays in the metric (增长20% -> metric "...增长")
    bool object;  // verb + number + object: 新建20家X, 完成100家X
    bool weak;    // only with a suffix operator (在85分以上)
};

// Checked longest first (不超过 before 超过, 达到 before 达).
constexpr OpWord kPrefixOps[] = {
    {U"压减至", Op::le, false, false, false},   {U"压减到", Op::le, false, false, false},
    {U"压缩至", Op::le, false, false, false},   {U"压缩到", Op::le, false, false, false},
    {U"缩短至", Op::le, false, false, false},   {U"缩短到", Op::le, false, false, false},
    {U"降低至", Op::le, false, false, false},   {U"降低到", Op::le, false, false, false},
    {U"下降至", Op::le, false, false, false},   {U"下降到", Op::le, false, false, false},
    {U"减少至", Op::le, false, false, false},   {U"减少到", Op::le, false, false, false},
    {U"控制在", Op::le, false, false, false},   {U"不超过", Op::le, false, false, false},
    {U"不高于", Op::le, false, false, false},   {U"不多于", Op::le, false, false, false},
    {U"不低于", Op::ge, false, false, false},   {U"不少于", Op::ge, false, false, false},
    {U"稳定在", Op::eq, false, false, false},   {U"保持在", Op::eq, false, false, false},
    {U"维持在", Op::eq, false, false, false},   {U"提高到", Op::eq, false, false, false},
    {U"提高至", Op::eq, false, false, false},   {U"提升到", Op::eq, false, false, false},
    {U"提升至", Op::eq, false, false, false},   {U"增加到", Op::eq, false, false, false},
    {U"增加至", Op::eq, false, false, false},   {U"增长到", Op::eq, false, false, false},
    {U"增长至", Op::eq, false, false, false},   {U"扩大到", Op::eq, false, false, false},
    {U"扩大至", Op::eq, false, false, false},   {U"降至", Op::le, false, false, false},
    {U"增至", Op::eq, false, false, false},     {U"超过", Op::ge, false, false, false},
    {U"高于", Op::ge, false, false, false},     {U"突破", Op::ge, false, false, false},
    {U"低于", Op::le, false, false, false},     {U"少于", Op::le, false, false, false},
    {U"达到", Op::eq, false, false, false},     {U"达", Op::eq, false, false, false},
    {U"完成", Op::eq, false, true, false},      {U"实现", Op::eq, false, true, false},
    {U"新建", Op::eq, false, true, false},      {U"建成", Op::eq, false, true, false},
    {U"新增", Op::eq, false, true, false},      {U"培育", Op::eq, false, true, false},
    {U"覆盖", Op::eq, false, true, false},      {U"认定", Op::eq, false, true, false},
    {U"增长", Op::eq, true, false, false},      {U"提高", Op::eq, true, false, false},
    {U"提升", Op::eq, true, false, false},      {U"增加", Op::eq, true, false, false},
    {U"下降", Op::eq, true, false, false},      {U"降低", Op::eq, true, false, false},
    {U"减少", Op::eq, true, false, false},      {U"安排", Op::eq, false, true, false},
    {U"投入", Op::eq, false, true, false},      {U"筹集", Op::eq, false, true, false},
    {U"在", Op::none, false, false, true},
    {U"为", Op::none, false, false, true},      {U"至", Op::none, false, false, true},
};

// Object verbs that may stand a few characters before the number
// (实现全国31个省全覆盖).
constexpr u32v kGapVerbs[] = {U"实现", U"完成", U"新建", U"建成"};

// Verbs that license a Chinese-numeral quantity (新建二十家).
constexpr u32v kCnVerbs[] = {U"新建", U"建成", U"新增", U"培育", U"达到", U"完成",
                                          U"实现", U"压减至", U"压减到", U"不少于", U"不低于",
                                          U"超过", U"增加", U"认定"};

// Verbs of making or holding countable things: a clause they open that
// ends in a count is a target (新增知识产权快速维权中心3个, 建成…5家).
constexpr u32v kCountVerbs[] = {U"新增", U"新建", U"建成", U"建设", U"培育", U"打造", U"设立",
                                U"认定", U"遴选", U"组建", U"创建", U"举办", U"开展", U"布局",
                                U"招引", U"引进", U"改造", U"建立"};

constexpr u32v kLeadFillers[] = {U"力争", U"确保", U"争取", U"进一步", U"将", U"把", U"使", U"年内", U"全年", U"今年",
                                  U"每年", U"累计"};
// A metric does not start with a time (2021年新建..., 到2025年...).
std::size_t skip_leading_time(u32v s, std::size_t i, std::size_t lim) {
    std::size_t j = i;
    if (j < lim && (s[j] == U'到' || s[j] == U'至')) ++j;
    std::size_t d = j;
    while (d < lim && is_ascii_digit(s[d])) ++d;
    if (d - j != 4 || d >= lim || s[d] != U'年') return i;
    ++d;
    if (d < lim && (s[d] == U'底' || s[d] == U'末')) ++d;
    if (d < lim && s[d] == U'前') ++d;
    return d;
}

struct SuffixOp {
    u32v word;
    Op op;
};
constexpr SuffixOp kSuffixOps[] = {{U"以上", Op::ge},
                                                 {U"以内", Op::le},
                                                 {U"之内", Op::le},
                                                 {U"以下", Op::le},
                                                 {U"左右", Op::approx},
                                                 {U"上下", Op::approx},
                                                 {U"内", Op::le},
                                                 {U"多", Op::ge}};

// Characters that make a number part of a code, a URL, a range or a date
// written with separators (GB/T29490-2013, 4·26, 2022-01-24, 010-1234).
bool code_neighbour(char32_t c) {
    return is_ascii_alpha(c) || c == U'/' || c == U'-' || c == U'·' || c == U'.' || c == U'_' ||
           c == U'@' || c == U'#' || c == U'—' || c == U'–' || c == U'~' || c == U'～' ||
           c == U'－' || c == U'•' || c == U'\\' || c == U'=' || c == U'+';
}

// Skips what may open a clause before its metric: times (到2025年, 年内)
// and fillers (力争, 确保), in any order.
std::size_t skip_fillers(u32v s, std::size_t ms, std::size_t lim) {
    for (bool again = true; again;) {
        again = false;
        std::size_t t2 = skip_leading_time(s, ms, lim);
        if (t2 != ms) {
            ms = t2;
            again = true;
        }
        for (u32v f : kLeadFillers) {
            if (ms + f.size() <= lim && at(s, ms, f)) {
                ms += f.size();
                again = true;
            }
        }
    }
    return ms;
}

std::size_t clause_start(u32v s, std::size_t pos) {
    while (pos > 0 && !is_clause_break(s[pos - 1])) --pos;
    return pos;
}

std::size_t clause_end(u32v s, std::size_t pos) {
    while (pos < s.size() && !is_clause_break(s[pos])) ++pos;
    return pos;
}

// Completion verbs that close a clause a count opens (9项工程基本完成).
constexpr u32v kCountDone[] = {U"完成", U"建成", U"落地", U"投用", U"投产", U"开工", U"竣工"};

// The start of the thing counted in [cs, st) when a making verb opens the
// clause (after fillers) or stands inside it before the count; 0 for none.
std::size_t counted_object(u32v s, std::size_t cs, std::size_t st) {
    std::size_t v = skip_fillers(s, cs, st);
    if (u32v w = match_at(s, v, kCountVerbs); !w.empty()) return v + w.size();
    for (std::size_t k = v; k < st; ++k)
        if (u32v w = match_at(s, k, kCountVerbs); !w.empty() && k + w.size() < st) return k + w.size();
    return 0;
}

struct TargetScan {
    u32v s;
    std::vector<Target> out;

    // Candidate number s[st, en) with value v.
    void candidate(std::size_t st, std::size_t en, double v, bool chinese) {
        // ordinals and codes
        if (st > 0 && s[st - 1] == U'第') return;
        if (st > 0 && code_neighbour(s[st - 1])) return;
        if (en < s.size() && code_neighbour(s[en]) && !(s[en] == U'.' && chinese)) return;
        // unit
        std::size_t u = en;
        if (!match_at(s, u, kNotUnits).empty()) return;
        u32v mult = match_at(s, u, kMultipliers);
        std::size_t ue = u + mult.size();
        // 20亿级项目, 百亿级: a size class that says what is counted, not a target
        if (!mult.empty() && ue < s.size() && s[ue] == U'级') return;
        u32v unit = match_at(s, ue, kUnits);
        bool month_unit = false;
        if (unit.empty()) {
            // bare 月 is a date (12月) unless a duration operator follows (16月以内)
            if (ue < s.size() && s[ue] == U'月') {
                month_unit = true;
                unit = u32v(U"月");
            } else if (!mult.empty()) {
                unit = u32v();  // "3万" with no unit: value in 万
            } else {
                return;
            }
        }
        if (mult.empty() && unit.empty()) return;
        ue += unit.size();
        if (!match_at(s, ue - unit.size(), kNotUnits).empty()) return;
        // suffix operator
        Op suffix = Op::none;
        std::size_t te = ue;
        for (const auto& so : kSuffixOps) {
            if (at(s, ue, so.word)) {
                if (so.word == U"多" && chinese) continue;
                suffix = so.op;
                te = ue + so.word.size();
                break;
            }
        }
        if (month_unit && suffix == Op::none) return;
        // 一批 / 一系列 are vague quantifiers, not targets
        if (chinese && v == 1 && (unit == U"批" || unit == U"些")) return;
        // prefix operator, directly before the number (after 约 / 均)
        std::size_t pe = st;
        bool approx = false;
        if (ends_at(s, pe, U"约")) {
            approx = true;
            pe -= 1;
            if (ends_at(s, pe, U"大")) pe -= 1;
        }
        const OpWord* pw = nullptr;
        for (const auto& w : kPrefixOps) {
            if (ends_at(s, pe, w.word)) {
                pw = &w;
                break;
            }
        }
        if (chinese) {
            bool ok = false;
            for (u32v w : kCnVerbs)
                if (ends_at(s, st, w)) ok = true;
            if (!ok) return;
        }
        Op op = Op::none;
        bool object = false;
        std::size_t metric_end = pe;
        if (pw && !pw->weak) {
            op = pw->op;
            object = pw->object;
            if (!pw->growth && !pw->object) metric_end = pe - pw->word.size();
        } else if (pw && pw->weak) {
            metric_end = pe - pw->word.size();
        }
        if (suffix != Op::none) {
            op = suffix;
        } else if (approx) {
            op = Op::approx;
        }
        if (op == Op::none && !chinese) {
            // 实现全国31个省全覆盖: an object verb a few characters back
            std::size_t lim = st >= 4 ? st - 4 : 0;
            for (std::size_t k = st; k > lim; --k) {
                char32_t c = s[k - 1];
                if (is_punct(c) || is_ascii_digit(c) || is_cn_numeral_char(c)) break;
                u32v w = match_ending_at(s, k - 1, kGapVerbs);
                if (!w.empty()) {
                    op = Op::eq;
                    object = true;
                    break;
                }
            }
        }
        // 新增X3个: the count closes a clause (or one item of a 、 list of
        // counts) that a making verb opens or carries (全市累计建成5G基站1万个).
        std::size_t counted_from = 0;  // where the counted thing starts
        if (op == Op::none && !chinese && (clause_end(s, te) == te || s[te] == U'、')) {
            counted_from = counted_object(s, clause_start(s, st), st);
            if (counted_from) op = Op::eq;
        }
        // 9项重点工程建设目标基本完成: a clause opened by the count and closed
        // by a completion verb counts what is to be done.
        bool opens = false;
        if (op == Op::none && !chinese && skip_fillers(s, clause_start(s, st), st) == st) {
            u32v rest = s.substr(te, clause_end(s, te) - te);
            for (u32v w : kCountDone)
                if (rest.size() > w.size() && rest.substr(rest.size() - w.size()) == w) opens = true;
            if (opens) op = Op::eq, object = true;
        }
        const bool counted = counted_from != 0;
        if (op == Op::none) return;
        if (approx && suffix == Op::none) op = Op::approx;

        // metric: the clause before the number, minus the operator word
        std::size_t cs = clause_start(s, st);
        std::size_t ms = skip_fillers(s, cs, metric_end);
        if (metric_end < ms) metric_end = ms;
        // subject-predicate form: "完成X达到100家" -> metric X; 新增X3个 -> X
        if (!object) {
            for (u32v w : kGapVerbs) {
                if (ms + w.size() < metric_end && at(s, ms, w)) {
                    ms += w.size();
                    break;
                }
            }
        }
        if (counted) ms = std::max(ms, counted_from);
        // 建设10家左右X: only a verb before the count, the thing counted follows.
        if (!object && !counted && ms < metric_end && match_at(s, ms, kCountVerbs).size() == metric_end - ms) {
            ms = metric_end;
            object = true;
        }
        // trim a trailing 均/的 left before the operator
        std::size_t me = metric_end;
        while (me > ms && (s[me - 1] == U'均' || s[me - 1] == U'的')) --me;
        for (u32v f : {u32v(U"力争"), u32v(U"争取"), u32v(U"确保")})  // 授权量力争突破5万件
            if (me >= ms + f.size() && ends_at(s, me, f)) me -= f.size();
        std::u32string metric(s.substr(ms, me - ms));
        if (object) {
            std::size_t oe = clause_end(s, te);
            std::size_t os = te;
            if (os < oe && s[os] == U'的') ++os;
            metric.append(s.substr(os, oe - os));
            te = oe;
        }
        Target t;
        t.text = encode(s.substr(cs, te - cs));
        t.metric = encode(metric);
        t.op = op_str(op);
        t.value = v;
        std::u32string unit_txt(mult);
        unit_txt.append(unit);
        if (unit_txt == U"％") unit_txt = U"%";
        t.unit = encode(unit_txt);
        out.push_back(std::move(t));
    }

    void run() {
        int title = 0;  // inside 《》
        std::size_t n = s.size();
        for (std::size_t i = 0; i < n; ++i) {
            char32_t c = s[i];
            if (c == U'《') {
                ++title;
                continue;
            }
            if (c == U'》') {
                if (title > 0) --title;
                continue;
            }
            if (title > 0) continue;
            if (is_ascii_digit(c)) {
                double v = 0;
                std::size_t j = scan_arabic(s, i, v);
                candidate(i, j, v, false);
                i = j - 1;
                continue;
            }
            if (cn_digit(c) >= 0 || c == U'十' || c == U'百' || c == U'千') {
                std::size_t j = i;
                while (j < n && is_cn_numeral_char(s[j])) ++j;
                // a trailing 万/亿 belongs to the unit (二十万件), as with 20万件
                std::size_t k = j;
                while (k > i + 1 && (s[k - 1] == U'万' || s[k - 1] == U'亿')) --k;
                if (k != j) {
                    auto v = parse_cn(s.substr(i, k - i));
                    if (v) candidate(i, k, *v, true);
                    i = j - 1;
                    continue;
                }
                auto v = parse_cn(s.substr(i, j - i));
                if (v) candidate(i, j, *v, true);
                i = j - 1;
                continue;
            }
        }
    }
};

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

// Quarter / half-year after 年: 上半年, 下半年, 第一季度, 一季度, 第1季度.
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
            return k + 3;
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
constexpr u32v kLimitLabels[] = {U"完成时限", U"完成时间", U"完成期限", U"时间节点", U"时限要求", U"时限"};

struct DeadlineScan {
    u32v s;
    std::optional<int> doc_year;
    std::vector<DateTok> toks;

    bool closes_text(std::size_t pos) const {
        return pos == s.size() || s[pos] == U'。' || s[pos] == U'；' || s[pos] == U';' || s[pos] == U'）' ||
               s[pos] == U')' || s[pos] == U'\n';
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
        bool digit = is_ascii_digit(c);
        bool cnd = cn_digit(c) >= 0 || c == U'十';
        if (digit || cnd) {
            // must not continue a longer number / code
            if (i > 0) {
                char32_t p = s[i - 1];
                if (digit && (is_ascii_alnum(p) || p == U'.' || p == U'/' || p == U'·')) return false;
                if (!digit && is_cn_numeral_char(p)) return false;
                if (p == U'第') return false;
            }
            int y = 0;
            std::size_t j = scan_year(s, i, y);
            if (j != i) {
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
                if (i > 0 && is_range_dash(s[i - 1]) && i >= 2 &&
                    (is_ascii_digit(s[i - 2]) || cn_digit(s[i - 2]) >= 0))
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
            std::size_t e = scan_month(s, i, t, false);
            if (e == i) return false;
            // a bare month needs a day/底 or context; checked by the caller
            t.end = e;
            return true;
        }
        // 第一季度 / 上半年 without a printed year: the document's
        if ((c == U'第' || c == U'上' || c == U'下') && (i == 0 || !is_cn_numeral_char(s[i - 1]))) {
            std::size_t e = scan_year_part(s, i, t);
            if (e != i) {
                t.end = e;
                return true;
            }
        }
        // 年底 / 年末 without a printed year (今年年底前, 年底前)
        if (c == U'年' && (at(s, i + 1, U"底") || at(s, i + 1, U"末"))) {
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
        return false;
    }

    void run(std::vector<Deadline>& out) {
        std::size_t n = s.size();
        int title = 0;
        for (std::size_t i = 0; i < n; ++i) {
            char32_t c = s[i];
            if (c == U'《') {
                ++title;
                continue;
            }
            if (c == U'》') {
                if (title > 0) --title;
                continue;
            }
            if (title > 0) continue;
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
        if (toks.empty()) return;

        int carry = 0;  // year of the previous dated token
        std::size_t k = 0;
        while (k < toks.size()) {
            // group: A和B前, A、B前
            std::size_t g = k;
            while (g + 1 < toks.size()) {
                u32v gap = s.substr(toks[g].end, toks[g + 1].start - toks[g].end);
                bool join = false;
                for (u32v w : kGroupJoin)
                    if (gap == w) join = true;
                if (!join) break;
                ++g;
            }
            const DateTok& first = toks[k];
            const DateTok& last = toks[g];
            std::size_t ts = first.start, te = last.end;
            std::string kind;
            // suffix context
            if (u32v w = match_at(s, last.end, kByWords); !w.empty()) {
                std::size_t after = last.end + w.size();
                bool numeral_after = w == U"前" && after < n &&
                                     (is_ascii_digit(s[after]) || is_cn_numeral_char(s[after]) ||
                                      s[after] == U'期' || s[after] == U'夕' || s[after] == U'后');
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
            if (kind.empty() && ((last.period_end && closes_text(last.end)) || after_limit_label(first.start)))
                kind = "by";
            if (kind.empty() && last.day > 0 && first.start > 0 &&
                (s[first.start - 1] == U'于') && !match_at(s, last.end, kOnVerbs).empty()) {
                kind = "on";
            }
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
                for (const auto& d : out)
                    if (d.date == date && d.kind == kind) dup = true;
                if (dup) continue;
                out.push_back(Deadline{encode(s.substr(ts, te - ts)), date, kind});
            }
            k = g + 1;
        }
    }
};

// ---------------------------------------------------------------------------
// Scope

struct TierWord {
    u32v word;
    const char* tier;
};
constexpr TierWord kTierPrefixes[] = {{U"省份", "province"},
                                                    {U"城市", "city"},
                                                    {U"县域", "county"},
                                                    {U"县区", "county"},
                                                    {U"县", "county"},
                                                    {U"园区", "park"}};

// Tier from the category's head noun; nullptr when it has none (引领型).
const char* head_tier(u32v who) {
    static constexpr TierWord heads[] = {{U"自治区", "province"},
                                                       {U"直辖市", "province"},
                                                       {U"兵团", "province"},
                                                       {U"省份", "province"},
                                                       {U"省", "province"},
                                                       {U"城市", "city"},
                                                       {U"地市", "city"},
                                                       {U"市", "city"},
                                                       {U"县域", "county"},
                                                       {U"县区", "county"},
                                                       {U"县", "county"},
                                                       {U"区县", "county"},
                                                       {U"园区", "park"},
                                                       {U"开发区", "park"},
                                                       {U"高新区", "park"},
                                                       {U"集聚区", "park"}};
    // strip a trailing parenthesis: 县（市、区）
    while (!who.empty() && (who.back() == U'）' || who.back() == U')')) {
        auto p = who.find_last_of(U"（(");
        if (p == u32v::npos) break;
        who = who.substr(0, p);
    }
    for (const auto& h : heads)
        if (who.size() >= h.word.size() && who.substr(who.size() - h.word.size()) == h.word)
            return h.tier;
    return nullptr;
}

bool is_scope_sep(char32_t c) {
    return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'。' || c == U'：' ||
           c == U':' || c == U' ';
}

void parse_body(u32v s, std::size_t clause_st, std::size_t body_st, std::size_t body_en,
                const char* prefix_tier, std::vector<Scope>& out) {
    // markers 必做 / 选做 inside the body
    struct Hit {
        std::size_t who_st, who_en;
        const char* obligation;
    };
    std::vector<Hit> hits;
    std::size_t seg = body_st;
    for (std::size_t i = body_st; i + 2 <= body_en; ++i) {
        const char* ob = nullptr;
        if (at(s, i, U"必做")) ob = "mandatory";
        else if (at(s, i, U"选做")) ob = "optional";
        if (!ob) continue;
        hits.push_back({seg, i, ob});
        seg = i + 2;
        i += 1;
    }
    if (hits.empty()) return;
    std::size_t text_en = hits.back().who_en + 2;
    std::string text = encode(s.substr(clause_st, text_en - clause_st));
    for (const auto& h : hits) {
        std::size_t a = h.who_st, b = h.who_en;
        while (a < b && (is_scope_sep(s[a]) || s[a] == U'、')) ++a;
        while (b > a && (is_scope_sep(s[b - 1]) || s[b - 1] == U'、')) --b;
        u32v who = s.substr(a, b - a);
        // split 各省份、国家知识产权强市建设示范城市 at 、 where both sides
        // have a head noun; a part without one (引领型) belongs to the next
        std::vector<u32v> parts;
        std::size_t ps = 0;
        std::size_t acc = 0;  // start of the part being accumulated
        for (std::size_t i = 0; i <= who.size(); ++i) {
            if (i == who.size() || who[i] == U'、') {
                u32v part = who.substr(ps, i - ps);
                if (i == who.size() || head_tier(part)) {
                    parts.push_back(who.substr(acc, i - acc));
                    acc = i + 1;
                }
                ps = i + 1;
            }
        }
        for (u32v p : parts) {
            const char* tier = head_tier(p);
            if (!tier) tier = prefix_tier;
            if (!tier) continue;
            std::string w = p.empty() ? std::string() : encode(p);
            if (w.empty()) {
                // "省份：必做": the category is the prefix itself
                for (const auto& tp : kTierPrefixes)
                    if (std::string_view(tp.tier) == tier) {
                        w = encode(tp.word);
                        break;
                    }
            }
            bool dup = false;
            for (const auto& o : out)
                if (o.who == w && o.obligation == h.obligation) dup = true;
            if (dup) continue;
            out.push_back(Scope{tier, w, h.obligation, text});
        }
    }
}

}  // namespace

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

std::vector<Target> extract_targets(std::string_view text) {
    u32 s = decode_compact(text);
    TargetScan scan{s, {}};
    scan.run();
    return std::move(scan.out);
}

std::vector<Deadline> extract_deadlines(std::string_view text, std::optional<int> doc_year) {
    std::vector<Deadline> out;
    // fast path: every date has a 年, a 月 or a 季度 (第一季度)
    if (text.find("年") == std::string_view::npos && text.find("月") == std::string_view::npos &&
        text.find("季度") == std::string_view::npos)
        return out;
    u32 s = decode_compact(text);
    DeadlineScan scan{s, doc_year, {}};
    scan.run(out);
    return out;
}

std::vector<Scope> parse_scope_clause(std::string_view text) {
    std::vector<Scope> out;
    // fast path: 必 or 选 must be there (必做 may be broken by a line wrap)
    if (text.find("必") == std::string_view::npos && text.find("选") == std::string_view::npos)
        return out;
    std::vector<bool> ws;
    u32 s = decode_compact(text, &ws);
    if (s.find(U"必做") == u32::npos && s.find(U"选做") == u32::npos) return out;
    // clause prefixes: 省份： 城市： 县： 园区： at the start, after
    // whitespace or punctuation, or right after a previous 必做/选做
    struct Prefix {
        std::size_t start, body;
        const char* tier;
    };
    std::vector<Prefix> prefixes;
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (const auto& tp : kTierPrefixes) {
            if (!at(s, i, tp.word)) continue;
            std::size_t j = i + tp.word.size();
            while (j < s.size() && s[j] == U' ') ++j;
            if (j >= s.size() || (s[j] != U'：' && s[j] != U':')) continue;
            bool boundary = i == 0 || ws[i] || is_punct(s[i - 1]) || ends_at(s, i, U"必做") ||
                            ends_at(s, i, U"选做");
            if (!boundary) continue;
            prefixes.push_back({i, j + 1, tp.tier});
            i = j;
            break;
        }
    }
    if (prefixes.empty()) {
        parse_body(s, 0, 0, s.size(), nullptr, out);
        return out;
    }
    for (std::size_t k = 0; k < prefixes.size(); ++k) {
        std::size_t end = k + 1 < prefixes.size() ? prefixes[k + 1].start : s.size();
        parse_body(s, prefixes[k].start, prefixes[k].body, end, prefixes[k].tier, out);
    }
    return out;
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

bool is_completion_phrase(std::string_view text) {
    const std::string s = ustr::squeeze(text);
    bool marker = false;
    for (std::string_view m : kCompletionMarkers) marker = marker || s.find(m) != std::string::npos;
    if (!marker || s.empty()) return false;
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

}  // namespace qingdan
