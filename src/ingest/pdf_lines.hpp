// PDF internals shared by pdf.cpp (poppler -> positioned lines, page
// furniture) and pdf_layout.cpp (lines -> paragraphs and table rows).
#pragma once

#include <string>
#include <vector>

#include "extracted.hpp"

namespace qingdan::pdf {

// A run of words on one line with no wide gap inside: a cell's line in a
// table, or the whole line in prose. Coordinates in points, y downwards.
struct Segment {
    std::string text;
    double x0 = 0, x1 = 0;
};

struct Line {
    std::vector<Segment> segs;  // left to right
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int page = 0;  // 1-based
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

// Lays the lines of all pages out as paragraphs and table rows.
Extracted layout(const std::vector<Page>& pages);

}  // namespace qingdan::pdf
