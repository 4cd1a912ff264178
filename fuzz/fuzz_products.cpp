// Checklists (by unit and by province) and diff on compiled documents: the
// input is split at its middle line into an "old" and a "new" document.
#include "checklist.hpp"
#include "decode.hpp"
#include "diff.hpp"
#include "extracted.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    std::string_view in = fuzz::as_text(data, size);
    size_t cut = in.find('\n', in.size() / 2);
    cut = cut == std::string_view::npos ? in.size() : cut + 1;
    std::vector<Document> docs;
    try {
        docs.push_back(fuzz::compiler().compile(in.substr(0, cut), "old.txt"));
        docs.push_back(fuzz::compiler().compile(in.substr(cut), "new.txt"));
    } catch (const DecodeError&) {
        return 0;
    } catch (const InputError&) {  // content of a format not read (RTF, .doc): the CLI reports it, exit 3
        return 0;
    }
    uniquify_ids(docs);
    const auto& gz = fuzz::gazetteer();
    for (const char* f : {"json", "csv", "md"}) {
        (void)render_checklists(checklists_by_unit(docs), docs, f, EmitOptions{});
        (void)render_units(summarize_units(docs, &gz), f, EmitOptions{});
    }
    if (const ProvinceTable* table = gz.provinces(); table && !table->empty()) {
        std::vector<const Province*> ps;
        for (const auto& p : table->all()) ps.push_back(&p);
        auto lists = checklists_by_province(docs, ps, {}, table);
        for (const char* f : {"json", "csv", "md"}) (void)render_checklists(lists, docs, f, EmitOptions{});
    }
    DiffResult r = diff_documents(docs[0], docs[1]);
    (void)render_diff_markdown(r);
    (void)render_diff_csv(r);
    (void)render_diff_json(r);
    return 0;
}
