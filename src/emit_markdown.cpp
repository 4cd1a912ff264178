// Markdown emitter (placeholder until the checklist issue lands).
#include "qingdan/emit.hpp"

namespace qingdan {
std::string render_markdown(const std::vector<Document>&) { return {}; }
}  // namespace qingdan
