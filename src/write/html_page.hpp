// Self-contained HTML pages (no external script, font or stylesheet) for
// the checklist and diff reports: escaping and the page frame with its
// screen and print CSS.
#pragma once

#include <string>
#include <string_view>

namespace qingdan {

// Text as HTML: & < > " ' escaped; control characters other than LF and
// TAB become spaces; with `breaks` a LF becomes <br>.
std::string html_escape(std::string_view text, bool breaks = false);

// A complete document: <!DOCTYPE html>, <meta charset>, the title, the
// built-in CSS (print: A4 landscape, a page break before every
// `section.sheet`, no navigation), then `body`.
std::string html_page(std::string_view title, std::string_view lang, std::string_view body);

}  // namespace qingdan
