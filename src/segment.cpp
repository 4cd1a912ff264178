// Layout detection and dispatch to the document model the grammar names.
// Everything layout-specific comes from the grammar's patterns; the models
// live in segment_prose.cpp and segment_table.cpp, the cover notice in
// cover.cpp.
#include "qingdan/segment.hpp"

#include <algorithm>

#include "pattern.hpp"
#include "segmenters.hpp"

namespace qingdan {

size_t detect_layout(const std::vector<Line>& lines, const std::vector<Grammar>& grammars) {
    // A layout shows in its first pages; scoring a whole 1 MB file would
    // cost more than segmenting it.
    const size_t sample = std::min<size_t>(lines.size(), 200);
    // Lines outer, rules inner: each line is converted for matching once.
    std::vector<std::vector<double>> hits(grammars.size());
    for (size_t gi = 0; gi < grammars.size(); ++gi) hits[gi].assign(grammars[gi].detect.size(), 0);
    for (size_t i = 0; i < sample; ++i)
        for (size_t gi = 0; gi < grammars.size(); ++gi)
            for (size_t r = 0; r < grammars[gi].detect.size(); ++r)
                if (hits[gi][r] < grammars[gi].detect_cap && grammars[gi].detect[r].pattern->matches(lines[i].text))
                    ++hits[gi][r];
    // Nothing in favour of any layout (a short note, an unusual plan):
    // the grammar marked `fallback = yes` reads it, not whichever sorts first.
    size_t best = grammars.size();
    double best_score = 0;
    for (size_t gi = 0; gi < grammars.size(); ++gi) {
        double score = 0;
        for (size_t r = 0; r < grammars[gi].detect.size(); ++r) score += grammars[gi].detect[r].weight * hits[gi][r];
        if (score > best_score) {
            best_score = score;
            best = gi;
        }
    }
    if (best < grammars.size()) return best;
    for (size_t gi = 0; gi < grammars.size(); ++gi)
        if (grammars[gi].value("fallback") == "yes") return gi;
    return 0;
}

Skeleton segment(const std::vector<Line>& lines, const Grammar& g) {
    Skeleton sk;
    if (g.model == "table" && g.pattern("column_number")) {
        segment_columns(lines, g, sk);  // columns named by a header row
    } else if (g.model == "table") {
        segment_table(lines, g, sk);
    } else {
        segment_prose(lines, g, sk);
    }
    return sk;
}

}  // namespace qingdan
