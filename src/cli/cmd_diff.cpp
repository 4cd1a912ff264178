// `qingdan diff` (placeholder).
#include "commands.hpp"

namespace qingdan::cli {
void register_diff(CLI::App&) {}
}  // namespace qingdan::cli
