// qingdan/1 JSON: the canonical model <-> JSON, with a fixed key order so
// the same input always gives byte-identical output.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "qingdan/model.hpp"

namespace qingdan {

// nlohmann::ordered_json keeps keys in the order the schema lists them.
using Json = nlohmann::ordered_json;

Json to_json(const Task& t);
Json to_json(const Document& d);
Json to_json(const Diagnostic& d);
// { "schema": "qingdan/1", "documents": [...] }
Json to_json(const std::vector<Document>& docs);

// Reads back what to_json wrote (for `diff` and `checklist` on JSON input).
// Throws std::runtime_error naming the offending field.
Document document_from_json(const Json& j);
std::vector<Document> documents_from_json(const Json& j);

// Pretty-printed with 2-space indent, UTF-8 kept as is, trailing newline.
std::string dump_pretty(const Json& j);

// The same bytes as dump_pretty(to_json(docs)), written straight from the
// model without building a JSON tree (what `compile` emits).
std::string write_json(const std::vector<Document>& docs);
// One compact line per task: {"doc_id": …, then the task's fields}.
std::string write_jsonl(const std::vector<Document>& docs);

}  // namespace qingdan
