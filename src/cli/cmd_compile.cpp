// `qingdan compile` and `qingdan validate`.
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "output_options.hpp"
#include "emit.hpp"
#include "json.hpp"

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
    add_footer(cmd, {"qingdan compile data/corpus -o corpus.json", "qingdan compile plan.txt --format csv -o plan.csv"},
               kExitCodesCompile);
    cmd->callback([] {
        Compiled c = compile_inputs(o.inputs);
        EmitOptions eo = o.table.emit();
        emit(o.out, render(c.docs, o.format, eo));
        exit_code() = c.exit;
    });
}

void register_validate(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        bool strict = false;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("validate", "Report diagnostics only (exit 1 on errors, or warnings with --strict)");
    cmd->add_option("inputs", o.inputs, "Files, directories, or - for standard input")->required();
    cmd->add_flag("--strict", o.strict, "Warnings count as errors");
    add_compile_options(cmd);
    add_footer(cmd, {"qingdan validate data/corpus", "qingdan validate --strict plan.txt"},
               "  0  no error (no warning with --strict)\n  1  errors (or warnings with --strict)\n"
               "  2  usage error\n  3  an input could not be read\n");
    cmd->callback([] {
        Compiled c = compile_inputs(o.inputs);
        int rc = c.exit;
        if (rc == kOk)
            for (const auto& d : c.docs)
                for (const auto& x : d.diagnostics)
                    if (x.severity == "error" || (o.strict && x.severity == "warning")) rc = kDiff;
        exit_code() = rc;
    });
}

}  // namespace qingdan::cli
