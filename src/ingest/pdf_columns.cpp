// PDF table columns from glyph positions: segments cut where a column named
// by a header row starts inside them (see split_at_columns in pdf_lines.hpp).
//
// A borderless table (a sheet printed to PDF, a Word table without rules)
// separates its cells by padding only. make_line cuts a line into segments
// at wide gaps, but a right-aligned row number sits a point or two from the
// task text (`1` | `推进…`: 1.3 pt, a seventh of the character height) and a
// full task line can end closer to the next column than the padding. The
// header row says where the columns start: its words' left edges.
#include <algorithm>
#include <cmath>

#include "furniture.hpp"
#include "pdf_lines.hpp"
#include "ustr.hpp"

namespace qingdan::pdf {

void Segment::append(const Segment& piece, bool space) {
    if (piece.glyphs.empty()) return;
    if (glyphs.empty()) {
        *this = piece;
        return;
    }
    if (space) {
        glyphs.push_back({text.size(), x1, piece.x0});
        text += ' ';
    }
    const std::size_t base = text.size();
    for (const Glyph& g : piece.glyphs) glyphs.push_back({base + g.at, g.x0, g.x1});
    text += piece.text;
    x1 = std::max(x1, piece.x1);
    y0 = std::min(y0, piece.y0);
    y1 = std::max(y1, piece.y1);
}

Segment Segment::slice(std::size_t from, std::size_t to) const {
    auto blank = [&](std::size_t k) { return ustr::space_at(text, glyphs[k].at) > 0; };
    while (from < to && blank(from)) ++from;
    while (to > from && blank(to - 1)) --to;
    Segment s;
    if (from >= to) return s;
    const std::size_t b = glyphs[from].at, e = to < glyphs.size() ? glyphs[to].at : text.size();
    s.text = text.substr(b, e - b);
    s.x0 = glyphs[from].x0;
    s.x1 = glyphs[to - 1].x1;
    s.y0 = y0;
    s.y1 = y1;
    for (std::size_t k = from; k < to; ++k) s.glyphs.push_back({glyphs[k].at - b, glyphs[k].x0, glyphs[k].x1});
    return s;
}

namespace {

// The glyph of `seg` whose bytes start at `at` (its index), or glyphs.size().
std::size_t glyph_at(const Segment& seg, std::size_t at) {
    auto it = std::lower_bound(seg.glyphs.begin(), seg.glyphs.end(), at,
                               [](const Glyph& g, std::size_t a) { return g.at < a; });
    return static_cast<std::size_t>(it - seg.glyphs.begin());
}

// Each header word of the line as (segment, first glyph, end glyph); empty
// when the line is not a header row.
struct WordPos {
    std::size_t seg, from, to;
};

std::vector<WordPos> header_words_of(const Line& l, std::size_t min_words = 2) {
    if (l.segs.empty()) return {};
    std::string joined;
    std::vector<std::size_t> starts;
    for (const auto& s : l.segs) {
        if (!joined.empty()) joined += ' ';
        starts.push_back(joined.size());
        joined += s.text;
    }
    std::vector<WordPos> out;
    for (std::string_view w : furniture::table_header_words(joined, min_words)) {
        auto off = static_cast<std::size_t>(w.data() - joined.data());
        std::size_t k = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), off) - starts.begin()) - 1;
        const Segment& seg = l.segs[k];
        out.push_back({k, glyph_at(seg, off - starts[k]), glyph_at(seg, off - starts[k] + w.size())});
    }
    if (!out.empty() || l.segs.size() < 3) return out;
    // A header with a column name the vocabulary lacks (具体工作内容): three
    // or more cells, at least two of them header words and at most a third
    // of them unknown; an unknown cell is one column.
    std::size_t unknown = 0;
    for (std::size_t k = 0; k < l.segs.size(); ++k) {
        const Segment& seg = l.segs[k];
        auto words = furniture::table_header_words(seg.text, 1);
        if (words.empty()) {
            ++unknown;
            out.push_back({k, 0, seg.glyphs.size()});
        }
        for (std::string_view w : words) {
            auto off = static_cast<std::size_t>(w.data() - seg.text.data());
            out.push_back({k, glyph_at(seg, off), glyph_at(seg, off + w.size())});
        }
    }
    if (out.size() < unknown + 2 || 3 * unknown > l.segs.size()) out.clear();
    return out;
}

// `1`, `12`, `3.`, `4、`: a table's row number, alone in its cell.
bool bare_row_number(std::string_view s) {
    std::size_t i = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (digits == 0 || digits > 4) return false;
    std::string_view rest = s.substr(i);
    return rest.empty() || rest == "." || rest == "、" || rest == "．";
}

// A character no cell starts with: it closes the text before it (`109.`
// is a list label, not a row number and a cell).
bool closing_mark(std::string_view s) {
    for (std::string_view m : {".", "．", "、", "，", "。", "）", ")", "：", ":", "；"})
        if (ustr::starts_with(s, m)) return true;
    return false;
}

// Cuts `seg` before each glyph j that starts a column: the glyphs before it
// end short of a column edge and glyph j starts exactly there (left-aligned
// cells start at the same x as their header, within a twentieth of the
// character height), or the edge lies in the gap before glyph j and either
// the gap is as wide as cell padding or the piece before it is a bare row
// number. Gap size alone cannot tell: a space inside a cell (2021 年) is as
// wide as the padding between two cells.
std::vector<Segment> cut_segment(const Segment& seg, const std::vector<double>& edges, double h) {
    std::vector<Segment> out;
    const double tol = 0.15 * h;
    std::size_t from = 0, prev = seg.glyphs.size();  // prev: last non-blank glyph
    for (std::size_t j = 0; j < seg.glyphs.size(); ++j) {
        const Glyph& g = seg.glyphs[j];
        if (ustr::space_at(seg.text, g.at)) continue;
        if (prev < j && g.x0 - seg.glyphs[prev].x1 > 0.05 * h &&
            !closing_mark(std::string_view(seg.text).substr(g.at))) {
            const double a = seg.glyphs[prev].x1, gap = g.x0 - a;
            bool aligned = false, straddled = false;
            for (double e : edges) {
                aligned |= std::abs(g.x0 - e) <= 0.05 * h;
                straddled |= e >= a - tol && e <= g.x0 + tol;
            }
            if (aligned || (straddled && (gap >= 0.5 * h || bare_row_number(seg.slice(from, j).text)))) {
                out.push_back(seg.slice(from, j));
                from = j;
            }
        }
        prev = j;
    }
    out.push_back(seg.slice(from, seg.glyphs.size()));
    std::erase_if(out, [](const Segment& s) { return s.glyphs.empty(); });
    return out;
}

// The header row cut into one segment per header word where the words are
// apart (a gap of a tenth of the character height: not one cell's text).
void cut_header(Line& l, const std::vector<WordPos>& words) {
    std::vector<Segment> segs;
    const double h = l.height();
    for (std::size_t k = 0; k < l.segs.size(); ++k) {
        const Segment& s = l.segs[k];
        std::size_t from = 0;
        for (const auto& w : words)
            if (w.seg == k && w.from > from && w.from < s.glyphs.size() &&
                s.glyphs[w.from].x0 - s.glyphs[w.from - 1].x1 > 0.1 * h) {
                segs.push_back(s.slice(from, w.from));
                from = w.from;
            }
        segs.push_back(s.slice(from, s.glyphs.size()));
    }
    std::erase_if(segs, [](const Segment& s) { return s.glyphs.empty(); });
    l.segs = std::move(segs);
}

}  // namespace

std::vector<std::pair<double, double>> header_columns(const Line& l) {
    std::vector<std::pair<double, double>> cols;
    for (const auto& w : header_words_of(l)) {
        const Segment& s = l.segs[w.seg];
        if (w.from >= w.to || w.to > s.glyphs.size()) return {};
        cols.push_back({s.glyphs[w.from].x0, s.glyphs[w.to - 1].x1});
    }
    return cols;
}

namespace {

// The type size of a line (Line::type; its height where not set).
double type_size(const Line& l) { return l.type > 0 ? l.type : l.height(); }

// Below the header at `at`, while the table lasts (the same type size, not
// left of the header): where its cells start, bare row numbers left out,
// and whether they start in a row of several cells (not a merged row).
struct CellStart {
    double x;
    bool in_row;
};

std::vector<CellStart> cell_starts(const std::vector<Line>& lines, std::size_t at) {
    std::vector<CellStart> out;
    const Line& head = lines[at];
    const double h = type_size(head);
    for (std::size_t i = at + 1; i < lines.size() && i <= at + 400; ++i) {
        const Line& l = lines[i];
        if (l.x0 < head.x0 - 0.5 * h || std::abs(type_size(l) - h) > 0.3 * h) break;
        for (const auto& s : l.segs)
            if (!bare_row_number(s.text)) out.push_back({s.x0, l.segs.size() >= 2});
    }
    return out;
}

// Where the column of header word c starts. A column of left-aligned text
// starts where most of its lines do (wrapped lines too): a third of the
// starts between the header word before and this one, three at least,
// within a quarter character. A centred column (负责单位, centred in many
// offices' tables, the header word too) has no such edge: the leftmost
// start of a cell in a row of several cells (the widest cell) stands for it.
double column_edge(const std::vector<std::pair<double, double>>& cols, std::size_t c,
                   const std::vector<CellStart>& starts, double h) {
    std::vector<double> xs;
    double widest = cols[c].first;
    for (const auto& s : starts) {
        if (s.x <= cols[c - 1].second + 0.5 * h || s.x > cols[c].first + 0.25 * h) continue;
        xs.push_back(s.x);
        if (s.in_row) widest = std::min(widest, s.x);
    }
    std::sort(xs.begin(), xs.end());
    std::size_t best = 0, from = 0;
    double edge = widest;
    for (std::size_t a = 0, b = 0; a < xs.size(); ++a) {  // xs[a, b): a quarter character wide
        while (b < xs.size() && xs[b] <= xs[a] + 0.25 * h) ++b;
        if (b - a > best) best = b - a, from = a;
    }
    if (best >= 3 && 3 * best >= xs.size()) edge = xs[from];
    return edge;
}

// Where the columns after the first start (column_edge).
std::vector<double> column_edges(const std::vector<Line>& lines, std::size_t at) {
    const auto cols = header_columns(lines[at]);
    const auto starts = cell_starts(lines, at);
    std::vector<double> edges;
    for (std::size_t c = 1; c < cols.size(); ++c) edges.push_back(column_edge(cols, c, starts, type_size(lines[at])));
    return edges;
}

}  // namespace

namespace {

// Lines i.. that make one header: up to three lines of header words right
// below each other (a spanning name may stand alone on the top line, the
// names beside it centred half a line lower), one of them two words at
// least. Returns the index of the last, i when there is none.
std::size_t header_band(const std::vector<Line>& lines, std::size_t i) {
    std::size_t j = i, full = header_words_of(lines[i]).empty() ? 0 : 1;
    if (header_words_of(lines[i], 1).empty()) return i;
    while (j + 1 < lines.size() && j < i + 2) {
        const Line &a = lines[j], &b = lines[j + 1];
        const double h = type_size(a);
        if (b.page != a.page || b.y0 - a.y1 > 0.5 * h || std::abs(type_size(b) - h) > 0.2 * h ||
            header_words_of(b, 1).empty())
            break;
        full += !header_words_of(b).empty();
        ++j;
    }
    return full > 0 ? j : i;
}

}  // namespace

void merge_header_rows(std::vector<Line>& lines) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::size_t j = header_band(lines, i);
        if (j == i) continue;
        // Every name of the band, cut apart, with its line.
        std::vector<std::pair<Segment, std::size_t>> names;
        for (std::size_t k = i; k <= j; ++k) {
            Line copy = lines[k];
            cut_header(copy, header_words_of(copy, 1));
            for (auto& s : copy.segs) names.emplace_back(std::move(s), k);
        }
        // A name over a name of a lower line spans sub-columns: they replace it.
        std::vector<Segment> kept;
        for (const auto& [s, k] : names) {
            bool spans = false;
            for (const auto& [t, m] : names) spans |= m > k && t.x0 < s.x1 && t.x1 > s.x0;
            if (!spans) kept.push_back(s);
        }
        std::sort(kept.begin(), kept.end(), [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
        Line& head = lines[i];
        for (std::size_t k = i + 1; k <= j; ++k) {
            head.x0 = std::min(head.x0, lines[k].x0), head.x1 = std::max(head.x1, lines[k].x1);
            head.y1 = std::max(head.y1, lines[k].y1);
        }
        head.segs = std::move(kept);
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i + 1), lines.begin() + static_cast<std::ptrdiff_t>(j + 1));
    }
}

void split_at_columns(std::vector<Line>& lines) {
    std::vector<double> edges;  // where the columns after the first start
    double left = 0, height = 0;  // the header row's left edge and character height
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        auto words = header_words_of(l);
        if (!words.empty()) {
            cut_header(l, words);
            edges = column_edges(lines, i);
            left = l.x0;
            height = type_size(l);
            continue;
        }
        if (edges.empty()) continue;
        // Left of the header row, or type of another size: the table has ended.
        if (l.x0 < left - 0.5 * type_size(l) || std::abs(type_size(l) - height) > 0.3 * height) {
            edges.clear();
            continue;
        }
        std::vector<Segment> segs;
        for (const auto& s : l.segs)
            for (auto& piece : cut_segment(s, edges, type_size(l))) segs.push_back(std::move(piece));
        l.segs = std::move(segs);
    }
}

}  // namespace qingdan::pdf
