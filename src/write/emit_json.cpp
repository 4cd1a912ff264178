// JSON and JSON Lines emitters, plus the format dispatcher.
#include <stdexcept>

#include "emit.hpp"
#include "json.hpp"

namespace qingdan {

std::string render_json(const std::vector<Document>& docs) { return write_json(docs); }

std::string render_jsonl(const std::vector<Document>& docs) { return write_jsonl(docs); }

std::string render(const std::vector<Document>& docs, const std::string& format, const EmitOptions& opts) {
    if (format == "json") return render_json(docs);
    if (format == "jsonl") return render_jsonl(docs);
    if (format == "csv") return render_csv(docs, opts);
    if (format == "md") return render_markdown(docs);
    throw std::invalid_argument("unknown output format `" + format + "`");
}

}  // namespace qingdan
