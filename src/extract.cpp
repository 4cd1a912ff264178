// Skeleton -> canonical document. Layout-specific text shapes come from the
// grammar's patterns (unit_clause, actor, actor_prose, local_addressee).
#include "qingdan/extract.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "pattern.hpp"
#include "qingdan/values.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// Splits and resolves a unit clause or cell through the gazetteer, which
// also repairs names PDF extraction cut at a line or cell break
// (`战略规 划司`, `护司`); every repair and unknown name is diagnosed.
std::vector<UnitRef> resolve_list(const UnitGazetteer& gz, const std::string& clause, int line, Document& doc) {
    std::vector<std::string> unknown;
    UnitGazetteer::Repairs repaired;
    std::vector<UnitRef> out = gz.parse_units(clause, &unknown, &repaired);
    for (const auto& [printed, canonical] : repaired)
        doc.diagnostics.push_back(
            {"info", "unit-repaired", line, fmt::format("unit `{}` read as `{}`", printed, canonical)});
    for (const auto& name : unknown)
        doc.diagnostics.push_back(
            {"warning", "unknown-unit", line, fmt::format("unit `{}` is not in the gazetteer", name)});
    return out;
}

// Union of the measures' units in order, one per canonical name, roles by
// position (both seed plans state: the first listed leads).
std::vector<UnitRef> union_units(const std::vector<Measure>& ms) {
    std::vector<UnitRef> all;
    for (const auto& m : ms) all.insert(all.end(), m.units.begin(), m.units.end());
    return assign_roles(std::move(all));
}

std::string strip_final_stop(std::string s) {
    while (ustr::ends_with(s, "。")) s.resize(s.size() - 3);
    return s;
}

// Leading sentence as the title, when it is short enough to be a name.
std::optional<std::string> split_title(std::string& body) {
    size_t stop = body.find("。");
    if (stop == std::string::npos) return std::nullopt;
    std::string title = body.substr(0, stop);
    if (ustr::length(title) > 40 || ustr::length(title) < 2) return std::nullopt;
    body = ustr::trim(body.substr(stop + 3));
    return title;
}

std::optional<std::string> prose_actor(const Grammar& g, const std::string& text) {
    const Pattern* p = g.pattern("actor_prose");
    if (!p) return std::nullopt;
    auto m = p->find(text);
    if (!m) return std::nullopt;
    return m->groups[1];
}

// Prose item: split at unit clauses; each clause with its own units is a measure.
void prose_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc) {
    std::string body;
    for (const auto& c : it.cells) body += c.text;
    // Only a numbered paragraph names itself; loose part text has no title.
    if (it.label && (g.titles == "leading-sentence" || it.level2)) t.title = split_title(body);
    const Pattern* clause = g.pattern("unit_clause");
    std::vector<Match> hits = clause ? clause->find_all(body) : std::vector<Match>{};
    int from = 0;
    std::string text;
    for (const auto& m : hits) {
        if (!is_unit_clause(m.groups[1])) continue;
        std::string piece = ustr::trim(body.substr(from, m.begin[0] - from));
        // The measure keeps its clause as printed; the task text drops it.
        std::string printed = ustr::trim(body.substr(from, m.end[0] - from));
        Measure ms{prose_actor(g, piece), printed, resolve_list(gz, m.groups[1], it.span.line_start, doc)};
        ms.units = assign_roles(std::move(ms.units));
        text += piece;
        if (!piece.empty() || !ms.units.empty()) t.measures.push_back(std::move(ms));
        from = m.end[0];
    }
    std::string rest = ustr::trim(body.substr(from));
    if (!rest.empty() || t.measures.empty()) {
        t.measures.push_back({prose_actor(g, rest), rest, {}});
        text += rest;
    }
    t.text = text;
}

// Table item: one measure per actor cell; the unit column belongs to the
// measure of the body that owns those departments (the first, usually the
// issuing body's), scope and completion columns to the task.
void table_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc) {
    std::string title, completion;
    std::vector<UnitRef> units;
    const Pattern* actor = g.pattern("actor");
    for (const auto& c : it.cells) {
        switch (c.kind) {
            case CellKind::Title: title += c.text; break;
            case CellKind::Completion: completion += ustr::squeeze(c.text); break;
            case CellKind::Units: {
                auto more = resolve_list(gz, c.text, c.line, doc);
                units.insert(units.end(), more.begin(), more.end());
                break;
            }
            case CellKind::Scope:
                for (auto& s : parse_scope_clause(c.text)) t.scope.push_back(std::move(s));
                break;
            case CellKind::Measure: {
                Measure m{std::nullopt, c.text, {}};
                if (auto a = actor ? actor->find(c.text) : std::nullopt) {
                    m.actor = a->groups[1];
                    std::string rest = c.text.substr(a->end[1]);
                    rest = ustr::trim(rest);
                    if (ustr::starts_with(rest, "：")) rest = rest.substr(3);
                    else if (ustr::starts_with(rest, ":")) rest = rest.substr(1);
                    m.text = ustr::trim(rest);
                }
                t.text += c.text;
                t.measures.push_back(std::move(m));
                break;
            }
        }
    }
    if (!title.empty()) t.title = strip_final_stop(ustr::squeeze(title));
    if (!completion.empty()) t.completion = completion;
    if (t.measures.empty()) t.measures.push_back({std::nullopt, "", {}});
    t.measures.front().units = assign_roles(std::move(units));
    // Several scope cells may repeat a who/obligation pair: keep one.
    std::vector<Scope> uniq;
    for (auto& s : t.scope)
        if (std::none_of(uniq.begin(), uniq.end(),
                         [&](const Scope& u) { return u.who == s.who && u.obligation == s.obligation; }))
            uniq.push_back(std::move(s));
    t.scope = std::move(uniq);
}

bool is_local_addressee(const Grammar& g, const std::string& a) {
    const Pattern* p = g.pattern("local_addressee");
    return p && p->matches(a);
}

// Localities bound by a prose task: named local units, else (for a task
// with no unit at all) the local addressees of the cover notice.
void prose_scope(const Grammar& g, Task& t, const Document& doc) {
    for (const auto& u : t.units)
        if (u.level == "local") t.scope.push_back({"province", u.name, "mandatory", u.name});
    if (!t.units.empty()) return;
    for (const auto& a : doc.addressees)
        if (is_local_addressee(g, a)) {
            t.scope.push_back({"province", a, "mandatory", a});
            break;
        }
}

std::optional<int> year_of(const Grammar& g, const std::optional<std::string>& title) {
    if (!title) return std::nullopt;
    const Pattern* p = g.pattern("title_year");
    auto m = p ? p->find(*title) : std::nullopt;
    if (!m) return std::nullopt;
    for (size_t i = 1; i < m->groups.size(); ++i)
        if (!m->groups[i].empty()) return std::atoi(m->groups[i].c_str());
    return std::nullopt;
}

}  // namespace

void number_tasks(std::vector<Task>& tasks, const std::vector<bool>& level2, Document& doc) {
    std::map<bool, int> prev;  // last intended number per numbering family
    std::set<std::string> ids;
    auto next_printed = [&](size_t i) -> std::optional<int> {
        for (size_t j = i + 1; j < tasks.size(); ++j)
            if (level2[j] == level2[i]) return tasks[j].number;
        return std::nullopt;
    };
    for (size_t i = 0; i < tasks.size(); ++i) {
        Task& t = tasks[i];
        const int line = t.span.line_start;
        std::optional<int> printed = t.number;
        auto p = prev.find(level2[i]);
        std::optional<int> before = p == prev.end() ? std::nullopt : std::optional<int>(p->second);
        std::optional<int> after = next_printed(i);
        bool unlabelled_part = !t.label && !before && !after;
        if (printed && (!before || *printed == *before + 1 || *printed == 1)) {
            // in sequence (or a restart at 1)
        } else if (printed && before && *printed == *before) {
            doc.diagnostics.push_back({"warning", "duplicate-number", line,
                                       fmt::format("task number {} appears twice", *printed)});
        } else if (printed && after && *printed + 1 == *after) {
            doc.diagnostics.push_back({"warning", "number-gap", line,
                                       fmt::format("task number {} follows {}", *printed, before.value_or(0))});
        } else if (before && after && *after == *before + 2) {
            t.number = *before + 1;
            doc.diagnostics.push_back(
                {"warning", "number-repaired", line,
                 printed ? fmt::format("task number {} read as {} (sequence {}, ?, {})", *printed, *t.number, *before, *after)
                         : fmt::format("task number lost; inferred {} from the sequence", *t.number)});
        } else if (printed && before && *printed > *before + 1) {
            doc.diagnostics.push_back({"warning", "number-gap", line,
                                       fmt::format("task number {} follows {}", *printed, *before)});
        } else if (!printed && !unlabelled_part) {
            doc.diagnostics.push_back({"warning", "number-gap", line, "task without a number"});
        }
        if (t.number) prev[level2[i]] = *t.number;

        std::string path;
        for (const auto& s : t.section_path) path += s + "/";
        std::string id = doc.id + ":" + path + (t.number ? std::to_string(*t.number) : "r" + std::to_string(t.seq));
        std::string unique = id;
        for (int k = 2; ids.count(unique); ++k) unique = id + "~" + std::to_string(k);
        ids.insert(unique);
        t.id = unique;
    }
}

void extract(const Skeleton& sk, const Grammar& g, const UnitGazetteer& gz, Document& doc) {
    const Cover& c = sk.cover;
    doc.title = c.title;
    doc.doc_number = c.doc_number;
    if (c.issuer) doc.issuer = gz.resolve(*c.issuer).canonical;
    doc.issued = c.issued;
    doc.published = c.published;
    doc.year = year_of(g, c.title);
    doc.addressees = c.addressees;
    doc.sections = sk.sections;
    doc.diagnostics.insert(doc.diagnostics.end(), sk.diagnostics.begin(), sk.diagnostics.end());
    for (const auto& l : sk.preamble)
        for (auto& t : extract_targets(l.text)) doc.goals.push_back(std::move(t));
    for (const auto& l : c.notice_text)
        for (auto& d : extract_deadlines(l.text, doc.year)) doc.deadlines.push_back(std::move(d));

    std::vector<bool> level2;
    for (const auto& it : sk.items) {
        Task t;
        t.seq = static_cast<int>(doc.tasks.size()) + 1;
        t.kind = it.kind;
        t.label = it.label;
        t.number = it.printed;
        t.section_path = it.section_path;
        t.span = it.span;
        if (g.model == "table") {
            table_item(it, g, gz, t, doc);
        } else {
            prose_item(it, g, gz, t, doc);
        }
        t.units = union_units(t.measures);
        if (g.model != "table") prose_scope(g, t, doc);
        t.targets = extract_targets(t.text);
        t.deadlines = extract_deadlines(t.text, doc.year);
        // A completion column may print a date (2022年6月底前).
        if (t.completion)
            for (auto& d : extract_deadlines(*t.completion, doc.year)) t.deadlines.push_back(std::move(d));
        if (t.units.empty() && t.kind == "task")
            doc.diagnostics.push_back({"info", "no-units", t.span.line_start, "task names no responsible unit"});
        level2.push_back(it.level2);
        doc.tasks.push_back(std::move(t));
    }
    number_tasks(doc.tasks, level2, doc);
    std::stable_sort(doc.diagnostics.begin(), doc.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
}

}  // namespace qingdan
