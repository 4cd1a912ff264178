// Private to the units files (units.cpp: gazetteer; unit_clause.cpp: clause
// parsing and roles; unit_resolve.cpp: name resolution; units_text.cpp: the
// UTF-8 helpers they share). Not part of the extract stage's interface.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unit_phrasing.hpp"
#include "units.hpp"
#include "ustr.hpp"

namespace qingdan::unit_detail {

// --- text (units_text.cpp) -------------------------------------------------
using ustr::to_u32;
using ustr::to_u8;
std::string squeeze(std::string_view s);  // trims, drops every space inside
using ustr::is_ascii;
std::string lower_ascii(std::string_view s);
[[noreturn]] void fail(const std::string& file, int line, const std::string& msg);
// True when the 3-byte UTF-8 character `lit` is at s[i].
inline bool at3(std::string_view s, size_t i, const char* lit) {
    return i + 3 <= s.size() && s[i] == lit[0] && s[i + 1] == lit[1] && s[i + 2] == lit[2];
}
using ustr::space_at;  // byte length of the space at s[i], or 0
std::string_view trim_sv(std::string_view s);
using ustr::has_space;
// …司, …部, …局, 成员单位, 各县(市、区)政府(管委会): ends like a unit name.
bool ends_like_unit(std::string_view name);

// --- clause parsing (unit_clause.cpp) --------------------------------------
// One name of a unit list; `parts` are the pieces a space or line break had
// separated in print (战略规 / 划司), empty when there was no such break.
struct SplitName {
    std::string name;
    std::vector<std::string> parts;
    UnitRole role = UnitRole::none;  // from a label, tail or note
};
std::vector<SplitName> split_impl(std::string_view clause, const UnitGazetteer* g);
std::string_view strip_phrasing(std::string_view s, UnitRole* role = nullptr);
bool plausible_name(std::string_view name, const UnitGazetteer* g);
std::optional<std::vector<SplitName>> unit_clause_names(std::string_view inside, const UnitGazetteer* g);
// Roles from the marks (a lead mark, 分别牵头) or, unmarked, by position.
void assign_marked_roles(std::vector<UnitRef>& refs, const std::vector<UnitRole>& marks);

// --- resolution (unit_resolve.cpp) -----------------------------------------
std::vector<UnitRef> resolve_split(const UnitGazetteer& g, std::vector<SplitName> names,
                                   std::vector<std::string>* unknown, UnitGazetteer::Repairs* repaired);

}  // namespace qingdan::unit_detail
