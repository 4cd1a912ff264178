// Layout detection and dispatch to the document model the grammar names.
// Everything layout-specific comes from the grammar's patterns; the models
// live in segment_prose.cpp and segment_table.cpp, the cover notice in
// cover.cpp.
#include "segment.hpp"

#include <algorithm>

#include "pattern.hpp"
#include "ustr.hpp"
#include "segmenters.hpp"

namespace qingdan {

namespace {

using Hits = std::vector<std::vector<double>>;  // [grammar][rule] lines matched

struct RuleUse {
    size_t grammar, rule, pattern;  // pattern: index into the distinct patterns
};

// Counts, over the sampled lines, the lines each listed rule matches (up to
// its grammar's cap). Grammars share rules (`\t`, 局内：, unit clauses): a
// distinct pattern is tried once per line, only while some rule using it is
// under its cap. Lines outer, patterns inner: a line is converted once.
void count(const std::vector<Line>& lines, size_t sample, const std::vector<Grammar>& grammars,
           const std::vector<const Pattern*>& patterns, const std::vector<RuleUse>& uses, Hits& hits) {
    std::vector<signed char> matched(patterns.size());  // -1: not tried on this line
    for (size_t i = 0; i < sample; ++i) {
        std::fill(matched.begin(), matched.end(), -1);
        for (const RuleUse& u : uses) {
            double& h = hits[u.grammar][u.rule];
            if (h >= grammars[u.grammar].detect_cap) continue;
            signed char& m = matched[u.pattern];
            if (m < 0) m = patterns[u.pattern]->matches(lines[i].text) ? 1 : 0;
            h += m;
        }
    }
}

double score(const Hits& hits, const Grammar& g, size_t gi, bool positive_only) {
    double s = 0;
    for (size_t r = 0; r < g.detect.size(); ++r)
        if (!positive_only || g.detect[r].weight > 0) s += g.detect[r].weight * hits[gi][r];
    return s;
}

}  // namespace

size_t detect_layout(const std::vector<Line>& lines, const std::vector<Grammar>& grammars) {
    // A layout shows in its first pages; scoring a whole 1 MB file would
    // cost more than segmenting it.
    const size_t sample = std::min<size_t>(lines.size(), 200);
    std::vector<const Pattern*> patterns;
    std::vector<RuleUse> positive;
    std::vector<std::vector<RuleUse>> negative(grammars.size());
    for (size_t gi = 0; gi < grammars.size(); ++gi)
        for (size_t r = 0; r < grammars[gi].detect.size(); ++r) {
            const Pattern* p = grammars[gi].detect[r].pattern.get();
            auto it = std::find(patterns.begin(), patterns.end(), p);
            if (it == patterns.end()) it = patterns.insert(patterns.end(), p);
            RuleUse u{gi, r, static_cast<size_t>(it - patterns.begin())};
            (grammars[gi].detect[r].weight > 0 ? positive : negative[gi]).push_back(u);
        }
    Hits hits(grammars.size());
    for (size_t gi = 0; gi < grammars.size(); ++gi) hits[gi].assign(grammars[gi].detect.size(), 0);
    // Evidence for each layout first. Evidence against a layout can only
    // lower its score, so it is counted only for a grammar whose evidence
    // for could still win: the result is the full count's, for less work.
    count(lines, sample, grammars, patterns, positive, hits);
    std::vector<double> most(grammars.size());  // the score with no evidence against
    std::vector<size_t> order(grammars.size());
    for (size_t gi = 0; gi < order.size(); ++gi) {
        most[gi] = score(hits, grammars[gi], gi, true);
        order[gi] = gi;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return most[a] > most[b]; });
    // The highest score wins, ties to the first by name; a winner must score
    // above zero. Nothing in favour of any layout (a short note, an unusual
    // plan): the grammar marked `fallback = yes` reads it.
    size_t best = grammars.size();
    double best_score = 0;
    for (size_t gi : order) {
        if (most[gi] < best_score || (most[gi] == best_score && (best == grammars.size() || gi > best))) continue;
        count(lines, sample, grammars, patterns, negative[gi], hits);
        const double s = score(hits, grammars[gi], gi, false);
        if (s > best_score || (s == best_score && best < grammars.size() && gi < best)) {
            best_score = s;
            best = gi;
        }
    }
    if (best < grammars.size()) return best;
    for (size_t gi = 0; gi < grammars.size(); ++gi)
        if (grammars[gi].value("fallback") == "yes") return gi;
    return 0;
}

// True when `lines` end mid-sentence inside the last item: its span reaches
// the last line, which closes with no stop, bracket or cell bar.
bool ends_cut(const std::vector<Line>& lines, Skeleton& sk) {
    if (sk.items.empty()) return false;
    auto last = std::find_if(lines.rbegin(), lines.rend(), [](const Line& l) { return !ustr::trim(l.text).empty(); });
    if (last == lines.rend() || sk.items.back().span.line_end < last->line_start) return false;
    sk.cut_text = ustr::trim(last->text);
    const std::string t = ustr::trim(last->text);
    // A closing bracket ends nothing while an outer one is open (〔A(B)).
    int open = 0;
    for (std::string_view o : {"（", "(", "〔", "【", "["})
        for (size_t k = t.find(o); k != std::string::npos; k = t.find(o, k + o.size())) ++open;
    for (std::string_view c : {"）", ")", "〕", "】", "]"})
        for (size_t k = t.find(c); k != std::string::npos; k = t.find(c, k + c.size())) --open;
    if (open > 0) return true;
    for (std::string_view end : {"。", "；", "！", "？", "）", ")", "〕", "】", "]", "」", "”", "…", "|", ".", ";"})
        if (t.ends_with(end)) return false;
    return true;
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
    sk.cut_at_end = ends_cut(lines, sk);
    return sk;
}

}  // namespace qingdan
