// CSV emitter (RFC 4180, UTF-8, header row), one row per task, plus the
// cell helpers the checklist CSV shares. Excel-ready by default: BOM, CRLF,
// and cells that a spreadsheet would read as a formula neutralised with a
// leading '; `--plain` (opts.excel false) is bare RFC 4180.
#include <string>
#include <string_view>
#include <vector>

#include "emit.hpp"

namespace qingdan {

std::string csv_field(std::string_view cell, bool excel) {
    std::string v;
    if (excel && !cell.empty()) {
        char c = cell.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') v += '\'';
    }
    v.append(cell);
    bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_record(const std::vector<std::string>& cells, bool excel) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += csv_field(cells[i], excel);
    }
    out += excel ? "\r\n" : "\n";
    return out;
}

std::string csv_preamble(bool excel) { return excel ? "\xEF\xBB\xBF" : ""; }

std::string section_path_text(const Task& task) {
    std::string out;
    for (const auto& p : task.section_path) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return out;
}

const Section* find_section(const Document& doc, const std::vector<std::string>& path) {
    if (path.empty()) return nullptr;
    for (const auto& s : doc.sections)
        if (s.path == path) return &s;
    return nullptr;
}

std::string units_text(const std::vector<UnitRef>& units, bool lead) {
    std::string out;
    for (const auto& u : units) {
        bool is_lead = u.role == "lead" || u.role == "responsible";
        if (is_lead != lead) continue;
        if (!out.empty()) out += "、";
        out += u.canonical.empty() ? u.name : u.canonical;
    }
    return out;
}

std::string scope_text(const std::vector<Scope>& scope, std::string_view lang) {
    std::string out;
    for (const auto& s : scope) {
        if (!out.empty()) out += lang == "en" ? "; " : "；";
        if (lang == "en")
            out += s.tier + ":" + s.who + ":" + s.obligation;
        else  // 省份：各省份必做
            out += label("tier", s.tier, lang) + "：" + s.who + label("status", s.obligation, lang);
    }
    return out;
}

std::string targets_text(const std::vector<Target>& targets) {
    std::string out;
    for (const auto& t : targets) {
        if (!out.empty()) out += "; ";
        out += t.text;
    }
    return out;
}

std::string deadlines_text(const std::vector<Deadline>& deadlines) {
    std::string out;
    for (const auto& d : deadlines) {
        if (!out.empty()) out += "; ";
        out += d.date.empty() ? d.text : d.date + " (" + d.text + ")";
    }
    return out;
}

std::string source_ref(const Document& doc, const Task& task) {
    return doc.source + ":" + std::to_string(task.span.line_start);
}

std::vector<std::string> task_csv_keys() {
    return {"doc_id", "doc_title", "doc_year", "task_id",   "seq",        "kind", "section", "section_title",
            "number", "label",     "title",    "lead",      "participants", "scope", "targets", "deadlines",
            "completion", "text",  "source"};
}

std::vector<std::string> task_csv_header(std::string_view lang) { return labels("col", task_csv_keys(), lang); }

std::vector<std::string> task_csv_cells(const Document& doc, const Task& t, std::string_view lang) {
    const Section* sec = find_section(doc, t.section_path);
    return {doc.id,
            doc.title.value_or(""),
            doc.year ? std::to_string(*doc.year) : std::string(),
            t.id,
            std::to_string(t.seq),
            label("kind", t.kind, lang),
            section_path_text(t),
            sec ? sec->title : std::string(),
            t.number ? std::to_string(*t.number) : std::string(),
            t.label.value_or(""),
            t.title.value_or(""),
            units_text(t.units, true),
            units_text(t.units, false),
            scope_text(t.scope, lang),
            targets_text(t.targets),
            deadlines_text(t.deadlines),
            t.completion.value_or(""),
            t.text,
            source_ref(doc, t)};
}

std::string render_csv(const std::vector<Document>& docs, const EmitOptions& opts) {
    std::string out = csv_preamble(opts.excel);
    out += csv_record(task_csv_header(opts.lang), opts.excel);
    for (const auto& d : docs)
        for (const auto& t : d.tasks) out += csv_record(task_csv_cells(d, t, opts.lang), opts.excel);
    return out;
}

}  // namespace qingdan
