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
    // Grammars share rules (`\t`, 局内：, unit clauses): each distinct
    // pattern is tried once per line, and only while some rule using it is
    // still under its cap. Lines outer, patterns inner: a line is converted
    // for matching once.
    std::vector<const Pattern*> distinct;
    struct Use {
        size_t grammar, rule, pattern;
    };
    std::vector<Use> uses;
    for (size_t gi = 0; gi < grammars.size(); ++gi)
        for (size_t r = 0; r < grammars[gi].detect.size(); ++r) {
            const Pattern* p = grammars[gi].detect[r].pattern.get();
            auto it = std::find(distinct.begin(), distinct.end(), p);
            if (it == distinct.end()) it = distinct.insert(distinct.end(), p);
            uses.push_back({gi, r, static_cast<size_t>(it - distinct.begin())});
        }
    std::vector<std::vector<double>> hits(grammars.size());
    for (size_t gi = 0; gi < grammars.size(); ++gi) hits[gi].assign(grammars[gi].detect.size(), 0);
    std::vector<signed char> matched(distinct.size());  // -1 not tried on this line
    for (size_t i = 0; i < sample; ++i) {
        std::fill(matched.begin(), matched.end(), -1);
        for (const Use& u : uses) {
            double& h = hits[u.grammar][u.rule];
            if (h >= grammars[u.grammar].detect_cap) continue;
            signed char& m = matched[u.pattern];
            if (m < 0) m = distinct[u.pattern]->matches(lines[i].text) ? 1 : 0;
            h += m;
        }
    }
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
