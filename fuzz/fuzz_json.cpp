// qingdan/1 JSON read back (units / checklist / diff accept it): parse,
// documents_from_json, id renaming, and the products on the result.
#include "checklist.hpp"
#include "diff.hpp"
#include "emit.hpp"
#include "fuzz_common.hpp"
#include "json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    std::vector<Document> docs;
    try {
        Json j = Json::parse(fuzz::as_text(data, size));
        docs = documents_from_json(j);
    } catch (const nlohmann::json::exception&) {  // reported as bad-json
        return 0;
    } catch (const std::runtime_error&) {  // not a qingdan/1 document: reported
        return 0;
    }
    uniquify_ids(docs);
    (void)render(docs, "json", EmitOptions{});
    (void)render(docs, "csv", EmitOptions{});
    (void)render_checklists(checklists_by_unit(docs), docs, "json", EmitOptions{});
    (void)render_units(summarize_units(docs, &fuzz::gazetteer()), "csv", EmitOptions{});
    if (docs.size() >= 2) (void)render_diff_json(diff_documents(docs[0], docs[1]));
    return 0;
}
