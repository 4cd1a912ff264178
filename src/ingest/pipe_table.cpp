// Markdown pipe tables (saved web pages, documents converted to Markdown)
// carry the same rows as a tab-separated PDF table; normalise() rewrites
// them as tab-separated rows so the table models see one form.
#include "pipe_table.hpp"

#include <vector>

namespace qingdan {
namespace {

constexpr std::string_view kFullWidthBar = "\xEF\xBD\x9C";  // ｜

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    // A full-width space (U+3000) pads cells too.
    while (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
    while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
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

}  // namespace

bool pipe_row_to_tabs(std::string_view line, std::string& out) {
    std::string_view t = trim(line);
    if (bar_at(t, 0) == 0) return false;
    std::vector<std::string_view> cells;
    size_t start = bar_at(t, 0), i = start;
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
    // The row must close with a bar: `| a | b` is not a table row.
    if (start != t.size() || cells.size() < 2) return false;
    bool rule = true;
    for (auto c : cells) rule = rule && is_rule(c);
    out.clear();
    if (rule) return true;
    for (size_t k = 0; k < cells.size(); ++k) {
        if (k) out.push_back('\t');
        out += cells[k];
    }
    return true;
}

}  // namespace qingdan
