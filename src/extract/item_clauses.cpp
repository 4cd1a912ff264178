// Clauses of a prose item (item_clauses.hpp).
#include "item_clauses.hpp"

#include <algorithm>
#include <vector>

#include "units.hpp"
#include "values.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// A clause without a trailing note: units, a completion, or both split at
// ，；,; (each part one or the other).
Clause read_clause_head(const std::string& inside) {
    Clause c;
    if (is_unit_clause(inside)) c.units = inside;
    else c.completion = completion_value(inside, false);
    if (c.any()) return c;
    // Mixed: each part between ，；,; is either completion or responsibility.
    std::string units, completion;
    for (size_t b = 0; b <= inside.size();) {
        size_t e = b;
        size_t sep = 0;
        while (e < inside.size()) {
            if (inside[e] == ',' || inside[e] == ';') sep = 1;
            else if (inside.compare(e, 3, "，") == 0 || inside.compare(e, 3, "；") == 0) sep = 3;
            if (sep) break;
            ++e;
        }
        const std::string part = ustr::trim(inside.substr(b, e - b));
        if (auto v = completion_value(part, true)) {
            completion += (completion.empty() ? "" : "，") + *v;
        } else if (!part.empty()) {
            units += (units.empty() ? "" : "；") + part;
        }
        if (e >= inside.size()) break;
        b = e + sep;
    }
    if (completion.empty() || units.empty() || !is_unit_clause(units)) return {};
    return {units, completion, std::nullopt};
}

}  // namespace

// A unit list may be followed by notes after a stop (〔责任单位：A、B按职责分工
// 负责。具体任务均涉及C，不再做分工，下同。〕): the list is read as a clause,
// a carry-over note gives units to this and every later item.
Clause read_clause(const std::string& inside) {
    const size_t stop = inside.find("。");
    if (stop != std::string::npos && !ustr::trim(std::string_view(inside).substr(stop + 3)).empty()) {
        Clause c = read_clause_head(inside.substr(0, stop));
        if (c.units) {
            c.carried = carried_unit_list(std::string_view(inside).substr(stop + 3));
            return c;
        }
    }
    return read_clause_head(inside);
}

// A completion-only parenthesis counts where a clause ends: before the end,
// a stop or another parenthesis (not inside 《…（2021—2035年）》 or a sentence).
bool at_clause_end(const std::string& body, size_t end) {
    std::string after = ustr::trim(std::string_view(body).substr(end));
    return after.empty() || ustr::starts_with(after, "。") || ustr::starts_with(after, "；") ||
           ustr::starts_with(after, "（") || ustr::starts_with(after, "(") || after[0] == '.' || after[0] == ';';
}

// `rest` without its unit or completion clauses (（X负责）); nullopt when a
// parenthesis the clause pattern finds is not one.
std::optional<std::string> outside_clauses(const std::string& rest, const Pattern* clause) {
    std::string outside;
    size_t from = 0;
    for (const auto& m : clause ? clause->find_all(rest) : std::vector<Match>{}) {
        if (!read_clause(m.groups[1]).any()) return std::nullopt;
        outside += rest.substr(from, m.begin[0] - from);
        from = m.end[0];
    }
    return outside + rest.substr(from);
}

// True when `rest` holds nothing but clause parentheses and punctuation:
// then the sentence before it is the whole task, not a title.
bool only_clauses(const std::string& rest, const Pattern* clause) {
    if (rest.empty() || !clause) return false;
    auto kept = outside_clauses(rest, clause);
    if (!kept) return false;
    std::string outside = *kept;
    const bool any_clause = outside.size() < rest.size();
    for (std::string_view p : {"。", "；", " ", ".", ";"})
        for (size_t k; (k = outside.find(p)) != std::string::npos;) outside.erase(k, p.size());
    return outside.empty() && any_clause;
}

// True when every parenthesis of `s` is closed.
bool balanced(std::string_view s) {
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(' || s.substr(i).starts_with("（")) ++depth;
        if ((s[i] == ')' || s.substr(i).starts_with("）")) && --depth < 0) return false;
    }
    return depth == 0;
}

// A line after an item's first that is nothing but a unit clause, with no
// label (市发改委牵头落实, 区财政局、区税务局负责落实。): put in parentheses so
// it closes its measure like an inline clause.
std::string bracket_bare_unit_line(const std::string& text) {
    std::string clause = ustr::trim(text);
    while (ustr::ends_with(clause, "。") || ustr::ends_with(clause, "；")) clause.resize(clause.size() - 3);
    if (clause.empty() || clause.find("。") != std::string::npos || !balanced(clause) || !is_unit_clause(clause))
        return text;
    return "（" + clause + "）";
}

// A responsibility clause printed on its own line after the task
// (牵头单位：A；配合单位：B), or after the last stop of a line, is put in
// parentheses so it closes its measure like an inline （…） clause. Labels
// run together by line joining (…局配合单位：…) are kept apart with ；.
std::string bracket_unit_line(const Pattern* label, const std::string& text) {
    if (!label) return text;
    std::vector<Match> hits = label->find_all(text);
    for (size_t k = 0; k < hits.size(); ++k) {
        const size_t at = hits[k].begin[0];
        const std::string before = ustr::trim(std::string_view(text).substr(0, at));
        if (!before.empty() && !ustr::ends_with(before, "。")) continue;
        std::string clause = ustr::trim(std::string_view(text).substr(at));
        while (ustr::ends_with(clause, "。") || ustr::ends_with(clause, "；")) clause.resize(clause.size() - 3);
        // Parentheses inside the names (各县(市、区)政府) are fine; a stop is prose.
        if (clause.find("。") != std::string::npos || !balanced(clause)) return text;
        std::string sep;
        size_t from = at;
        for (size_t j = k + 1; j < hits.size(); ++j) {
            const std::string piece = text.substr(from, hits[j].begin[0] - from);
            const std::string t = ustr::trim(piece);
            sep += piece + (ustr::ends_with(t, "；") || ustr::ends_with(t, ";") || ustr::ends_with(t, "，") ? "" : "；");
            from = hits[j].begin[0];
        }
        sep += text.substr(from);
        sep = ustr::trim(sep);
        while (ustr::ends_with(sep, "。") || ustr::ends_with(sep, "；")) sep.resize(sep.size() - 3);
        // 责任单位：要… is prose, not a list of units: leave it as printed.
        if (!is_unit_clause(sep)) return text;
        return text.substr(0, at) + "（" + sep + "）";
    }
    return text;
}

// 完成时限：2024年12月底 on a line of its own, or after the line's last stop:
// put in parentheses like a unit line, so it is read as the completion.
std::string bracket_limit_line(const std::string& text) {
    std::string_view body = ustr::trim_blanks(text);
    while (body.ends_with("。") || body.ends_with("；")) body = ustr::trim_blanks(body.substr(0, body.size() - 3));
    // The last place a label may open: the line's start, or after 。 or ）.
    size_t at = 0;
    for (std::string_view end : {"。", "）"})
        if (size_t k = body.rfind(end); k != std::string_view::npos) at = std::max(at, k + end.size());
    const std::string_view clause = ustr::trim_blanks(body.substr(at));
    if (limit_label_length(clause) == 0 || !completion_value(clause, false)) return text;
    return std::string(body.substr(0, at)) + "（" + std::string(clause) + "）";
}

}  // namespace qingdan
