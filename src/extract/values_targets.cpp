// Quantitative targets (qingdan/values.hpp): 压减至16个月以内 -> {<=, 16, 个月}.
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

    // One candidate number s[st, en) with value v, read step by step.
    struct Cand {
        std::size_t st = 0, en = 0;
        double v = 0;
        bool chinese = false;
        u32v mult, unit;
        bool month_unit = false;
        std::size_t ue = 0;  // end of the unit
        std::size_t te = 0;  // end of the target's text
        Op suffix = Op::none;
        std::size_t pe = 0;  // end of the prefix operator (before 约 / 大约)
        bool approx = false;
        const OpWord* pw = nullptr;
        Op op = Op::none;
        bool object = false;  // verb + number + object: the metric follows
        std::size_t metric_end = 0;
        std::size_t counted_from = 0;  // where the counted thing starts (0: none)
    };

    // Candidate number s[st, en) with value v.
    void candidate(std::size_t st, std::size_t en, double v, bool chinese) {
        Cand c;
        c.st = st;
        c.en = en;
        c.v = v;
        c.chinese = chinese;
        if (in_code(c) || !read_unit(c)) return;
        read_suffix(c);
        if (c.month_unit && c.suffix == Op::none) return;
        // 一批 / 一系列 are vague quantifiers, not targets
        if (chinese && v == 1 && (c.unit == U"批" || c.unit == U"些")) return;
        if (!read_prefix(c)) return;
        set_op(c);
        infer_op(c);
        if (c.op == Op::none) return;
        if (c.approx && c.suffix == Op::none) c.op = Op::approx;
        emit(c);
    }

    // 增长7.5%—8% / 6-7个百分点 / 7%至8%左右: a range of two Arabic numbers
    // with one measure (printed after the second, maybe after both). It is
    // two targets over one text: the floor (>=) and the ceiling (<=), both
    // ~ under 左右. Returns the end of the second number, 0 for no range
    // (2022-2025年 has no measure; 010-1234 none either).
    std::size_t range(std::size_t st, std::size_t en, double lo) {
        if (st > 0 && (s[st - 1] == U'第' || code_neighbour(s[st - 1]))) return 0;
        std::size_t u = en;
        const u32v mult = match_at(s, u, kMultipliers);
        const u32v unit = match_at(s, u + mult.size(), kUnits);
        u += mult.size() + unit.size();
        while (u < s.size() && is_range_mark(s[u]) && u - en - mult.size() - unit.size() < 2) ++u;
        if (u == en + mult.size() + unit.size() || u >= s.size() || !is_ascii_digit(s[u])) return 0;
        Cand c;
        c.st = u;
        c.v = lo;
        c.en = scan_arabic(s, u, c.v);
        const double hi = c.v;
        if (!(hi > lo) || (c.en < s.size() && code_neighbour(s[c.en])) || !read_unit(c) || c.month_unit) return 0;
        if ((!mult.empty() || !unit.empty()) && (mult != c.mult || unit != c.unit)) return 0;
        read_suffix(c);
        c.st = st;  // the operator words and the metric stand before the floor
        if (!read_prefix(c)) return 0;
        set_op(c);
        infer_op(c);
        if (c.op == Op::none && c.pw == nullptr) return 0;
        const bool about = c.op == Op::approx;
        c.v = lo, c.op = about ? Op::approx : Op::ge;
        emit(c);
        c.v = hi, c.op = about ? Op::approx : Op::le;
        emit(c);
        return c.en;
    }

    static bool is_range_mark(char32_t c) {
        return c == U'—' || c == U'–' || c == U'-' || c == U'－' || c == U'~' || c == U'～' || c == U'〜' ||
               c == U'至';
    }

    // Ordinals (第3) and numbers inside codes, URLs, ranges or dates.
    bool in_code(const Cand& c) const {
        if (c.st > 0 && s[c.st - 1] == U'第') return true;
        if (c.st > 0 && code_neighbour(s[c.st - 1])) return true;
        return c.en < s.size() && code_neighbour(s[c.en]) && !(s[c.en] == U'.' && c.chinese);
    }

    // Multiplier and measure unit after the number (万, 个月); false when
    // there is none, or when the number is a size class (20亿级).
    bool read_unit(Cand& c) const {
        std::size_t u = c.en;
        if (!match_at(s, u, kNotUnits).empty()) return false;
        c.mult = match_at(s, u, kMultipliers);
        std::size_t ue = u + c.mult.size();
        // 20亿级项目, 百亿级: a size class that says what is counted, not a target
        if (!c.mult.empty() && ue < s.size() && s[ue] == U'级') return false;
        c.unit = match_at(s, ue, kUnits);
        if (c.unit.empty()) {
            // bare 月 is a date (12月) unless a duration operator follows (16月以内)
            if (ue < s.size() && s[ue] == U'月') {
                c.month_unit = true;
                c.unit = u32v(U"月");
            } else if (!c.mult.empty()) {
                c.unit = u32v();  // "3万" with no unit: value in 万
            } else {
                return false;
            }
        }
        if (c.mult.empty() && c.unit.empty()) return false;
        ue += c.unit.size();
        if (!match_at(s, ue - c.unit.size(), kNotUnits).empty()) return false;
        c.ue = ue;
        return true;
    }

    // Suffix operator after the unit (以上, 以内, 左右).
    void read_suffix(Cand& c) const {
        c.te = c.ue;
        for (const auto& so : kSuffixOps) {
            if (at(s, c.ue, so.word)) {
                if (so.word == U"多" && c.chinese) continue;
                c.suffix = so.op;
                c.te = c.ue + so.word.size();
                break;
            }
        }
    }

    // Prefix operator directly before the number (after 约 / 均); false when
    // a Chinese numeral has no verb that licenses it.
    bool read_prefix(Cand& c) const {
        c.pe = c.st;
        if (ends_at(s, c.pe, U"约")) {
            c.approx = true;
            c.pe -= 1;
            if (ends_at(s, c.pe, U"大")) c.pe -= 1;
        }
        for (const auto& w : kPrefixOps) {
            if (ends_at(s, c.pe, w.word)) {
                c.pw = &w;
                break;
            }
        }
        if (c.chinese) {
            bool ok = false;
            for (u32v w : kCnVerbs)
                if (ends_at(s, c.st, w)) ok = true;
            if (!ok) return false;
        }
        return true;
    }

    // The operator the words say: the prefix word's, overridden by a suffix
    // operator or 约; where the metric ends.
    void set_op(Cand& c) const {
        c.metric_end = c.pe;
        if (c.pw && !c.pw->weak) {
            c.op = c.pw->op;
            c.object = c.pw->object;
            if (!c.pw->growth && !c.pw->object) c.metric_end = c.pe - c.pw->word.size();
        } else if (c.pw && c.pw->weak) {
            c.metric_end = c.pe - c.pw->word.size();
        }
        if (c.suffix != Op::none) {
            c.op = c.suffix;
        } else if (c.approx) {
            c.op = Op::approx;
        }
    }

    // No operator word for an Arabic number: the clause's verbs may still
    // make it a target (an "=" one).
    void infer_op(Cand& c) const {
        if (c.op != Op::none || c.chinese) return;
        // 实现全国31个省全覆盖: an object verb a few characters back
        std::size_t lim = c.st >= 4 ? c.st - 4 : 0;
        for (std::size_t k = c.st; k > lim; --k) {
            char32_t ch = s[k - 1];
            if (is_punct(ch) || is_ascii_digit(ch) || is_cn_numeral_char(ch)) break;
            u32v w = match_ending_at(s, k - 1, kGapVerbs);
            if (!w.empty()) {
                c.op = Op::eq;
                c.object = true;
                return;
            }
        }
        // 新增X3个: the count closes a clause (or one item of a 、 list of
        // counts) that a making verb opens or carries (全市累计建成5G基站1万个).
        if (clause_end(s, c.te) == c.te || s[c.te] == U'、') {
            c.counted_from = counted_object(s, clause_start(s, c.st), c.st);
            if (c.counted_from) {
                c.op = Op::eq;
                return;
            }
        }
        // 9项重点工程建设目标基本完成: a clause opened by the count and closed
        // by a completion verb counts what is to be done.
        if (skip_fillers(s, clause_start(s, c.st), c.st) == c.st) {
            u32v rest = s.substr(c.te, clause_end(s, c.te) - c.te);
            bool opens = false;
            for (u32v w : kCountDone)
                if (rest.size() > w.size() && rest.substr(rest.size() - w.size()) == w) opens = true;
            if (opens) c.op = Op::eq, c.object = true;
        }
    }

    // The target: metric = the clause before the number, minus fillers and
    // the operator word (plus the object after the unit for verb + number +
    // object); text = the clause up to the unit / suffix / object.
    void emit(Cand& c) {
        std::size_t metric_end = c.metric_end;
        std::size_t te = c.te;
        bool object = c.object;
        const bool counted = c.counted_from != 0;
        std::size_t cs = clause_start(s, c.st);
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
        if (counted) ms = std::max(ms, c.counted_from);
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
        t.op = op_str(c.op);
        t.value = c.v;
        std::u32string unit_txt(c.mult);
        unit_txt.append(c.unit);
        if (unit_txt == U"％") unit_txt = U"%";
        t.unit = encode(unit_txt);
        out.push_back(std::move(t));
    }

    void run() {
        TitleMarks marks;
        std::size_t n = s.size();
        for (std::size_t i = 0; i < n; ++i) {
            char32_t c = s[i];
            if (!marks.outside(c)) continue;
            if (is_ascii_digit(c)) {
                double v = 0;
                std::size_t j = scan_arabic(s, i, v);
                if (const std::size_t e = range(i, j, v)) j = e;
                else candidate(i, j, v, false);
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

}  // namespace

std::vector<Target> extract_targets(std::string_view text) {
    u32 s = decode_compact(text);
    TargetScan scan{s, {}};
    scan.run();
    return std::move(scan.out);
}


}  // namespace qingdan
