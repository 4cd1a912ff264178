// `qingdan checklist` (per unit or per province) and `qingdan units`.
// The logic lives in the library (qingdan/checklist.hpp); this file parses
// options, loads the gazetteers and profiles, and writes the output.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "out_dir_clean.hpp"
#include "output_options.hpp"
#include "checklist.hpp"
#include "provinces.hpp"
#include "units.hpp"

namespace qingdan::cli {

namespace {

std::string data_dir() {
    const auto& g = globals();
    return g.data_dir.empty() ? default_share_dir() + "/data" : g.data_dir;
}

// Not copyable in effect: `provinces` may point at `own_table`.
struct Resources {
    Resources() = default;
    Resources(const Resources&) = delete;
    Resources& operator=(const Resources&) = delete;
    std::optional<UnitGazetteer> units;
    ProvinceTable own_table;  // when the gazetteer did not attach one
    const ProvinceTable* provinces = nullptr;
};

// Loads the gazetteer and the province table into `r`; missing or broken
// files are reported and leave the corresponding pointer null.
void load_resources(Resources& r) {
    std::string dir = data_dir();
    try {
        r.units = UnitGazetteer::load(dir + "/units.tsv");
        r.provinces = r.units->provinces();
    } catch (const std::exception& e) {
        print_diagnostic(dir + "/units.tsv", {"warning", "no-gazetteer", 0, e.what()});
    }
    if (!r.provinces || r.provinces->empty()) {
        try {
            r.own_table = ProvinceTable::load(dir + "/provinces.tsv");
            r.provinces = &r.own_table;
        } catch (const std::exception& e) {
            print_diagnostic(dir + "/provinces.tsv", {"warning", "no-province-table", 0, e.what()});
        }
    }
}

// Compiles the inputs on the workers (-j) keeping of each document only
// what `keep` leaves of it once its diagnostics are printed (issue 14:
// checklists accumulate only what they emit, not whole documents).
Compiled compile_kept(const std::vector<std::string>& inputs, const std::function<void(Document&)>& keep) {
    Compiled c;
    Tally tally;
    c.exit = for_each_document(
        inputs, /*accept_json=*/true, nullptr,
        [&](Document& d, const std::string&) {
            keep(d);
            c.docs.push_back(std::move(d));
        },
        tally);
    if (globals().verbose) print_summary(tally);
    return c;
}

// A checklist shows tasks with their section headings, the document's id,
// source, title and year: the rest goes.
void keep_for_checklist(Document& d) {
    d.diagnostics = {};
    d.goals = {};
    d.deadlines = {};
    d.addressees = {};
    d.sha256 = {};
}

// The unit summary counts units per task and per document: only those stay
// (with the source and lines that drop_unreal_units names in its warnings).
void keep_for_units(Document& d) {
    Document slim;
    slim.id = std::move(d.id);
    slim.source = std::move(d.source);
    slim.tasks.resize(d.tasks.size());
    for (size_t i = 0; i < d.tasks.size(); ++i) {
        slim.tasks[i].units = std::move(d.tasks[i].units);
        slim.tasks[i].span = d.tasks[i].span;
    }
    d = std::move(slim);
}

// --out-dir, and with --clean the previous run's files the new index no
// longer lists (out_dir_clean.hpp): the old index is read before the new
// one replaces it. A cleaning problem is a warning; the checklists are
// written either way.
void write_out_dir(const std::string& dir, bool clean, const std::vector<Checklist>& lists,
                   const std::vector<Document>& docs, const std::string& format, const EmitOptions& eo) {
    std::optional<std::vector<std::string>> previous;
    if (clean) {
        try {
            previous = previous_index_files(dir, format);
        } catch (const std::exception& e) {
            print_diagnostic(dir, {"warning", "clean-skipped", 0, std::string(e.what()) + "; nothing removed"});
        }
    }
    const std::vector<WrittenFile> written = write_checklists(dir, lists, docs, format, eo);
    if (!previous) return;
    std::vector<std::string> names;
    for (const auto& w : written) names.push_back(w.file);
    try {
        for (const auto& f : remove_stale_files(dir, *previous, names, format))
            print_diagnostic(dir, {"info", "removed-stale", 0, "removed " + f + " (no longer in the index)"});
    } catch (const std::exception& e) {
        print_diagnostic(dir, {"warning", "clean-failed", 0, e.what()});
    }
}

// The provinces a `--by province` run writes: those named with --province,
// those of the profiles, else every province. False (diagnostic printed,
// exit code set) for an unknown name or a missing province table.
bool select_provinces(const Resources& res, const std::vector<std::string>& names,
                      const std::vector<ProvinceProfile>& profiles, std::vector<const Province*>& provinces) {
    if (!res.provinces) {
        print_diagnostic("checklist", {"error", "no-province-table", 0, "no province table to resolve provinces"});
        exit_code() = kInternal;
        return false;
    }
    auto add = [&](const Province* p) {
        for (const auto* q : provinces)
            if (q == p) return;
        provinces.push_back(p);
    };
    for (const auto& name : names) {
        const Province* p = res.provinces->find(name);
        if (!p) {
            print_diagnostic("--province", {"error", "unknown-province", 0, "unknown province `" + name + "`"});
            exit_code() = kUsage;
            return false;
        }
        add(p);
    }
    for (const auto& pr : profiles)
        if (const Province* p = res.provinces->find(pr.province)) add(p);
    if (provinces.empty())
        for (const auto& p : res.provinces->all()) add(&p);
    return true;
}

}  // namespace

void register_checklist(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        std::string by;
        std::vector<std::string> units;
        std::vector<std::string> provinces;
        std::vector<std::string> profiles;
        std::string format = "csv";
        std::string out_dir;
        std::string out;
        bool clean = false;
        TableOptions table;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("checklist", "Checklists per responsible unit or per province");
    cmd->add_option("inputs", o.inputs, "Documents, directories, qingdan/1 JSON files, or - for standard input")
        ->required();
    cmd->add_option("--by", o.by, "One checklist per unit or per province")
        ->required()
        ->check(CLI::IsMember({"unit", "province"}));
    cmd->add_option("--unit", o.units, "Only this unit (any name or alias the gazetteer knows; repeatable)");
    cmd->add_option("--province", o.provinces, "Only this province (江苏, 江苏省, Jiangsu; repeatable)");
    cmd->add_option("--profile", o.profiles, "Province profile (see docs/data.md; repeatable)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--format,-f", o.format, "Output format (xlsx: one sheet per checklist, needs -o or --out-dir)")
        ->check(CLI::IsMember({"csv", "md", "json", "html", "xlsx"}))
        ->capture_default_str();
    auto* dir_opt = cmd->add_option("--out-dir", o.out_dir, "Write one file per checklist, plus an index, into DIR");
    auto* out_opt = cmd->add_option("-o,--output", o.out, "Write to this file (atomically) instead of stdout");
    dir_opt->excludes(out_opt);
    cmd->add_flag("--clean", o.clean,
                  "With --out-dir: remove the files of a previous run that the new index no longer lists "
                  "(only files that run's index listed)")
        ->needs(dir_opt);
    add_table_options(cmd, o.table);
    add_compile_options(cmd);
    add_batch_options(cmd);
    add_footer(cmd,
               {"qingdan checklist data/corpus --by unit --unit 保护司 --format xlsx -o 保护司.xlsx",
                "qingdan checklist plan.json --by province --province 江苏 --profile js.ini --format html -o 江苏.html"},
               kExitCodesCompile);
    cmd->callback([] {
        if (o.by == "unit" && (!o.provinces.empty() || !o.profiles.empty())) {
            print_diagnostic("checklist", {"error", "usage", 0, "--province and --profile need --by province"});
            exit_code() = kUsage;
            return;
        }
        if (o.by == "province" && !o.units.empty()) {
            print_diagnostic("checklist", {"error", "usage", 0, "--unit needs --by unit"});
            exit_code() = kUsage;
            return;
        }
        Resources res;
        load_resources(res);
        // Profiles and province names first: a usage error should not wait for compiling.
        std::vector<ProvinceProfile> profiles;
        for (const auto& p : o.profiles) {
            try {
                profiles.push_back(load_profile(p, res.provinces));
            } catch (const std::exception& e) {
                print_diagnostic(p, {"error", "bad-profile", 0, e.what()});
                exit_code() = kInput;
                return;
            }
        }
        std::vector<const Province*> provinces;
        if (o.by == "province" && !select_provinces(res, o.provinces, profiles, provinces)) return;

        Compiled c = compile_kept(o.inputs, keep_for_checklist);
        const UnitGazetteer* gaz = res.units ? &*res.units : nullptr;
        drop_unreal_units(c.docs, gaz, data_dir());
        std::vector<Checklist> lists;
        if (o.by == "unit") {
            std::vector<std::string> only;
            for (const auto& name : o.units) {
                auto found = resolve_unit_selector(name, c.docs, gaz);
                if (found.empty()) {
                    print_diagnostic("--unit", {"error", "unknown-unit", 0,
                                                "unit `" + name + "` is neither in the gazetteer nor in the inputs"});
                    exit_code() = kUsage;
                    return;
                }
                only.insert(only.end(), found.begin(), found.end());
            }
            lists = checklists_by_unit(c.docs, only);
            for (auto& l : lists)
                if (l.level.empty() && gaz)
                    if (const UnitInfo* u = gaz->by_canonical(l.name)) l.level = u->level;
        } else {
            lists = checklists_by_province(c.docs, provinces, profiles, res.provinces);
        }
        EmitOptions eo = o.table.emit();
        if (!o.out_dir.empty())
            write_out_dir(o.out_dir, o.clean, lists, c.docs, o.format, eo);
        else if (!emit_output(o.out, render_checklists(lists, c.docs, o.format, eo), o.format == "xlsx", "checklist")) {
            exit_code() = kUsage;
            return;
        }
        exit_code() = c.exit;
    });
}

void register_units(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        std::string format = "csv";
        std::string out;
        TableOptions table;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("units", "Every responsible unit: canonical name, aliases seen, task counts, level");
    cmd->add_option("inputs", o.inputs, "Documents, directories, qingdan/1 JSON files, or - for standard input")
        ->required();
    cmd->add_option("--format,-f", o.format, "Output format")
        ->check(CLI::IsMember({"csv", "md", "json"}))
        ->capture_default_str();
    cmd->add_option("-o,--output", o.out, "Write to this file (atomically) instead of stdout");
    add_table_options(cmd, o.table);
    add_compile_options(cmd);
    add_batch_options(cmd);
    add_footer(cmd, {"qingdan units data/corpus", "qingdan units plan.json --format json -o units.json"},
               kExitCodesCompile);
    cmd->callback([] {
        Resources res;
        load_resources(res);
        Compiled c = compile_kept(o.inputs, keep_for_units);
        drop_unreal_units(c.docs, res.units ? &*res.units : nullptr, data_dir());
        EmitOptions eo = o.table.emit();
        emit(o.out, render_units(summarize_units(c.docs, res.units ? &*res.units : nullptr), o.format, eo));
        exit_code() = c.exit;
    });
}

}  // namespace qingdan::cli
