// Plumbing shared by the subcommands: compiling inputs with per-file error
// handling, diagnostics on stderr, output to stdout or an atomic file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "qingdan/model.hpp"
#include "qingdan/pipeline.hpp"

namespace qingdan::cli {

enum Exit { kOk = 0, kDiff = 1, kUsage = 2, kInput = 3, kInternal = 4 };

struct GlobalOptions {
    std::string diagnostics = "text";          // "text" or "json"
    std::vector<std::string> grammar_dirs;     // --grammars
    std::string data_dir;                      // --data
    std::optional<std::string> layout;         // --layout
    bool quiet = false;                        // no info-level diagnostics
};

GlobalOptions& globals();

// Adds --grammars/--data/--layout to a subcommand that compiles documents.
void add_compile_options(CLI::App* cmd);

CompileOptions compile_options();

// One diagnostic line `file:line: severity: code: message` (or JSON).
void print_diagnostic(const std::string& source, const Diagnostic& d);
void print_diagnostics(const Document& doc);

// Prints `skipped-input` for a file a directory walk did not take; true then.
bool report_skipped(const InputFile& f);

struct Compiled {
    std::vector<Document> docs;
    int exit = kOk;  // kInput when any input could not be read or decoded
};

// Compiles every input (qingdan/1 JSON files are read back instead when
// `accept_json`). A bad input is reported and skipped; the others go on.
Compiled compile_inputs(const std::vector<std::string>& args, bool accept_json = false);

// Writes to stdout when `out` is empty or "-", else atomically to the file.
void emit(const std::string& out, const std::string& data);

}  // namespace qingdan::cli
