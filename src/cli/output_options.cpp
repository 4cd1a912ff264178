#include "output_options.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "common.hpp"
#include "unit_shape.hpp"
#include "ustr.hpp"

namespace qingdan::cli {

const char* const kExitCodesCompile =
    "  0  success\n"
    "  2  usage error (unknown option or value, conflicting options)\n"
    "  3  an input could not be read or decoded (the other inputs are still written)\n"
    "  4  internal error\n";

const char* const kExitCodesDiff =
    "  0  no differences\n"
    "  1  differences\n"
    "  2  usage error\n"
    "  3  an input could not be read\n"
    "  4  internal error\n";

EmitOptions TableOptions::emit() const {
    EmitOptions e;
    e.excel = !plain;
    e.lang = lang;
    return e;
}

void add_table_options(CLI::App* cmd, TableOptions& o) {
    cmd->add_option("--lang", o.lang, "Language of CSV/XLSX/HTML headers and values (JSON keeps English keys)")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    auto* plain = cmd->add_flag("--plain", o.plain, "CSV for machines: RFC 4180, no BOM, LF (default: Excel-ready)");
    auto* excel = cmd->add_flag("--excel", o.excel, "Excel-ready CSV (the default; kept for old scripts)");
    plain->excludes(excel);
}

void add_footer(CLI::App* cmd, const std::vector<std::string>& examples, const std::string& exit_codes) {
    std::string f = "\nExamples:\n";
    for (const auto& e : examples) f += "  " + e + "\n";
    f += "\nExit status:\n" + exit_codes;
    f += "\nEnvironment:\n  QINGDAN_SHARE  directory holding grammars/ and data/ (default: the install prefix's share/qingdan)\n";
    cmd->footer(f);
}

namespace {

std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) out.push_back(ustr::next(s, i));
    return out;
}

size_t edit_distance(const std::string& a_s, const std::string& b_s) {
    auto a = code_points(a_s), b = code_points(b_s);
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    size_t limit = std::clamp<size_t>(code_points(word).size() / 3, 1, 3);
    std::string best;
    size_t best_d = limit + 1;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        // A prefix of a longer name ("--form" for "--format") is a near miss too.
        if (c.size() > word.size() && word.size() >= 3 && c.compare(0, word.size(), word) == 0) d = std::min<size_t>(d, 1);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

bool emit_output(const std::string& out, const std::string& data, bool binary, const std::string& command) {
    if (binary && (out.empty() || out == "-") && isatty(STDOUT_FILENO)) {
        std::cerr << "qingdan " << command
                  << ": error: XLSX is a binary file; write it with -o FILE (or --out-dir DIR), or redirect stdout\n";
        return false;
    }
    emit(out, data);
    return true;
}

void drop_unreal_units(std::vector<Document>& docs, const UnitGazetteer* gazetteer, const std::string& data_dir) {
    std::string path = data_dir + "/unit_suffixes.txt";
    try {
        UnitShape shape = UnitShape::load(path);
        for (const auto& d : qingdan::drop_unreal_units(docs, gazetteer, shape)) print_diagnostic(d.source, d.diagnostic);
    } catch (const std::exception& e) {
        print_diagnostic(path, {"warning", "no-unit-suffixes", 0, e.what()});
    }
}

}  // namespace qingdan::cli
