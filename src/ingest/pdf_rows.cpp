// Rows of a PDF table whose row numbers are centred vertically (序号 居中,
// usual in Word and Excel task tables): the lines of a row sit above and
// below its number, so a row cannot start where the number column gets
// text, as it does in a top-aligned table (pdf_layout.cpp).
#include <algorithm>
#include <cmath>

#include "pdf_lines.hpp"
#include "ustr.hpp"

namespace qingdan::pdf {

namespace {

double middle(const Segment& n) { return (n.y0 + n.y1) / 2; }

// A number top-aligned with its row shares the row's first line exactly
// (the same top, within a fifth of the character height). A centred one in
// a row of several lines may sit half a line off: sharing a line with one
// text line, or alone on a line between two.
bool number_off_text(const TableBlock& b, std::size_t i) {
    const Line& l = *b.lines[i];
    const Segment& n = *b.number[i];
    const double h = n.y1 - n.y0;
    double text_top = 1e18;
    for (const auto& s : l.segs)
        if (&s != &n) text_top = std::min(text_top, s.y0);
    if (text_top < 1e18 && std::abs(n.y0 - text_top) > 0.2 * h) return true;
    // Its line squeezed between two text lines (the units beside it centred
    // too): it overlaps a neighbour by a quarter line, as the lines of one
    // row never do (tight line spacing overlaps their boxes a little).
    auto overlaps = [&](std::size_t k) {
        const Line& o = *b.lines[k];
        return o.page == l.page && std::min(o.y1, n.y1) - std::max(o.y0, n.y0) > 0.25 * h;
    };
    return (i > 1 && overlaps(i - 1)) || (i + 1 < b.lines.size() && overlaps(i + 1));
}

// Lines [first, last] of one page between two breaks of the table (its
// header, a merged row, its end: hard; a page break: soft).
struct Run {
    std::size_t first, last;
    bool hard_start, hard_end;
};

std::vector<Run> runs_of(const TableBlock& b) {
    std::vector<Run> out;
    const std::size_t n = b.lines.size();
    for (std::size_t i = 1; i < n;) {
        if (b.merged[i]) {
            ++i;
            continue;
        }
        Run r{i, i, b.merged[i - 1] || i == 1, false};
        while (r.last + 1 < n && !b.merged[r.last + 1] && b.lines[r.last + 1]->page == b.lines[i]->page) ++r.last;
        r.hard_end = r.last + 1 == n || b.merged[r.last + 1];
        out.push_back(r);
        i = r.last + 1;
    }
    return out;
}

// The usual space between two lines of one cell: the median gap between
// consecutive lines of the table on one page.
double median_gap(const TableBlock& b) {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < b.lines.size(); ++i)
        if (b.lines[i]->page == b.lines[i - 1]->page) gaps.push_back(b.lines[i]->y0 - b.lines[i - 1]->y1);
    if (gaps.empty()) return 0;
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    return gaps[gaps.size() / 2];
}

// The line in [lo, hi] that starts a row whose edge is expected at y:
// the one whose gap above is nearest y, unless a row gap (cell padding
// wider than the gap between a cell's lines, as spreadsheets print) lies
// within a line and a half of y — then the nearest such gap. A row's
// number is not always exactly in its middle (the cells' padding differs).
std::size_t snap(const TableBlock& b, std::size_t lo, std::size_t hi, double y, double usual) {
    std::size_t best = lo, best_row_gap = 0;
    double d_best = 1e18, d_row_gap = 1e18;
    for (std::size_t j = lo; j <= hi; ++j) {
        const Line& l = *b.lines[j];
        const Line* above = j > 0 && b.lines[j - 1]->page == l.page ? b.lines[j - 1] : nullptr;
        const double edge = above ? (above->y1 + l.y0) / 2 : l.y0, d = std::abs(edge - y);
        if (d < d_best) d_best = d, best = j;
        if (above && l.y0 - above->y1 >= usual + 0.4 * l.height() && d <= 1.5 * l.height() && d < d_row_gap)
            d_row_gap = d, best_row_gap = j;
    }
    return d_row_gap < 1e18 ? best_row_gap : best;
}

// From a run's known top: each row ends as far below its number as it
// starts above it; the next row starts on the first line below that.
void chain_down(const TableBlock& b, const Run& r, double usual, std::vector<bool>& starts) {
    std::size_t top = r.first;
    for (std::size_t i = r.first; i <= r.last; ++i) {
        if (!b.number[i]) continue;
        starts[top] = true;
        std::size_t next = i + 1;
        while (next <= r.last && !b.number[next]) ++next;
        if (next > r.last) break;  // the last row runs to the end of the run
        const double bottom = 2 * middle(*b.number[i]) - b.lines[top]->y0;
        top = snap(b, i + 1, next, bottom, usual);
        i = top - 1;
    }
}

// From a run's known bottom, the same upwards. Lines above the first row
// found end a row split over the page break above.
void chain_up(const TableBlock& b, const Run& r, double usual, std::vector<bool>& starts) {
    std::size_t bottom = r.last;
    for (std::size_t k = r.last + 1; k-- > r.first;) {
        if (!b.number[k]) continue;
        std::size_t prev = k;
        while (prev > r.first && !b.number[prev - 1]) --prev;  // the first line after the number above
        const double top = 2 * middle(*b.number[k]) - b.lines[bottom]->y1;
        const std::size_t i = snap(b, prev, k, top, usual);
        starts[i] = true;
        if (i == r.first) break;
        bottom = i - 1;
        k = i;
    }
}

// Does the line's longest segment (the task text, not a units cell beside
// it) end a sentence?
bool ends_sentence(const Line& l) {
    static constexpr std::string_view kClosers[] = {"。", "；", "！", "？", "）", ")", ";"};
    const std::string& t = std::max_element(l.segs.begin(), l.segs.end(), [](const Segment& a, const Segment& b) {
                               return a.glyphs.size() < b.glyphs.size();
                           })->text;
    return std::any_of(std::begin(kClosers), std::end(kClosers), [&](std::string_view c) { return ustr::ends_with(t, c); });
}

}  // namespace

bool numbers_centred(const TableBlock& b) {
    int off = 0, numbers = 0, centred = 0, top = 0;
    for (const Run& r : runs_of(b)) {
        std::size_t above = 0, below = 0, seen = 0;
        for (std::size_t i = r.first; i <= r.last; ++i) {
            if (!b.number[i]) {
                ++(seen == 0 ? above : below);
                continue;
            }
            ++numbers, ++seen, below = 0;
            off += number_off_text(b, i);
        }
        // Only a run that opens a section (after the header or a merged row) shows
        // where its first row starts.
        if (r.hard_start && seen > 0 && above > 0) ++centred;
        else if (r.hard_start && seen > 0 && below > 0 && r.hard_end) ++top;
    }
    return (off >= 2 && 5 * off >= numbers) || (centred >= 2 && centred > top);
}

std::vector<bool> centred_row_starts(const TableBlock& b) {
    std::vector<bool> starts(b.lines.size(), false);
    if (!b.lines.empty()) starts[0] = true;
    const double usual = median_gap(b);
    for (const Run& r : runs_of(b)) {
        // A run that opens on a new page may first finish a row the page
        // break split (word processors split rows, spreadsheets do not):
        // when the text before the break stopped mid-sentence, the run's
        // end, if known, fixes its rows instead.
        const bool down = r.hard_start || !r.hard_end || ends_sentence(*b.lines[r.first - 1]);
        if (down) chain_down(b, r, usual, starts);
        else chain_up(b, r, usual, starts);
    }
    return starts;
}

}  // namespace qingdan::pdf
