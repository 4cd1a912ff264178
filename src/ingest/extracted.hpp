// Stage 1c: a binary office file (PDF, DOCX, XLSX) -> text lines for the
// pipeline, each line knowing where in the file it came from.
//
//   sniff -> [pdf | docx | xlsx reader] -> Extracted -> normalise -> ...
//
// Tables are handed over the way HTML tables arrive (html.hpp): one line per
// table row with its cells joined by '\t', the cell structure exact (no
// flattening: a cell's own wrapped lines and paragraphs are joined inside the
// cell); a row spanning the whole table (merged cells) is a line of its own
// without tabs, which segmentation reads as a section heading.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

// An input qingdan cannot read: a scan without text layer, an encrypted PDF,
// a legacy binary Word file, an unsupported or corrupt container. `code` is
// the diagnostic code (`needs-ocr`, `encrypted-pdf`, `legacy-format`,
// `unsupported-format`, `corrupt-input`, `input-too-large`).
class InputError : public std::runtime_error {
public:
    InputError(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

// Where an extracted line came from. 0 = not applicable.
struct Origin {
    int page = 0;   // PDF page (1-based)
    int row = 0;    // table row (1-based, as the sheet or table numbers it)
    int table = 0;  // the table (1-based, in reading order) the line is a row of
};

struct Extracted {
    // Where output line k (1-based) came from: origin[k-1].
    std::string text;  // LF-terminated lines, no blank lines
    std::vector<Origin> origin;
    std::vector<Diagnostic> diagnostics;

    // Lines appended between open_table() and close_table() are rows of one
    // table (Origin::table): segmentation reads a table that has a header
    // row as a column table whatever the prose around it looks like. A
    // DOCX table, an XLSX sheet and a PDF table block are each one table.
    void open_table() { table_ = ++tables_; }
    void close_table() { table_ = 0; }

    // Appends one line (tabs and line breaks inside `s` become spaces).
    void line(std::string_view s, Origin o = {});
    // Appends one table row: cells joined by '\t'. A row whose only non-empty
    // cell spans the table is written as a plain line (a section heading).
    void row(const std::vector<std::string>& cells, Origin o = {});

private:
    int table_ = 0, tables_ = 0;  // the open table, tables opened so far
};

// Joins two pieces of one cell or paragraph: nothing between CJK text (a
// wrapped Chinese line), one space between Latin words.
void join_piece(std::string& into, std::string_view piece);

// Trims ASCII and ideographic whitespace, folds tabs and line breaks to spaces.
std::string clean_text(std::string_view s);

}  // namespace qingdan
