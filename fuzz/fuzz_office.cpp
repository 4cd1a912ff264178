// The office readers (PDF via poppler, DOCX/XLSX via libzip + pugixml), each
// reached through sniff() as the CLI reaches them: zip bombs, XML entities,
// broken xref tables and truncated archives must be an InputError, never a
// crash.
#include "extracted.hpp"
#include "fuzz_common.hpp"
#include "sniff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    std::string_view in = fuzz::as_text(data, size);
    try {
        Sniffed kind = sniff(in);
        if (kind.format != Format::text) (void)read_office(in, kind);
    } catch (const InputError&) {  // reported as a bad input
    }
    return 0;
}
