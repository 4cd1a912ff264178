// CSV emitter (placeholder until the checklist issue lands).
#include "qingdan/emit.hpp"

namespace qingdan {
std::string render_csv(const std::vector<Document>&, const EmitOptions&) { return {}; }
}  // namespace qingdan
