// Only real units get checklists: a name printed as a unit that no
// gazetteer knows and that does not end like an organisation name
// (data/unit_suffixes.txt: 部, 委, 局, 厅, 中心, 政府, 街道 …) is a fragment
// of damaged text. It stays in the task's text, with a diagnostic, and is
// not made a unit, a checklist file or a diff lead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

class UnitGazetteer;

class UnitShape {
public:
    // One ending per line, '#' comments. Throws std::runtime_error when unreadable.
    static UnitShape load(const std::string& path);
    explicit UnitShape(std::vector<std::string> suffixes = {});
    bool looks_like_organisation(std::string_view name) const;

private:
    std::vector<std::string> suffixes_;  // longest first
};

struct DroppedUnit {
    std::string source;  // document source
    Diagnostic diagnostic;
};

// Removes from every task (and measure) the units that are neither known to
// `gazetteer` (may be null: then only the shape counts) nor organisation-
// shaped. Returns one diagnostic per distinct name per document.
std::vector<DroppedUnit> drop_unreal_units(std::vector<Document>& docs, const UnitGazetteer* gazetteer,
                                           const UnitShape& shape);

}  // namespace qingdan
