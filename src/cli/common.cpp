#include "common.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "decode.hpp"
#include "extracted.hpp"
#include "io.hpp"
#include "json.hpp"

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

void print_diagnostic(const std::string& source, const Diagnostic& d) {
    if (globals().quiet && d.severity == "info") return;
    if (globals().diagnostics == "json") {
        Json j = to_json(d);
        j["file"] = source;
        std::cerr << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (d.line > 0) {
        std::cerr << fmt::format("{}:{}: {}: {}: {}\n", source, d.line, d.severity, d.code, d.message);
    } else {
        std::cerr << fmt::format("{}: {}: {}: {}\n", source, d.severity, d.code, d.message);
    }
}

void print_diagnostics(const Document& doc) {
    for (const auto& d : doc.diagnostics) print_diagnostic(doc.source, d);
}

namespace {

bool is_json_file(const std::string& path) {
    return std::filesystem::path(path).extension() == ".json";
}

}  // namespace

bool report_skipped(const InputFile& f) {
    if (f.skipped.empty()) return false;
    print_diagnostic(f.path, {"error", "skipped-input", 0, f.skipped});
    return true;
}

Compiled compile_inputs(const std::vector<std::string>& args, bool accept_json) {
    Compiled out;
    std::vector<std::string> expanded;
    for (const auto& a : args) {
        if (accept_json && is_json_file(a)) {
            expanded.push_back(a);
            continue;
        }
        try {
            // A file a directory holds but qingdan cannot read is named, and
            // the run fails (exit 3) after the other inputs are done.
            for (auto& f : collect_inputs({a})) {
                if (report_skipped(f)) out.exit = kInput;
                else expanded.push_back(f.path);
            }
        } catch (const std::exception& e) {
            print_diagnostic(a, {"error", "unreadable-input", 0, e.what()});
            out.exit = kInput;
        }
    }
    Compiler compiler(compile_options());
    for (const auto& path : expanded) {
        try {
            std::string bytes = read_input(path);
            if (accept_json && is_json_file(path)) {
                for (auto& d : documents_from_json(Json::parse(bytes))) out.docs.push_back(std::move(d));
                continue;
            }
            Document doc = compiler.compile(bytes, path);
            print_diagnostics(doc);
            out.docs.push_back(std::move(doc));
        } catch (const DecodeError& e) {
            print_diagnostic(path, {"error", "binary-input", 0, e.what()});
            out.exit = kInput;
        } catch (const InputError& e) {  // scanned/encrypted PDF, legacy .doc, unsupported or damaged file
            print_diagnostic(path, {"error", e.code(), 0, e.what()});
            out.exit = kInput;
        } catch (const nlohmann::json::exception& e) {
            print_diagnostic(path, {"error", "bad-json", 0, e.what()});
            out.exit = kInput;
        } catch (const std::runtime_error& e) {
            print_diagnostic(path, {"error", "unreadable-input", 0, e.what()});
            out.exit = kInput;
        } catch (const std::exception& e) {
            // A bug one input triggers must not lose the other inputs' output;
            // still exit 4, since it is ours, not the input's.
            print_diagnostic(path, {"error", "internal-error", 0, e.what()});
            out.exit = kInternal;
        }
    }
    std::vector<size_t> before;
    for (const auto& d : out.docs) before.push_back(d.diagnostics.size());
    uniquify_ids(out.docs);
    for (size_t i = 0; i < out.docs.size(); ++i)  // the renaming notes
        for (size_t k = before[i]; k < out.docs[i].diagnostics.size(); ++k)
            print_diagnostic(out.docs[i].source, out.docs[i].diagnostics[k]);
    return out;
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
