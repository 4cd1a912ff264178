// Column tables (private header): what a column holds (its role, named by
// the header row with the grammar's `column_*` vocabulary), what a cell
// looks like (its shape, by the grammar's `shape_*` patterns), and how a
// row's cells are laid onto the columns when some are missing or merged
// (by analogy: each cell goes to the column its shape fits, in order).
// Used by segment_columns.cpp; no state of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar.hpp"
#include "segment.hpp"  // CellKind

namespace qingdan {

// Column roles. Units columns: Lead (牵头单位, each listed unit leads),
// Support (配合单位: participants), Units (责任单位: the first listed
// leads). Person (责任人, 分管领导) names people, never units. Category
// (类别, 领域): the group a row belongs to, its section (a cell merged over
// the group's rows is printed once, on its first row).
enum class Col { Number, Title, Measure, Units, Lead, Support, Completion, Output, Scope, Person, Category, Ignore };

// Which columns become a row's cells, in the order extraction reads them:
// title, measures, units (牵头 columns before the others), completion, scope.
// Shared by every table reader (column tables, task cards).
struct CellSource {
    Col col;
    CellKind kind;
    const char* role;
};
inline constexpr CellSource kCellOrder[] = {
    {Col::Title, CellKind::Title, ""},           {Col::Measure, CellKind::Measure, ""},
    {Col::Output, CellKind::Measure, ""},        {Col::Lead, CellKind::Units, "lead"},
    {Col::Units, CellKind::Units, ""},           {Col::Support, CellKind::Units, "participant"},
    {Col::Completion, CellKind::Completion, ""}, {Col::Scope, CellKind::Scope, ""}};

// Shapes of cell text, from the grammar's `shape_*` patterns.
enum class Shape { Empty, Number, Completion, Units, Person, Text, Short };

// The grammar's column vocabulary and cell shapes, compiled once.
class ColumnVocabulary {
public:
    explicit ColumnVocabulary(const Grammar& g) : g_(g) {}

    // The role a header name gives its column (spaces inside the name
    // ignored: 任 务 名 称, 分管 领导); none for a name not in the vocabulary.
    std::optional<Col> role_of(const std::string& name) const;

    // A header row: every name short, at least two known, one of them a
    // task text column and one an anchor (序号 or a units column). Unknown
    // names become Ignore columns. Empty when `names` is no header.
    std::vector<Col> header(const std::vector<std::string>& names) const;

    Shape shape(const std::string& cell) const;

    // A bare row number (`12`, `12.`): its value; of a decimal outline
    // number (`2.1.3`) its last part.
    std::optional<int> row_number(const std::string& cell) const;

    // The levels of a row number: 1 for `12`, 3 for `2.1.3`; 0 for none.
    size_t depth(const std::string& cell) const;

private:
    // Two in three names of the list (cut at 、，；) shaped like units.
    bool unit_list(const std::string& t) const;
    const Grammar& g_;
};

// How well a cell of shape `s` fits a column of role `c` (> 0: fits).
double fit(Col c, Shape s);

// Lays a row's cells onto columns `cols` (indexes into the header; the
// number column left out by the caller) in order: each column gets a run of
// consecutive cells or none, every cell goes somewhere. Returns, per cell,
// the index into `cols`. A run of several cells in one column is a wrapped
// cell. Quadratic in the (small) row size.
std::vector<size_t> align_cells(const std::vector<Col>& cols, const std::vector<Shape>& cells);

// A lone task-name column is the task text; with a content column beside it
// it is the title.
Col meaning(const std::vector<Col>& cols, size_t c);

}  // namespace qingdan
