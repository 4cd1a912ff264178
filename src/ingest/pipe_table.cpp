// Table rows as text extraction prints them (web pages, Markdown, PDF and
// Word saved as text) carry the same rows as a tab-separated table;
// normalise() rewrites them as tab-separated rows so the table models see
// one form. Only the shapes of rows are used here (bars, gaps, a leading
// row number or 序号): what the columns mean is the layout grammar's job.
#include "pipe_table.hpp"

#include <algorithm>

#include "ustr.hpp"

namespace qingdan {
namespace {

constexpr std::string_view kFullWidthBar = "\xEF\xBD\x9C";  // ｜
constexpr std::string_view kIdeoSpace = "\xE3\x80\x80";     // U+3000

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t'; };
    for (bool more = true; more;) {
        more = false;
        while (!s.empty() && space(s.front())) s.remove_prefix(1), more = true;
        while (!s.empty() && space(s.back())) s.remove_suffix(1), more = true;
        // A full-width space (U+3000) pads cells too.
        while (s.substr(0, 3) == kIdeoSpace) s.remove_prefix(3), more = true;
        while (s.size() >= 3 && s.substr(s.size() - 3) == kIdeoSpace) s.remove_suffix(3), more = true;
    }
    return s;
}

// Length of the bar at i (1 for `|`, 3 for `｜`), 0 when none.
size_t bar_at(std::string_view s, size_t i) {
    if (i < s.size() && s[i] == '|') return 1;
    if (s.substr(i, 3) == kFullWidthBar) return 3;
    return 0;
}

// :---  ---:  :---:  ---
bool is_rule(std::string_view cell) {
    if (cell.empty()) return false;
    size_t dashes = 0;
    for (size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '-') ++dashes;
        else if (cell[i] != ':' || (i != 0 && i + 1 != cell.size())) return false;
    }
    return dashes > 0;
}

// The cells between bars (the text before the first and after the last bar
// included); `\|` is not a bar.
std::vector<std::string_view> split_bars(std::string_view t) {
    std::vector<std::string_view> cells;
    size_t start = 0, i = 0;
    while (i < t.size()) {
        size_t bar = bar_at(t, i);
        if (bar == 0 || (i > 0 && t[i - 1] == '\\')) {
            ++i;
            continue;
        }
        cells.push_back(trim(t.substr(start, i - start)));
        i += bar;
        start = i;
    }
    cells.push_back(trim(t.substr(start)));
    return cells;
}

void join_tabs(const std::vector<std::string_view>& cells, std::string& out) {
    out.clear();
    for (size_t k = 0; k < cells.size(); ++k) {
        if (k) out.push_back('\t');
        out += cells[k];
    }
}

bool ends_in_colon(std::string_view c) { return ustr::ends_with(c, ":") || ustr::ends_with(c, "：") || ustr::ends_with(c, "﹕"); }

// A bare row number `12`, `12.`, or the 序号 header cell.
bool row_anchor(std::string_view c) {
    c = trim(c);
    if (c == "序号" || c == "编号") return true;
    size_t d = 0;
    while (d < c.size() && c[d] >= '0' && c[d] <= '9') ++d;
    if (d == 0 || d > 3) return false;
    std::string_view rest = c.substr(d);
    return rest.empty() || rest == "." || rest == "、" || rest == "．";
}

// Display width of a code point: CJK and full-width forms take two columns.
size_t width_of(char32_t c) { return c >= 0x1100 && (ustr::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60)) ? 2 : 1; }

}  // namespace

bool pipe_row_to_tabs(std::string_view line, std::string& out) {
    std::string_view t = trim(line);
    if (bar_at(t, 0) == 0) return false;
    std::vector<std::string_view> cells = split_bars(t.substr(bar_at(t, 0)));
    // The row must close with a bar: `| a | b` is not a table row.
    if (cells.empty() || !cells.back().empty()) return false;
    cells.pop_back();
    if (cells.size() < 2) return false;
    bool rule = true;
    for (auto c : cells) rule = rule && is_rule(c);
    out.clear();
    if (rule) return true;
    join_tabs(cells, out);
    return true;
}

namespace {

// A bar or a tab: what every row form but the aligned and flattened ones needs.
bool has_bar_or_tab(std::string_view line) {
    return line.find('|') != std::string_view::npos || line.find('\t') != std::string_view::npos ||
           line.find(kFullWidthBar) != std::string_view::npos;
}

// A gap of two spaces or a U+3000: what an aligned row needs.
bool has_wide_gap(std::string_view line) {
    return line.find("  ") != std::string_view::npos || line.find(kIdeoSpace) != std::string_view::npos;
}

}  // namespace

bool TableRowReader::read(std::string_view line, std::string& out) {
    // Most lines of a plan are prose with neither mark; a few memchr scans
    // spare them the cell splitting (which cost more than normalising the line).
    const bool barred = has_bar_or_tab(line);
    if (!barred && !has_wide_gap(line)) {
        // No form but flat_row can read it, and a line that is not a row
        // ends the aligned rows above it (as aligned_row would say).
        std::string_view t = trim(line);
        if (t.empty()) return false;
        columns_.clear();
        return flat_row(t, out);
    }
    if (pipe_row_to_tabs(line, out)) {
        columns_.clear();
        return true;
    }
    std::string_view t = trim(line);
    if (t.empty()) return false;
    if (bar_row(t, out) || flat_row(t, out)) {
        columns_.clear();
        return true;
    }
    // Tab-separated rows are already in the common form (empty cells kept);
    // lines with bars that are no rows are furniture (`首页  |  政务公开`).
    if (barred) return columns_.clear(), false;
    return aligned_row(line, out);
}

// `序号 | 重点任务 | 牵头单位`, `1 | 推进… | 市发展改革委` (inner bars only, the
// row opened by its number or 序号), and one cell per line closed by a bar:
// `城管局 |`, `||` (an empty cell). Metadata bars (`文 号: | 六盘水…`) have a
// cell ending in a colon and are left alone.
bool TableRowReader::bar_row(std::string_view t, std::string& out) const {
    std::vector<std::string_view> cells = split_bars(t);
    if (cells.size() < 2) return false;
    for (auto c : cells)
        if (ends_in_colon(c)) return false;
    size_t filled = 0;
    for (auto c : cells) filled += !c.empty();
    if (filled <= 1 && cells.back().empty() && cells.size() <= 3) {  // `cell |`, `||`
        out = std::string(cells.front());
        return true;
    }
    if (!row_anchor(cells.front()) || filled < 2) return false;
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    join_tabs(cells, out);
    return true;
}

// Cells at gaps of two or more spaces (or a U+3000). A row needs two gaps, or
// one after a leading row number; a line indented under such a row is the
// continuation of its wrapped cells, placed at the row's columns.
bool TableRowReader::aligned_row(std::string_view line, std::string& out) {
    std::vector<Gap> cells;
    size_t col = 0, i = 0, spaces = 0, lead = 0;
    bool in_cell = false;
    while (i < line.size()) {
        size_t at = i;
        char32_t c = ustr::next(line, i);
        bool space = c == ' ' || c == 0x3000 || c == '\t';
        size_t w = c == 0x3000 ? 2 : c == '\t' ? 4 : width_of(c);
        if (space) {
            spaces += w;
            if (cells.empty() && !in_cell) lead += w;
        } else {
            if (!in_cell || spaces >= 2) cells.push_back({at, i, col});
            cells.back().end = i;
            in_cell = true;
            spaces = 0;
        }
        col += w;
    }
    if (cells.empty()) return columns_.clear(), false;
    for (const auto& g : cells)
        if (ends_in_colon(line.substr(g.begin, g.end - g.begin))) return columns_.clear(), false;
    // `目  标  任  务`: a word letter-spaced across a header cell, one character
    // per gap, is not a row of one-character cells.
    if (cells.size() >= 2 && std::all_of(cells.begin(), cells.end(), [&](const Gap& g) {
            return ustr::length(line.substr(g.begin, g.end - g.begin)) == 1 && width_of(ustr::first(line.substr(g.begin))) == 2;
        }))
        return columns_.clear(), false;
    const bool anchored = row_anchor(line.substr(cells[0].begin, cells[0].end - cells[0].begin));
    const bool continuation = lead >= 2 && !anchored;
    if (continuation && columns_.empty()) return false;
    if (!continuation && (cells.size() < 2 || (cells.size() < 3 && !anchored))) return columns_.clear(), false;
    if (!continuation && cells.size() >= columns_.size()) {
        // A row with every cell filled (the header, usually): its columns
        // place the cells of the rows and continuation lines below it.
        columns_.clear();
        std::vector<std::string_view> texts;
        for (const auto& g : cells) {
            columns_.push_back(g.column);
            texts.push_back(line.substr(g.begin, g.end - g.begin));
        }
        join_tabs(texts, out);
        return true;
    }
    place(line, cells, out);
    return true;
}

// A row with empty cells, or a wrapped cell's continuation: each cell goes
// to the last column starting at or before it (two columns of slack for
// centred text); cells meeting in one column are joined as printed.
void TableRowReader::place(std::string_view line, const std::vector<Gap>& cells, std::string& out) const {
    std::vector<std::string_view> placed(columns_.size());
    for (const auto& g : cells) {
        size_t k = 0;
        while (k + 1 < columns_.size() && columns_[k + 1] <= g.column + 2) ++k;
        size_t from = placed[k].empty() ? g.begin : static_cast<size_t>(placed[k].data() - line.data());
        placed[k] = line.substr(from, g.end - from);
    }
    join_tabs(placed, out);
}

// `序号 重点任务 牵头单位 完成时限 1 推进… 市发展改革委 2024年底前 2 …`: a table
// flattened onto one line with single spaces; every space is a cell break
// (Chinese cells hold no spaces). Needs the 序号 cell first and a row `1`.
bool TableRowReader::flat_row(std::string_view t, std::string& out) const {
    if (!ustr::starts_with(t, "序号 ") && !ustr::starts_with(t, "编号 ")) return false;
    std::vector<std::string_view> cells;
    bool one = false;
    for (size_t i = 0; i < t.size();) {
        size_t e = t.find(' ', i);
        if (e == std::string_view::npos) e = t.size();
        if (e > i) cells.push_back(t.substr(i, e - i)), one = one || t.substr(i, e - i) == "1";
        i = e + 1;
    }
    if (cells.size() < 6 || !one) return false;
    join_tabs(cells, out);
    return true;
}

}  // namespace qingdan
