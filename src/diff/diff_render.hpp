// Wording shared by the diff renderers (Markdown, CSV, JSON in
// diff_render.cpp; HTML and XLSX in diff_sheets.cpp). Internal to src/diff.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff.hpp"

namespace qingdan::diff_detail {

std::string num(double v);
std::string target_text(const Target& t);                 // "专利密度 ≥12件"
std::string scope_text(const Scope& s);                    // "省份：各省份必做"
std::string deadline_text(const Deadline& d);              // "2023-12-31前"
std::string role_text(const std::string& role);            // 牵头 / 配合 / 负责
std::string join(const std::vector<std::string>& v, const std::string& sep);
std::string section_text(const std::vector<std::string>& path);  // "二/（一）", "—" when empty
std::string number_text(const std::optional<int>& number, const std::optional<std::string>& label);
std::string excerpt(std::string_view s, size_t n);         // first n code points, "…" when cut
std::string task_name(const Task* t);                      // title, else the start of the text
std::string units_list(const std::vector<UnitRef>& units, bool roles);
std::string one_line(std::string s);
// The text edits of a changed pair (computed when the diff skipped them).
std::vector<TextEdit> pair_edits(const DiffResult& r, const TaskPair& p);

}  // namespace qingdan::diff_detail
