// Table rows: cells read by their columns' roles (see table_cells.hpp).
#include "table_cells.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pattern.hpp"
#include "values.hpp"
#include "ustr.hpp"

namespace qingdan {

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

std::string strip_final_stop(std::string s) {
    while (ustr::ends_with(s, "。")) s.resize(s.size() - 3);
    return s;
}

// Units of a table row: the 牵头 column's units lead, then the 责任单位
// column's (the first leads when no 牵头 column named one), then the 配合
// column's participate. One entry per unit.
std::vector<UnitRef> table_roles(std::vector<UnitRef> leads, const std::vector<std::vector<UnitRef>>& cells,
                                 std::vector<UnitRef> participants) {
    // Only position columns: each cell's own marks (分别牵头) are kept.
    if (leads.empty() && participants.empty()) return merge_unit_lists(cells);
    std::vector<UnitRef> units;
    for (const auto& c : cells) units.insert(units.end(), c.begin(), c.end());
    leads = assign_roles(std::move(leads));
    for (auto& u : leads) u.role = "lead";
    units = assign_roles(std::move(units));
    if (!leads.empty() || units.size() == 1)
        for (auto& u : units) u.role = leads.empty() ? "lead" : "participant";
    std::vector<UnitRef> out = std::move(leads);
    for (auto* more : {&units, &participants})
        for (auto& u : *more) {
            auto key = [](const UnitRef& x) { return x.canonical.empty() ? x.name : x.canonical; };
            if (std::none_of(out.begin(), out.end(), [&](const UnitRef& o) { return key(o) == key(u); })) {
                if (more == &participants) u.role = "participant";
                out.push_back(std::move(u));
            }
        }
    return out;
}

// 必做 / 必做任务 -> mandatory, 选做 / 选做任务 -> optional, else nothing.
static std::optional<std::string> obligation_of(std::string_view cell) {
    for (std::string_view suffix : {"任务", "项目"})
        if (cell.ends_with(suffix)) cell.remove_suffix(suffix.size());
    if (cell == "必做" || cell == "必选") return "mandatory";
    if (cell == "选做" || cell == "自选" || cell == "可选") return "optional";
    return std::nullopt;
}

// Table item: one measure per actor cell; the unit column belongs to the
// measure of the body that owns those departments (the first, usually the
// issuing body's), scope and completion columns to the task.
void table_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc) {
    std::string title, completion, bare_obligation;
    std::vector<std::vector<UnitRef>> units;  // by position: one list per cell
    std::vector<UnitRef> leads, participants;    // by column role
    const Pattern* actor = g.pattern("actor");
    for (const auto& c : it.cells) {
        switch (c.kind) {
            case CellKind::Title: title += c.text; break;
            case CellKind::Completion: completion += ustr::squeeze(c.text); break;
            case CellKind::Units: {
                // A 牵头单位 column makes each unit in it lead, a 配合单位
                // column each a participant; 责任单位 goes by position.
                auto more = resolve_list(gz, c.text, c.line, doc);
                if (c.role == "lead" || c.role == "participant") {
                    auto& dst = c.role == "lead" ? leads : participants;
                    dst.insert(dst.end(), more.begin(), more.end());
                } else {
                    units.push_back(std::move(more));
                }
                break;
            }
            case CellKind::Scope: {
                auto found = parse_scope_clause(c.text);
                if (found.empty()) bare_obligation = ustr::squeeze(c.text);
                for (auto& s : found) t.scope.push_back(std::move(s));
                break;
            }
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
    t.measures.front().units = table_roles(std::move(leads), std::move(units), std::move(participants));
    // A 必做/选做 column holding the word alone: it binds the localities the
    // row names as its units (各设区市知识产权局 | 必做).
    if (auto ob = bare_obligation.empty() ? std::nullopt : obligation_of(bare_obligation))
        for (const auto& u : t.measures.front().units)
            if (u.level == "local" && is_collective_local(u.name))
                t.scope.push_back({collective_tier(u.name), u.name, *ob, bare_obligation});
    // Several scope cells may repeat a who/obligation pair: keep one.
    std::vector<Scope> uniq;
    for (auto& s : t.scope)
        if (std::none_of(uniq.begin(), uniq.end(),
                         [&](const Scope& u) { return u.who == s.who && u.obligation == s.obligation; }))
            uniq.push_back(std::move(s));
    t.scope = std::move(uniq);
}

}  // namespace qingdan
