// Table rows as text extraction prints them, rewritten as tab-separated rows
// (private header; a step of normalise(), see docs/normalisation.md), so the
// table models in src/layout see one form whatever the source:
//  - Markdown pipe rows  `| 1 | 推进… | 市场监管总局 |`;
//  - rows whose cells are separated by bars without the outer ones, as web
//    pages copied to text print them (`1 | 推进… | 市场监管总局`, `序号 | …`);
//  - one cell per line closed by a bar (`序号 |`, `城管局 |`, `||`);
//  - space-aligned rows (`pdftotext -layout`, Word saved as text): cells at
//    gaps of two or more spaces; a wrapped cell's continuation line, whose
//    words sit under their own columns, gets its cells placed at the columns
//    of the row above (empty cells for the columns it skips), and so do
//    rows with empty cells;
//  - a table flattened onto one line (`序号 重点任务 … 1 推进… 2 …`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

// `| 1 | 推进… | 市场监管总局 | 2022年底前 |` -> "1\t推进…\t市场监管总局\t2022年底前".
// True when `line` is a pipe row (starts and ends with `|` or `｜`, two or
// more cells); `out` then holds its cells, trimmed, joined by tabs, or is
// empty for the `|---|:---:|` separator row. False (out untouched) for any
// other line, so `文件号|…|` metadata bars are left alone.
bool pipe_row_to_tabs(std::string_view line, std::string& out);

// Reads the lines of one document in order (it remembers the columns of the
// last space-aligned row). True when `line` is a table row in one of the
// forms above; `out` then holds it tab-separated (empty for a rule row or an
// empty cell). False (out untouched) for every other line: prose, metadata
// bars (`文件号：|…|`, cells ending in a colon) and single-space text.
class TableRowReader {
public:
    bool read(std::string_view line, std::string& out);

private:
    bool bar_row(std::string_view t, std::string& out) const;
    bool aligned_row(std::string_view line, std::string& out);
    bool flat_row(std::string_view t, std::string& out) const;

    struct Gap {
        size_t begin, end;  // bytes of the cell text
        size_t column;      // display column where it starts
    };
    void place(std::string_view line, const std::vector<Gap>& cells, std::string& out) const;
    std::vector<size_t> columns_;  // display columns where the last row's cells start
};

}  // namespace qingdan
