// Reading the cells of a table row (private header of the extract stage):
// units resolved through the gazetteer, roles by column, a table layout's
// row (table_cells.cpp) — shared by extract.cpp's table and prose readers.
#pragma once

#include <string>
#include <vector>

#include "grammar.hpp"
#include "qingdan/model.hpp"
#include "segment.hpp"
#include "units.hpp"

namespace qingdan {

// Splits and resolves a unit clause or cell through the gazetteer, which
// also repairs names PDF extraction cut at a line or cell break
// (`战略规 划司`, `护司`); every repair and unknown name is diagnosed.
std::vector<UnitRef> resolve_list(const UnitGazetteer& gz, const std::string& clause, int line, Document& doc);

// The text without its final `。`s.
std::string strip_final_stop(std::string s);

// Units of a table row by column role: 牵头 columns lead, 责任单位 columns by
// position, 配合 columns participate. One entry per unit.
std::vector<UnitRef> table_roles(std::vector<UnitRef> leads, const std::vector<std::vector<UnitRef>>& cells,
                                 std::vector<UnitRef> participants);

// A row of a table layout (model = table): one measure per actor cell; the
// unit columns belong to the first measure; scope and completion to the task.
void table_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc);

}  // namespace qingdan
