// The XLSX reader on mutated XML (structure-aware, fuzz_zip.hpp): the input
// is xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/sharedStrings.xml and
// up to three worksheets xl/worksheets/sheetN.xml, separated by <!--part-->,
// packed into a stored zip and compiled like an .xlsx file (sheet order and
// visibility, shared and inline strings, cell references, merged cells, then
// the pipeline on the rows). Seeds: fuzz/make_seeds.py.
#include "decode.hpp"
#include "fuzz_common.hpp"
#include "fuzz_zip.hpp"
#include "sniff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qingdan;
    if (size > fuzz::kMaxInput) return -1;
    auto parts = fuzz::split_parts(fuzz::as_text(data, size), 6);
    static const char* const kNames[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                         "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                         "xl/worksheets/sheet3.xml"};
    std::vector<std::pair<std::string, std::string_view>> members;
    for (size_t i = 0; i < parts.size(); ++i)
        if (!parts[i].empty()) members.push_back({kNames[i], parts[i]});  // empty: the member is absent
    std::string zip = fuzz::stored_zip(members);
    try {
        (void)fuzz::compiler().compile(zip, "fuzz.xlsx");
    } catch (const InputError&) {
    } catch (const DecodeError&) {
    }
    return 0;
}
