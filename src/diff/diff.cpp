// `qingdan diff`: task matching across two documents and the field-by-field
// comparison of matched tasks. See docs/diff.md for the method.
#include "diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "units.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// --- similarity --------------------------------------------------------------

using SparseVec = std::vector<std::pair<uint64_t, double>>;  // sorted by key

bool is_content(char32_t c) {
    return ustr::is_han(c) || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

char32_t fold(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

// Character bigrams inside runs of Han characters, letters and digits
// (punctuation and spaces cut runs); a run of one character counts as a
// unigram. Counts are added to `tf` with weight `w`.
void add_terms(std::string_view s, double w, std::map<uint64_t, double>& tf) {
    char32_t prev = 0;
    size_t run = 0;
    auto close_run = [&] {
        if (run == 1) tf[(uint64_t{1} << 42) | prev] += w;
        run = 0;
    };
    for (size_t i = 0; i < s.size();) {
        char32_t c = ustr::next(s, i);
        if (!is_content(c)) {
            close_run();
            continue;
        }
        c = fold(c);
        if (run > 0) tf[(uint64_t{prev} << 21) | c] += w;
        prev = c;
        ++run;
    }
    close_run();
}

// The title counts twice: it names the task, while the text also carries
// boilerplate (国家知识产权局：… 各地区要…).
std::map<uint64_t, double> term_counts(const Task& t) {
    std::map<uint64_t, double> tf;
    if (t.title) add_terms(*t.title, 2.0, tf);
    add_terms(t.text, 1.0, tf);
    return tf;
}

double dot(const SparseVec& a, const SparseVec& b) {
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first) {
            ++i;
        } else if (b[j].first < a[i].first) {
            ++j;
        } else {
            s += a[i].second * b[j].second;
            ++i, ++j;
        }
    }
    return s;
}

// --- comparison --------------------------------------------------------------

std::optional<std::string> lead_of(const Task& t) {
    for (const auto& u : t.units)
        if (u.role == "lead" || u.role == "responsible") return u.canonical;
    if (!t.units.empty()) return t.units.front().canonical;
    return std::nullopt;
}

// Elements of `a` not in `b`, as multisets under `key`, in `a`'s order.
template <class T, class K>
std::vector<T> minus(const std::vector<T>& a, const std::vector<T>& b, K key) {
    std::map<decltype(key(a.front())), int> count;
    for (const auto& x : b) ++count[key(x)];
    std::vector<T> out;
    for (const auto& x : a) {
        auto it = count.find(key(x));
        if (it != count.end() && it->second > 0) {
            --it->second;
        } else {
            out.push_back(x);
        }
    }
    return out;
}

auto scope_key(const Scope& s) { return std::make_tuple(s.tier, s.who, s.obligation); }
auto target_key(const Target& t) { return std::make_tuple(t.metric, t.op, t.value, t.unit); }
auto deadline_key(const Deadline& d) { return std::make_tuple(d.date, d.kind); }

std::vector<UnitRef> units_minus(const std::vector<UnitRef>& a, const std::vector<UnitRef>& b) {
    std::vector<UnitRef> out;
    for (const auto& u : a) {
        bool found = std::any_of(b.begin(), b.end(), [&](const UnitRef& v) { return v.canonical == u.canonical; });
        bool dup = std::any_of(out.begin(), out.end(), [&](const UnitRef& v) { return v.canonical == u.canonical; });
        if (!found && !dup) out.push_back(u);
    }
    return out;
}

}  // namespace

namespace {

// Unit-length TF-IDF vectors of the old tasks, then the new ones.
std::vector<SparseVec> tfidf_vectors(const std::vector<Task>& old_tasks, const std::vector<Task>& new_tasks) {
    std::vector<std::map<uint64_t, double>> counts;
    counts.reserve(old_tasks.size() + new_tasks.size());
    for (const auto& t : old_tasks) counts.push_back(term_counts(t));
    for (const auto& t : new_tasks) counts.push_back(term_counts(t));
    std::map<uint64_t, int> df;
    for (const auto& c : counts)
        for (const auto& [k, v] : c) ++df[k];
    const double n = static_cast<double>(counts.size());
    std::vector<SparseVec> vecs;
    vecs.reserve(counts.size());
    for (const auto& c : counts) {
        SparseVec v;
        double norm = 0;
        for (const auto& [k, tf] : c) {
            // sublinear tf, smoothed idf
            double w = (1.0 + std::log(tf)) * (std::log((1.0 + n) / (1.0 + df[k])) + 1.0);
            v.emplace_back(k, w);
            norm += w * w;
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (auto& [k, w] : v) w /= norm;
        vecs.push_back(std::move(v));
    }
    return vecs;
}

// Rounded to the 4 decimals reported, so that --threshold 1 accepts what the
// report shows as 1.0000.
double reported(double s) { return std::round(std::clamp(s, 0.0, 1.0) * 10000.0) / 10000.0; }

double relative(size_t i, size_t n) { return n > 1 ? static_cast<double>(i) / static_cast<double>(n - 1) : 0.0; }

// Maximise the total similarity of the pairs at or above the threshold;
// pairs below it are worth nothing, like no pair at all. A tie-break far
// below any meaningful difference prefers pairs at similar relative
// positions (identical duplicate tasks keep order).
double pair_cost(double sim, size_t i, size_t n, size_t j, size_t m) {
    return -(sim + 1e-7 * (1.0 - std::fabs(relative(i, n) - relative(j, m))));
}

struct Edge {
    size_t i, j;
    double sim;
};

// Candidate pairs of a large diff, without an n x m matrix: for each new
// task, the old tasks sharing its bigrams (a posting list longer than
// kWindow is read only near the task's relative position, so identical
// repeated tasks cost kWindow each, not n), the kKeep best by the partial
// score, then scored exactly. Memory is O(n + m) times constants.
std::vector<Edge> candidate_edges(const std::vector<SparseVec>& vecs, size_t n, size_t m, double threshold) {
    constexpr size_t kWindow = 64, kKeep = 24;
    std::map<uint64_t, std::vector<std::pair<uint32_t, double>>> postings;  // term -> (old task, weight)
    for (size_t i = 0; i < n; ++i)
        for (const auto& [k, w] : vecs[i]) postings[k].emplace_back(static_cast<uint32_t>(i), w);
    std::vector<double> acc(n, 0.0);
    std::vector<uint32_t> touched;
    std::vector<Edge> edges;
    for (size_t j = 0; j < m; ++j) {
        const SparseVec& v = vecs[n + j];
        const auto centre = static_cast<uint32_t>(std::lround(relative(j, m) * static_cast<double>(n > 0 ? n - 1 : 0)));
        for (const auto& [k, w] : v) {
            auto it = postings.find(k);
            if (it == postings.end()) continue;
            const auto& pl = it->second;
            size_t lo = 0, hi = pl.size();
            if (pl.size() > kWindow) {
                size_t mid = static_cast<size_t>(std::lower_bound(pl.begin(), pl.end(), std::make_pair(centre, 0.0)) - pl.begin());
                lo = mid > kWindow / 2 ? mid - kWindow / 2 : 0;
                lo = std::min(lo, pl.size() - kWindow);
                hi = lo + kWindow;
            }
            for (size_t q = lo; q < hi; ++q) {
                if (acc[pl[q].first] == 0.0) touched.push_back(pl[q].first);
                acc[pl[q].first] += w * pl[q].second + 1e-300;  // never exactly 0 once touched
            }
        }
        if (touched.size() > kKeep)
            std::nth_element(touched.begin(), touched.begin() + kKeep, touched.end(),
                             [&](uint32_t a, uint32_t b) { return acc[a] != acc[b] ? acc[a] > acc[b] : a < b; });
        for (size_t q = 0; q < std::min(kKeep, touched.size()); ++q) {
            const size_t i = touched[q];
            const double sim = reported(dot(vecs[i], v));
            if (sim >= threshold && sim > 0) edges.push_back({i, j, sim});
        }
        for (uint32_t i : touched) acc[i] = 0.0;
        touched.clear();
    }
    return edges;
}

size_t find_root(std::vector<size_t>& parent, size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

// The assignment on the candidate pairs: each connected group of candidates
// is solved exactly (Hungarian) when small, greedily by cost otherwise.
std::vector<int> assign_edges(const std::vector<Edge>& edges, size_t n, size_t m) {
    constexpr size_t kExactCells = 1u << 16;
    std::vector<size_t> parent(n + m);
    for (size_t x = 0; x < parent.size(); ++x) parent[x] = x;
    for (const auto& e : edges) parent[find_root(parent, e.i)] = find_root(parent, n + e.j);
    std::map<size_t, std::vector<size_t>> groups;  // root -> edge indices
    for (size_t q = 0; q < edges.size(); ++q) groups[find_root(parent, edges[q].i)].push_back(q);
    std::vector<int> match(n, -1);
    for (const auto& [root, qs] : groups) {
        std::vector<size_t> rows, cols;
        for (size_t q : qs) rows.push_back(edges[q].i), cols.push_back(edges[q].j);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        std::sort(cols.begin(), cols.end());
        cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
        auto idx = [](const std::vector<size_t>& v, size_t x) {
            return static_cast<size_t>(std::lower_bound(v.begin(), v.end(), x) - v.begin());
        };
        if (rows.size() * cols.size() <= kExactCells) {
            std::vector<std::vector<double>> cost(rows.size(), std::vector<double>(cols.size(), 0.0));
            std::vector<std::vector<char>> is_edge(rows.size(), std::vector<char>(cols.size(), 0));
            for (size_t q : qs) {
                const Edge& e = edges[q];
                cost[idx(rows, e.i)][idx(cols, e.j)] = pair_cost(e.sim, e.i, n, e.j, m);
                is_edge[idx(rows, e.i)][idx(cols, e.j)] = 1;
            }
            auto a = hungarian(cost);
            for (size_t r = 0; r < rows.size(); ++r)
                if (a[r] >= 0 && is_edge[r][static_cast<size_t>(a[r])]) match[rows[r]] = static_cast<int>(cols[static_cast<size_t>(a[r])]);
        } else {
            std::vector<size_t> order = qs;
            std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
                double cx = pair_cost(edges[x].sim, edges[x].i, n, edges[x].j, m);
                double cy = pair_cost(edges[y].sim, edges[y].i, n, edges[y].j, m);
                return cx != cy ? cx < cy : x < y;
            });
            std::vector<char> col_used(m, 0);
            for (size_t q : order) {
                const Edge& e = edges[q];
                if (match[e.i] >= 0 || col_used[e.j]) continue;
                match[e.i] = static_cast<int>(e.j);
                col_used[e.j] = 1;
            }
        }
    }
    return match;
}

}  // namespace

std::vector<std::vector<double>> similarity_matrix(const std::vector<Task>& old_tasks,
                                                   const std::vector<Task>& new_tasks) {
    const auto vecs = tfidf_vectors(old_tasks, new_tasks);
    std::vector<std::vector<double>> sim(old_tasks.size(), std::vector<double>(new_tasks.size(), 0.0));
    for (size_t i = 0; i < old_tasks.size(); ++i)
        for (size_t j = 0; j < new_tasks.size(); ++j)
            sim[i][j] = std::clamp(dot(vecs[i], vecs[old_tasks.size() + j]), 0.0, 1.0);
    return sim;
}

TaskMatch match_tasks(const std::vector<Task>& old_tasks, const std::vector<Task>& new_tasks, double threshold,
                      size_t dense_pairs) {
    const size_t n = old_tasks.size(), m = new_tasks.size();
    TaskMatch r{std::vector<int>(n, -1), std::vector<double>(n, 0.0)};
    if (n == 0 || m == 0) return r;
    if (n * m > dense_pairs) {
        // Large documents: candidate pairs only (bounded memory, near-linear time).
        const auto vecs = tfidf_vectors(old_tasks, new_tasks);
        const auto edges = candidate_edges(vecs, n, m, threshold);
        r.match = assign_edges(edges, n, m);
        for (const auto& e : edges)
            if (r.match[e.i] == static_cast<int>(e.j)) r.similarity[e.i] = e.sim;
        return r;
    }
    auto sim = similarity_matrix(old_tasks, new_tasks);
    for (auto& row : sim)
        for (auto& s : row) s = reported(s);
    std::vector<std::vector<double>> cost(n, std::vector<double>(m, 0.0));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            if (sim[i][j] >= threshold && sim[i][j] > 0) cost[i][j] = pair_cost(sim[i][j], i, n, j, m);
    auto assigned = hungarian(cost);
    for (size_t i = 0; i < n; ++i) {
        int j = assigned[i];
        if (j >= 0 && sim[i][static_cast<size_t>(j)] >= threshold && sim[i][static_cast<size_t>(j)] > 0) {
            r.match[i] = j;
            r.similarity[i] = sim[i][static_cast<size_t>(j)];
        }
    }
    return r;
}

std::string resolve_unit_filter(std::string_view name, const UnitGazetteer* gaz) {
    std::string trimmed = ustr::trim(name);
    if (gaz)
        if (const UnitInfo* u = gaz->find(trimmed)) return u->canonical;
    return trimmed;
}

bool task_has_unit(const Task& t, std::string_view canonical) {
    auto has = [&](const UnitRef& u) { return u.canonical == canonical || u.name == canonical; };
    if (std::any_of(t.units.begin(), t.units.end(), has)) return true;
    for (const auto& m : t.measures)
        if (std::any_of(m.units.begin(), m.units.end(), has)) return true;
    return false;
}

std::vector<std::string> TaskPair::changes() const {
    std::vector<std::string> c;
    if (title_changed) c.emplace_back("title");
    if (text_changed) c.emplace_back("text");
    if (!units_added.empty() || !units_removed.empty()) c.emplace_back("units");
    if (lead_changed) c.emplace_back("lead");
    if (!scope_added.empty() || !scope_removed.empty()) c.emplace_back("scope");
    if (!targets_added.empty() || !targets_removed.empty() || !targets_changed.empty()) c.emplace_back("targets");
    if (!deadlines_added.empty() || !deadlines_removed.empty()) c.emplace_back("deadlines");
    if (renumbered) c.emplace_back("renumbered");
    if (moved) c.emplace_back("moved");
    if (kind_changed) c.emplace_back("kind");
    if (completion_changed) c.emplace_back("completion");
    return c;
}

TaskPair compare_tasks(const Task& a, const Task& b, bool with_text_diff) {
    TaskPair p;
    p.old_id = a.id;
    p.new_id = b.id;
    p.old_seq = a.seq;
    p.new_seq = b.seq;

    p.old_title = a.title;
    p.new_title = b.title;
    // A field printed on one side only (a table layout has no titles, one
    // year states no completion) is not a change of every pair.
    p.title_changed = a.title && b.title && !a.title->empty() && !b.title->empty() && !same_text(*a.title, *b.title);

    p.text_changed = !same_text(a.text, b.text);
    if (p.text_changed && with_text_diff) p.text_edits = diff_text(a.text, b.text);

    p.units_added = units_minus(b.units, a.units);
    p.units_removed = units_minus(a.units, b.units);
    p.old_lead = lead_of(a);
    p.new_lead = lead_of(b);
    p.lead_changed = p.old_lead && p.new_lead && *p.old_lead != *p.new_lead;

    p.scope_added = minus(b.scope, a.scope, scope_key);
    p.scope_removed = minus(a.scope, b.scope, scope_key);

    // Targets: a removed and an added target with the same metric are one
    // target whose value, operator or unit changed.
    std::vector<Target> added = minus(b.targets, a.targets, target_key);
    std::vector<Target> removed = minus(a.targets, b.targets, target_key);
    std::vector<bool> used(added.size(), false);
    for (const auto& r : removed) {
        bool paired = false;
        for (size_t k = 0; k < added.size(); ++k) {
            if (used[k] || added[k].metric != r.metric) continue;
            used[k] = true;
            p.targets_changed.push_back({r, added[k]});
            paired = true;
            break;
        }
        if (!paired) p.targets_removed.push_back(r);
    }
    for (size_t k = 0; k < added.size(); ++k)
        if (!used[k]) p.targets_added.push_back(added[k]);

    p.deadlines_added = minus(b.deadlines, a.deadlines, deadline_key);
    p.deadlines_removed = minus(a.deadlines, b.deadlines, deadline_key);

    p.old_number = a.number;
    p.new_number = b.number;
    p.old_label = a.label;
    p.new_label = b.label;
    p.renumbered = a.number != b.number;

    p.old_section = a.section_path;
    p.new_section = b.section_path;
    p.moved = a.section_path != b.section_path;

    p.old_kind = a.kind;
    p.new_kind = b.kind;
    p.kind_changed = a.kind != b.kind;

    p.old_completion = a.completion;
    p.new_completion = b.completion;
    p.completion_changed = a.completion && b.completion && !same_text(*a.completion, *b.completion);
    return p;
}

namespace {

// Everything but the copies of the task lists (old_tasks, new_tasks).
DiffResult diff_without_tasks(const Document& old_doc, const Document& new_doc, const DiffOptions& opts) {
    DiffResult r;
    auto summary = [](const Document& d) {
        return DocSummary{d.id, d.source, d.title, d.year, static_cast<int>(d.tasks.size())};
    };
    r.old_doc = summary(old_doc);
    r.new_doc = summary(new_doc);
    r.threshold = opts.threshold;
    r.unit = opts.unit;

    const size_t n = old_doc.tasks.size(), m = new_doc.tasks.size();
    std::vector<int> match(n, -1);
    if (n > 0 && m > 0) {
        const TaskMatch tm = match_tasks(old_doc.tasks, new_doc.tasks, opts.threshold);
        match = tm.match;
        std::vector<int> old_of(m, -1);
        for (size_t i = 0; i < n; ++i)
            if (match[i] >= 0) old_of[static_cast<size_t>(match[i])] = static_cast<int>(i);

        auto keep = [&](const Task* a, const Task* b) {
            if (!opts.unit) return true;
            return (a && task_has_unit(*a, *opts.unit)) || (b && task_has_unit(*b, *opts.unit));
        };
        for (size_t j = 0; j < m; ++j) {
            const Task& b = new_doc.tasks[j];
            if (old_of[j] < 0) {
                if (keep(nullptr, &b)) r.added.push_back(b.id);
                continue;
            }
            const size_t i = static_cast<size_t>(old_of[j]);
            const Task& a = old_doc.tasks[i];
            if (!keep(&a, &b)) continue;
            TaskPair p = compare_tasks(a, b, opts.with_text_diff);
            p.similarity = tm.similarity[i];
            r.pairs.push_back(std::move(p));
        }
    } else {
        for (const auto& b : new_doc.tasks)
            if (!opts.unit || task_has_unit(b, *opts.unit)) r.added.push_back(b.id);
    }
    for (size_t i = 0; i < n; ++i) {
        const Task& a = old_doc.tasks[i];
        if (match[i] < 0 && (!opts.unit || task_has_unit(a, *opts.unit))) r.removed.push_back(a.id);
    }
    return r;
}

}  // namespace

DiffResult diff_documents(const Document& old_doc, const Document& new_doc, const DiffOptions& opts) {
    DiffResult r = diff_without_tasks(old_doc, new_doc, opts);
    r.old_tasks = old_doc.tasks;
    r.new_tasks = new_doc.tasks;
    return r;
}

DiffResult diff_documents(Document&& old_doc, Document&& new_doc, const DiffOptions& opts) {
    DiffResult r = diff_without_tasks(old_doc, new_doc, opts);
    r.old_tasks = std::move(old_doc.tasks);
    r.new_tasks = std::move(new_doc.tasks);
    return r;
}

int DiffResult::changed_count() const {
    return static_cast<int>(std::count_if(pairs.begin(), pairs.end(), [](const TaskPair& p) { return p.changed(); }));
}

int DiffResult::unchanged_count() const { return static_cast<int>(pairs.size()) - changed_count(); }

int DiffResult::renumbered_count() const {
    return static_cast<int>(std::count_if(pairs.begin(), pairs.end(), [](const TaskPair& p) { return p.renumbered; }));
}

int DiffResult::moved_count() const {
    return static_cast<int>(std::count_if(pairs.begin(), pairs.end(), [](const TaskPair& p) { return p.moved; }));
}

namespace {

const Task* lookup(const std::vector<Task>& tasks, std::unordered_map<std::string, size_t>& index,
                   const std::string& id) {
    if (index.size() != tasks.size()) {  // (re)built when the tasks changed
        index.clear();
        for (size_t i = tasks.size(); i-- > 0;) index[tasks[i].id] = i;  // the first of equal ids wins
    }
    auto it = index.find(id);
    return it == index.end() ? nullptr : &tasks[it->second];
}

}  // namespace

const Task* DiffResult::old_task(const std::string& id) const { return lookup(old_tasks, old_index_, id); }

const Task* DiffResult::new_task(const std::string& id) const { return lookup(new_tasks, new_index_, id); }

}  // namespace qingdan
