// Saved web pages: gumbo parse, text extraction, line mapping to the source.
#include "fuzz_common.hpp"
#include "html.hpp"
#include "normalise.hpp"

#include "ustr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    std::string_view in = fuzz::as_text(data, size);
    (void)html_meta_charset(in);
    (void)looks_like_html(in);
    HtmlText page = html_to_text(in);  // gumbo takes any bytes
    NormalisedText n = normalise(page.text);
    map_to_source(n, page);
    return 0;
}
