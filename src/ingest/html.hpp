// Stage 1b: a saved web page (decoded UTF-8 HTML) -> plain text lines, each
// mapped back to the lines of the HTML source (see docs/normalisation.md, "HTML").
//
//   decode -> [looks_like_html ? html_to_text] -> normalise -> map_to_source -> ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"
#include "normalise.hpp"

namespace qingdan {

struct HtmlText {
    // The page as plain text: one line per paragraph (p, div, h1-h6, li, br ...),
    // one line per table row with its cells joined by '\t', LF line ends, no
    // blank lines. Script, style, head, navigation and hidden content dropped.
    std::string text;
    // For output line k (1-based), source[k-1] = first and last 1-based line of
    // the HTML source that its characters came from.
    struct Range {
        int first = 0;
        int last = 0;
    };
    std::vector<Range> source;
    // For output line k, table[k-1] = the data table (1-based, in page order)
    // the line is a row of, 0 outside tables (and in layout tables): as
    // Origin::table for office inputs, segmentation reads a table with a
    // header row as a column table.
    std::vector<int> table;
    std::string title;  // the <title>, whitespace collapsed (NOT part of `text`)
    std::vector<Diagnostic> diagnostics;  // `html-input` (info)

    // Source line of output line `line` (1-based): its first or last source line.
    // Out-of-range lines (0, past the end) are returned unchanged.
    int first_source_line(int line) const;
    int last_source_line(int line) const;
};

// True when the text is an HTML page or fragment rather than plain text: after
// an optional BOM, whitespace, comments and `<?xml …?>`, it starts with
// `<!DOCTYPE html`, `<html`, `<head`, `<body` or `<meta`; or it starts with a
// tag and the first 4 KB hold at least three block tags (p, div, br, table,
// tr, td, li, h1-h6 …); or it does not start with a tag but the first 4 KB
// hold at least six block openings (br not counted) and two closings
// (</p> </div> </td> </tr>). Markdown with a stray `<br>` is NOT HTML. Only
// ASCII is inspected, so raw GBK/Big5 bytes can be sniffed too.
bool looks_like_html(std::string_view text);

// The charset a page declares in its first 4 KB: `<meta charset="gb2312">` or
// `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, the
// label lowercased as written ("gb2312", "gbk", "big5", "utf-8" ...); "" when
// none. Only ASCII is inspected (works on undecoded bytes).
std::string html_meta_charset(std::string_view bytes);

// Converts an HTML page (UTF-8) to text with gumbo (HTML5 parsing, entities
// decoded, `&nbsp;` -> space). Whitespace inside a block collapses as in a
// browser (source line breaks inside a <p> are not line breaks; <pre> keeps
// its lines). Tables: one line per row, cells joined by '\t'; a cell holding
// several paragraphs makes the row several lines (line k = paragraph k of each
// cell, like a tabbed PDF table); rowspan/colspan leave empty cells so columns
// stay aligned. A table holding another table (or role=presentation, or a
// heading or form) is a layout table: its cells are plain blocks.
HtmlText html_to_text(std::string_view utf8);

// Rewrites the line numbers of normalise(html.text) — lines and diagnostics —
// into lines of the HTML source.
void map_to_source(NormalisedText& norm, const HtmlText& html);

}  // namespace qingdan
