// Stage 2: decoded UTF-8 -> normalised lines, each mapped to its original line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

// One normalised line. A line made by joining wrapped lines covers a range.
struct Line {
    std::string text;
    int line_start = 0;  // 1-based ORIGINAL line number
    int line_end = 0;
};

struct NormalisedText {
    // Character-level normalised lines, furniture dropped, NOT joined:
    // table layouts need the original line structure (tabs kept as '\t').
    std::vector<Line> lines;
    std::string script = "Hans";  // script of the ORIGINAL text: "Hans" or "Hant"
    std::vector<Diagnostic> diagnostics;
};

// Traditional->Simplified (only when the text is Traditional), full-width
// letters/digits -> ASCII, letter-spacing inside Chinese collapsed, leaked
// markdown ** removed, page furniture (repeated table headers, page numbers,
// web navigation and footers, 字号：大 中 小) dropped. Blank lines are dropped.
NormalisedText normalise(std::string_view utf8);

// Character-level normalisation of one string (no furniture handling,
// no T->S conversion): what every text field goes through.
std::string normalise_chars(std::string_view s);

// Joins lines wrapped inside a sentence (no space between CJK characters)
// into paragraphs; a line starting with a heading or item label, or a
// previous line ending a sentence, starts a new paragraph. Used by
// `qingdan text` and by prose layouts.
std::vector<Line> join_wrapped(const std::vector<Line>& lines);

// True when the text is Traditional: it has Traditional-only characters
// (這 們 國 ...) and at least three times as many as Simplified-only ones
// (这 们 国 ...). Cheap (compiled-in tables, first 4 MB); loads nothing.
bool looks_traditional(std::string_view utf8);

// Traditional -> Simplified at phrase level (OpenCC's dictionaries with the
// Taiwan/Hong Kong variant tables, plus the 著/着 rule; docs/normalisation.md).
// The converter is loaded once, on first use; thread-safe.
std::string to_simplified(std::string_view utf8);

// True for a line made only of table column-header words (任务清单 落实举措
// 责任部门 ...). normalise() keeps the FIRST such line of a document (it
// names the table's columns) and drops the repeats (page furniture).
bool is_table_header(std::string_view line);

// True for a page-number line (`— 12 —`, `- 12 -`, `第 3 页`, `3/12`) or a
// web-page navigation/footer line (京ICP备…, 版权所有…, 字号：大 中 小, 分享：,
// 打印, 关闭窗口 ...). `line` should already be character-normalised.
bool is_page_furniture(std::string_view line);

// Character sets behind the script check and the decoder's plausibility
// score (src/script.cpp; only U+4E00..U+9FFF are covered).
namespace script {
bool is_simplified_only(char32_t cp);   // 这 们 国 ... (absent from Big5)
bool is_traditional_only(char32_t cp);  // 這 們 國 ... (absent from GB2312)
bool is_common_han(char32_t cp);        // GB2312 level 1 + Big5 frequent characters
}  // namespace script

}  // namespace qingdan
