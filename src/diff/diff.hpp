// Year-over-year diff of two task lists (`qingdan diff`, docs/diff.md).
//
// Tasks are matched one-to-one by content: character-bigram TF-IDF cosine
// over title + text, then an optimal assignment (Hungarian algorithm) that
// maximises the total similarity of the pairs at or above a threshold.
// Matched pairs are compared field by field; unmatched tasks are added or
// removed. The report renders as Markdown, CSV or JSON (`qingdan-diff/1`,
// docs/schema/qingdan-diff-1.schema.json).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

class UnitGazetteer;

inline constexpr const char* kDiffSchemaVersion = "qingdan-diff/1";
inline constexpr double kDefaultDiffThreshold = 0.13;

// --- building blocks (exposed for tests) -----------------------------------

// One run of a character-level edit script.
struct TextEdit {
    enum class Op { Equal, Delete, Insert };
    Op op = Op::Equal;
    std::string text;  // UTF-8, whole code points
    bool operator==(const TextEdit&) const = default;
};

// Shortest edit script between two strings over Unicode code points
// (LCS; prefix/suffix trimmed first; very long inputs fall back to a
// sentence-level script). Short equal runs squeezed between changes are
// folded into the changes so that the result reads well for Chinese.
std::vector<TextEdit> diff_text(std::string_view a, std::string_view b);

// Equal but for punctuation width (：/:, （/( …): not an edit.
bool same_text(std::string_view a, std::string_view b);

// `[-删除-]{+插入+}` markup of an edit script (JSON's `text.diff`).
std::string render_edits(const std::vector<TextEdit>& edits);

// Minimum-cost perfect assignment on a rectangular cost matrix (rows ≤ or ≥
// columns both allowed). Returns for each row the assigned column or -1.
// Deterministic: ties are resolved by index order.
std::vector<int> hungarian(const std::vector<std::vector<double>>& cost);

// Similarity of every old task (rows) to every new task (columns), in
// [0, 1]: cosine of character-bigram TF-IDF vectors of title + text, the
// IDF taken over the tasks of both documents.
std::vector<std::vector<double>> similarity_matrix(const std::vector<Task>& old_tasks,
                                                   const std::vector<Task>& new_tasks);

// The task matching: for each old task the new task it pairs with (or -1)
// and their similarity (4 decimals). Up to `dense_pairs` = n x m, every pair
// is scored and the assignment is optimal (Hungarian); beyond, only candidate
// pairs sharing bigrams are scored and each group of candidates is assigned
// exactly when small, greedily when large, in memory linear in n + m.
struct TaskMatch {
    std::vector<int> match;
    std::vector<double> similarity;
};
inline constexpr size_t kDenseDiffPairs = 1u << 18;
TaskMatch match_tasks(const std::vector<Task>& old_tasks, const std::vector<Task>& new_tasks, double threshold,
                      size_t dense_pairs = kDenseDiffPairs);

// --- the diff --------------------------------------------------------------

struct DiffOptions {
    double threshold = kDefaultDiffThreshold;  // minimum similarity of a pair
    // Restrict the report to the tasks of this unit (on either side of a
    // pair). Matching is still done over all tasks. Compared with the
    // canonical names of the tasks' units; see resolve_unit_filter().
    std::optional<std::string> unit;
    bool with_text_diff = true;  // compute the character-level text diffs
};

// Resolves a --unit NAME through the gazetteer (aliases -> canonical);
// unknown names are returned as given. `gaz` may be null.
std::string resolve_unit_filter(std::string_view name, const UnitGazetteer* gaz);

// True when one of the task's units has this canonical (or printed) name.
bool task_has_unit(const Task& t, std::string_view canonical);

struct TargetChange {
    Target old_target;
    Target new_target;
};

struct TaskPair {
    std::string old_id;
    std::string new_id;
    int old_seq = 0;  // 1-based positions, for ordering and lookup
    int new_seq = 0;
    double similarity = 0;  // rounded to 4 decimals

    // What changed (empty / false when unchanged).
    std::optional<std::string> old_title, new_title;  // always filled, as in the documents
    bool title_changed = false;
    bool text_changed = false;
    std::vector<TextEdit> text_edits;  // when text_changed (and with_text_diff)
    std::vector<UnitRef> units_added, units_removed;
    bool lead_changed = false;
    std::optional<std::string> old_lead, new_lead;  // canonical names
    std::vector<Scope> scope_added, scope_removed;
    std::vector<Target> targets_added, targets_removed;
    std::vector<TargetChange> targets_changed;  // same metric, other value/op/unit
    std::vector<Deadline> deadlines_added, deadlines_removed;
    bool renumbered = false;
    std::optional<int> old_number, new_number;
    std::optional<std::string> old_label, new_label;
    bool moved = false;
    std::vector<std::string> old_section, new_section;
    bool kind_changed = false;
    std::string old_kind, new_kind;
    bool completion_changed = false;
    std::optional<std::string> old_completion, new_completion;

    // The kinds of change in a fixed order: "title", "text", "units",
    // "lead", "scope", "targets", "deadlines", "renumbered", "moved",
    // "kind", "completion".
    std::vector<std::string> changes() const;
    bool changed() const { return !changes().empty(); }
};

struct DocSummary {
    std::string id;
    std::string source;
    std::optional<std::string> title;
    std::optional<int> year;
    int tasks = 0;
};

struct DiffResult {
    DocSummary old_doc, new_doc;
    double threshold = kDefaultDiffThreshold;
    std::optional<std::string> unit;  // the canonical filter, when given
    std::vector<TaskPair> pairs;      // in new-document order
    std::vector<std::string> added;   // new task ids, document order
    std::vector<std::string> removed; // old task ids, document order
    // Copies of the tasks the report mentions, for rendering.
    std::vector<Task> old_tasks, new_tasks;

    int changed_count() const;
    int unchanged_count() const;
    int renumbered_count() const;
    int moved_count() const;
    bool has_differences() const { return changed_count() > 0 || !added.empty() || !removed.empty(); }
    const Task* old_task(const std::string& id) const;
    const Task* new_task(const std::string& id) const;

private:
    // id -> index, built on first lookup (a search per pair is quadratic
    // when rendering the diff of two large documents).
    mutable std::unordered_map<std::string, size_t> old_index_, new_index_;
};

// Compares one pair of tasks field by field (similarity left at 0).
TaskPair compare_tasks(const Task& a, const Task& b, bool with_text_diff = true);

DiffResult diff_documents(const Document& old_doc, const Document& new_doc, const DiffOptions& opts = {});
// The same, moving the documents' tasks into the result instead of copying
// them (the CLI's diff of two large documents holds one copy, not two).
DiffResult diff_documents(Document&& old_doc, Document&& new_doc, const DiffOptions& opts = {});

// --- rendering -------------------------------------------------------------

struct DiffRenderOptions {
    bool summary_only = false;
    bool excel = true;        // CSV: BOM, CRLF, formula cells neutralised (--plain: RFC 4180)
    std::string lang = "zh";  // CSV / XLSX / HTML headers and values ("zh" or "en")
    std::string by;           // Markdown: "unit" adds a per-unit view (gained, lost, changed)
};

std::string render_diff_markdown(const DiffResult& r, const DiffRenderOptions& o = {});
std::string render_diff_csv(const DiffResult& r, const DiffRenderOptions& o = {});
std::string render_diff_json(const DiffResult& r, const DiffRenderOptions& o = {});
std::string render_diff_html(const DiffResult& r, const DiffRenderOptions& o = {});
std::string render_diff_xlsx(const DiffResult& r, const DiffRenderOptions& o = {});  // workbook bytes
// `format`: "md", "csv", "json", "html" or "xlsx"; throws std::invalid_argument otherwise.
std::string render_diff(const DiffResult& r, const std::string& format, const DiffRenderOptions& o = {});

}  // namespace qingdan
