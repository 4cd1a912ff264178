// Numbers, quantitative targets, deadlines and scope clauses in task text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

// Arabic ("16", "2023", "1,000", "93.5") or Chinese ("十四", "二〇二三",
// "两", "一百零五", "三千") numeral; nullopt when `s` is not one whole numeral.
std::optional<double> parse_number(std::string_view s);

// Quantitative targets in a task or goal text: "压减至16个月以内" ->
// {op "<=", value 16, unit "个月"}. Years, dates, ordinals (第46届),
// document numbers and names containing digits are not targets.
std::vector<Target> extract_targets(std::string_view text);

// Explicit dates: "2023年12月15日前" -> {"2023-12-15","by"}; "年底前" ->
// YYYY-12-31 using `doc_year`; "12月1日前" takes the year from the context
// (the previous full date in the same text, else `doc_year`).
// Year ranges (2021—2035年), plan names (2022-2023年贯彻落实...推进计划)
// and bare years that are not deadlines ("2021年新建") are not deadlines.
std::vector<Deadline> extract_deadlines(std::string_view text, std::optional<int> doc_year);

// The deadlines of a completion field (a 完成时限 cell, a completion
// clause): as extract_deadlines, and a date standing alone in it (the whole
// field, or one of its ；-parts: 2024年6月30日) is a limit (kind "by").
std::vector<Deadline> extract_limits(std::string_view text, std::optional<int> doc_year);

// A scope clause such as "省份：各类省份必做", "城市：国家知识产权强市建设示范
// 城市必做，其他城市选做" (two entries), "省份：各省份、国家知识产权强市建设示范
// 城市必做" (tier follows each category: 城市 -> city). Returns nothing when
// the text holds no 必做/选做 clause. One entry per who/obligation pair.
std::vector<Scope> parse_scope_clause(std::string_view text);

// One whole date, for signature / 发布时间 lines: "2023年3月23日",
// "二〇二三年三月二十三日", "2022-01-24", "2022/1/24" -> "YYYY-MM-DD";
// "2022年6月" -> "2022-06", "2022年" -> "2022". nullopt for anything else
// (年底, ranges, surrounding text).
std::optional<std::string> parse_date(std::string_view text);

// True when `text` (a parenthesis' inside) is only a time limit or a status:
// "2023年6月底前完成", "持续推进", "长期坚持", "2025年12月底前完成并持续推进",
// "年内完成". Such a clause is a task's completion, not part of its text.
// A period without a status or limit word ("2021—2035年") is not one.
bool is_completion_phrase(std::string_view text);

// The completion a clause part states, as it will be recorded: a
// completion phrase, or one under a limit label (完成时限：2024年6月 ->
// "2024年6月"); with `bare_dates`, also a bare date or period (2024年10月,
// 2024年至2025年) — for a part beside a unit list in one parenthesis
// (市发改委负责，2024年至2025年), where it can only be the time limit.
std::optional<std::string> completion_value(std::string_view part, bool bare_dates);

// Bytes of a time-limit label and its colon opening `s` (完成时限：, 时限:), or 0.
std::size_t limit_label_length(std::string_view s);

}  // namespace qingdan
