// Checklists and the unit summary as CSV, Markdown and JSON.
#include <string>
#include <vector>

#include "checklist.hpp"
#include "json.hpp"

namespace qingdan {

namespace {

const char* const kRoles[] = {"lead", "participant", "responsible"};
const char* const kStatuses[] = {"mandatory", "optional", "check"};

bool is_province(const Checklist& c) { return c.by == "province"; }

std::string measure_plain(const Measure& m) {
    return (m.actor ? *m.actor + "：" : std::string()) + m.text;
}

std::string measures_cell(const ChecklistItem& it) {
    std::string out;
    for (size_t i : it.measures) {
        if (i >= it.task->measures.size()) continue;
        if (!out.empty()) out += "\n";
        out += measure_plain(it.task->measures[i]);
    }
    return out;
}

std::string basis_cell(const ChecklistItem& it) {
    std::string out;
    for (const auto& b : it.bindings) {
        if (!out.empty()) out += "; ";
        out += b.source + ":" + b.who + ":" + b.status;
    }
    return out;
}

std::string counts_md(const Checklist& c) {
    auto counts = c.counts();
    std::string out;
    int total = 0;
    for (const char* k : is_province(c) ? kStatuses : kRoles) {
        int n = counts.count(k) ? counts.at(k) : 0;
        total += n;
        if (!out.empty()) out += "，";
        out += zh_label(k) + " " + std::to_string(n);
    }
    return std::to_string(total) + "（" + out + "）";
}

// ---- CSV ------------------------------------------------------------------

std::string basis_cell(const ChecklistItem& it, std::string_view lang) {
    if (lang == "en") return basis_cell(it);
    std::string out;
    for (const auto& b : it.bindings) {
        if (!out.empty()) out += "；";
        out += label("source", b.source, lang) + "：" + b.who + "（" + label("status", b.status, lang) + "）";
    }
    return out;
}

std::string render_csv(const std::vector<Checklist>& lists, bool province, const EmitOptions& opts) {
    std::string out = csv_preamble(opts.excel) + csv_record(checklist_header(province, opts.lang), opts.excel);
    for (const auto& c : lists)
        for (const auto& it : c.items) out += csv_record(checklist_row(c, it, opts.lang), opts.excel);
    return out;
}

// ---- Markdown ---------------------------------------------------------------

std::string render_md(const std::vector<Checklist>& lists) {
    std::string out;
    bool first = true;
    for (const auto& c : lists) {
        if (!first) out += "\n";
        first = false;
        out += "# " + md_inline(c.name) + "\n\n";
        if (is_province(c)) {
            std::string ids;
            for (const auto& a : c.aliases) ids += (ids.empty() ? "" : "，") + md_inline(a);
            if (!c.pinyin.empty()) ids += (ids.empty() ? "" : "，") + md_inline(c.pinyin);
            if (!c.code.empty()) ids += (ids.empty() ? "" : "，") + md_inline(c.code);
            if (!ids.empty()) out += "- 省份：" + ids + "\n";
            if (c.profile.empty())
                out += "- 画像：未提供（条件类范围一律待核实）\n";
            else
                out += "- 画像：" + md_code(c.profile) + "\n";
        } else {
            if (!c.level.empty()) out += "- 级别：" + md_inline(c.level) + "\n";
            if (!c.aliases.empty()) {
                std::string a;
                for (const auto& x : c.aliases) a += (a.empty() ? "" : "、") + md_inline(x);
                out += "- 文中名称：" + a + "\n";
            }
        }
        out += "- 任务：" + counts_md(c) + "\n\n";
        if (c.items.empty()) {
            out += "（无任务）\n";
            continue;
        }
        const Document* doc = nullptr;
        const std::vector<std::string>* path = nullptr;
        for (const auto& it : c.items) {
            if (it.doc != doc) {
                doc = it.doc;
                path = nullptr;
                out += "## " + md_inline(doc->title && !doc->title->empty() ? *doc->title : doc->id) + "\n\n";
                out += "文档 " + md_code(doc->id) + "，来源 " + md_code(doc->source) + "\n\n";
            }
            if (!path || *path != it.task->section_path) {
                path = &it.task->section_path;
                if (!path->empty()) out += "### " + md_section_heading(*doc, *path) + "\n\n";
            }
            std::vector<std::string> extra;
            std::string badge;
            if (is_province(c)) {
                badge = "【" + zh_label(it.status) + "】";
                for (const auto& b : it.bindings) {
                    std::string line = "依据：" + zh_label(b.source) + " " + md_inline(b.who) + "（" +
                                       zh_label(b.status) + "）：" + md_inline(b.reason);
                    if (!b.cities.empty()) {
                        line += "；城市：";
                        for (size_t i = 0; i < b.cities.size(); ++i) line += (i ? "、" : "") + md_inline(b.cities[i]);
                    }
                    extra.push_back(std::move(line));
                }
            } else {
                badge = "【" + zh_label(it.role) + "】";
            }
            out += md_task_item(*doc, *it.task, badge, it.measures, extra);
        }
    }
    return out;
}

// ---- JSON -------------------------------------------------------------------

Json item_json(const Checklist& c, const ChecklistItem& it) {
    Json j{{"doc_id", it.doc->id}, {"task_id", it.task->id}};
    if (is_province(c)) {
        j["status"] = it.status;
        Json bs = Json::array();
        for (const auto& b : it.bindings)
            bs.push_back(Json{{"status", b.status}, {"source", b.source}, {"who", b.who}, {"reason", b.reason},
                              {"cities", b.cities}});
        j["bindings"] = bs;
    } else {
        j["role"] = it.role;
    }
    Json ms = Json::array();
    for (size_t i : it.measures) ms.push_back(i);
    j["measures"] = ms;
    j["source"] = source_ref(*it.doc, *it.task);
    j["task"] = to_json(*it.task);
    return j;
}

Json checklist_json(const Checklist& c) {
    Json j;
    auto counts = c.counts();
    Json cj = Json::object();
    if (is_province(c)) {
        j["province"] = c.name;
        j["kind"] = c.level;
        j["short"] = c.aliases.empty() ? std::string() : c.aliases.front();
        j["pinyin"] = c.pinyin;
        j["code"] = c.code;
        j["profile"] = c.profile.empty() ? Json(nullptr) : Json(c.profile);
        for (const char* k : kStatuses) cj[k] = counts.count(k) ? counts.at(k) : 0;
    } else {
        j["unit"] = c.name;
        j["level"] = c.level;
        j["aliases"] = c.aliases;
        for (const char* k : kRoles) cj[k] = counts.count(k) ? counts.at(k) : 0;
    }
    j["counts"] = cj;
    j["items"] = Json::array();  // streamed by append_checklist_json
    return j;
}

// `j` dumped as nlohmann's dump(2) would print it nested `level` deep.
// Strings hold no raw newline (escaped), so every '\n' starts a line.
void append_nested(std::string& out, const Json& j, int level) {
    const std::string s = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string pad(static_cast<size_t>(level) * 2, ' ');
    for (char ch : s) {
        out += ch;
        if (ch == '\n') out += pad;
    }
}

// One checklist, its items converted and dumped one at a time: a tree of
// every item of every province (each embedding its whole task) took 571 MB
// for a 149 KB document. Byte-identical to dumping the whole tree.
void append_checklist_json(std::string& out, const Checklist& c, int level) {
    std::string head;
    append_nested(head, checklist_json(c), level);
    const std::string pad(static_cast<size_t>(level + 1) * 2, ' ');
    const std::string slot = "\n" + pad + "\"items\": []";
    const size_t at = head.find(slot);
    if (c.items.empty() || at == std::string::npos) {
        out += head;
        return;
    }
    out.append(head, 0, at + slot.size() - 1);  // up to and without the ']'
    for (size_t i = 0; i < c.items.size(); ++i) {
        out += i ? ",\n" : "\n";
        out += pad + "  ";
        append_nested(out, item_json(c, c.items[i]), level + 2);
    }
    out += "\n" + pad + "]";
    out.append(head, at + slot.size(), std::string::npos);
}

}  // namespace

std::vector<std::string> checklist_header(bool province, std::string_view lang) {
    std::vector<std::string> keys = province ? std::vector<std::string>{"province", "status", "basis"}
                                             : std::vector<std::string>{"unit", "level", "role"};
    for (auto& k : task_csv_keys()) keys.push_back(k);
    keys.push_back("measures");
    return labels("col", keys, lang);
}

std::vector<std::string> checklist_row(const Checklist& c, const ChecklistItem& it, std::string_view lang) {
    std::vector<std::string> row =
        is_province(c) ? std::vector<std::string>{c.name, label("status", it.status, lang), basis_cell(it, lang)}
                       : std::vector<std::string>{c.name, label("level", c.level, lang), label("role", it.role, lang)};
    for (auto& x : task_csv_cells(*it.doc, *it.task, lang)) row.push_back(std::move(x));
    row.push_back(measures_cell(it));
    return row;
}

std::string render_checklists(const std::vector<Checklist>& lists, const std::vector<Document>& docs,
                              const std::string& format, const EmitOptions& opts) {
    bool province = !lists.empty() && is_province(lists.front());
    if (format == "csv") return render_csv(lists, province, opts);
    if (format == "md") return render_md(lists);
    if (format == "xlsx") return render_checklists_xlsx(lists, opts);
    if (format == "html") return render_checklists_html(lists, opts);
    if (format == "json") {
        // Keys in insertion order (ordered_json): schema, by, documents, checklists.
        Json ds = Json::array();
        for (const auto& d : docs)
            ds.push_back(Json{{"id", d.id}, {"source", d.source}, {"title", d.title ? Json(*d.title) : Json(nullptr)},
                              {"year", d.year ? Json(*d.year) : Json(nullptr)}});
        std::string out = "{\n  \"schema\": \"qingdan-checklist/1\",\n  \"by\": ";
        append_nested(out, Json(lists.empty() ? std::string() : lists.front().by), 1);
        out += ",\n  \"documents\": ";
        append_nested(out, ds, 1);
        out += ",\n  \"checklists\": [";
        for (size_t i = 0; i < lists.size(); ++i) {
            out += i ? ",\n    " : "\n    ";
            append_checklist_json(out, lists[i], 2);
        }
        out += lists.empty() ? "]\n}\n" : "\n  ]\n}\n";
        return out;
    }
    throw std::invalid_argument("unknown checklist format `" + format + "`");
}

std::string render_units(const std::vector<UnitSummary>& units, const std::string& format, const EmitOptions& opts) {
    auto known = [](const UnitSummary& u) { return u.known ? (*u.known ? "yes" : "no") : ""; };
    if (format == "csv") {
        std::string out = csv_preamble(opts.excel);
        out += csv_record(labels("ucol", {"canonical", "level", "aliases", "lead", "participant", "responsible", "tasks",
                                         "documents", "known"},
                                 opts.lang),
                          opts.excel);
        for (const auto& u : units) {
            std::string a;
            for (const auto& x : u.aliases) a += (a.empty() ? "" : "、") + x;
            out += csv_record({u.canonical, label("level", u.level, opts.lang), a, std::to_string(u.lead), std::to_string(u.participant),
                               std::to_string(u.responsible), std::to_string(u.tasks), std::to_string(u.documents),
                               u.known ? label("bool", known(u), opts.lang) : std::string()},
                              opts.excel);
        }
        return out;
    }
    if (format == "md") {
        std::string out = "# 单位\n\n";
        out += "| 单位 | 级别 | 文中名称 | 牵头 | 配合 | 负责 | 任务 | 文档 | 词表 |\n";
        out += "|---|---|---|---:|---:|---:|---:|---:|---|\n";
        for (const auto& u : units) {
            std::string a;
            for (const auto& x : u.aliases) a += (a.empty() ? "" : "、") + md_inline(x);
            out += "| " + md_inline(u.canonical) + " | " + md_inline(u.level) + " | " + a + " | " +
                   std::to_string(u.lead) + " | " + std::to_string(u.participant) + " | " +
                   std::to_string(u.responsible) + " | " + std::to_string(u.tasks) + " | " +
                   std::to_string(u.documents) + " | " + (u.known ? (*u.known ? "是" : "否") : "") + " |\n";
        }
        return out;
    }
    if (format == "json") {
        Json arr = Json::array();
        for (const auto& u : units)
            arr.push_back(Json{{"canonical", u.canonical},
                               {"level", u.level},
                               {"aliases", u.aliases},
                               {"lead", u.lead},
                               {"participant", u.participant},
                               {"responsible", u.responsible},
                               {"tasks", u.tasks},
                               {"documents", u.documents},
                               {"known", u.known ? Json(*u.known) : Json(nullptr)}});
        return dump_pretty(Json{{"schema", "qingdan-units/1"}, {"units", arr}});
    }
    throw std::invalid_argument("unknown units format `" + format + "`");
}

}  // namespace qingdan
