// Stage 2b: wrapped lines back into paragraphs (src/join_wrapped.cpp).
// join_wrapped() itself is declared in qingdan/normalise.hpp, next to Line.
#pragma once

#include <vector>

#include "normalise.hpp"

namespace qingdan {

// Cuts each very long line (a web article that lost its line breaks:
// `…制定本计划。 一 完善… （一）… 1.…。 2.…`) before its inline heading and
// item labels (`一、`/`一 `, `（一）`, `1.`/`1、`, `附件`) when they follow a
// space, `。`, `；` or `）` and their numbering runs on; every piece keeps the
// original line number. Other lines are copied. join_wrapped() calls it.
std::vector<Line> reflow_long_lines(const std::vector<Line>& lines);

}  // namespace qingdan
