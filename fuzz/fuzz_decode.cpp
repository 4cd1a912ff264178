// decode (encoding detection, legacy CJK codecs) + normalise + wrap joining.
#include "decode.hpp"
#include "fuzz_common.hpp"
#include "normalise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    try {
        DecodedText d = decode(fuzz::as_text(data, size));
        NormalisedText n = normalise(d.utf8);
        (void)join_wrapped(n.lines);
        (void)looks_traditional(d.utf8);
    } catch (const DecodeError&) {  // binary input: refused with a message
    }
    return 0;
}
