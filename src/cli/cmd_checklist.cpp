// `qingdan checklist` and `qingdan units` (placeholders).
#include "commands.hpp"

namespace qingdan::cli {
void register_checklist(CLI::App&) {}
void register_units(CLI::App&) {}
}  // namespace qingdan::cli
