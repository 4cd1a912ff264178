// Stage 7: emitters. Every format is driven by the canonical model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

// What people read is Chinese and Excel-ready by default; `--lang en` keeps
// the English keys (as in JSON) and `--plain` gives RFC 4180 for machines.
struct EmitOptions {
    bool excel = true;        // CSV: UTF-8 BOM, CRLF, formula-looking cells neutralised
    std::string lang = "zh";  // "zh" or "en": headers and values of CSV, XLSX, HTML
};

// The label of `key` in namespace `ns` ("col", "role", "status", "level",
// "tier", "kind", "bool", "diff", "change", "source") for `lang`: the
// Chinese label from the one table in labels.cpp, or the key itself for
// "en" and for keys the table lacks.
std::string label(std::string_view ns, std::string_view key, std::string_view lang);
std::vector<std::string> labels(std::string_view ns, const std::vector<std::string>& keys, std::string_view lang);

// `format`: "json" (one qingdan/1 object), "jsonl" (one task per line with
// doc_id), "csv", "md". Throws std::invalid_argument for another format.
std::string render(const std::vector<Document>& docs, const std::string& format, const EmitOptions& opts = {});

std::string render_json(const std::vector<Document>& docs);
std::string render_jsonl(const std::vector<Document>& docs);
std::string render_csv(const std::vector<Document>& docs, const EmitOptions& opts);
std::string render_markdown(const std::vector<Document>& docs);

// --- cell helpers shared by the emitters --------------------------------------

// One RFC 4180 field: quoted when it holds , " CR or LF; with `excel` a
// field starting with = + - @ TAB or CR gets a leading '.
std::string csv_field(std::string_view cell, bool excel);
// A record: fields joined by ',', ended by "\n" ("\r\n" with `excel`).
std::string csv_record(const std::vector<std::string>& cells, bool excel);
// UTF-8 BOM when `excel`.
std::string csv_preamble(bool excel);

// Inline Markdown text: control characters and line breaks become spaces,
// Markdown/HTML-significant ASCII punctuation is backslash-escaped.
std::string md_inline(std::string_view text);
// A code span (`...`) holding `text` whatever backticks it contains.
std::string md_code(std::string_view text);

// One `- [ ]` item for a task (ends with a blank line): the label and title
// in bold, then `badge` (may be ""), the text (or only the measures listed
// in `measures` when not empty), units, scope, targets, deadlines,
// completion, `extra` lines (already Markdown), and the source as `path:line`.
std::string md_task_item(const Document& doc, const Task& task, const std::string& badge,
                         const std::vector<std::size_t>& measures = {},
                         const std::vector<std::string>& extra = {});
// "一、完善知识产权制度 / （一）完善知识产权法律法规规章" for a section path.
std::string md_section_heading(const Document& doc, const std::vector<std::string>& path);
// Chinese label (labels.cpp) of a role or status: lead 牵头, participant 配合, responsible
// 负责, mandatory 必做, optional 选做, check 待核实; binding sources scope
// 范围, actor 举措, unit 单位.
std::string zh_label(std::string_view value);

// The task columns shared by `compile --format csv` and the checklist CSV.
// Keys are English; `lang` "zh" labels the header and the values.
std::vector<std::string> task_csv_keys();
std::vector<std::string> task_csv_header(std::string_view lang = "en");
std::vector<std::string> task_csv_cells(const Document& doc, const Task& task, std::string_view lang = "en");

// Cell texts (also used by Markdown).
std::string section_path_text(const Task& task);                      // "二/（一）"
const Section* find_section(const Document& doc, const std::vector<std::string>& path);
std::string units_text(const std::vector<UnitRef>& units, bool lead);  // lead/responsible or participants
std::string scope_text(const std::vector<Scope>& scope, std::string_view lang = "en");
std::string targets_text(const std::vector<Target>& targets);
std::string deadlines_text(const std::vector<Deadline>& deadlines);
std::string source_ref(const Document& doc, const Task& task);       // "path:line"

}  // namespace qingdan
