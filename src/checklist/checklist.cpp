// Building checklists from the canonical model: per unit (who is named in a
// task's `units`) and per province (which scopes, actors and local units
// bind it). Rules in docs/checklists.md.
#include "checklist.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "units.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
using ustr::contains;

std::string_view trim_ws(std::string_view s) {
    auto space_at_front = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        if (v[0] == ' ' || v[0] == '\t' || v[0] == '\r' || v[0] == '\n') return 1;
        if (starts_with(v, "\xE3\x80\x80")) return 3;
        return 0;
    };
    while (size_t n = space_at_front(s)) s.remove_prefix(n);
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
        } else if (ends_with(s, "\xE3\x80\x80")) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

std::string_view strip_obligation(std::string_view who) {
    who = trim_ws(who);
    for (std::string_view suf : {"必做", "选做"})
        if (who.size() > suf.size() && ends_with(who, suf)) {
            who.remove_suffix(suf.size());
            break;
        }
    return trim_ws(who);
}

int level_rank(const std::string& level) {
    if (level == "central") return 0;
    if (level == "cnipa-internal") return 1;
    if (level == "local") return 2;
    return 3;
}

// Checklists and unit summaries are listed central first, then CNIPA's own
// departments, local bodies and the rest, by name within a level.
template <class T>
void sort_by_level(std::vector<T>& items, std::string T::*name) {
    std::stable_sort(items.begin(), items.end(), [name](const T& a, const T& b) {
        int ra = level_rank(a.level), rb = level_rank(b.level);
        if (ra != rb) return ra < rb;
        return a.*name < b.*name;
    });
}

int status_rank(const std::string& s) {
    if (s == "mandatory") return 3;
    if (s == "optional") return 2;
    if (s == "check") return 1;
    return 0;
}

std::string unit_key(const UnitRef& u) { return u.canonical.empty() ? u.name : u.canonical; }

// Provinces named by `who` when it is nothing but province names
// ("江苏省", "北京、上海", "江苏省知识产权局"); empty otherwise.
std::vector<const Province*> named_provinces(std::string_view who, const ProvinceTable* table) {
    std::vector<const Province*> out;
    if (!table || table->empty()) return out;
    who = strip_obligation(who);
    if (who.empty()) return out;
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i < who.size();) {
        size_t w = 0;
        for (std::string_view sep : {"、", "，", "和", "及", ","})
            if (who.substr(i, sep.size()) == sep) w = sep.size();
        if (w) {
            parts.push_back(who.substr(start, i - start));
            i += w;
            start = i;
        } else {
            ++i;
        }
    }
    parts.push_back(who.substr(start));
    for (auto p : parts) {
        p = trim_ws(p);
        if (p.empty()) continue;
        size_t len = 0;
        const Province* prov = table->find_prefix(p, &len);
        if (!prov) {
            prov = table->find(p);
            len = prov ? p.size() : 0;
        }
        if (!prov) return {};
        // What follows the name must be an office of it, not another place.
        std::string_view rest = p.substr(len);
        static constexpr std::string_view kOffices[] = {"", "省", "市", "自治区", "知识产权局", "省知识产权局",
                                                        "市知识产权局", "人民政府", "省人民政府", "市人民政府",
                                                        "市场监督管理局", "市场监管局"};
        if (std::find(std::begin(kOffices), std::end(kOffices), rest) == std::end(kOffices)) return {};
        out.push_back(prov);
    }
    return out;
}

bool is_mine(const std::vector<const Province*>& named, const Province& province) {
    return std::any_of(named.begin(), named.end(),
                       [&](const Province* p) { return p == &province || p->name == province.name; });
}

// An actor or unit that is a locality rather than a central body.
bool is_locality(std::string_view who) {
    for (std::string_view k : {"地区", "省", "城市", "地方", "县", "园区", "各地", "自治区", "直辖市"})
        if (contains(who, k)) return true;
    return ends_with(who, "市") || ends_with(who, "地");
}

bool is_city_like(std::string_view who) {
    who = strip_obligation(who);
    return contains(who, "城市") || ends_with(who, "市") || contains(who, "县") || contains(who, "园区");
}

void add_binding(std::vector<Binding>& out, Binding b) {
    for (const auto& x : out)
        if (x.source == b.source && x.who == b.who && x.status == b.status) return;
    out.push_back(std::move(b));
}

// match_scope(), and a `who` that lists several categories
// ("引领型、支撑型知识产权强省试点省") binds when any one of them does, even
// if another is a not-category of the profile.
ScopeMatch match_who(const ProvinceProfile& profile, std::string_view who) {
    ScopeMatch whole = match_scope(profile, who);
    if (whole == ScopeMatch::yes) return whole;
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t pos; (pos = who.find("、", start)) != std::string_view::npos; start = pos + 3)
        parts.push_back(who.substr(start, pos - start));
    parts.push_back(who.substr(start));
    if (parts.size() > 1)
        for (auto p : parts)
            if (!trim_ws(p).empty() && match_scope(profile, trim_ws(p)) == ScopeMatch::yes) return ScopeMatch::yes;
    return whole;
}

const ProvinceProfile* profile_for(const Province& p, const std::vector<ProvinceProfile>& profiles,
                                   const ProvinceTable* table) {
    for (const auto& pr : profiles) {
        if (pr.province == p.name) return &pr;
        if (table)
            if (const Province* q = table->find(pr.province); q && q->name == p.name) return &pr;
    }
    return nullptr;
}

}  // namespace

std::map<std::string, int> Checklist::counts() const {
    std::map<std::string, int> out;
    for (const auto& it : items) ++out[by == "province" ? it.status : it.role];
    return out;
}

bool addresses_all_localities(std::string_view who_raw) {
    std::string_view who = strip_obligation(who_raw);
    std::string_view rest;
    if (starts_with(who, "各")) {
        rest = who.substr(std::string_view("各").size());
    } else if (starts_with(who, "地方各级")) {
        rest = who.substr(std::string_view("地方各级").size());
    } else {
        return false;
    }
    if (rest.empty()) return false;
    // Longest first where one token is a prefix of another.
    static constexpr std::string_view kTokens[] = {
        "新疆生产建设兵团", "知识产权管理部门", "知识产权主管部门", "知识产权部门", "知识产权局",
        "（区、市）", "(区、市)", "省份", "自治区", "直辖市", "兵团", "地方", "地区", "省级", "市场监管部门",
        "有关部门", "管理部门", "类", "省", "地", "级", "、", "和", "及", "与", ",", "，", " "};
    while (!rest.empty()) {
        bool hit = false;
        for (auto t : kTokens)
            if (starts_with(rest, t)) {
                rest.remove_prefix(t.size());
                hit = true;
                break;
            }
        if (!hit) return false;
    }
    return true;
}

namespace {

// What one province is bound to by the task's scope column. "其他省份" is
// decided after the task's other province scopes.
void bind_scopes(const Task& task, const Province& province, const ProvinceProfile& profile,
                 const ProvinceTable* table, std::vector<Binding>& out) {
    struct Deferred {
        const Scope* scope;
    };
    std::vector<Deferred> others;
    int specific_yes = 0, specific_no = 0, specific_check = 0;
    for (const auto& s : task.scope) {
        std::string who(strip_obligation(s.who));
        std::string obligation = s.obligation == "optional" ? "optional" : "mandatory";
        bool province_tier = s.tier.empty() || s.tier == "province";
        if (!province_tier) {
            Binding b{"check", "scope", who, "城市层级范围：本省的城市可能承担", {}};
            b.cities = cities_matching(profile, who);
            if (!b.cities.empty()) b.reason += "，画像列有该类城市";
            add_binding(out, std::move(b));
            continue;
        }
        if (addresses_all_localities(who)) {
            add_binding(out, {obligation, "scope", who, "面向所有省份", {}});
            continue;
        }
        if (auto named = named_provinces(who, table); !named.empty()) {
            if (is_mine(named, province)) {
                add_binding(out, {obligation, "scope", who, "点名本省", {}});
                ++specific_yes;
            } else {
                ++specific_no;
            }
            continue;
        }
        if (starts_with(who, "其他") || starts_with(who, "其余")) {
            others.push_back({&s});
            continue;
        }
        switch (match_who(profile, who)) {
        case ScopeMatch::yes:
            add_binding(out, {obligation, "scope", who,
                              profile.path.empty() ? "面向所有省份" : "画像列有该类别",
                              {}});
            ++specific_yes;
            break;
        case ScopeMatch::no:
            ++specific_no;
            break;
        case ScopeMatch::check:
            add_binding(out, {"check", "scope", who,
                              profile.path.empty() ? "条件类别，未提供画像，需核实"
                                                   : "条件类别，画像未能确定，需核实",
                              {}});
            ++specific_check;
            break;
        }
    }
    for (const auto& d : others) {
        std::string who(strip_obligation(d.scope->who));
        std::string obligation = d.scope->obligation == "optional" ? "optional" : "mandatory";
        if (specific_yes > 0) continue;  // the province is in a named category, not among the others
        if (specific_no > 0 && specific_check == 0)
            add_binding(out, {obligation, "scope", who, "本省不属于任务点名的类别，属于“其他”", {}});
        else
            add_binding(out, {"check", "scope", who, "取决于本省是否属于任务点名的类别，需核实", {}});
    }
}

// Measure actors (各地区：…, 涉及城市：…).
void bind_actors(const Task& task, const Province& province, const ProvinceProfile& profile,
                 const ProvinceTable* table, std::vector<Binding>& out) {
    for (const auto& m : task.measures) {
        if (!m.actor) continue;
        std::string who(trim_ws(*m.actor));
        if (who.empty()) continue;
        if (addresses_all_localities(who)) {
            add_binding(out, {"mandatory", "actor", who, "举措面向所有地方", {}});
            continue;
        }
        if (auto named = named_provinces(who, table); !named.empty()) {
            if (is_mine(named, province)) add_binding(out, {"mandatory", "actor", who, "举措点名本省", {}});
            continue;
        }
        if (!is_locality(who)) continue;
        if (is_city_like(who)) {
            Binding b{"check", "actor", who, "举措面向城市：本省的城市可能承担", {}};
            b.cities = cities_matching(profile, who);
            add_binding(out, std::move(b));
            continue;
        }
        switch (match_who(profile, who)) {
        case ScopeMatch::yes:
            add_binding(out, {"mandatory", "actor", who, "画像列有该类别", {}});
            break;
        case ScopeMatch::no:
            break;
        case ScopeMatch::check:
            add_binding(out, {"check", "actor", who, "条件性对象，需核实", {}});
            break;
        }
    }
}

// Local units (各地方知识产权局, 江苏省知识产权局 ...).
void bind_local_units(const Task& task, const Province& province, const ProvinceProfile& profile,
                      const ProvinceTable* table, std::vector<Binding>& out) {
    for (const auto& u : task.units) {
        if (u.level != "local") continue;
        std::string who = unit_key(u);
        if (addresses_all_localities(who) || addresses_all_localities(u.name)) {
            add_binding(out, {"mandatory", "unit", who, "责任单位面向所有地方（" + zh_label(u.role) + "）", {}});
            continue;
        }
        auto named = named_provinces(who, table);
        if (named.empty()) named = named_provinces(u.name, table);
        if (!named.empty()) {
            if (is_mine(named, province))
                add_binding(out, {"mandatory", "unit", who, "本省单位（" + zh_label(u.role) + "）", {}});
            continue;
        }
        // A city or county: only when the profile lists it.
        for (const auto& c : profile.cities)
            if (!c.name.empty() && (starts_with(who, c.name) || starts_with(u.name, c.name))) {
                add_binding(out, {"check", "unit", who, "点名本省的城市（" + zh_label(u.role) + "）", {c.name}});
                break;
            }
    }
}

}  // namespace

std::vector<Binding> province_bindings(const Task& task, const Province& province, const ProvinceProfile& profile,
                                       const ProvinceTable* table) {
    std::vector<Binding> out;
    bind_scopes(task, province, profile, table, out);
    // Then measure actors and local units. When the task has a scope column,
    // that column states the obligation: what an actor or a unit implies is
    // then at most "check".
    const size_t scope_bindings = out.size();
    bind_actors(task, province, profile, table, out);
    bind_local_units(task, province, profile, table, out);
    if (!task.scope.empty())
        for (size_t i = scope_bindings; i < out.size(); ++i)
            if (out[i].status != "check") {
                out[i].status = "check";
                out[i].reason += "；义务以范围栏为准";
            }
    return out;
}

std::vector<Checklist> checklists_by_unit(const std::vector<Document>& docs, const std::vector<std::string>& only) {
    std::map<std::string, Checklist> by;
    std::map<std::string, std::set<std::string>> aliases;
    for (const auto& d : docs)
        for (const auto& t : d.tasks) {
            std::set<std::string> seen;
            for (const auto& u : t.units) {
                std::string key = unit_key(u);
                if (!seen.insert(key).second) continue;
                Checklist& c = by[key];
                if (c.name.empty()) {
                    c.by = "unit";
                    c.name = key;
                    c.level = u.level;
                }
                aliases[key].insert(u.name.empty() ? key : u.name);
                ChecklistItem item;
                item.doc = &d;
                item.task = &t;
                item.role = u.role;
                std::vector<size_t> ms;
                for (size_t i = 0; i < t.measures.size(); ++i)
                    for (const auto& mu : t.measures[i].units)
                        if (unit_key(mu) == key) {
                            ms.push_back(i);
                            break;
                        }
                if (!ms.empty() && ms.size() < t.measures.size()) item.measures = std::move(ms);
                c.items.push_back(std::move(item));
            }
        }
    std::vector<Checklist> out;
    if (only.empty()) {
        for (auto& [k, c] : by) {
            c.aliases.assign(aliases[k].begin(), aliases[k].end());
            out.push_back(std::move(c));
        }
    } else {
        std::set<std::string> wanted(only.begin(), only.end());
        for (const auto& k : wanted) {
            auto it = by.find(k);
            if (it != by.end()) {
                it->second.aliases.assign(aliases[k].begin(), aliases[k].end());
                out.push_back(std::move(it->second));
            } else {
                Checklist c;
                c.by = "unit";
                c.name = k;
                out.push_back(std::move(c));
            }
        }
    }
    sort_by_level(out, &Checklist::name);
    return out;
}

std::vector<Checklist> checklists_by_province(const std::vector<Document>& docs,
                                              const std::vector<const Province*>& provinces,
                                              const std::vector<ProvinceProfile>& profiles,
                                              const ProvinceTable* table) {
    std::vector<Checklist> out;
    for (const Province* p : provinces) {
        if (!p) continue;
        Checklist c;
        c.by = "province";
        c.name = p->name;
        c.level = p->kind;
        if (!p->short_name.empty()) c.aliases.push_back(p->short_name);
        c.pinyin = p->pinyin;
        c.code = p->code;
        ProvinceProfile empty;
        empty.province = p->name;
        const ProvinceProfile* prof = profile_for(*p, profiles, table);
        if (prof) c.profile = prof->path;
        const ProvinceProfile& use = prof ? *prof : empty;
        for (const auto& d : docs)
            for (const auto& t : d.tasks) {
                auto bindings = province_bindings(t, *p, use, table);
                if (bindings.empty()) continue;
                ChecklistItem item;
                item.doc = &d;
                item.task = &t;
                for (const auto& b : bindings)
                    if (status_rank(b.status) > status_rank(item.status)) item.status = b.status;
                // Narrow to the measures whose actor or units bind the province.
                std::vector<size_t> ms;
                for (size_t i = 0; i < t.measures.size(); ++i) {
                    const auto& m = t.measures[i];
                    bool hit = false;
                    for (const auto& b : bindings) {
                        if (b.source == "actor" && m.actor && trim_ws(*m.actor) == b.who) hit = true;
                        if (b.source == "unit")
                            for (const auto& u : m.units)
                                if (unit_key(u) == b.who) hit = true;
                    }
                    if (hit) ms.push_back(i);
                }
                if (!ms.empty() && ms.size() < t.measures.size()) item.measures = std::move(ms);
                item.bindings = std::move(bindings);
                c.items.push_back(std::move(item));
            }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> resolve_unit_selector(std::string_view name_raw, const std::vector<Document>& docs,
                                               const UnitGazetteer* gazetteer) {
    std::string_view name = trim_ws(name_raw);
    std::set<std::string> out;
    if (name.empty()) return {};
    if (gazetteer)
        if (const UnitInfo* u = gazetteer->find(name)) out.insert(u->canonical);
    for (const auto& d : docs)
        for (const auto& t : d.tasks)
            for (const auto& u : t.units)
                if (u.name == name || u.canonical == name) out.insert(unit_key(u));
    return {out.begin(), out.end()};
}

std::vector<UnitSummary> summarize_units(const std::vector<Document>& docs, const UnitGazetteer* gazetteer) {
    std::map<std::string, UnitSummary> by;
    std::map<std::string, std::set<std::string>> aliases, documents;
    for (const auto& d : docs)
        for (const auto& t : d.tasks) {
            std::set<std::string> seen;
            for (const auto& u : t.units) {
                std::string key = unit_key(u);
                if (!seen.insert(key).second) continue;
                UnitSummary& s = by[key];
                if (s.canonical.empty()) {
                    s.canonical = key;
                    s.level = u.level;
                }
                aliases[key].insert(u.name.empty() ? key : u.name);
                documents[key].insert(d.id);
                ++s.tasks;
                if (u.role == "lead") ++s.lead;
                else if (u.role == "participant") ++s.participant;
                else ++s.responsible;
            }
        }
    std::vector<UnitSummary> out;
    for (auto& [k, s] : by) {
        s.aliases.assign(aliases[k].begin(), aliases[k].end());
        s.documents = static_cast<int>(documents[k].size());
        if (gazetteer) s.known = gazetteer->by_canonical(k) != nullptr;
        out.push_back(std::move(s));
    }
    sort_by_level(out, &UnitSummary::canonical);
    return out;
}

}  // namespace qingdan
