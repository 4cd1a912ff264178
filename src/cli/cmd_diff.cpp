// `qingdan diff OLD NEW`: year-over-year comparison of two task lists.
// Exit status like diff(1): 0 no differences, 1 differences, 2 usage
// error, 3 an input could not be read.
#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "output_options.hpp"
#include "diff.hpp"
#include "units.hpp"

namespace qingdan::cli {
namespace {

void usage_error(const std::string& msg) { std::cerr << "qingdan diff: error: " << msg << "\n"; }

// Compiles (or reads back) one side; exactly one document is expected.
std::optional<Document> load_one(const std::string& path, int& rc) {
    Compiled c = compile_inputs({path}, /*accept_json=*/true);
    if (c.exit != kOk) {
        rc = std::max(rc, static_cast<int>(kInput));
        return std::nullopt;
    }
    if (c.docs.empty()) {
        print_diagnostic(path, {"error", "unreadable-input", 0, "no document found"});
        rc = std::max(rc, static_cast<int>(kInput));
        return std::nullopt;
    }
    if (c.docs.size() > 1) {
        usage_error(fmt::format("{} holds {} documents; diff compares exactly one with one", path, c.docs.size()));
        rc = kUsage;
        return std::nullopt;
    }
    return std::move(c.docs.front());
}

}  // namespace

void register_diff(CLI::App& app) {
    struct Opts {
        std::string old_path, new_path;
        std::string format = "md";
        std::string out;
        std::string unit;
        std::string by;
        double threshold = kDefaultDiffThreshold;
        bool summary = false;
        TableOptions table;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("diff", "Compare two task lists: added, removed, changed and unchanged tasks");
    cmd->add_option("old", o.old_path, "The older document (source file or qingdan/1 JSON)")->required();
    cmd->add_option("new", o.new_path, "The newer document (source file or qingdan/1 JSON)")->required();
    cmd->add_option("--format,-f", o.format, "Output format (xlsx needs -o)")
        ->check(CLI::IsMember({"md", "csv", "json", "html", "xlsx"}))
        ->capture_default_str();
    cmd->add_option("--unit", o.unit, "Only the tasks of this unit (any alias), on either side");
    cmd->add_option("--by", o.by, "Markdown: add a per-unit view (tasks gained, lost and changed per unit)")
        ->check(CLI::IsMember({"unit"}));
    cmd->add_option("--threshold", o.threshold, "Minimum similarity (0-1) for two tasks to match")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_flag("--summary", o.summary, "Print the counts only");
    cmd->add_option("-o,--output", o.out, "Write to this file (atomically) instead of stdout");
    add_table_options(cmd, o.table);
    add_compile_options(cmd);
    add_footer(cmd,
               {"qingdan diff list-2020.txt list-2022.txt", "qingdan diff old.json new.json --by unit",
                "qingdan diff old.txt new.txt --format xlsx -o diff.xlsx"},
               kExitCodesDiff);
    cmd->callback([] {
        if (o.old_path == "-" && o.new_path == "-") {
            usage_error("standard input can be only one of OLD and NEW");
            exit_code() = kUsage;
            return;
        }
        int rc = kOk;
        auto a = load_one(o.old_path, rc);
        auto b = load_one(o.new_path, rc);
        if (!a || !b) {
            exit_code() = rc;
            return;
        }
        DiffOptions opts;
        opts.threshold = o.threshold;
        const auto& g = globals();
        std::string data = g.data_dir.empty() ? default_share_dir() + "/data" : g.data_dir;
        std::optional<UnitGazetteer> gaz;
        try {
            gaz = UnitGazetteer::load(data + "/units.tsv");
        } catch (const std::exception& e) {
            print_diagnostic(data + "/units.tsv", {"warning", "no-gazetteer", 0, e.what()});
        }
        {  // fragments of damaged text are not units, nor leads
            std::vector<Document> both;
            both.push_back(std::move(*a));
            both.push_back(std::move(*b));
            drop_unreal_units(both, gaz ? &*gaz : nullptr, data);
            a = std::move(both[0]);
            b = std::move(both[1]);
        }
        if (!o.unit.empty()) {
            std::string canonical = resolve_unit_filter(o.unit, gaz ? &*gaz : nullptr);
            bool known = gaz && gaz->find(o.unit) != nullptr;
            auto used = [&](const Document& d) {
                for (const auto& t : d.tasks)
                    if (task_has_unit(t, canonical)) return true;
                return false;
            };
            if (!known && !used(*a) && !used(*b)) {
                usage_error(fmt::format("unknown unit `{}`: not in the gazetteer and in neither document", o.unit));
                exit_code() = kUsage;
                return;
            }
            opts.unit = canonical;
        }
        DiffResult r = diff_documents(std::move(*a), std::move(*b), opts);  // moved: one copy of each task list
        DiffRenderOptions ro;
        ro.summary_only = o.summary;
        ro.excel = !o.table.plain;
        ro.lang = o.table.lang;
        ro.by = o.by;
        if (!emit_output(o.out, render_diff(r, o.format, ro), o.format == "xlsx", "diff")) {
            exit_code() = kUsage;
            return;
        }
        exit_code() = r.has_differences() ? kDiff : kOk;
    });
}

}  // namespace qingdan::cli
