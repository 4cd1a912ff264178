#include "unit_shape.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>

#include "units.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {
std::string_view ending(const std::string& s) { return !s.empty() && s[0] == '!' ? std::string_view(s).substr(1) : s; }
}  // namespace

UnitShape::UnitShape(std::vector<std::string> suffixes) : suffixes_(std::move(suffixes)) {
    std::stable_sort(suffixes_.begin(), suffixes_.end(),
                     [](const std::string& a, const std::string& b) { return ending(a).size() > ending(b).size(); });
}

UnitShape UnitShape::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> v;
    std::string line;
    while (std::getline(in, line)) {
        if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
        line = ustr::trim(line);
        if (!line.empty()) v.push_back(line);  // "!X": X is not an organisation ending
    }
    return UnitShape(std::move(v));
}

bool UnitShape::looks_like_organisation(std::string_view name) const {
    std::string n = ustr::trim(name);
    // A closing bracket ends a qualified name: 国务院办公厅（秘书局）.
    while (ustr::ends_with(n, "）") || ustr::ends_with(n, ")")) {
        size_t open = n.rfind(ustr::ends_with(n, "）") ? "（" : "(");
        if (open == std::string::npos || open == 0) break;
        n.erase(open);
    }
    // The longest matching ending decides (布局 is not a 局).
    for (const auto& s : suffixes_) {
        bool negative = !s.empty() && s[0] == '!';
        std::string_view end = negative ? std::string_view(s).substr(1) : std::string_view(s);
        // A bare one-character ending (局) is no name; a longer one (有关部门) may be.
        bool fits = n.size() > end.size() || (n == end && ustr::length(end) > 1);
        if (fits && ustr::ends_with(n, end)) return !negative;
    }
    return false;
}

namespace {

bool is_real(const UnitRef& u, const UnitGazetteer* gaz, const UnitShape& shape) {
    const std::string& name = u.name.empty() ? u.canonical : u.name;
    if (gaz) {
        if (gaz->by_canonical(u.canonical) || gaz->find(name)) return true;
        bool known = false;
        gaz->resolve(name, &known);
        if (known) return true;
    }
    return shape.looks_like_organisation(name) || shape.looks_like_organisation(u.canonical);
}

}  // namespace

std::vector<DroppedUnit> drop_unreal_units(std::vector<Document>& docs, const UnitGazetteer* gazetteer,
                                           const UnitShape& shape) {
    std::vector<DroppedUnit> out;
    for (auto& d : docs) {
        std::set<std::string> reported;
        auto sweep = [&](std::vector<UnitRef>& units, int line) {
            auto bad = [&](const UnitRef& u) { return !is_real(u, gazetteer, shape); };
            for (const auto& u : units)
                if (bad(u) && reported.insert(u.name).second)
                    out.push_back({d.source,
                                   {"warning", "not-a-unit", line,
                                    "`" + u.name +
                                        "` is in no gazetteer and not shaped like an organisation name; kept in the "
                                        "task text, not made a unit"}});
            units.erase(std::remove_if(units.begin(), units.end(), bad), units.end());
        };
        for (auto& t : d.tasks) {
            sweep(t.units, t.span.line_start);
            for (auto& m : t.measures) sweep(m.units, t.span.line_start);
        }
    }
    return out;
}

}  // namespace qingdan
