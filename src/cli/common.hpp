// Plumbing shared by the subcommands: compiling inputs with per-file error
// handling, diagnostics on stderr, output to stdout or an atomic file.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
    bool quiet = false;                        // -q: errors only (text diagnostics)
    bool verbose = false;                      // -v: info-level diagnostics too
    std::vector<std::string> ignore;           // --ignore CODE: neither shown nor counted
    unsigned jobs = 0;                         // -j; 0 = every CPU the process may use
    bool progress = false;                     // --progress: also off a terminal
};

GlobalOptions& globals();

// Adds --grammars/--data/--layout to a subcommand that compiles documents.
void add_compile_options(CLI::App* cmd);

CompileOptions compile_options();

// Adds -j/--jobs and --progress to a subcommand that compiles many inputs.
void add_batch_options(CLI::App* cmd);
// -j resolved: the flag, else the CPUs this process may use (pool.hpp).
unsigned jobs();

// One diagnostic line `file:line: severity: code: message` (or JSON).
// Text diagnostics: -q shows errors only, the default errors and warnings,
// -v everything; JSON diagnostics show everything but info under -q, as
// before. A code given to --ignore is never shown.
void print_diagnostic(const std::string& source, const Diagnostic& d);
void print_diagnostics(const Document& doc);
bool ignored(const Diagnostic& d);

// What a batch run found, for the one summary line and the exit status.
struct Tally {
    std::size_t documents = 0;    // documents compiled (or read back)
    std::size_t ok = 0;           // ... without an error diagnostic
    std::size_t with_errors = 0;  // ... with one, plus inputs that could not be read
    std::size_t skipped = 0;      // inputs that are no format qingdan reads (a folder's .png, a .pptx)
    std::size_t failed = 0;       // documents that could not be read (a scan, encrypted, damaged, .doc, binary)
    std::size_t errors = 0, warnings = 0;  // diagnostics, after --ignore
    std::size_t inputs() const { return ok + with_errors + skipped; }
};
// `2000 documents: 1998 ok, 1 with errors, 1 skipped; 37 warnings` on stderr
// (text diagnostics only: JSON diagnostics stay one object per line).
void print_summary(const Tally& t);

// Compiles (or, with `accept_json`, reads back) every input on jobs()
// workers and calls `each` on this thread, in input order, for each document
// as soon as it and those before it are ready, after printing its
// diagnostics; a document is dropped once `each` returns, so memory holds a
// few documents, not the run. `render`, when given, runs on the worker and
// its text is passed to `each` (re-rendered here if the id had to change).
// Unreadable inputs are reported and counted; returns kInput if any, else kOk.
using RenderFn = std::function<std::string(Document&)>;
using EachFn = std::function<void(Document&, const std::string& rendered)>;
int for_each_document(const std::vector<std::string>& args, bool accept_json, const RenderFn& render,
                      const EachFn& each, Tally& tally);

// Output to stdout, or to an atomic file for -o, written as it comes. A path
// that cannot be written fails in the constructor (exit 3), before any work.
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();
    void write(std::string_view data);
    void commit();
private:
    struct File;
    std::unique_ptr<File> file_;
};

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
