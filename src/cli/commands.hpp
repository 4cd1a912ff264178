// Each subcommand lives in its own cmd_*.cpp and registers itself here.
// A command's callback stores its exit status in `exit_code()`.
#pragma once

#include <CLI/CLI.hpp>

namespace qingdan::cli {

int& exit_code();

void register_compile(CLI::App& app);
void register_validate(CLI::App& app);
void register_text(CLI::App& app);
void register_grammars(CLI::App& app);
void register_checklist(CLI::App& app);
void register_units(CLI::App& app);
void register_diff(CLI::App& app);

}  // namespace qingdan::cli
