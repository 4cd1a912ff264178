// Magic bytes first; a zip is opened to tell Word from Excel from the rest.
#include "sniff.hpp"

#include "zip.hpp"

namespace qingdan {

namespace {

constexpr std::string_view kZip = "PK\x03\x04";
constexpr std::string_view kZipEmpty = "PK\x05\x06";
constexpr std::string_view kOle2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A PDF may carry up to 1 KB of junk before its header (the PDF spec allows
// it); then its end marker must be there too, so a text quoting "%PDF-" stays text.
bool is_pdf(std::string_view bytes) {
    if (starts(bytes, "%PDF-")) return true;
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) return false;
    std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
    return tail.find("%%EOF") != std::string_view::npos;
}

Sniffed sniff_zip(std::string_view bytes) {
    ZipArchive zip(bytes);  // throws InputError on a damaged archive
    if (zip.has("word/document.xml")) return {Format::docx, ""};
    if (zip.has("xl/workbook.xml")) return {Format::xlsx, ""};
    if (zip.has("ppt/presentation.xml")) return {Format::unsupported, "a PowerPoint file (.pptx)"};
    if (zip.has("content.xml") && zip.has("mimetype")) return {Format::unsupported, "an OpenDocument file (.odt/.ods)"};
    return {Format::unsupported, "a zip archive that is not a Word or Excel file"};
}

}  // namespace

bool has_office_magic(std::string_view head) {
    return head.substr(0, 1024).find("%PDF-") != std::string_view::npos || starts(head, kZip) || starts(head, kZipEmpty) || starts(head, kOle2);
}

Sniffed sniff(std::string_view bytes) {
    if (starts(bytes, kOle2))
        return {Format::legacy, "a legacy binary Office/WPS file (.doc, .wps, .xls or .et)"};
    if (starts(bytes, kZip) || starts(bytes, kZipEmpty)) return sniff_zip(bytes);
    if (is_pdf(bytes)) return {Format::pdf, ""};
    if (starts(bytes, "{\\rtf")) return {Format::unsupported, "an RTF file"};
    return {Format::text, ""};
}

Extracted read_office(std::string_view bytes, const Sniffed& kind) {
    switch (kind.format) {
    case Format::pdf: return read_pdf(bytes);
    case Format::docx: return read_docx(bytes);
    case Format::xlsx: return read_xlsx(bytes);
    case Format::legacy:
        throw InputError("legacy-format", kind.what + ": qingdan reads .docx and .xlsx; open it in Word, WPS or "
                                                      "LibreOffice and save it as .docx (or .xlsx)");
    case Format::unsupported:
        throw InputError("unsupported-format", "not a supported format (" + kind.what +
                                                   "); qingdan reads text, HTML, PDF, DOCX and XLSX");
    case Format::text: break;
    }
    throw InputError("unsupported-format", "not an office file");
}

}  // namespace qingdan
