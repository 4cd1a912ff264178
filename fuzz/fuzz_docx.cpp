// The DOCX reader on mutated XML (structure-aware, fuzz_zip.hpp): the input
// is word/document.xml, word/numbering.xml and word/styles.xml separated by
// <!--part-->, packed into a stored zip and compiled like a .docx file
// (automatic numbering, styles, tables with merged cells, text boxes, then
// the whole pipeline on the extracted lines). Seeds: fuzz/make_seeds.py.
#include "decode.hpp"
#include "fuzz_common.hpp"
#include "fuzz_zip.hpp"
#include "sniff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    auto parts = fuzz::split_parts(fuzz::as_text(data, size), 3);
    static const char* const kNames[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml"};
    std::vector<std::pair<std::string, std::string_view>> members;
    for (size_t i = 0; i < parts.size(); ++i)
        if (!parts[i].empty()) members.push_back({kNames[i], parts[i]});  // empty: the member is absent
    std::string zip = fuzz::stored_zip(members);
    try {
        (void)fuzz::compiler().compile(zip, "fuzz.docx");
    } catch (const InputError&) {  // corrupt-input etc.: reported as a bad input
    } catch (const DecodeError&) {
    }
    return 0;
}
