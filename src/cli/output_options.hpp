// Options shared by the subcommands that write tables for people (CSV,
// XLSX, Markdown, HTML), help footers (examples, exit codes), and the
// did-you-mean suggestions of the front end. Kept apart from common.cpp so
// that the per-subcommand files own their flags.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "emit.hpp"
#include "qingdan/model.hpp"

namespace qingdan {
class UnitGazetteer;
}

namespace qingdan::cli {

struct TableOptions {
    bool plain = false;       // --plain: RFC 4180, no BOM, LF
    bool excel = false;       // --excel: accepted for old scripts (Excel-ready is the default)
    std::string lang = "zh";  // --lang zh|en
    EmitOptions emit() const;
};

// --lang, --plain and the --excel alias.
void add_table_options(CLI::App* cmd, TableOptions& o);

// A footer with the examples (one command each) and the exit codes.
void add_footer(CLI::App* cmd, const std::vector<std::string>& examples, const std::string& exit_codes);

// Exit codes as the help shows them.
extern const char* const kExitCodesCompile;
extern const char* const kExitCodesDiff;

// The candidate closest to `word` by edit distance (code points), when
// within a third of the word's length (at least 1, at most 3); "" otherwise.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// Writes `data` like emit(); a binary format (XLSX) refuses a terminal
// stdout: returns false after an error message naming `-o`.
bool emit_output(const std::string& out, const std::string& data, bool binary, const std::string& command);

// Only real units get checklists and diff leads: drops the units of `docs`
// that `data_dir`/unit_suffixes.txt and the gazetteer reject (warnings on
// stderr). Without the suffix file nothing is dropped (one warning).
void drop_unreal_units(std::vector<Document>& docs, const UnitGazetteer* gazetteer, const std::string& data_dir);

}  // namespace qingdan::cli
