// Checklists: the canonical model regrouped per responsible unit or per
// province, and their CSV / Markdown / JSON renderings (docs/checklists.md).
// Everything here is driven by std::vector<Document>; items point into the
// documents, which must outlive the checklists built from them.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emit.hpp"
#include "qingdan/model.hpp"
#include "provinces.hpp"

namespace qingdan {

class UnitGazetteer;

// --- checklists -----------------------------------------------------------

// Why a task binds a province, one entry per scope / actor / unit that does.
struct Binding {
    std::string status;  // "mandatory", "optional", "check"
    std::string source;  // "scope", "actor", "unit"
    std::string who;     // the scope's who, the measure's actor or the unit's canonical name
    std::string reason;  // short explanation, in Chinese (面向所有省份, 画像列有该类别 ...)
    std::vector<std::string> cities;  // profile cities that a city-tier scope names
};

struct ChecklistItem {
    const Document* doc = nullptr;
    const Task* task = nullptr;
    // --by unit: the unit's role in the task ("lead", "participant", "responsible").
    // --by province: the combined status ("mandatory" > "optional" > "check").
    std::string role;
    std::string status;
    std::vector<Binding> bindings;  // --by province only, in task order
    // Indices into task->measures of the measures that concern the subject
    // when only some of them do; empty when the whole task does.
    std::vector<std::size_t> measures;
};

struct Checklist {
    std::string by;        // "unit" or "province"
    std::string name;      // canonical unit name, or the province's full name
    std::string level;     // unit: "central", "cnipa-internal", "local", "other"; province: its kind
    std::vector<std::string> aliases;  // unit: printed names seen; province: short name
    std::string pinyin;    // province only
    std::string code;      // province only (GB/T 2260)
    std::string profile;   // province only: profile file used, "" when none
    std::vector<ChecklistItem> items;  // in input order: document, then seq

    std::map<std::string, int> counts() const;  // role (unit) or status (province) -> items
};

// One checklist per canonical unit named in any task's `units`, ordered by
// level (central, cnipa-internal, local, other) then name. `only` (canonical
// names) restricts the set; a selected unit with no task still gets an
// (empty) checklist.
std::vector<Checklist> checklists_by_unit(const std::vector<Document>& docs,
                                          const std::vector<std::string>& only = {});

// Province checklists. `provinces`: which ones (in this order); `profiles`
// are matched to them by province name; `table` (may be null) recognises
// provinces named in scopes, actors and units.
std::vector<Checklist> checklists_by_province(const std::vector<Document>& docs,
                                              const std::vector<const Province*>& provinces,
                                              const std::vector<ProvinceProfile>& profiles = {},
                                              const ProvinceTable* table = nullptr);

// The bindings of one task for one province (empty: the task does not bind it).
std::vector<Binding> province_bindings(const Task& task, const Province& province,
                                       const ProvinceProfile& profile, const ProvinceTable* table);

// True for forms addressed to every locality: 各省份, 各类省份, 各地区, 各地,
// 各省、自治区、直辖市和新疆生产建设兵团知识产权局, 各地方知识产权局 ...
bool addresses_all_localities(std::string_view who);

// Canonical names a --unit argument stands for: the gazetteer's resolution
// (any alias) plus any unit of the documents printed or canonicalised as
// `name`. Empty when nothing matches.
std::vector<std::string> resolve_unit_selector(std::string_view name, const std::vector<Document>& docs,
                                               const UnitGazetteer* gazetteer);

// --- unit summary (`qingdan units`) ---------------------------------------

struct UnitSummary {
    std::string canonical;
    std::string level;
    std::vector<std::string> aliases;  // printed names seen, sorted
    int lead = 0, participant = 0, responsible = 0;
    int tasks = 0;
    int documents = 0;
    std::optional<bool> known;  // in the gazetteer (when one was given)
};

std::vector<UnitSummary> summarize_units(const std::vector<Document>& docs, const UnitGazetteer* gazetteer = nullptr);

// --- rendering ------------------------------------------------------------

// The checklist table (CSV, XLSX, HTML): header and one row per item.
// The task columns of task_csv_keys() between the leading unit/province
// columns and the trailing `measures`; `lang` "zh" labels headers and values.
std::vector<std::string> checklist_header(bool province, std::string_view lang);
std::vector<std::string> checklist_row(const Checklist& c, const ChecklistItem& it, std::string_view lang);

// `format`: "csv", "md", "json", "html" or "xlsx" (bytes of a workbook).
// All checklists in one output.
std::string render_checklists(const std::vector<Checklist>& lists, const std::vector<Document>& docs,
                              const std::string& format, const EmitOptions& opts = {});

// The people's views behind render_checklists' "xlsx" and "html".
std::string render_checklists_xlsx(const std::vector<Checklist>& lists, const EmitOptions& opts);
std::string render_checklists_html(const std::vector<Checklist>& lists, const EmitOptions& opts);

std::string render_units(const std::vector<UnitSummary>& units, const std::string& format,
                         const EmitOptions& opts = {});

// --- --out-dir --------------------------------------------------------------

// A file name stem made safe from any text: no path separators, no "..",
// no control or bidi characters, no leading '-' or '.', not a reserved
// Windows device name, at most `max_bytes` bytes (cut on a UTF-8 boundary).
std::string safe_file_stem(std::string_view name, std::size_t max_bytes = 80);

// Safe, pairwise distinct (ignoring ASCII case) file names `stem + ext` for
// `names`, in order; a clash gets ~2, ~3 ... "index" is kept for the index.
std::vector<std::string> assign_file_names(const std::vector<std::string>& names, const std::string& ext,
                                           std::size_t max_bytes = 80);

struct WrittenFile {
    std::string name;  // checklist name
    std::string file;  // file name inside the directory
};

// Writes one file per checklist plus index.<ext> into `dir` (created when
// missing), every file atomically and only inside `dir`. Returns the files
// in checklist order (the index not included).
std::vector<WrittenFile> write_checklists(const std::string& dir, const std::vector<Checklist>& lists,
                                          const std::vector<Document>& docs, const std::string& format,
                                          const EmitOptions& opts = {});

}  // namespace qingdan
