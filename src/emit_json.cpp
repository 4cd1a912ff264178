// JSON and JSON Lines emitters, plus the format dispatcher.
#include <stdexcept>

#include "qingdan/emit.hpp"
#include "qingdan/json.hpp"

namespace qingdan {

std::string render_json(const std::vector<Document>& docs) { return dump_pretty(to_json(docs)); }

std::string render_jsonl(const std::vector<Document>& docs) {
    std::string out;
    for (const auto& d : docs)
        for (const auto& t : d.tasks) {
            Json j = Json{{"doc_id", d.id}};
            Json task = to_json(t);
            for (auto& [k, v] : task.items()) j[k] = v;
            out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        }
    return out;
}

std::string render(const std::vector<Document>& docs, const std::string& format, const EmitOptions& opts) {
    if (format == "json") return render_json(docs);
    if (format == "jsonl") return render_jsonl(docs);
    if (format == "csv") return render_csv(docs, opts);
    if (format == "md") return render_markdown(docs);
    throw std::invalid_argument("unknown output format `" + format + "`");
}

}  // namespace qingdan
