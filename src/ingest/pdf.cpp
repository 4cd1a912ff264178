// PDF with poppler-cpp: word boxes (page::text_list) grouped into lines and
// segments by position; the text layer only (a scan is an error saying it
// needs OCR). docs/dependencies.md says why poppler-cpp, not poppler-glib.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "pdf_lines.hpp"
#include "sniff.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {

using pdf::Line;
using pdf::Page;
using pdf::Segment;

struct Word {
    Segment seg;  // the word's text, x-extent and glyphs
    double y0, y1;
    bool space_after;
    double x0() const { return seg.x0; }
    double x1() const { return seg.x1; }
};

std::string utf8(const poppler::ustring& s) {
    auto b = s.to_utf8();
    return std::string(b.begin(), b.end());
}

// Words whose vertical extents overlap by half the smaller height share a
// line. The line's band is its first word's, not the union of its words': a
// word half a line off (a cell centred over two rows, 一、优化营 beside the
// lines of the next column) would otherwise stretch the band until it swept
// up every line of the table into one.
std::vector<std::vector<Word>> group_lines(std::vector<Word> words) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        return a.y0 + a.y1 < b.y0 + b.y1 || (a.y0 + a.y1 == b.y0 + b.y1 && a.x0() < b.x0());
    });
    std::vector<std::vector<Word>> lines;
    double ly0 = 0, ly1 = 0;
    for (auto& w : words) {
        double overlap = std::min(ly1, w.y1) - std::max(ly0, w.y0);
        double h = std::min(ly1 - ly0, w.y1 - w.y0);
        if (!lines.empty() && overlap > 0.5 * h) {
            lines.back().push_back(std::move(w));
        } else {
            ly0 = w.y0;
            ly1 = w.y1;
            lines.push_back({std::move(w)});
        }
    }
    return lines;
}

// An item label before the list's tab stop (`1.`, `一、`, `（十二）`): short and
// closed by its punctuation; a bare table row number (`12`) is not one.
bool is_label(std::string_view s) {
    if (s.empty() || ustr::length(s) > 5) return false;
    for (std::string_view end : {".", "．", "、", "）", ")"})
        if (ustr::ends_with(s, end)) return true;
    return false;
}

// A gap wider than 0.7 character heights separates cells (table cell
// padding is about that wide; a space between words is a third of it).
Line make_line(std::vector<Word> ws, int page_no) {
    std::sort(ws.begin(), ws.end(), [](const Word& a, const Word& b) { return a.x0() < b.x0(); });
    Line l;
    l.page = page_no;
    l.x0 = ws.front().x0();
    l.y0 = ws.front().y0;
    l.x1 = ws.front().x1();
    l.y1 = ws.front().y1;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        Word& w = ws[i];
        w.seg.y0 = w.y0;
        w.seg.y1 = w.y1;
        double h = w.y1 - w.y0, gap = i == 0 ? 0 : w.x0() - ws[i - 1].x1();
        if (i == 0 || gap > 0.7 * h) l.segs.push_back(w.seg);
        else l.segs.back().append(w.seg, ws[i - 1].space_after || gap > 0.25 * h);
        l.x0 = std::min(l.x0, w.x0());
        l.x1 = std::max(l.x1, w.x1());
        l.y0 = std::min(l.y0, w.y0);
        l.y1 = std::max(l.y1, w.y1);
        l.type = i == 0 ? h : std::min(l.type, h);
    }
    // Word's automatic numbering prints the label, a tab, then the text: one segment.
    if (l.segs.size() >= 2 && is_label(l.segs[0].text)) {
        Segment label = std::move(l.segs[0]);
        label.append(l.segs[1], static_cast<unsigned char>(label.text.back()) < 0x80);
        l.segs.erase(l.segs.begin());
        l.segs[0] = std::move(label);
    }
    return l;
}

// A poppler word as a segment: its text trimmed, one glyph per code point
// from poppler's character boxes (spread evenly over the word's box when
// poppler's count differs, e.g. for characters outside the BMP).
Segment word_segment(const poppler::text_box& b, const std::string& raw) {
    auto r = b.bbox();
    std::vector<std::pair<std::size_t, std::size_t>> cps;  // byte range of each code point
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t s = i;
        ustr::next(raw, i);
        cps.push_back({s, i});
    }
    bool exact = cps.size() == b.text().size();
    Segment seg;
    seg.x0 = r.x();
    seg.x1 = r.x() + r.width();
    double step = r.width() / static_cast<double>(std::max<std::size_t>(1, cps.size()));
    std::size_t lo = 0, hi = cps.size();  // the word without blanks at its ends
    while (lo < hi && ustr::space_at(raw, cps[lo].first)) ++lo;
    while (hi > lo && ustr::space_at(raw, cps[hi - 1].first)) --hi;
    for (std::size_t k = lo; k < hi; ++k) {
        auto [from, to] = cps[k];
        double x0 = r.x() + step * static_cast<double>(k), x1 = x0 + step;
        if (exact) {
            auto c = b.char_bbox(k);
            if (std::isfinite(c.x()) && std::isfinite(c.width())) x0 = c.x(), x1 = c.x() + c.width();
        }
        seg.glyphs.push_back({seg.text.size(), x0, x1});
        seg.text.append(raw, from, to - from);
    }
    return seg;
}

Page read_page(poppler::page& p, int page_no, std::size_t& chars) {
    Page out;
    auto rect = p.page_rect();
    out.width = rect.width();
    out.height = rect.height();
    std::vector<Word> words;
    for (auto& b : p.text_list()) {
        std::string t = utf8(b.text());
        if (ustr::trim(t).empty()) continue;
        auto r = b.bbox();
        if (!std::isfinite(r.x()) || !std::isfinite(r.y()) || !std::isfinite(r.width()) || r.height() <= 0)
            continue;
        chars += t.size();
        words.push_back({word_segment(b, t), r.y(), r.y() + r.height(), b.has_space_after()});
    }
    if (words.empty()) return out;
    for (auto& ws : group_lines(std::move(words))) out.lines.push_back(make_line(std::move(ws), page_no));
    return out;
}

void quiet(const std::string&, void*) {}  // poppler's own messages are not ours to print

}  // namespace

Extracted read_pdf(std::string_view bytes) {
    poppler::set_debug_error_function(quiet, nullptr);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw InputError("input-too-large", "PDF larger than 2 GB");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw InputError("corrupt-input", "not a readable PDF (damaged file or cross-reference table)");
    if (doc->is_locked())
        throw InputError("encrypted-pdf", "the PDF is encrypted and needs a password to open; "
                                          "save an unprotected copy (File > Print to PDF)");
    std::vector<Page> pages;
    std::size_t chars = 0;
    int n = doc->pages();
    for (int i = 0; i < n; ++i) {
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) continue;
        pages.push_back(read_page(*p, i + 1, chars));
    }
    if (chars == 0)
        throw InputError("needs-ocr", "the PDF has no text layer (" + std::to_string(n) +
                                          " page(s) of images: a scan?); run OCR on it first "
                                          "(e.g. ocrmypdf) and compile the result");
    pdf::drop_furniture(pages);
    Extracted out = pdf::layout(std::move(pages));
    std::string note = "read as PDF: " + std::to_string(n) + " page(s)";
    if (doc->is_encrypted()) note += " (encrypted without a user password: read)";
    out.diagnostics.insert(out.diagnostics.begin(), {"info", "pdf-input", 0, note});
    return out;
}

}  // namespace qingdan
