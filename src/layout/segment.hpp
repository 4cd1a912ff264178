// Stages 3-4: layout detection and segmentation of normalised lines into a
// document skeleton (cover notice, sections, raw items with their cells).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar.hpp"
#include "qingdan/model.hpp"
#include "normalise.hpp"

namespace qingdan {

// Scores every grammar's `detect` rules on the lines; the best one wins
// (ties: the first by name). Returns its index.
size_t detect_layout(const std::vector<Line>& lines, const std::vector<Grammar>& grammars);

// What the cover notice (印发通知) and the title block say.
struct Cover {
    std::optional<std::string> title;       // the plan's own title
    std::optional<std::string> notice_title;
    std::optional<std::string> doc_number;
    std::optional<std::string> issuer;      // as printed
    std::optional<std::string> issued;      // ISO date under the signature
    std::optional<std::string> published;   // 发布时间
    std::optional<std::string> source;      // 信息来源 naming a body (a site's metadata)
    // A letterhead (许昌市人民政府文件, maybe spliced into a sentence by the
    // page): the run of Han characters before 文件, ending in an organ word.
    std::optional<std::string> letterhead;
    std::vector<std::string> addressees;
    std::vector<Line> notice_text;          // the notice's paragraphs (deadlines)
    size_t body_start = 0;                  // first line after the title
};

// A cell of a raw item: a piece of text and the column it belongs to.
enum class CellKind { Title, Measure, Units, Scope, Completion };

struct Cell {
    Cell(CellKind k, std::string t, int l = 0, std::string r = {})
        : kind(k), text(std::move(t)), line(l), role(std::move(r)) {}
    CellKind kind;
    std::string text;
    int line = 0;
    // Units cells of a column table: the role the column gives every unit
    // in it ("lead" for 牵头单位, "participant" for 配合单位); empty when
    // roles go by position (责任单位: the first listed leads).
    std::string role;
};

struct RawItem {
    std::string kind = "task";              // "task" or "requirement"
    std::optional<std::string> label;       // as printed
    std::optional<int> printed;             // value of the printed number
    bool level2 = false;                    // a （一） paragraph used as an item
    std::vector<std::string> section_path;
    std::vector<Cell> cells;                // prose: Title? + Measure paragraphs
    Span span;
    bool table_row = false;                 // a row of a column table (cells by column)
};

struct Skeleton {
    Cover cover;
    std::vector<Section> sections;
    std::vector<RawItem> items;
    std::vector<Line> preamble;             // text of preamble parts (goals)
    std::vector<Line> intro;                // text before the first part (the opening paragraph)
    std::vector<Diagnostic> diagnostics;
    // The input stops mid-sentence inside the last item (a truncated
    // download: no closing stop or bracket on the last line): the last name
    // of a unit list there may be cut (人民银), see extract's cut_tail().
    bool cut_at_end = false;
    std::string cut_text;  // the text of the line the input stops in
};

Cover read_cover(const std::vector<Line>& lines, const Grammar& g);

// `lines` are normalise()'s unjoined lines; prose layouts join wraps here.
Skeleton segment(const std::vector<Line>& lines, const Grammar& g);

// A table the ingest stage delivered as rows and cells (DOCX, XLSX, PDF):
// lines [header, end) of the normalised lines, its header row first.
struct TableBlock {
    size_t header = 0, end = 0;
};

// The delivered tables whose header row names their columns with
// `table_g`'s `column_*` vocabulary (序号 | 重点任务 | 负责单位 …).
// `table_of[i]` is the table line i is a row of (0: not in a table); rows
// of a table above its header row (a title row) are left to the prose.
std::vector<TableBlock> header_tables(const std::vector<Line>& lines, const std::vector<int>& table_of,
                                      const Grammar& table_g);

// A document that mixes prose and delivered tables: the lines outside
// `tables` are read by the prose grammar `prose_g` (cover, headings,
// numbered items, requirements), each table by `table_g`'s columns, into
// one skeleton (parts opened by a table's heading rows hold its rows).
Skeleton segment_mixed(const std::vector<Line>& lines, const std::vector<TableBlock>& tables, const Grammar& prose_g,
                       const Grammar& table_g);

}  // namespace qingdan
