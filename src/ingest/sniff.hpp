// Format detection by content (magic bytes), never by file name: a PDF named
// plan.txt is read as PDF, and standard input works for every format.
#pragma once

#include <string>
#include <string_view>

#include "extracted.hpp"

namespace qingdan {

enum class Format {
    text,         // plain text or HTML: decode() takes it from here
    pdf,          // %PDF- in the first KB
    docx,         // zip holding word/document.xml
    xlsx,         // zip holding xl/workbook.xml
    unsupported,  // a container or binary format qingdan does not read
    legacy,       // OLE2 compound file: .doc, .wps, .xls, .et (pre-2007 Office, WPS)
};

struct Sniffed {
    Format format = Format::text;
    std::string what;  // for unsupported/legacy: what the file is ("a PowerPoint file (.pptx)")
};

// Looks at the first bytes and, for a zip, at its member names.
Sniffed sniff(std::string_view bytes);

// True when the first bytes mark a format sniff() knows (PDF, zip, OLE2), so
// that a directory walk can take such a file whatever its extension.
bool has_office_magic(std::string_view head);

// Reads a PDF/DOCX/XLSX file into lines; throws InputError for what cannot be
// read (unsupported, legacy, encrypted, scanned, corrupt).
Extracted read_office(std::string_view bytes, const Sniffed& kind);

Extracted read_pdf(std::string_view bytes);
Extracted read_docx(std::string_view bytes);
Extracted read_xlsx(std::string_view bytes);

}  // namespace qingdan
