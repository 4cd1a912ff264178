// Page frame and escaping shared by the HTML reports.
#include "html_page.hpp"

namespace qingdan {

namespace {

// Fonts the systems that read Chinese have; nothing is fetched.
constexpr const char* kCss = R"CSS(
:root { --rule: #c8c8c8; --head: #eef3f8; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
       margin: 1.5rem; color: #111; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid #345; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.box { width: 1.6rem; text-align: center; }
.meta { color: #444; font-size: .9rem; margin: .2rem 0; }
.title { font-weight: bold; }
.badge { display: inline-block; padding: 0 .3rem; border-radius: .2rem; background: #e8e8e8; font-size: .85rem; white-space: nowrap; }
.badge.mandatory, .badge.lead { background: #fde2e2; }
.badge.optional, .badge.participant { background: #e2f0fd; }
.badge.check { background: #fff3cd; }
del { background: #fde2e2; color: #8a1010; text-decoration: line-through; }
ins { background: #dff5e3; color: #0b5a1d; text-decoration: underline; }
nav.toc ol { columns: 2; }
.counts td, .counts th { width: auto; }
.empty { color: #777; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  nav.toc { display: none; }
  section.sheet { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

}  // namespace

std::string html_escape(std::string_view text, bool breaks) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += breaks ? "<br>" : " "; break;
        case '\t': out += ' '; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

std::string html_page(std::string_view title, std::string_view lang, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += lang == "en" ? "en" : "zh-CN";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"qingdan\">\n<title>" + html_escape(title) + "</title>\n<style>";
    out += kCss;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace qingdan
