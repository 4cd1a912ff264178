// Stub: replaced by the full implementation shortly.
#include "qingdan/units.hpp"

#include <stdexcept>

namespace qingdan {
UnitGazetteer UnitGazetteer::load(const std::string&) { return {}; }
const UnitInfo* UnitGazetteer::find(std::string_view) const { return nullptr; }
const UnitInfo* UnitGazetteer::find_fragment(std::string_view) const { return nullptr; }
UnitRef UnitGazetteer::resolve(std::string_view printed, bool* known) const {
    if (known) *known = false;
    return UnitRef{std::string(printed), std::string(printed), "", "other"};
}
std::vector<std::string> split_unit_list(std::string_view) { return {}; }
bool is_unit_clause(std::string_view) { return false; }
std::vector<UnitRef> assign_roles(std::vector<UnitRef> units) { return units; }
}  // namespace qingdan
