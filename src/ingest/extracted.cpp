// Line and table-row assembly shared by the PDF, DOCX and XLSX readers.
#include "extracted.hpp"

#include "ustr.hpp"

namespace qingdan {

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) out += (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') ? ' ' : c;
    return ustr::trim(out);
}

namespace {

// Wide (CJK and full-width punctuation) characters need no space to join.
// Curly quotes, dashes and the ellipsis (U+2010..U+2027) count as wide: in
// Chinese text they are full width (`“双万计划”` wrapped before its `”`,
// `2021—` before `2035年`). Only two Latin pieces get a space between them.
bool wide(char32_t c) { return c >= 0x2E80 || (c >= 0x2010 && c <= 0x2027); }

}  // namespace

void join_piece(std::string& into, std::string_view piece) {
    std::string p = clean_text(piece);
    if (p.empty()) return;
    if (!into.empty()) {
        std::size_t i = 0;
        char32_t first = ustr::next(p, i);
        if (!wide(ustr::last(into)) && !wide(first)) into += ' ';  // Latin meets Latin
    }
    into += p;
}

void Extracted::line(std::string_view s, Origin o) {
    std::string t = clean_text(s);
    if (t.empty()) return;
    text += t;
    text += '\n';
    o.table = table_;
    origin.push_back(o);
}

void Extracted::row(const std::vector<std::string>& cells, Origin o) {
    std::size_t last = cells.size();
    while (last > 0 && clean_text(cells[last - 1]).empty()) --last;
    if (last == 0) return;
    int filled = 0;
    for (std::size_t i = 0; i < last; ++i) filled += !clean_text(cells[i]).empty();
    if (filled == 1 && !clean_text(cells[0]).empty() && cells.size() > 1) {
        line(cells[0], o);  // only the first cell: a heading row (merged across)
        return;
    }
    std::string r;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) r += '\t';
        r += clean_text(cells[i]);
    }
    text += r;
    text += '\n';
    o.table = table_;
    origin.push_back(o);
}

}  // namespace qingdan
