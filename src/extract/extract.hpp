// Stages 5-6: skeleton -> canonical tasks (title, text, measures, targets,
// deadlines, scope, completion), numbering repaired, units resolved.
#pragma once

#include "grammar.hpp"
#include "qingdan/model.hpp"
#include "segment.hpp"
#include "units.hpp"

namespace qingdan {

// Fills doc's metadata, goals, deadlines, sections, tasks and diagnostics.
// doc.id must already be set (task ids derive from it).
void extract(const Skeleton& sk, const Grammar& g, const UnitGazetteer& units, Document& doc);

// Repairs and checks the numbering of tasks in document order: duplicates
// kept (id suffix ~2), a corrupt or lost number inferred from its
// neighbours, gaps diagnosed. Sets number and id; appends diagnostics.
void number_tasks(std::vector<Task>& tasks, const std::vector<bool>& level2, Document& doc);

}  // namespace qingdan
