#include "common.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <iostream>

#include <fmt/format.h>

#include "decode.hpp"
#include "extracted.hpp"
#include "io.hpp"
#include "json.hpp"
#include "pool.hpp"
#include "progress.hpp"

namespace qingdan::cli {

GlobalOptions& globals() {
    static GlobalOptions g;
    return g;
}

void add_compile_options(CLI::App* cmd) {
    auto& g = globals();
    cmd->add_option("--grammars", g.grammar_dirs, "Extra directory of *.grammar files")->check(CLI::ExistingDirectory);
    cmd->add_option("--data", g.data_dir, "Directory with units.tsv and provinces.tsv")->check(CLI::ExistingDirectory);
    cmd->add_option("--layout", g.layout, "Force a layout grammar by name (see `qingdan grammars`)");
}

CompileOptions compile_options() {
    const auto& g = globals();
    return {g.grammar_dirs, g.data_dir, g.layout};
}

void add_batch_options(CLI::App* cmd) {
    auto& g = globals();
    cmd->add_option("-j,--jobs", g.jobs, "Documents compiled in parallel (default: the CPUs this process may use)")
        ->check(CLI::Range(1u, 1024u));
    cmd->add_flag("--progress", g.progress, "Show progress on stderr even when it is not a terminal");
}

unsigned jobs() { return globals().jobs > 0 ? globals().jobs : available_cpus(); }

bool ignored(const Diagnostic& d) {
    const auto& ig = globals().ignore;
    return std::find(ig.begin(), ig.end(), d.code) != ig.end();
}

void print_diagnostic(const std::string& source, const Diagnostic& d) {
    const auto& g = globals();
    if (ignored(d)) return;
    if (g.diagnostics == "json") {
        if (g.quiet && d.severity == "info") return;
        Progress::clear_active();
        Json j = to_json(d);
        j["file"] = source;
        std::cerr << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    if (d.severity == "info" && !g.verbose) return;
    if (d.severity == "warning" && g.quiet && !g.verbose) return;
    Progress::clear_active();
    if (d.line > 0) {
        std::cerr << fmt::format("{}:{}: {}: {}: {}\n", source, d.line, d.severity, d.code, d.message);
    } else {
        std::cerr << fmt::format("{}: {}: {}: {}\n", source, d.severity, d.code, d.message);
    }
}

void print_diagnostics(const Document& doc) {
    for (const auto& d : doc.diagnostics) print_diagnostic(doc.source, d);
}

void print_summary(const Tally& t) {
    if (globals().diagnostics == "json") return;
    Progress::clear_active();
    std::string line = fmt::format("{} document{}: {} ok, {} with errors", t.documents, t.documents == 1 ? "" : "s",
                                   t.ok, t.with_errors);
    if (t.skipped) line += fmt::format(", {} skipped", t.skipped);
    if (t.failed) line += fmt::format(", {} failed", t.failed);
    line += fmt::format("; {} warning{}", t.warnings, t.warnings == 1 ? "" : "s");
    std::cerr << line << "\n";
}

bool report_skipped(const InputFile& f) {
    if (f.skipped.empty()) return false;
    print_diagnostic(f.path, {"error", "skipped-input", 0, f.skipped});
    return true;
}

namespace {

bool is_json_file(const std::string& path) {
    return std::filesystem::path(path).extension() == ".json";
}

// One input's outcome, made on a worker.
struct Job {
    std::vector<Document> docs;  // several when a qingdan/1 JSON file is read back
    std::vector<std::string> rendered;
    std::optional<Diagnostic> failure;  // the input could not be read or decoded
    bool skipped = false;               // not a document (binary, scanned PDF, legacy .doc)
    int exit = kInput;                  // with a failure: kInput, or kInternal for our own bug
};

struct Input {
    std::string path;
    std::uintmax_t bytes = 0;
    bool found = false;  // found in a directory, not named
};

// Expands directories, reports missing paths, and keeps the first of inputs
// named twice (a duplicate is compiled once, with a warning).
std::vector<Input> expand(const std::vector<std::string>& args, bool accept_json, int& exit, Tally& tally) {
    namespace fs = std::filesystem;
    std::vector<Input> out;
    std::set<std::string> seen;
    auto add = [&](const std::string& path, bool found) {
        std::error_code ec;
        if (path != "-") {
            std::string key = fs::weakly_canonical(path, ec).string();
            if (!seen.insert(ec ? path : key).second) {
                print_diagnostic(path, {"warning", "duplicate-input", 0, "named more than once: compiled once"});
                ++tally.warnings;
                return;
            }
        }
        std::uintmax_t size = path == "-" ? 0 : fs::file_size(path, ec);
        out.push_back({path, ec ? 0 : size, found});
    };
    for (const auto& a : args) {
        if (accept_json && is_json_file(a)) {
            add(a, false);
            continue;
        }
        std::error_code ec;
        const bool dir = std::filesystem::is_directory(a, ec);
        try {
            // A file a directory holds but qingdan cannot read is named, and
            // the run fails (exit 3) after the other inputs are done.
            for (auto& f : collect_inputs({a})) {
                if (report_skipped(f)) {
                    exit = kInput;
                    ++tally.skipped;
                } else {
                    add(f.path, dir);
                }
            }
        } catch (const std::exception& e) {
            print_diagnostic(a, {"error", "unreadable-input", 0, e.what()});
            exit = kInput;
            ++tally.with_errors;
            ++tally.errors;
        }
    }
    return out;
}

Job run_job(const Compiler& compiler, const std::string& path, bool accept_json, const RenderFn& render) {
    Job job;
    try {
        std::string bytes = read_input(path);
        if (accept_json && is_json_file(path)) {
            job.docs = documents_from_json(Json::parse(bytes));
        } else {
            job.docs.push_back(compiler.compile(bytes, path));
        }
    } catch (const DecodeError& e) {
        job.failure = Diagnostic{"error", "binary-input", 0, e.what()};
        job.skipped = true;
    } catch (const InputError& e) {  // scanned/encrypted PDF, legacy .doc, unsupported or damaged file
        job.failure = Diagnostic{"error", e.code(), 0, e.what()};
        job.skipped = true;
    } catch (const nlohmann::json::exception& e) {
        job.failure = Diagnostic{"error", "bad-json", 0, e.what()};
    } catch (const std::runtime_error& e) {
        job.failure = Diagnostic{"error", "unreadable-input", 0, e.what()};
    } catch (const std::exception& e) {
        // A bug one input triggers must not lose the other inputs' output;
        // still exit 4, since it is ours, not the input's.
        job.failure = Diagnostic{"error", "internal-error", 0, e.what()};
        job.exit = kInternal;
    }
    if (render)
        for (auto& d : job.docs) job.rendered.push_back(render(d));
    return job;
}

// Counts one document's diagnostics (after --ignore) into the tally.
void count(const Document& doc, Tally& tally) {
    bool error = false;
    for (const auto& d : doc.diagnostics) {
        if (ignored(d)) continue;
        if (d.severity == "error") ++tally.errors, error = true;
        if (d.severity == "warning") ++tally.warnings;
    }
    ++tally.documents;
    ++(error ? tally.with_errors : tally.ok);
}

}  // namespace

int for_each_document(const std::vector<std::string>& args, bool accept_json, const RenderFn& render,
                      const EachFn& each, Tally& tally) {
    int exit = kOk;
    std::vector<Input> inputs = expand(args, accept_json, exit, tally);
    std::uintmax_t total_bytes = 0;
    for (const auto& in : inputs) total_bytes += in.bytes;
    const CompileOptions copts = compile_options();
    Progress progress(inputs.size(), total_bytes, globals().progress);
    IdAssigner ids;
    // Each worker its own Compiler: a compiled grammar's ICU matchers keep
    // per-search state, so they are not shared between threads.
    auto make_worker = [&](unsigned) -> std::function<Job(std::size_t)> {
        auto compiler = std::make_shared<Compiler>(copts);
        return [&, compiler](std::size_t i) { return run_job(*compiler, inputs[i].path, accept_json, render); };
    };
    auto consume = [&](std::size_t i, Job& job) {
        const std::string& path = inputs[i].path;
        if (job.failure) {
            // A zip found in a folder that is no DOCX/XLSX (a .pptx, an .odt):
            // a file the walk does not read, reported as such.
            const bool other_format = job.failure->code == "unsupported-format";
            if (other_format && inputs[i].found) job.failure->code = "skipped-input";
            print_diagnostic(path, *job.failure);
            exit = std::max(exit, job.exit);
            if (!job.skipped) ++tally.with_errors, ++tally.errors;
            else ++(other_format ? tally.skipped : tally.failed);
        }
        for (std::size_t k = 0; k < job.docs.size(); ++k) {
            Document& doc = job.docs[k];
            bool renamed = ids.assign(doc);
            print_diagnostics(doc);
            count(doc, tally);
            static const std::string none;
            if (render && renamed) job.rendered[k] = render(doc);
            each(doc, render ? job.rendered[k] : none);
        }
        job = Job{};  // free the document before the next
        progress.step(inputs[i].bytes);
    };
    try {
        ordered_map<Job>(inputs.size(), jobs(), make_worker, consume);
    } catch (...) {
        progress.finish();
        throw;
    }
    progress.finish();
    return exit;
}

Compiled compile_inputs(const std::vector<std::string>& args, bool accept_json) {
    Compiled out;
    Tally tally;
    out.exit = for_each_document(
        args, accept_json, nullptr, [&](Document& d, const std::string&) { out.docs.push_back(std::move(d)); },
        tally);
    return out;
}

struct Output::File {
    AtomicFile file;
    explicit File(const std::string& path) : file(path) {}
};

Output::Output(const std::string& path) {
    if (!path.empty() && path != "-") file_ = std::make_unique<File>(path);
    else std::cout.flush();  // anything printed before goes first
}

Output::~Output() = default;

void Output::write(std::string_view data) {
    if (file_) {
        file_->file.write(data);
        return;
    }
    write_stdout(data);  // checked: a full disk or closed pipe is an error (io.hpp)
}

void Output::commit() {
    if (file_) file_->file.commit();
}

void emit(const std::string& out, const std::string& data) {
    if (out.empty() || out == "-") {
        std::cout.flush();  // anything printed before goes first
        write_stdout(data);  // checked: a full disk or closed pipe is an error (io.hpp)
    } else {
        write_file_atomic(out, data);
    }
}

}  // namespace qingdan::cli
