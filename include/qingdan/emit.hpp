// Stage 7: emitters. Every format is driven by the canonical model.
#pragma once

#include <string>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

struct EmitOptions {
    bool excel = false;  // CSV: UTF-8 BOM, CRLF, formula-looking cells neutralised
};

// `format`: "json" (one qingdan/1 object), "jsonl" (one task per line with
// doc_id), "csv", "md". Throws std::invalid_argument for another format.
std::string render(const std::vector<Document>& docs, const std::string& format, const EmitOptions& opts = {});

std::string render_json(const std::vector<Document>& docs);
std::string render_jsonl(const std::vector<Document>& docs);
std::string render_csv(const std::vector<Document>& docs, const EmitOptions& opts);
std::string render_markdown(const std::vector<Document>& docs);

}  // namespace qingdan
