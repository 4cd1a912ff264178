// The document models grammars configure (private header): prose
// (headings, numbered items, unit clauses) and table — PDF task tables
// read by cell content (segment_table.cpp), or, when the grammar declares
// the `column_*` header vocabulary, tables read by the columns their
// header row names (segment_columns.cpp).
#pragma once

#include <vector>

#include "grammar.hpp"
#include "normalise.hpp"
#include "segment.hpp"

namespace qingdan {

void segment_prose(const std::vector<Line>& raw, const Grammar& g, Skeleton& sk);
void segment_table(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk);
void segment_columns(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk);

class Builder;
// The rows of a delivered table (`rows[0]` its header row) read with
// `table_g`'s column vocabulary into `b`, the builder of the prose around
// it (segment_mixed). False, nothing read, when rows[0] is no header row.
bool read_table_rows(const std::vector<Line>& rows, const Grammar& table_g, Skeleton& sk, Builder& b);

// Task cards (segment_cards.cpp): blocks of `label` / value lines read with
// the column vocabulary. False (nothing added) when the text has no cards.
bool segment_cards(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk, Builder& b);

}  // namespace qingdan
