// The canonical document model, `qingdan/1` (docs/schema/qingdan-1.schema.json).
// Plain data passed between the pipeline's stages; no behaviour lives here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qingdan {

inline constexpr const char* kSchemaVersion = "qingdan/1";

struct Diagnostic {
    std::string severity;  // "error", "warning", "info"
    std::string code;      // e.g. "duplicate-number", "unknown-unit"
    int line = 0;          // 1-based line of the ORIGINAL input, 0 when none
    std::string message;
};

struct Span {
    int line_start = 0;  // 1-based lines of the input (for PDF/DOCX/XLSX: of its extracted text, `qingdan text`)
    int line_end = 0;
    // Office inputs only (docs/formats.md); absent from the JSON when unset.
    std::optional<int> page;  // PDF page of line_start (1-based)
    std::optional<int> row;   // table row of line_start: DOCX table row, XLSX sheet row, PDF table row
    // Tasks read from a delivered table (DOCX, XLSX, PDF, HTML): the column
    // (1-based, as the table's grid numbers them) of the cell holding the
    // task's text.
    std::optional<int> cell;
};

struct UnitRef {
    std::string name;       // as printed (after Traditional -> Simplified)
    std::string canonical;  // full official name, or `name` when unknown
    std::string role;       // "lead", "participant", "responsible"
    std::string level;      // "central", "cnipa-internal", "local", "other"
};

struct Measure {
    std::optional<std::string> actor;  // "国家知识产权局", "各地区", ... or none
    std::string text;
    std::vector<UnitRef> units;
};

struct Scope {
    std::string tier;        // "province", "city", "county", "park"
    std::string who;         // category as printed: "各省份", "涉及省份" ...
    std::string obligation;  // "mandatory" (必做) or "optional" (选做)
    std::string text;        // the clause as printed
};

struct Target {
    std::string text;    // "发明专利审查周期压减到16个月"
    std::string metric;  // "发明专利审查周期"
    std::string op;      // "<=", ">=", "=", "~"
    double value = 0;
    std::string unit;    // "%", "个月", "家" ...
};

struct Deadline {
    std::string text;  // "2023年12月15日前"
    std::string date;  // "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    std::string kind;  // "by", "on", "from"
};

struct Section {
    std::string label;               // "一、" / "（一）" as printed
    int number = 0;                  // the numeral's value
    int level = 1;                   // 1 = 一、, 2 = （一）
    std::vector<std::string> path;   // ["二","（一）"]
    std::string title;
    std::string kind;                // level 1: "preamble", "tasks", "requirements"
    Span span;
};

struct Task {
    std::string id;
    int seq = 0;
    std::string kind;                     // "task" or "requirement"
    std::optional<std::string> label;     // as printed, or none
    std::optional<int> number;            // intended number
    std::vector<std::string> section_path;
    std::optional<std::string> title;
    std::string text;
    std::vector<Measure> measures;
    std::vector<UnitRef> units;           // union over measures, lead first
    std::vector<Scope> scope;
    std::vector<Target> targets;
    std::vector<Deadline> deadlines;
    std::optional<std::string> completion;
    Span span;
};

struct Document {
    std::string id;
    std::string source;
    std::string sha256;
    std::string encoding;
    std::string script = "Hans";
    std::string layout;
    std::optional<std::string> title;
    std::optional<std::string> doc_number;
    std::optional<std::string> issuer;
    std::optional<std::string> issued;
    std::optional<std::string> published;
    std::optional<int> year;
    std::vector<std::string> addressees;
    std::vector<Target> goals;
    std::vector<Deadline> deadlines;
    std::vector<Section> sections;
    std::vector<Task> tasks;
    std::vector<Diagnostic> diagnostics;
};

}  // namespace qingdan
