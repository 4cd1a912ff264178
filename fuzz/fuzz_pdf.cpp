// The PDF reader (poppler-cpp text boxes -> lines, segments, columns, tables,
// page furniture) and the pipeline on its lines. Poppler itself is a system
// library without coverage instrumentation: the fuzzer is guided by
// qingdan's own layout code, and poppler is exercised for crashes only.
// Seeds: small uncompressed PDFs from fuzz/make_seeds.py (the fixtures'
// PDFs are larger than kMaxInput) and the hostile PDFs.
#include "decode.hpp"
#include "fuzz_common.hpp"
#include "sniff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    std::string_view in = fuzz::as_text(data, size);
    try {
        if (sniff(in).format != Format::pdf) return -1;  // not a PDF any more: not this harness's job
        (void)fuzz::compiler().compile(in, "fuzz.pdf");
    } catch (const InputError&) {  // corrupt, encrypted, needs OCR ...
    } catch (const DecodeError&) {
    }
    return 0;
}
