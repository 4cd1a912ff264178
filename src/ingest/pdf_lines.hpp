// PDF internals shared by pdf.cpp (poppler -> positioned lines, page
// furniture) and pdf_layout.cpp (lines -> paragraphs and table rows).
#pragma once

#include <string>
#include <vector>

#include "extracted.hpp"

namespace qingdan::pdf {

// One character of a segment as poppler placed it: where its UTF-8 bytes
// start in Segment::text and its horizontal extent. A space put between two
// words is a glyph too, spanning the gap.
struct Glyph {
    std::size_t at = 0;
    double x0 = 0, x1 = 0;
};

// A run of words on one line with no wide gap inside: a cell's line in a
// table, or the whole line in prose. Coordinates in points, y downwards.
// The glyphs let a run be cut where a table column starts inside it
// (split_at_columns), not only at gaps.
struct Segment {
    std::string text;
    double x0 = 0, x1 = 0;
    double y0 = 0, y1 = 0;      // its words' vertical extent (a line may join two baselines)
    std::vector<Glyph> glyphs;  // one per code point of `text`, left to right

    // Appends `piece` (with its glyphs), a space glyph first when `space`.
    void append(const Segment& piece, bool space);
    // The glyphs [from, to) as a segment of their own (spaces at its ends dropped).
    Segment slice(std::size_t from, std::size_t to) const;
};

struct Line {
    std::vector<Segment> segs;  // left to right
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double type = 0;  // the type size: its shortest word's height (a word half a line off makes the line taller)
    int page = 0;     // 1-based
    double height() const { return y1 - y0; }
};

struct Page {
    double width = 0, height = 0;
    std::vector<Line> lines;  // top to bottom
};

// Drops page headers, footers and page numbers: lines in the top or bottom
// band of the page that repeat (digits ignored) on at least half the pages,
// or look like a page number (`3`, `- 3 -`, `第3页`, `3/12`).
void drop_furniture(std::vector<Page>& pages);

// Table columns named by a header row. A line made only of column-header
// words (序号 重点任务 负责单位 …, data/table_header_words.txt) gives each
// column's x-extent (its word's); empty when `l` is no header row. A row of
// three or more cells with one name the vocabulary lacks (at most a third
// of them) is a header row too, the unknown cell one column.
std::vector<std::pair<double, double>> header_columns(const Line& l);

// A header of two rows (names spanning sub-columns above them: 责任单位
// over 牵头单位 | 配合单位, 序号 and 完成时限 beside them on the first row) as
// one header row: each sub-column name takes the place of the name it sits
// under. Both rows must be made of header words, the second right below.
void merge_header_rows(std::vector<Line>& lines);
// Borderless tables print a right-aligned row number or a full cell line so
// close to the next column's text that no gap separates them (`1推进…`).
// Below each header row, a segment is cut at the glyph boundary where a
// header column starts (the edge lies in the gap between two glyphs) when
// the piece before it is a bare row number, or the gap is as wide as a
// space between cells. The header row's own words are cut apart too.
void split_at_columns(std::vector<Line>& lines);

// A table block as rows are found in it (pdf_rows.cpp): its lines, the
// header row's first; which are rows merged across the table; each line's
// segment in the row-number column (null for none, and for merged rows).
struct TableBlock {
    std::vector<const Line*> lines;
    std::vector<bool> merged;
    std::vector<const Segment*> number;
};
// Are the row numbers centred vertically in their rows (序号 居中)? Read
// as centred, a top-aligned table would lose its rows, so only plain
// evidence counts: numbers half a line off the text lines of their rows
// (at least two, and a fifth of all), or sections opening with text above
// their first number (at least two, and more than those opening with a
// number on a row that then runs on).
bool numbers_centred(const TableBlock& b);
// Which lines of a table with centred row numbers start a row: each row
// as far below its number as it starts above it, chained down from a
// section's top, or up from its end on a page a split row runs onto.
std::vector<bool> centred_row_starts(const TableBlock& b);
// Lays the lines of all pages out as paragraphs and table rows.
Extracted layout(std::vector<Page> pages);

}  // namespace qingdan::pdf
