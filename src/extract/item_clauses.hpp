// The clauses of a prose item (private to the extract stage): parentheses
// read as responsibility and completion clauses, and the lines that print
// such a clause without parentheses, bracketed so they are read alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pattern.hpp"

namespace qingdan {

// A parenthesis read as a clause: a responsibility part (the units), a
// completion part (a time limit or status: 2023年6月底前完成, 持续推进), or
// both in one parenthesis (国家知识产权局负责，2023年6月底前完成).
struct Clause {
    std::optional<std::string> units;
    std::optional<std::string> completion;
    std::optional<std::string> carried;  // units a …下同 note gives every later item
    bool any() const { return units || completion; }
};

// A parenthesis' inside as a clause (Clause{} when it is none). A unit list
// may be followed by notes after a stop (〔责任单位：A、B按职责分工负责。具体
// 任务均涉及C，不再做分工，下同。〕): the carry-over note gives units to this
// and every later item.
Clause read_clause(const std::string& inside);

// A completion-only parenthesis counts where a clause ends: before the end,
// a stop or another parenthesis (not inside 《…（2021—2035年）》 or a sentence).
bool at_clause_end(const std::string& body, size_t end);

// `rest` without its unit or completion clauses (（X负责）); nullopt when a
// parenthesis the clause pattern finds is not one.
std::optional<std::string> outside_clauses(const std::string& rest, const Pattern* clause);

// True when `rest` holds nothing but clause parentheses and punctuation:
// then the sentence before it is the whole task, not a title.
bool only_clauses(const std::string& rest, const Pattern* clause);

// True when every parenthesis of `s` is closed.
bool balanced(std::string_view s);

// A line after an item's first that is nothing but a unit clause, with no
// label (市发改委牵头落实, 区财政局、区税务局负责落实。): put in parentheses so
// it closes its measure like an inline clause.
std::string bracket_bare_unit_line(const std::string& text);

// A responsibility clause printed on its own line after the task
// (牵头单位：A；配合单位：B), or after the last stop of a line, is put in
// parentheses so it closes its measure like an inline （…） clause.
std::string bracket_unit_line(const Pattern* label, const std::string& text);

// 完成时限：2024年12月底 on a line of its own, or after the line's last stop:
// put in parentheses like a unit line, so it is read as the completion.
std::string bracket_limit_line(const std::string& text);

}  // namespace qingdan
