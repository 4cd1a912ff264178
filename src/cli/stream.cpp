#include "stream.hpp"

#include <stdexcept>
#include <string_view>
#include <vector>

namespace qingdan::cli {

namespace {

// write_json's layout (nlohmann's dump(2)) around the documents array.
constexpr std::string_view kJsonHead = "{\n  \"schema\": \"qingdan/1\",\n  \"documents\": [";
constexpr std::string_view kJsonTail = "\n  ]\n}\n";
constexpr std::string_view kJsonEmptyTail = "]\n}\n";

std::string render_one(Document& d, const std::string& format, const EmitOptions& opts) {
    // The emitters take a run: the document is lent to a run of one, not copied.
    std::vector<Document> one(1);
    std::swap(one[0], d);
    std::string out;
    try {
        out = render(one, format, opts);
    } catch (...) {
        std::swap(one[0], d);
        throw;
    }
    std::swap(one[0], d);
    return out;
}

}  // namespace

StreamFormat::StreamFormat(std::string format, EmitOptions opts) : format_(std::move(format)), opts_(opts) {
    if (format_ != "json" && format_ != "jsonl" && format_ != "csv" && format_ != "md")
        throw std::invalid_argument("unknown output format `" + format_ + "`");
}

std::string StreamFormat::head() const {
    if (format_ == "json") return std::string(kJsonHead);
    if (format_ == "csv") return render({}, format_, opts_);  // BOM and header row
    return {};
}

std::string StreamFormat::piece(Document& doc) const {
    std::string all = render_one(doc, format_, opts_);
    if (format_ == "json") {
        // "{head}\n    {doc}\n  ]\n}\n": keep "    {doc}".
        size_t b = kJsonHead.size() + 1, e = all.size() - kJsonTail.size();
        return all.substr(b, e - b);
    }
    if (format_ == "csv") return all.substr(head().size());
    return all;
}

std::string StreamFormat::separator(bool first) const {
    if (format_ == "json") return first ? "\n" : ",\n";
    if (format_ == "md") return first ? "" : "\n";
    return {};
}

std::string StreamFormat::tail(bool empty) const {
    if (format_ == "json") return std::string(empty ? kJsonEmptyTail : kJsonTail);
    return {};
}

}  // namespace qingdan::cli
