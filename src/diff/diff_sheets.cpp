// The diff for people: a self-contained, printable HTML page (counts at
// the top, added and removed tasks, changed tasks with old and new side by
// side and the text changes marked <del>/<ins>) and an XLSX workbook
// (概览, 新增, 删除, 变更 sheets, old and new columns side by side).
#include <string>
#include <vector>

#include <fmt/format.h>

#include "diff.hpp"
#include "diff_render.hpp"
#include "emit.hpp"
#include "html_page.hpp"
#include "xlsx.hpp"

namespace qingdan {

using namespace diff_detail;

namespace {

std::string doc_title(const DocSummary& d) { return d.title ? *d.title : d.id; }

// One side of a text diff: the old side shows equal runs and deletions,
// the new side equal runs and insertions.
std::string html_side(const std::vector<TextEdit>& edits, bool old_side) {
    std::string out;
    for (const auto& e : edits) {
        if (e.op == TextEdit::Op::Equal)
            out += html_escape(e.text, true);
        else if (e.op == TextEdit::Op::Delete && old_side)
            out += "<del>" + html_escape(e.text, true) + "</del>";
        else if (e.op == TextEdit::Op::Insert && !old_side)
            out += "<ins>" + html_escape(e.text, true) + "</ins>";
    }
    return out;
}

std::string html_counts(const DiffResult& r, std::string_view lang) {
    std::string out = "<table class=\"counts\" id=\"counts\"><thead><tr>";
    const char* keys[] = {"added", "removed", "changed", "unchanged", "renumbered", "moved"};
    size_t values[] = {r.added.size(),
                       r.removed.size(),
                       static_cast<size_t>(r.changed_count()),
                       static_cast<size_t>(r.unchanged_count()),
                       static_cast<size_t>(r.renumbered_count()),
                       static_cast<size_t>(r.moved_count())};
    for (const char* k : keys) out += "<th>" + html_escape(label("diff", k, lang)) + "</th>";
    out += "</tr></thead><tbody><tr>";
    for (size_t i = 0; i < 6; ++i) out += fmt::format("<td class=\"num\" data-count=\"{}\">{}</td>", keys[i], values[i]);
    return out + "</tr></tbody></table>\n";
}

std::string html_task_rows(const DiffResult& r, const std::vector<std::string>& ids, bool old_side) {
    std::string out;
    for (const auto& id : ids) {
        const Task* t = old_side ? r.old_task(id) : r.new_task(id);
        out += fmt::format("<tr><td class=\"num\">{}</td><td><span class=\"title\">{}</span><br>{}</td><td>{}</td>"
                           "<td><code>{}</code></td></tr>\n",
                           html_escape(t ? number_text(t->number, t->label) : ""),
                           html_escape(t ? t->title.value_or("") : ""), html_escape(t ? t->text : "", true),
                           html_escape(t ? units_list(t->units, true) : ""), html_escape(id));
    }
    return out;
}

std::string html_pair(const DiffResult& r, const TaskPair& p, std::string_view lang) {
    const Task* a = r.old_task(p.old_id);
    const Task* b = r.new_task(p.new_id);
    std::vector<std::string> labels;
    for (const auto& c : p.changes()) labels.push_back(label("change", c, lang));
    std::vector<TextEdit> edits = p.text_changed ? pair_edits(r, p) : std::vector<TextEdit>{};
    auto side = [&](const Task* t, bool old_side) {
        std::string head = html_escape(number_text(old_side ? p.old_number : p.new_number,
                                                   old_side ? p.old_label : p.new_label)) +
                           " <span class=\"title\">" + html_escape(t ? t->title.value_or("") : "") + "</span>";
        std::string text = p.text_changed ? html_side(edits, old_side) : html_escape(t ? t->text : "", true);
        std::string units = html_escape(t ? units_list(t->units, true) : "");
        return "<td>" + head + "<br>" + text + (units.empty() ? "" : "<br><small>" + units + "</small>") + "</td>";
    };
    return fmt::format("<tr class=\"pair\"><td>{}<br><small>{:.2f}</small></td>{}{}</tr>\n",
                       html_escape(join(labels, "、")), p.similarity, side(a, true), side(b, false));
}

}  // namespace

std::string render_diff_html(const DiffResult& r, const DiffRenderOptions& o) {
    bool en = o.lang == "en";
    std::string title = (en ? "Diff: " : "任务清单对比：") + doc_title(r.old_doc) + " → " + doc_title(r.new_doc);
    std::string body = "<header>\n<h1>" + html_escape(title) + "</h1>\n";
    body += fmt::format("<p class=\"meta\"><code>{}</code>（{}）→ <code>{}</code>（{}）</p>\n",
                        html_escape(r.old_doc.source), r.old_doc.tasks, html_escape(r.new_doc.source), r.new_doc.tasks);
    body += html_counts(r, o.lang) + "</header>\n";
    if (o.summary_only) return html_page(title, o.lang, body);
    std::string head4 = std::string("<thead><tr><th>") + (en ? "No." : "编号") + "</th><th>" +
                        (en ? "Task" : "任务") + "</th><th>" + (en ? "Units" : "单位") + "</th><th>" +
                        (en ? "ID" : "任务编号") + "</th></tr></thead>\n";
    auto section = [&](const char* key, const std::string& content, size_t n) {
        body += fmt::format("<section class=\"sheet\" id=\"{}\">\n<h2>{}（{}）</h2>\n", key,
                            html_escape(label("diff", key, o.lang)), n);
        body += content + "</section>\n";
    };
    section("added", "<table>" + head4 + "<tbody>\n" + html_task_rows(r, r.added, false) + "</tbody></table>\n",
            r.added.size());
    section("removed", "<table>" + head4 + "<tbody>\n" + html_task_rows(r, r.removed, true) + "</tbody></table>\n",
            r.removed.size());
    std::string changed = std::string("<table class=\"side-by-side\"><thead><tr><th>") + (en ? "Changes" : "变更项") +
                          "</th><th>" + (en ? "Old" : "原") + "</th><th>" + (en ? "New" : "新") +
                          "</th></tr></thead>\n<tbody>\n";
    for (const auto& p : r.pairs)
        if (p.changed()) changed += html_pair(r, p, o.lang);
    section("changed", changed + "</tbody></table>\n", static_cast<size_t>(r.changed_count()));
    return html_page(title, o.lang, body);
}

namespace {

std::vector<XlsxRun> runs(const std::vector<TextEdit>& edits, bool old_side) {
    std::vector<XlsxRun> out;
    for (const auto& e : edits) {
        if (e.op == TextEdit::Op::Equal) out.push_back({XlsxRun::Style::Plain, e.text});
        if (e.op == TextEdit::Op::Delete && old_side) out.push_back({XlsxRun::Style::Deleted, e.text});
        if (e.op == TextEdit::Op::Insert && !old_side) out.push_back({XlsxRun::Style::Inserted, e.text});
    }
    return out;
}

XlsxSheet task_sheet(const DiffResult& r, const char* key, const std::vector<std::string>& ids, bool old_side,
                     std::string_view lang) {
    XlsxSheet s;
    s.name = label("diff", key, lang);
    s.header = labels("col", {"number", "section", "title", "text", "lead", "participants", old_side ? "old_id" : "new_id"},
                      lang);
    for (const auto& id : ids) {
        const Task* t = old_side ? r.old_task(id) : r.new_task(id);
        if (!t) continue;
        s.rows.push_back({number_text(t->number, t->label), section_text(t->section_path), t->title.value_or(""),
                          t->text, units_text(t->units, true), units_text(t->units, false), id});
    }
    return s;
}

}  // namespace

std::string render_diff_xlsx(const DiffResult& r, const DiffRenderOptions& o) {
    const std::string& lang = o.lang;
    std::vector<XlsxSheet> sheets;
    XlsxSheet summary;
    summary.name = lang == "en" ? "Summary" : "概览";
    summary.header = {label("diff", "status", lang), label("col", "count", lang)};
    summary.rows = {{label("diff", "added", lang), std::to_string(r.added.size())},
                    {label("diff", "removed", lang), std::to_string(r.removed.size())},
                    {label("diff", "changed", lang), std::to_string(r.changed_count())},
                    {label("diff", "unchanged", lang), std::to_string(r.unchanged_count())},
                    {label("diff", "renumbered", lang), std::to_string(r.renumbered_count())},
                    {label("diff", "moved", lang), std::to_string(r.moved_count())}};
    sheets.push_back(std::move(summary));
    if (!o.summary_only) {
        sheets.push_back(task_sheet(r, "added", r.added, false, lang));
        sheets.push_back(task_sheet(r, "removed", r.removed, true, lang));
        XlsxSheet ch;
        ch.name = label("diff", "changed", lang);
        ch.header = labels("col", {"changes", "similarity", "old_number", "new_number", "old_title", "new_title",
                                   "old_text", "new_text", "old_lead", "new_lead", "old_id", "new_id"},
                           lang);
        for (const auto& p : r.pairs) {
            if (!p.changed()) continue;
            const Task* a = r.old_task(p.old_id);
            const Task* b = r.new_task(p.new_id);
            std::vector<std::string> changes;
            for (const auto& c : p.changes()) changes.push_back(label("change", c, lang));
            ch.rows.push_back({join(changes, "、"), fmt::format("{:.2f}", p.similarity),
                               number_text(p.old_number, p.old_label), number_text(p.new_number, p.new_label),
                               p.old_title.value_or(""), p.new_title.value_or(""), a ? a->text : "", b ? b->text : "",
                               a ? units_text(a->units, true) : "", b ? units_text(b->units, true) : "", p.old_id,
                               p.new_id});
            if (p.text_changed) {
                auto edits = pair_edits(r, p);
                ch.rich.push_back({ch.rows.size() - 1, 6, runs(edits, true)});
                ch.rich.push_back({ch.rows.size() - 1, 7, runs(edits, false)});
            }
        }
        sheets.push_back(std::move(ch));
    }
    return render_xlsx(sheets, lang);
}

}  // namespace qingdan
