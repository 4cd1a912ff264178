// `qingdan text` (decoded, HTML converted, normalised text) and `qingdan grammars`.
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "output_options.hpp"
#include "decode.hpp"
#include "html.hpp"
#include "normalise.hpp"
#include "sniff.hpp"

namespace qingdan::cli {

void register_text(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        bool lines = false;
        bool raw = false;
        std::string out;
    };
    static Opts o;
    auto* cmd = app.add_subcommand("text", "Print the decoded, normalised text of documents");
    cmd->add_option("inputs", o.inputs, "Files, directories, or - for standard input")->required();
    cmd->add_flag("--lines", o.lines, "Prefix each line with its original line number");
    cmd->add_flag("--no-join", o.raw, "Keep the original line breaks (no wrap joining)");
    cmd->add_option("-o,--output", o.out, "Write to this file (atomically) instead of stdout");
    add_footer(cmd, {"qingdan text notice.html", "qingdan text --lines --no-join plan.txt"},
               "  0  success\n  2  usage error\n  3  an input could not be read or decoded\n");
    cmd->callback([] {
        std::string out;
        int rc = kOk;
        std::vector<InputFile> files;
        for (const auto& a : o.inputs) {
            try {
                for (auto& f : collect_inputs({a})) files.push_back(f);
            } catch (const std::exception& e) {
                print_diagnostic(a, {"error", "unreadable-input", 0, e.what()});
                rc = kInput;
            }
        }
        for (const auto& f : files) {
            if (report_skipped(f)) {
                rc = kInput;
                continue;
            }
            try {
                std::string bytes = read_input(f.path);
                DecodedText d;
                if (Sniffed k = sniff(bytes); k.format != Format::text) {  // PDF, DOCX, XLSX
                    Extracted ex = read_office(bytes, k);
                    d = {std::move(ex.text), "UTF-8", std::move(ex.diagnostics)};
                } else {
                    d = decode(bytes);
                }
                std::optional<HtmlText> page;
                if (looks_like_html(d.utf8)) page = html_to_text(d.utf8);
                NormalisedText n = normalise(page ? std::string_view(page->text) : std::string_view(d.utf8));
                if (page) map_to_source(n, *page);
                for (const auto& x : d.diagnostics) print_diagnostic(f.path, x);
                if (page)
                    for (const auto& x : page->diagnostics) print_diagnostic(f.path, x);
                for (const auto& x : n.diagnostics) print_diagnostic(f.path, x);
                auto lines = o.raw ? n.lines : join_wrapped(n.lines);
                for (const auto& l : lines) {
                    if (o.lines) out += fmt::format("{}\t", l.line_start);
                    out += l.text;
                    out += '\n';
                }
            } catch (const DecodeError& e) {
                print_diagnostic(f.path, {"error", "binary-input", 0, e.what()});
                rc = kInput;
            } catch (const InputError& e) {
                print_diagnostic(f.path, {"error", e.code(), 0, e.what()});
                rc = kInput;
            } catch (const std::runtime_error& e) {
                print_diagnostic(f.path, {"error", "unreadable-input", 0, e.what()});
                rc = kInput;
            }
        }
        emit(o.out, out);
        exit_code() = rc;
    });
}

void register_grammars(CLI::App& app) {
    auto* cmd = app.add_subcommand("grammars", "List the layout grammars qingdan knows");
    // Only --grammars changes what this lists (--data and --layout do nothing here).
    cmd->add_option("--grammars", globals().grammar_dirs, "Extra directory of *.grammar files")
        ->check(CLI::ExistingDirectory);
    add_footer(cmd, {"qingdan grammars", "qingdan grammars --grammars my-grammars/"}, "  0  success\n  2  usage error\n");
    cmd->callback([] {
        Compiler c(compile_options());
        for (const auto& g : c.grammars()) std::cout << fmt::format("{:<20} {}\n{:<20} ({})\n", g.name, g.description, "", g.path);
    });
}

}  // namespace qingdan::cli
