// The whole pipeline on text: decode, layout detection, segmentation,
// extraction, and the canonical JSON / CSV / Markdown emitters.
#include "decode.hpp"
#include "emit.hpp"
#include "extracted.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    try {
        Document doc = fuzz::compiler().compile(fuzz::as_text(data, size), "fuzz.txt");
        std::vector<Document> docs{std::move(doc)};
        for (const char* f : {"json", "jsonl", "csv", "md"}) (void)render(docs, f, EmitOptions{});
    } catch (const DecodeError&) {
    } catch (const InputError&) {  // content of a format not read (RTF, .doc): the CLI reports it, exit 3
    }
    return 0;
}
