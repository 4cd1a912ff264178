// Markdown emitter: per document, `- [ ]` items grouped by section, with
// units, scope, targets and deadlines, and the source cited as `path:line`.
// Document text is escaped so it can never change the list structure.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "emit.hpp"

#include "ustr.hpp"

namespace qingdan {

namespace {

bool is_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// Plain text with control characters turned into single spaces, trimmed.
std::string flatten(std::string_view s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        char32_t cp = ustr::next(s, i);
        if (is_control(cp) || cp == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        ustr::append(out, cp);
    }
    return out;
}

std::string tier_label(const std::string& tier) {
    if (tier == "province") return "省份";
    if (tier == "city") return "城市";
    if (tier == "county") return "县";
    if (tier == "park") return "园区";
    return tier;
}

std::string units_md(const std::vector<UnitRef>& units) {
    std::string out;
    for (const auto& u : units) {
        if (!out.empty()) out += "、";
        out += md_inline(u.canonical.empty() ? u.name : u.canonical);
        out += "（" + zh_label(u.role) + "）";
    }
    return out;
}

std::string measure_md(const Measure& m) {
    std::string out;
    if (m.actor) out += md_inline(*m.actor) + "：";
    out += md_inline(m.text);
    if (!m.units.empty()) out += "〔" + units_md(m.units) + "〕";
    return out;
}

std::string heading_text(const Document& d) {
    return md_inline(d.title && !d.title->empty() ? *d.title : d.id);
}

}  // namespace

std::string md_inline(std::string_view text) {
    std::string flat = flatten(text);
    std::string out;
    out.reserve(flat.size() + 8);
    for (size_t i = 0; i < flat.size(); ++i) {
        char c = flat[i];
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
        case '#': case '~': case '$': case '!': case '{': case '}':
            out += '\\';
            out += c;
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

// md_inline() for text that starts a line: a leading "- ", "+ ", "= ",
// "1." or "1)" would otherwise start a list or underline a heading.
std::string md_line(std::string_view text) {
    std::string out = md_inline(text);
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) return "\\" + out;
    size_t digits = 0;
    while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
    if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
        out.insert(digits, 1, '\\');
    return out;
}

}  // namespace

std::string md_code(std::string_view text) {
    std::string flat = flatten(text);
    size_t longest = 0, run = 0;
    for (char c : flat) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    bool pad = !flat.empty() && (flat.front() == '`' || flat.back() == '`');
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
}

std::string md_section_heading(const Document& doc, const std::vector<std::string>& path) {
    std::string out;
    for (size_t k = 1; k <= path.size(); ++k) {
        std::vector<std::string> prefix(path.begin(), path.begin() + static_cast<long>(k));
        const Section* s = find_section(doc, prefix);
        if (!out.empty()) out += " / ";
        out += s ? md_inline(s->label + s->title) : md_inline(path[k - 1]);
    }
    return out;
}

std::string md_task_item(const Document& doc, const Task& t, const std::string& badge,
                         const std::vector<std::size_t>& measures, const std::vector<std::string>& extra) {
    std::string label = t.label ? *t.label : t.number ? std::to_string(*t.number) + "." : std::string();
    std::string head = label;
    if (t.title && !t.title->empty()) head += (head.empty() ? "" : " ") + *t.title;
    std::string out = "- [ ] ";
    if (!head.empty()) out += "**" + md_inline(head) + "**";
    if (!badge.empty()) out += (head.empty() ? "" : " ") + badge;
    // Without a title the text itself names the task: keep it on the item's line.
    const bool inline_text = !(t.title && !t.title->empty()) && measures.empty() && !t.text.empty();
    if (inline_text) out += head.empty() && badge.empty() ? md_line(t.text) : " " + md_inline(t.text);
    out += "\n";
    if (inline_text) {
        // already written
    } else if (!measures.empty()) {
        for (size_t i : measures)
            if (i < t.measures.size()) out += "  - 举措：" + measure_md(t.measures[i]) + "\n";
        size_t rest = t.measures.size() - std::min(t.measures.size(), measures.size());
        if (rest > 0) out += "  - 另有 " + std::to_string(rest) + " 条举措不涉及本清单对象，见来源\n";
    } else if (!t.text.empty()) {
        out += "  " + md_line(t.text) + "\n";
    }
    if (!t.units.empty()) out += "  - 单位：" + units_md(t.units) + "\n";
    if (!t.scope.empty()) {
        out += "  - 范围：";
        for (size_t i = 0; i < t.scope.size(); ++i) {
            const auto& s = t.scope[i];
            if (i) out += "；";
            out += tier_label(s.tier) + " " + md_inline(s.who) + zh_label(s.obligation);
        }
        out += "\n";
    }
    if (!t.targets.empty()) {
        out += "  - 目标：";
        for (size_t i = 0; i < t.targets.size(); ++i) out += (i ? "；" : "") + md_inline(t.targets[i].text);
        out += "\n";
    }
    if (!t.deadlines.empty()) {
        out += "  - 时限：";
        for (size_t i = 0; i < t.deadlines.size(); ++i) {
            const auto& d = t.deadlines[i];
            out += (i ? "；" : "") + (d.date.empty() ? md_inline(d.text) : md_inline(d.date) + "（" + md_inline(d.text) + "）");
        }
        out += "\n";
    }
    if (t.completion && !t.completion->empty()) out += "  - 完成时间：" + md_inline(*t.completion) + "\n";
    for (const auto& e : extra) out += "  - " + e + "\n";
    out += "  - 来源：" + md_code(source_ref(doc, t)) + "\n\n";
    return out;
}

std::string render_markdown(const std::vector<Document>& docs) {
    std::string out;
    bool first = true;
    for (const auto& d : docs) {
        if (!first) out += "\n";
        first = false;
        out += "# " + heading_text(d) + "\n\n";
        out += "- 文档：" + md_code(d.id) + "，来源 " + md_code(d.source) + "\n";
        if (d.doc_number) out += "- 文号：" + md_inline(*d.doc_number) + "\n";
        if (d.issuer) out += "- 发文机关：" + md_inline(*d.issuer) + "\n";
        if (d.issued) out += "- 成文日期：" + md_inline(*d.issued) + "\n";
        if (d.year) out += "- 年度：" + std::to_string(*d.year) + "\n";
        out += "- 任务：" + std::to_string(d.tasks.size()) + "\n\n";
        if (!d.goals.empty()) {
            out += "## 主要目标\n\n";
            for (const auto& g : d.goals) out += "- " + md_inline(g.text) + "\n";
            out += "\n";
        }
        if (!d.deadlines.empty()) {
            out += "## 时间节点\n\n";
            for (const auto& x : d.deadlines)
                out += "- " + (x.date.empty() ? md_inline(x.text) : md_inline(x.date) + "（" + md_inline(x.text) + "）") + "\n";
            out += "\n";
        }
        std::vector<std::string> open;  // section path already headed
        for (const auto& t : d.tasks) {
            // Headings for the part of the path that changed.
            size_t common = 0;
            while (common < open.size() && common < t.section_path.size() && open[common] == t.section_path[common])
                ++common;
            // Back to an enclosing section: head it again so the task is not read as in the last subsection.
            if (common == t.section_path.size() && open.size() > common && common > 0) --common;
            for (size_t k = common; k < t.section_path.size(); ++k) {
                std::vector<std::string> prefix(t.section_path.begin(), t.section_path.begin() + static_cast<long>(k + 1));
                const Section* s = find_section(d, prefix);
                std::string hashes(std::min<size_t>(k + 2, 6), '#');
                out += hashes + " " + (s ? md_inline(s->label + s->title) : md_inline(prefix.back())) + "\n\n";
            }
            open = t.section_path;
            out += md_task_item(d, t, "");
        }
    }
    return out;
}

}  // namespace qingdan
