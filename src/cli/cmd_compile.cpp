// `qingdan compile` and `qingdan validate`: both stream (issue 14) — each
// document is compiled on a worker (-j), its diagnostics printed and its
// output written in input order as soon as it is ready, then dropped.
#include <iostream>

#include <unistd.h>

#include "commands.hpp"
#include "common.hpp"
#include "output_options.hpp"
#include "emit.hpp"
#include "stream.hpp"

namespace qingdan::cli {

void register_compile(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        std::string format = "json";
        std::string out;
        TableOptions table;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("compile", "Compile documents into the qingdan/1 canonical schema");
    cmd->add_option("inputs", o.inputs, "Files, directories, or - for standard input")->required();
    cmd->add_option("--format,-f", o.format, "Output format")->check(CLI::IsMember({"json", "jsonl", "csv", "md"}));
    cmd->add_option("-o,--output", o.out, "Write to this file (atomically) instead of stdout");
    add_table_options(cmd, o.table);
    add_compile_options(cmd);
    add_batch_options(cmd);
    add_footer(cmd, {"qingdan compile data/corpus -o corpus.json", "qingdan compile plan.txt --format csv -o plan.csv"},
               kExitCodesCompile);
    cmd->callback([] {
        EmitOptions eo = o.table.emit();
        StreamFormat fmt(o.format, eo);
        // A bad -o (missing directory, read-only) fails here, before any
        // work: OutputError, exit 3 with the path and the reason (main.cpp).
        auto out = std::make_unique<Output>(o.out);
        out->write(fmt.head());
        bool first = true;
        Tally tally;
        int rc = for_each_document(
            o.inputs, false, [&](Document& d) { return fmt.piece(d); },
            [&](Document&, const std::string& piece) {
                out->write(fmt.separator(first));
                out->write(piece);
                first = false;
            },
            tally);
        out->write(fmt.tail(first));
        out->commit();
        // The counts on a terminal or with -v; a quiet pipeline stays quiet
        // unless an input was skipped or failed (exit 3): then it says how
        // many documents were read, skipped and failed.
        if (globals().verbose || (!globals().quiet && isatty(2) == 1) || rc != kOk) print_summary(tally);
        exit_code() = rc;
    });
}

void register_validate(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        bool werror = false;
        int max_warnings = -1;
    };
    static Opts o;
    auto* cmd = app.add_subcommand(
        "validate", "Report diagnostics only: exit 1 on an error (such as no-tasks), on a warning with --werror, "
                    "or on more than --max-warnings warnings");
    cmd->add_option("inputs", o.inputs, "Files, directories, or - for standard input")->required();
    cmd->add_flag("--werror,--strict", o.werror, "Warnings count as errors");
    cmd->add_option("--max-warnings", o.max_warnings, "Fail when there are more than N warnings in all")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--ignore", globals().ignore, "Neither show nor count diagnostics with this code (repeatable)");
    add_compile_options(cmd);
    add_batch_options(cmd);
    add_footer(cmd, {"qingdan validate data/corpus", "qingdan validate --werror --ignore unknown-unit plan.txt"},
               "  0  no error (no warning with --werror, at most N with --max-warnings N)\n"
               "  1  errors such as no-tasks (or warnings beyond --werror / --max-warnings)\n"
               "  2  usage error\n  3  an input could not be read\n");
    cmd->callback([] {
        Tally tally;
        int rc = for_each_document(o.inputs, false, nullptr, [](Document&, const std::string&) {}, tally);
        bool fail = tally.errors > 0 || (o.werror && tally.warnings > 0) ||
                    (o.max_warnings >= 0 && tally.warnings > static_cast<std::size_t>(o.max_warnings));
        if (rc == kOk && fail) rc = kDiff;
        if (!globals().quiet || rc != kOk) print_summary(tally);
        exit_code() = rc;
    });
}

}  // namespace qingdan::cli
