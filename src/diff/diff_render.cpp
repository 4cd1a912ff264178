// Renders a DiffResult as a Markdown review document, CSV or JSON
// (`qingdan-diff/1`, docs/schema/qingdan-diff-1.schema.json).
#include <cmath>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "diff.hpp"
#include "diff_render.hpp"
#include "emit.hpp"
#include "json.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace diff_detail {

// --- shared wording ----------------------------------------------------------

std::string num(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

std::string op_text(const std::string& op) {
    if (op == "<=") return "≤";
    if (op == ">=") return "≥";
    if (op == "~") return "约";
    return op;
}

std::string target_text(const Target& t) {
    std::string metric = t.metric.empty() ? "" : t.metric + " ";
    return metric + op_text(t.op) + num(t.value) + t.unit;
}

std::string tier_text(const std::string& tier) {
    if (tier == "province") return "省份";
    if (tier == "city") return "城市";
    if (tier == "county") return "县";
    if (tier == "park") return "园区";
    return tier;
}

std::string scope_text(const Scope& s) {
    std::string ob = s.obligation == "mandatory" ? "必做" : s.obligation == "optional" ? "选做" : s.obligation;
    return tier_text(s.tier) + "：" + s.who + ob;
}

std::string deadline_text(const Deadline& d) {
    std::string kind = d.kind == "by" ? "前" : d.kind == "from" ? "起" : "";
    return d.date + kind;
}

std::string role_text(const std::string& role) {
    if (role == "lead") return "牵头";
    if (role == "participant") return "配合";
    if (role == "responsible") return "负责";
    return role;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t k = 0; k < v.size(); ++k) {
        if (k) out += sep;
        out += v[k];
    }
    return out;
}

std::string section_text(const std::vector<std::string>& path) { return path.empty() ? "—" : join(path, "/"); }

std::string number_text(const std::optional<int>& number, const std::optional<std::string>& label) {
    if (number) return std::to_string(*number);
    if (label) return *label;
    return "—";
}

// First `n` code points of s, with "…" when cut.
std::string excerpt(std::string_view s, size_t n) {
    size_t i = 0, k = 0;
    while (i < s.size() && k < n) {
        ustr::next(s, i);
        ++k;
    }
    return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

std::string task_name(const Task* t) {
    if (!t) return "?";
    if (t->title && !t->title->empty()) return excerpt(*t->title, 40);
    return excerpt(t->text, 24);
}

std::string units_list(const std::vector<UnitRef>& units, bool roles) {
    std::vector<std::string> parts;
    for (const auto& u : units) parts.push_back(roles ? u.canonical + "（" + role_text(u.role) + "）" : u.canonical);
    return join(parts, "、");
}

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

std::vector<TextEdit> pair_edits(const DiffResult& r, const TaskPair& p) {
    if (!p.text_changed) return {};
    if (!p.text_edits.empty()) return p.text_edits;
    const Task* a = r.old_task(p.old_id);
    const Task* b = r.new_task(p.new_id);
    return a && b ? diff_text(a->text, b->text) : std::vector<TextEdit>{};
}

}  // namespace diff_detail

namespace {

using namespace diff_detail;

// --- Markdown ----------------------------------------------------------------

std::string md(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' ||
            c == '|' || c == '#')
            out += '\\';
        out += c;
    }
    return out;
}

// An inline code span, or escaped text when the value holds a backtick.
std::string code(std::string_view s) {
    if (s.find('`') != std::string_view::npos || s.find('\n') != std::string_view::npos) return md(s);
    return "`" + std::string(s) + "`";
}

// Edit markup that GitHub and GitLab render: <del>/<ins> around the
// escaped text of the changes.
std::string md_edits(const std::vector<TextEdit>& edits) {
    std::string out;
    for (const auto& e : edits) {
        switch (e.op) {
            case TextEdit::Op::Equal: out += md(e.text); break;
            case TextEdit::Op::Delete: out += "<del>" + md(e.text) + "</del>"; break;
            case TextEdit::Op::Insert: out += "<ins>" + md(e.text) + "</ins>"; break;
        }
    }
    return out;
}

std::string change_label(const std::string& c) { return label("change", c, "zh"); }

std::string doc_name(const DocSummary& d) {
    if (d.title) return *d.title;
    return d.id;
}

void md_summary(std::string& out, const DiffResult& r) {
    out += "## 概览 Summary\n\n";
    out += "| 状态 status | 任务数 tasks |\n|---|---:|\n";
    out += fmt::format("| 新增 added | {} |\n", r.added.size());
    out += fmt::format("| 删除 removed | {} |\n", r.removed.size());
    out += fmt::format("| 变更 changed | {} |\n", r.changed_count());
    out += fmt::format("| 未变 unchanged | {} |\n", r.unchanged_count());
    out += fmt::format("| 其中重新编号 renumbered | {} |\n", r.renumbered_count());
    out += fmt::format("| 其中调整章节 moved | {} |\n\n", r.moved_count());
}

void md_task_item(std::string& out, const Task* t, const std::string& id) {
    if (!t) {
        out += fmt::format("- {}\n", code(id));
        return;
    }
    out += fmt::format("- **{} {}** — {} · 章节 {}", md(number_text(t->number, t->label)), md(task_name(t)),
                       code(id), md(section_text(t->section_path)));
    if (!t->units.empty()) out += " · " + md(units_list(t->units, true));
    out += "\n";
    if (!t->text.empty()) out += "  > " + md(excerpt(t->text, 80)) + "\n";
}

void md_pair(std::string& out, const DiffResult& r, const TaskPair& p) {
    const Task* a = r.old_task(p.old_id);
    const Task* b = r.new_task(p.new_id);
    out += fmt::format("### {} {} → {} {}\n\n", md(number_text(p.old_number, p.old_label)), md(task_name(a)),
                       md(number_text(p.new_number, p.new_label)), md(task_name(b)));
    std::vector<std::string> labels;
    for (const auto& c : p.changes()) labels.push_back(change_label(c));
    out += fmt::format("{} → {} · 相似度 similarity {:.4f} · 变更 {}\n\n", code(p.old_id), code(p.new_id),
                       p.similarity, join(labels, "、"));
    if (p.title_changed)
        out += "- 标题: " + md_edits(diff_text(p.old_title.value_or(""), p.new_title.value_or(""))) + "\n";
    if (p.renumbered)
        out += fmt::format("- 编号: {} → {}\n", md(number_text(p.old_number, p.old_label)),
                           md(number_text(p.new_number, p.new_label)));
    if (p.moved)
        out += fmt::format("- 章节: {} → {}\n", md(section_text(p.old_section)), md(section_text(p.new_section)));
    if (p.kind_changed) out += fmt::format("- 类型: {} → {}\n", md(p.old_kind), md(p.new_kind));
    if (p.lead_changed)
        out += fmt::format("- 牵头单位: {} → {}\n", md(p.old_lead.value_or("—")), md(p.new_lead.value_or("—")));
    if (!p.units_added.empty()) out += "- 新增单位: " + md(units_list(p.units_added, false)) + "\n";
    if (!p.units_removed.empty()) out += "- 删除单位: " + md(units_list(p.units_removed, false)) + "\n";
    for (const auto& s : p.scope_added) out += "- 新增范围: " + md(scope_text(s)) + "\n";
    for (const auto& s : p.scope_removed) out += "- 删除范围: " + md(scope_text(s)) + "\n";
    for (const auto& t : p.targets_changed)
        out += "- 目标: " + md(target_text(t.old_target)) + " → " + md(target_text(t.new_target)) + "\n";
    for (const auto& t : p.targets_added) out += "- 新增目标: " + md(target_text(t)) + "\n";
    for (const auto& t : p.targets_removed) out += "- 删除目标: " + md(target_text(t)) + "\n";
    for (const auto& d : p.deadlines_added) out += "- 新增期限: " + md(deadline_text(d)) + "\n";
    for (const auto& d : p.deadlines_removed) out += "- 删除期限: " + md(deadline_text(d)) + "\n";
    if (p.completion_changed)
        out += fmt::format("- 完成时间: {} → {}\n", md(p.old_completion.value_or("—")),
                           md(p.new_completion.value_or("—")));
    if (p.text_changed) {
        out += "- 文本（<del>删除</del> <ins>新增</ins>）:\n\n";
        std::vector<TextEdit> edits = p.text_edits;
        if (edits.empty() && a && b) edits = diff_text(a->text, b->text);
        out += "  > " + md_edits(edits) + "\n";
    }
    out += "\n";
}

// Per unit (--by unit): the tasks each unit gained, lost and kept with
// changes. A unit gains a task that is added with it or a pair that added
// it; it loses one removed with it or a pair that dropped it.
struct UnitView {
    std::vector<std::string> gained, lost, changed;  // Markdown lines
};

void md_by_unit(std::string& out, const DiffResult& r) {
    std::map<std::string, UnitView> view;
    auto line = [](const Task* t, const std::string& id) {
        if (!t) return code(id);
        return fmt::format("**{} {}** {}", md(number_text(t->number, t->label)), md(task_name(t)), code(id));
    };
    auto name = [](const UnitRef& u) { return u.canonical.empty() ? u.name : u.canonical; };
    for (const auto& id : r.added)
        if (const Task* t = r.new_task(id))
            for (const auto& u : t->units) view[name(u)].gained.push_back(line(t, id) + "（" + role_text(u.role) + "）");
    for (const auto& id : r.removed)
        if (const Task* t = r.old_task(id))
            for (const auto& u : t->units) view[name(u)].lost.push_back(line(t, id) + "（" + role_text(u.role) + "）");
    for (const auto& p : r.pairs) {
        const Task* b = r.new_task(p.new_id);
        for (const auto& u : p.units_added) view[name(u)].gained.push_back(line(b, p.new_id) + "（新增单位）");
        for (const auto& u : p.units_removed) view[name(u)].lost.push_back(line(b, p.new_id) + "（删除单位）");
        if (!p.changed() || !b) continue;
        std::vector<std::string> labels;
        for (const auto& c : p.changes()) labels.push_back(change_label(c));
        for (const auto& u : b->units) view[name(u)].changed.push_back(line(b, p.new_id) + "：" + join(labels, "、"));
    }
    out += "## 按单位 By unit\n\n";
    if (view.empty()) out += "（无单位变化）\n\n";
    for (const auto& [unit, v] : view) {
        if (v.gained.empty() && v.lost.empty() && v.changed.empty()) continue;
        out += fmt::format("### {}\n\n新增 {} · 删除 {} · 变更 {}\n\n", md(unit), v.gained.size(), v.lost.size(),
                           v.changed.size());
        for (const auto& x : v.gained) out += "- 新增 " + x + "\n";
        for (const auto& x : v.lost) out += "- 删除 " + x + "\n";
        for (const auto& x : v.changed) out += "- 变更 " + x + "\n";
        out += "\n";
    }
}

// --- JSON --------------------------------------------------------------------

Json jnum(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return Json(static_cast<long long>(v));
    return Json(v);
}

template <class T>
Json jopt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json junit(const UnitRef& u) {
    return Json{{"name", u.name}, {"canonical", u.canonical}, {"role", u.role}, {"level", u.level}};
}
Json jscope(const Scope& s) {
    return Json{{"tier", s.tier}, {"who", s.who}, {"obligation", s.obligation}, {"text", s.text}};
}
Json jtarget(const Target& t) {
    return Json{{"text", t.text}, {"metric", t.metric}, {"op", t.op}, {"value", jnum(t.value)}, {"unit", t.unit}};
}
Json jdeadline(const Deadline& d) { return Json{{"text", d.text}, {"date", d.date}, {"kind", d.kind}}; }

template <class T, class F>
Json jarr(const std::vector<T>& v, F f) {
    Json a = Json::array();
    for (const auto& x : v) a.push_back(f(x));
    return a;
}

Json jedits(const std::vector<TextEdit>& edits) {
    Json a = Json::array();
    for (const auto& e : edits) {
        const char* op = e.op == TextEdit::Op::Equal ? "=" : e.op == TextEdit::Op::Delete ? "-" : "+";
        a.push_back(Json{{"op", op}, {"text", e.text}});
    }
    return a;
}

Json jdoc(const DocSummary& d) {
    return Json{{"id", d.id}, {"source", d.source}, {"title", jopt(d.title)}, {"year", jopt(d.year)}, {"tasks", d.tasks}};
}

Json jsummary(const DiffResult& r) {
    return Json{{"pairs", r.pairs.size()},         {"changed", r.changed_count()},
                {"unchanged", r.unchanged_count()}, {"added", r.added.size()},
                {"removed", r.removed.size()},      {"renumbered", r.renumbered_count()},
                {"moved", r.moved_count()}};
}

Json jpair(const DiffResult& r, const TaskPair& p) {
    Json j{{"old", p.old_id},
           {"new", p.new_id},
           {"status", p.changed() ? "changed" : "unchanged"},
           {"similarity", p.similarity},
           {"old_title", jopt(p.old_title)},
           {"new_title", jopt(p.new_title)},
           {"changes", p.changes()}};
    if (p.title_changed) j["title"] = Json{{"old", jopt(p.old_title)}, {"new", jopt(p.new_title)}};
    if (p.text_changed) {
        std::vector<TextEdit> edits = p.text_edits;
        if (edits.empty()) {
            const Task* a = r.old_task(p.old_id);
            const Task* b = r.new_task(p.new_id);
            if (a && b) edits = diff_text(a->text, b->text);
        }
        j["text"] = Json{{"diff", render_edits(edits)}, {"edits", jedits(edits)}};
    }
    if (!p.units_added.empty() || !p.units_removed.empty())
        j["units"] = Json{{"added", jarr(p.units_added, junit)}, {"removed", jarr(p.units_removed, junit)}};
    if (p.lead_changed) j["lead"] = Json{{"old", jopt(p.old_lead)}, {"new", jopt(p.new_lead)}};
    if (!p.scope_added.empty() || !p.scope_removed.empty())
        j["scope"] = Json{{"added", jarr(p.scope_added, jscope)}, {"removed", jarr(p.scope_removed, jscope)}};
    if (!p.targets_added.empty() || !p.targets_removed.empty() || !p.targets_changed.empty()) {
        Json changed = Json::array();
        for (const auto& c : p.targets_changed)
            changed.push_back(Json{{"old", jtarget(c.old_target)}, {"new", jtarget(c.new_target)}});
        j["targets"] = Json{{"added", jarr(p.targets_added, jtarget)},
                            {"removed", jarr(p.targets_removed, jtarget)},
                            {"changed", changed}};
    }
    if (!p.deadlines_added.empty() || !p.deadlines_removed.empty())
        j["deadlines"] = Json{{"added", jarr(p.deadlines_added, jdeadline)},
                              {"removed", jarr(p.deadlines_removed, jdeadline)}};
    if (p.renumbered)
        j["number"] = Json{{"old", jopt(p.old_number)}, {"new", jopt(p.new_number)},
                           {"old_label", jopt(p.old_label)}, {"new_label", jopt(p.new_label)}};
    if (p.moved) j["section_path"] = Json{{"old", p.old_section}, {"new", p.new_section}};
    if (p.kind_changed) j["kind"] = Json{{"old", p.old_kind}, {"new", p.new_kind}};
    if (p.completion_changed)
        j["completion"] = Json{{"old", jopt(p.old_completion)}, {"new", jopt(p.new_completion)}};
    return j;
}

// --- CSV ---------------------------------------------------------------------

std::string signed_text(char sign, const std::string& s) {
    std::string out(1, sign);
    out += s;
    return out;
}

}  // namespace

std::string render_diff_markdown(const DiffResult& r, const DiffRenderOptions& o) {
    std::string out;
    out += fmt::format("# 任务清单对比 Diff: {} → {}\n\n", md(doc_name(r.old_doc)), md(doc_name(r.new_doc)));
    out += "| | 旧 old | 新 new |\n|---|---|---|\n";
    out += fmt::format("| 文件 source | {} | {} |\n", code(r.old_doc.source), code(r.new_doc.source));
    out += fmt::format("| 文档 id | {} | {} |\n", code(r.old_doc.id), code(r.new_doc.id));
    out += fmt::format("| 年份 year | {} | {} |\n", r.old_doc.year ? std::to_string(*r.old_doc.year) : "—",
                       r.new_doc.year ? std::to_string(*r.new_doc.year) : "—");
    out += fmt::format("| 任务 tasks | {} | {} |\n\n", r.old_doc.tasks, r.new_doc.tasks);
    out += fmt::format("匹配阈值 threshold {}", num(r.threshold));
    if (r.unit) out += fmt::format(" · 仅含单位 unit: {}", md(*r.unit));
    out += "\n\n";
    md_summary(out, r);
    if (o.summary_only) return out;
    if (o.by == "unit") md_by_unit(out, r);

    if (!r.added.empty()) {
        out += fmt::format("## 新增任务 Added ({})\n\n", r.added.size());
        for (const auto& id : r.added) md_task_item(out, r.new_task(id), id);
        out += "\n";
    }
    if (!r.removed.empty()) {
        out += fmt::format("## 删除任务 Removed ({})\n\n", r.removed.size());
        for (const auto& id : r.removed) md_task_item(out, r.old_task(id), id);
        out += "\n";
    }
    if (r.changed_count() > 0) {
        out += fmt::format("## 变更任务 Changed ({})\n\n", r.changed_count());
        for (const auto& p : r.pairs)
            if (p.changed()) md_pair(out, r, p);
    }
    if (r.unchanged_count() > 0) {
        out += fmt::format("## 未变任务 Unchanged ({})\n\n", r.unchanged_count());
        for (const auto& p : r.pairs) {
            if (p.changed()) continue;
            out += fmt::format("- {} {} ({} → {})\n", md(number_text(p.new_number, p.new_label)),
                               md(task_name(r.new_task(p.new_id))), code(p.old_id), code(p.new_id));
        }
        out += "\n";
    }
    if (!r.has_differences()) out += "两份清单的任务没有差异。 No differences.\n";
    return out;
}

std::string render_diff_csv(const DiffResult& r, const DiffRenderOptions& o) {
    const std::string& lang = o.lang;
    std::string out = csv_preamble(o.excel);
    auto row = [&](std::vector<std::string> cells) {
        if (!cells.empty() && cells[0] == "status") cells[0] = label("diff", "status", lang);  // header
        out += csv_record(cells, o.excel);
    };
    if (o.summary_only) {
        row({"status", label("col", "count", lang)});
        row({label("diff", "added", lang), std::to_string(r.added.size())});
        row({label("diff", "removed", lang), std::to_string(r.removed.size())});
        row({label("diff", "changed", lang), std::to_string(r.changed_count())});
        row({label("diff", "unchanged", lang), std::to_string(r.unchanged_count())});
        row({label("diff", "renumbered", lang), std::to_string(r.renumbered_count())});
        row({label("diff", "moved", lang), std::to_string(r.moved_count())});
        return out;
    }
    std::vector<std::string> header =
        labels("col", {"status", "old_id", "new_id", "similarity", "old_number", "new_number", "old_section",
                       "new_section", "old_title", "new_title", "changes", "old_lead", "new_lead", "units_added",
                       "units_removed", "scope_added", "scope_removed", "targets", "deadlines", "text_diff"},
               lang);
    header[0] = "status";  // the diff's status column, labelled by row()
    row(header);
    for (const auto& p : r.pairs) {
        std::vector<std::string> targets;
        for (const auto& t : p.targets_changed)
            targets.push_back(target_text(t.old_target) + " → " + target_text(t.new_target));
        for (const auto& t : p.targets_added) targets.push_back(signed_text('+', target_text(t)));
        for (const auto& t : p.targets_removed) targets.push_back(signed_text('-', target_text(t)));
        std::vector<std::string> deadlines, sa, sr, changes;
        for (const auto& d : p.deadlines_added) deadlines.push_back(signed_text('+', deadline_text(d)));
        for (const auto& d : p.deadlines_removed) deadlines.push_back(signed_text('-', deadline_text(d)));
        for (const auto& s : p.scope_added) sa.push_back(scope_text(s));
        for (const auto& s : p.scope_removed) sr.push_back(scope_text(s));
        for (const auto& c : p.changes()) changes.push_back(label("change", c, lang));
        std::string text_diff = p.text_changed ? one_line(render_edits(pair_edits(r, p))) : std::string();
        row({label("diff", p.changed() ? "changed" : "unchanged", lang), p.old_id, p.new_id,
             fmt::format("{:.4f}", p.similarity), number_text(p.old_number, p.old_label),
             number_text(p.new_number, p.new_label), section_text(p.old_section), section_text(p.new_section),
             one_line(p.old_title.value_or("")), one_line(p.new_title.value_or("")), join(changes, ";"),
             p.old_lead.value_or(""), p.new_lead.value_or(""), units_list(p.units_added, false),
             units_list(p.units_removed, false), join(sa, ";"), join(sr, ";"), join(targets, ";"),
             join(deadlines, ";"), text_diff});
    }
    auto single = [&](const char* status, const Task* t, const std::string& id, bool is_old) {
        std::string number = t ? number_text(t->number, t->label) : "";
        std::string section = t ? section_text(t->section_path) : "";
        std::string title = t ? one_line(t->title.value_or("")) : "";
        std::string lead;
        if (t && !t->units.empty()) lead = t->units.front().canonical;
        std::string st = label("diff", status, lang);
        if (is_old)
            row({st, id, "", "", number, "", section, "", title, "", "", lead, "", "", "", "", "", "", "", ""});
        else
            row({st, "", id, "", "", number, "", section, "", title, "", "", lead, "", "", "", "", "", "", ""});
    };
    for (const auto& id : r.removed) single("removed", r.old_task(id), id, true);
    for (const auto& id : r.added) single("added", r.new_task(id), id, false);
    return out;
}

std::string render_diff_json(const DiffResult& r, const DiffRenderOptions& o) {
    Json j{{"schema", kDiffSchemaVersion},
           {"old", jdoc(r.old_doc)},
           {"new", jdoc(r.new_doc)},
           {"threshold", r.threshold},
           {"unit", jopt(r.unit)},
           {"summary", jsummary(r)}};
    if (!o.summary_only) {
        Json pairs = Json::array();
        for (const auto& p : r.pairs) pairs.push_back(jpair(r, p));
        j["pairs"] = pairs;
        j["added"] = r.added;
        j["removed"] = r.removed;
    }
    return dump_pretty(j);
}

std::string render_diff(const DiffResult& r, const std::string& format, const DiffRenderOptions& o) {
    if (format == "md") return render_diff_markdown(r, o);
    if (format == "csv") return render_diff_csv(r, o);
    if (format == "json") return render_diff_json(r, o);
    if (format == "html") return render_diff_html(r, o);
    if (format == "xlsx") return render_diff_xlsx(r, o);
    throw std::invalid_argument("unknown diff format: " + format);
}

}  // namespace qingdan
