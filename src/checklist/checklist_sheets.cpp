// Checklists for people: an XLSX workbook (one sheet per unit or province
// plus an index sheet) and a self-contained, printable HTML page (a table
// of contents, one section per checklist, a checkbox per task). Both show
// the columns a reader works with, taken by key from the checklist table
// (checklist_header/checklist_row) so that every output agrees.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "checklist.hpp"
#include "html_page.hpp"
#include "xlsx.hpp"

namespace qingdan {

namespace {

bool is_province(const Checklist& c) { return c.by == "province"; }

// Column keys of the people's view, in order; the checklist's own name is
// the sheet or section, so it is not repeated on every row.
std::vector<std::string> people_keys(bool province) {
    std::vector<std::string> k{"seq", province ? "status" : "role"};
    if (province) k.push_back("basis");
    for (const char* x : {"doc_title", "doc_year", "section_title", "label", "title", "text", "lead", "participants",
                          "scope", "deadlines", "targets", "completion", "measures", "source", "task_id"})
        k.push_back(x);
    return k;
}

// Index of each people key in the full checklist row.
std::vector<size_t> people_columns(bool province) {
    std::vector<std::string> all = checklist_header(province, "en");
    std::vector<size_t> idx;
    for (const auto& k : people_keys(province)) {
        auto it = std::find(all.begin(), all.end(), k);
        if (it != all.end()) idx.push_back(static_cast<size_t>(it - all.begin()));
    }
    return idx;
}

std::vector<std::string> pick(const std::vector<std::string>& row, const std::vector<size_t>& idx) {
    std::vector<std::string> out;
    out.reserve(idx.size());
    for (size_t i : idx) out.push_back(i < row.size() ? row[i] : std::string());
    return out;
}

std::string kind_of(const Checklist& c, std::string_view lang) {
    return is_province(c) ? label("level", c.level, lang) : label("level", c.level, lang);
}

}  // namespace

std::string render_checklists_xlsx(const std::vector<Checklist>& lists, const EmitOptions& opts) {
    bool province = !lists.empty() && is_province(lists.front());
    std::vector<size_t> idx = people_columns(province);
    std::vector<std::string> names{opts.lang == "en" ? "Index" : "目录"};
    for (const auto& c : lists) names.push_back(c.name);
    names = safe_sheet_names(names);

    std::vector<XlsxSheet> sheets;
    XlsxSheet index;
    index.name = names[0];
    index.header = labels("col", {province ? "province" : "unit", "level", "items", "sheet"}, opts.lang);
    for (size_t i = 0; i < lists.size(); ++i) {
        const auto& c = lists[i];
        index.rows.push_back({c.name, kind_of(c, opts.lang), std::to_string(c.items.size()), names[i + 1]});
        index.links.push_back(names[i + 1]);
    }
    sheets.push_back(std::move(index));
    std::vector<std::string> header = pick(checklist_header(province, opts.lang), idx);
    for (size_t i = 0; i < lists.size(); ++i) {
        XlsxSheet s;
        s.name = names[i + 1];
        s.header = header;
        s.progress_column = true;
        for (const auto& it : lists[i].items) s.rows.push_back(pick(checklist_row(lists[i], it, opts.lang), idx));
        sheets.push_back(std::move(s));
    }
    return render_xlsx(sheets, opts.lang);
}

namespace {

std::string html_row(const Checklist& c, const ChecklistItem& it, const std::vector<size_t>& idx,
                     const std::vector<std::string>& keys, std::string_view lang, size_t n) {
    std::vector<std::string> cells = pick(checklist_row(c, it, lang), idx);
    std::string task = cells.size() > 5 ? cells[4] + cells[5] : "";  // label + title
    std::string out = fmt::format("<tr><td class=\"box\"><input type=\"checkbox\" class=\"task-done\" "
                                  "id=\"t{}\" aria-label=\"{}\"></td>",
                                  n, html_escape(task.empty() ? it.task->id : task));
    for (size_t k = 0; k < cells.size(); ++k) {
        const std::string& key = keys[k];
        std::string v = html_escape(cells[k], true);
        if (key == "role" || key == "status")
            v = fmt::format("<span class=\"badge {}\">{}</span>", html_escape(key == "role" ? it.role : it.status), v);
        else if (key == "title")
            v = "<span class=\"title\">" + v + "</span>";
        out += (key == "seq" || key == "doc_year") ? "<td class=\"num\">" + v + "</td>" : "<td>" + v + "</td>";
    }
    return out + "</tr>\n";
}

}  // namespace

std::string render_checklists_html(const std::vector<Checklist>& lists, const EmitOptions& opts) {
    bool province = !lists.empty() && is_province(lists.front());
    bool en = opts.lang == "en";
    std::vector<size_t> idx = people_columns(province);
    std::vector<std::string> keys = people_keys(province);
    std::vector<std::string> header = pick(checklist_header(province, opts.lang), idx);
    size_t total = 0;
    for (const auto& c : lists) total += c.items.size();
    std::string title = en ? (province ? "Checklists by province" : "Checklists by unit")
                           : (province ? "分省份任务清单" : "分单位任务清单");
    std::string body = "<header>\n<h1>" + html_escape(title) + "</h1>\n";
    body += fmt::format("<p class=\"meta counts\">{}<span id=\"count-lists\">{}</span>{}<span id=\"count-tasks\">{}"
                        "</span>{}</p>\n</header>\n",
                        en ? "" : "共 ", lists.size(), en ? " checklists, " : " 个清单，", total,
                        en ? " items" : " 项任务");
    body += std::string("<nav class=\"toc\">\n<h2>") + (en ? "Contents" : "目录") + "</h2>\n<ol>\n";
    for (size_t i = 0; i < lists.size(); ++i)
        body += fmt::format("<li><a href=\"#list-{}\">{}</a>（{}）</li>\n", i + 1, html_escape(lists[i].name),
                            lists[i].items.size());
    body += "</ol>\n</nav>\n";
    size_t n = 0;
    for (size_t i = 0; i < lists.size(); ++i) {
        const auto& c = lists[i];
        body += fmt::format("<section class=\"sheet\" id=\"list-{}\">\n<h2>{}</h2>\n", i + 1, html_escape(c.name));
        std::string counts;
        for (const auto& [k, v] : c.counts())
            counts += (counts.empty() ? "" : "，") + label(province ? "status" : "role", k, opts.lang) + " " +
                      std::to_string(v);
        body += "<p class=\"meta\">" + html_escape(kind_of(c, opts.lang)) + (counts.empty() ? "" : " · ") +
                html_escape(counts) + "</p>\n";
        if (c.items.empty()) {
            body += std::string("<p class=\"empty\">") + (en ? "(no task)" : "（无任务）") + "</p>\n</section>\n";
            continue;
        }
        body += "<table class=\"tasks\">\n<thead><tr><th>" + std::string(en ? "Done" : "完成") + "</th>";
        for (const auto& h : header) body += "<th>" + html_escape(h) + "</th>";
        body += "</tr></thead>\n<tbody>\n";
        for (const auto& it : c.items) body += html_row(c, it, idx, keys, opts.lang, ++n);
        body += "</tbody>\n</table>\n</section>\n";
    }
    return html_page(title, opts.lang, body);
}

}  // namespace qingdan
