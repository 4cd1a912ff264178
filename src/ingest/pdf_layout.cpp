// PDF lines -> text: page furniture dropped, prose lines joined into their
// paragraphs, and tables rebuilt from glyph positions — columns from the
// x-extents of the cells over the rows, a row starting where the first
// column gets text, wrapped cell lines joined inside their cell.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "pdf_lines.hpp"
#include "ustr.hpp"

using namespace std::string_view_literals;

namespace qingdan::pdf {

namespace {

std::string line_text(const Line& l) {
    std::string s;
    for (const auto& seg : l.segs) {
        if (!s.empty()) s += ' ';
        s += seg.text;
    }
    return s;
}

// Digits folded, spaces removed: "第 3 页" and "第 4 页" compare equal.
std::string furniture_key(const Line& l) {
    std::string k;
    for (char c : line_text(l))
        if (c >= '0' && c <= '9') {
            if (k.empty() || k.back() != '#') k += '#';
        } else if (c != ' ') {
            k += c;
        }
    return k;
}

bool page_number_like(std::string_view key) {
    static const std::set<std::string_view> shapes = {"#", "-#-", "—#—", "–#–", "第#页", "#/#", "第#页共#页",
                                                      "第#页/共#页", "Page#", "page#", "Page#of#", "－#－"};
    return shapes.count(key) > 0;
}

}  // namespace

void drop_furniture(std::vector<Page>& pages) {
    // Candidates: the first and last two lines of each page within its top or bottom 12 %.
    std::map<std::string, int> seen;  // key -> pages it appears on
    auto band = [](const Page& p, const Line& l) { return l.y1 < 0.12 * p.height || l.y0 > 0.88 * p.height; };
    for (const auto& p : pages) {
        std::set<std::string> keys;
        for (std::size_t i = 0; i < p.lines.size(); ++i)
            if ((i < 2 || i + 2 >= p.lines.size()) && band(p, p.lines[i])) keys.insert(furniture_key(p.lines[i]));
        for (const auto& k : keys) ++seen[k];
    }
    int repeat = std::max<int>(2, static_cast<int>(pages.size() + 1) / 2);
    for (auto& p : pages) {
        std::vector<Line> kept;
        for (std::size_t i = 0; i < p.lines.size(); ++i) {
            const Line& l = p.lines[i];
            bool edge = (i < 2 || i + 2 >= p.lines.size()) && band(p, l);
            std::string k = furniture_key(l);
            if (edge && (page_number_like(k) || (pages.size() >= 2 && seen[k] >= repeat))) continue;
            kept.push_back(l);
        }
        p.lines = std::move(kept);
    }
}

namespace {

// Column intervals of a table block: the union of overlapping cell extents.
std::vector<std::pair<double, double>> columns_of(const std::vector<const Line*>& multi) {
    std::vector<std::pair<double, double>> iv;
    for (const Line* l : multi)
        for (const auto& s : l->segs) iv.push_back({s.x0, s.x1});
    std::sort(iv.begin(), iv.end());
    std::vector<std::pair<double, double>> cols;
    for (auto& [a, b] : iv) {
        if (!cols.empty() && a <= cols.back().second + 2) cols.back().second = std::max(cols.back().second, b);
        else cols.push_back({a, b});
    }
    return cols;
}

// The columns of a table block as its rows arrive. With a header row (the
// block's first line naming its columns), one column per header word, each
// the hull of the cell extents that belong to it: an extent overlapping a
// header word is its column's (a centred header lies over its cells); one
// that overlaps none belongs to the nearest header starting left of it (a
// row number right-aligned under a left-aligned 序号). Without one, the
// union of overlapping cell extents.
class Columns {
public:
    explicit Columns(const Line& first) : header_(header_columns(first)) {
        if (header_.size() != first.segs.size()) header_.clear();
        hulls_ = header_;
        add(first);
    }

    void add(const Line& l) {
        if (header_.empty()) {
            multi_.push_back(&l);
            cols_ = columns_of(multi_);
            return;
        }
        for (const auto& s : l.segs) {
            std::size_t col = 0;
            bool over = false;
            for (std::size_t c = 0; c < header_.size() && !over; ++c) {
                if (s.x0 <= header_[c].second && s.x1 >= header_[c].first) col = c, over = true;
                else if (header_[c].first <= s.x0) col = c;
            }
            hulls_[col].first = std::min(hulls_[col].first, s.x0);
            hulls_[col].second = std::max(hulls_[col].second, s.x1);
        }
        // A cell line running into the next column (text printed over the
        // padding) must not make its column swallow the next one.
        cols_ = hulls_;
        for (std::size_t c = 0; c + 1 < cols_.size(); ++c) cols_[c].second = std::min(cols_[c].second, cols_[c + 1].first);
    }

    const std::vector<std::pair<double, double>>& get() const { return cols_; }

private:
    std::vector<std::pair<double, double>> header_, hulls_, cols_;
    std::vector<const Line*> multi_;
};

int column_at(const std::vector<std::pair<double, double>>& cols, double x0, double x1) {
    double mid = (x0 + x1) / 2;
    for (double slack : {0.0, 2.0})  // inside a column first, then within 2 pt of one
        for (std::size_t c = 0; c < cols.size(); ++c)
            if (mid >= cols[c].first - slack && mid <= cols[c].second + slack) return static_cast<int>(c);
    // between columns: the nearest start to the left
    int best = 0;
    for (std::size_t c = 0; c < cols.size(); ++c)
        if (cols[c].first <= x0 + 2) best = static_cast<int>(c);
    return best;
}

struct Table {
    std::size_t first = 0, last = 0;  // line indexes, inclusive
};

// One line centred over the table (its middle within three character
// heights of the middle of the columns' span, its ends inside the span): a
// section row merged across the table and centred in it (二、主要任务 over
// 序号 | 重点任务 | 负责单位). Centred header words give the span only
// roughly, hence the wide margin.
bool centred_on(const std::vector<std::pair<double, double>>& cols, const Line& l) {
    if (cols.size() < 2 || l.segs.empty()) return false;
    const double h = l.height(), a = cols.front().first, b = cols.back().second;
    return l.x0 >= a - h && l.x1 <= b + h && std::abs((l.x0 + l.x1) / 2 - (a + b) / 2) <= 3 * h;
}

// Table blocks: from a line of several cells to the last such line with the
// same columns, the single lines in between being wrapped cell lines or rows
// merged across the table; continuation lines after the last one that stay
// inside a column other than the first belong to the last row.
std::vector<Table> find_tables(const std::vector<const Line*>& lines);

// Against the columns seen so far: `l` fits when at least two of its
// segments overlap a known column (a row of the same table).
bool same_columns(const std::vector<std::pair<double, double>>& cols, const Line& l) {
    int hits = 0;
    for (const auto& s : l.segs)
        for (const auto& [a, b] : cols)
            if (s.x0 <= b + 2 && s.x1 >= a - 2) {
                ++hits;
                break;
            }
    return hits >= 2;
}

// A single line inside one column other than the first: a wrapped cell
// line. It starts at most a character left of the column and ends before
// the next; or, the column known only by its centred header word (whose
// ends are not the column's), it overlaps that word and none beside it.
bool in_inner_column(const std::vector<std::pair<double, double>>& cols, const Line& l) {
    double h = l.height();
    auto overlaps = [&](std::size_t c) { return c < cols.size() && l.x0 <= cols[c].second && l.x1 >= cols[c].first; };
    for (std::size_t c = 1; c < cols.size(); ++c) {
        double right = c + 1 < cols.size() ? cols[c + 1].first : 1e9;
        if (l.x0 >= cols[c].first - h && l.x1 <= right) return true;
        if (overlaps(c) && !overlaps(c - 1) && !overlaps(c + 1)) return true;
    }
    return false;
}

class TableWriter {
public:
    TableWriter(const std::vector<const Line*>& lines, const Table& t, Extracted& out) : out_(out) {
        std::vector<const Line*> multi;
        for (std::size_t i = t.first; i <= t.last; ++i)
            if (lines[i]->segs.size() >= 2) multi.push_back(lines[i]);
        Columns cols(*multi.front());
        for (std::size_t k = 1; k < multi.size(); ++k) cols.add(*multi[k]);
        cols_ = cols.get();
        find_left_aligned(lines, t);
        std::vector<std::size_t> bytes(cols_.size());
        for (std::size_t i = t.first; i <= t.last; ++i)
            for (const auto& sg : lines[i]->segs) bytes[static_cast<std::size_t>(column_at(cols_, sg.x0, sg.x1))] += sg.text.size();
        widest_ = static_cast<std::size_t>(std::max_element(bytes.begin(), bytes.end()) - bytes.begin());
        TableBlock block;
        for (std::size_t i = t.first; i <= t.last; ++i) {
            const Line& l = *lines[i];
            block.lines.push_back(&l);
            block.merged.push_back(i > t.first && merged_row(l));
            block.number.push_back(block.merged.back() ? nullptr : in_first_column(l));
        }
        if (numbers_centred(block)) starts_ = centred_row_starts(block);
        out_.open_table();
        for (std::size_t k = 0; k < block.lines.size(); ++k) add(*block.lines[k], k);
        flush();
        out_.close_table();
    }

private:
    Extracted& out_;
    std::vector<std::pair<double, double>> cols_;
    std::vector<std::string> cells_, header_;
    int row_no_ = 0, page_ = 0;
    std::vector<bool> left_aligned_;  // per column: its text starts at its left edge
    std::vector<bool> starts_;  // lines that start a row, where the row numbers are centred
    std::size_t widest_ = 0;    // the task text's column: the one holding the most text

    // Per column: do most of its cell lines start at the column's left edge
    // (task text), or are they centred or right-aligned (序号, units)?
    void find_left_aligned(const std::vector<const Line*>& lines, const Table& t) {
        std::vector<int> at_edge(cols_.size()), all(cols_.size());
        for (std::size_t i = t.first + 1; i <= t.last; ++i)
            for (const auto& s : lines[i]->segs) {
                const auto c = static_cast<std::size_t>(column_at(cols_, s.x0, s.x1));
                ++all[c];
                at_edge[c] += std::abs(s.x0 - cols_[c].first) <= 0.5 * lines[i]->height();
            }
        left_aligned_.assign(cols_.size(), false);
        for (std::size_t c = 0; c < cols_.size(); ++c) left_aligned_[c] = 5 * at_edge[c] >= 3 * all[c] && all[c] > 0;
    }

    // A row merged across the table: one segment starting in the first
    // column and reaching past it, or one centred over the table inside a
    // column whose text is left-aligned, away from both of that column's
    // edges (an indented first line of a cell still reaches the right one).
    bool merged_row(const Line& l) const {
        if (l.segs.empty() || cols_.size() < 2) return false;
        const auto c = static_cast<std::size_t>(column_at(cols_, l.x0, l.x0));
        // (A cell line of the second column starts on the edge the first ends at.)
        if (c == 0)
            return l.segs.size() == 1 && l.x1 > cols_[1].first && l.x0 < cols_[1].first - 0.25 * l.height();
        // A centred one may keep the wide space after its label: (二)  突出主责主业.
        const double h = l.height();
        return centred_on(cols_, l) && left_aligned_[c] && l.x0 > cols_[c].first + 0.5 * h &&
               l.x1 < cols_[c].second - 0.5 * h;
    }

    // The segment of `l` in the first column (a row number), or null.
    const Segment* in_first_column(const Line& l) const {
        for (const auto& s : l.segs)
            if (column_at(cols_, s.x0, s.x1) == 0) return &s;
        return nullptr;
    }

    void flush() {
        if (cells_.empty()) return;
        ++row_no_;
        if (header_.empty()) header_ = cells_;
        else if (cells_ == header_) {  // the header repeated on a new page
            cells_.clear();
            return;
        }
        out_.row(cells_, {.page = page_, .row = row_no_});
        cells_.clear();
    }

    // Line k of the block. A row starts where the number column gets text,
    // or where centred numbers put its start (starts_).
    void add(const Line& l, std::size_t k) {
        if (cols_.size() < 2) return;
        if (k > 0 && merged_row(l)) {
            flush();
            ++row_no_;
            out_.line(line_text(l), {.page = l.page, .row = row_no_});
            return;
        }
        const bool start = starts_.empty() ? in_first_column(l) && !cells_.empty() && !cells_[0].empty() : starts_[k];
        if (cells_.empty() || start) {
            flush();
            cells_.assign(cols_.size(), "");
            page_ = l.page;
        }
        for (const auto& s : l.segs) join_cell(static_cast<std::size_t>(column_at(cols_, s.x0, s.x1)), s.text);
    }

    // A cell line joins its cell as a wrapped line does. Outside the task
    // text (widest_) and the number column, a line that follows a
    // finished item — a unit's name, a time limit — and opens another (a
    // place, a date) starts a measure row of its own under one merged task
    // number (市政务服务局 / 市市场监管局, 2024年6月底前 / 2024年9月底前): set
    // apart with ；, as the units and completion readers split. Chinese
    // line breaking never starts a line with 、, so a list wrapped after a
    // name still ends its line with the 、.
    void join_cell(std::size_t c, const std::string& piece) {
        std::string& cell = cells_[c];
        if (c != 0 && c != widest_ && finished_item(cell) && opens_item(piece)) cell += "；";
        join_piece(cell, piece);
    }

    static bool finished_item(const std::string& t) {
        static constexpr std::string_view kEnds[] = {
#include "cell_item_ends.inc"
        };
        return std::any_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view e) { return ustr::ends_with(t, e); });
    }

    static bool opens_item(std::string_view t) {
        if (!t.empty() && t[0] >= '0' && t[0] <= '9') return true;
        static constexpr std::string_view kOpens[] = {
#include "cell_item_opens.inc"
        };
        return std::any_of(std::begin(kOpens), std::end(kOpens), [&](std::string_view o) { return ustr::starts_with(t, o); });
    }
};

}  // namespace
}  // namespace qingdan::pdf

namespace qingdan::pdf {

namespace {

std::vector<Table> find_tables(const std::vector<const Line*>& lines) {
    std::vector<Table> out;
    std::size_t i = 0, n = lines.size();
    while (i < n) {
        if (lines[i]->segs.size() < 2) {
            ++i;
            continue;
        }
        Columns columns(*lines[i]);
        std::size_t rows = 1, last = i, j = i + 1;
        int headings = 0;  // merged rows in a row: more than three is prose
        for (; j < n; ++j) {
            const Line& l = *lines[j];
            const auto& cols = columns.get();
            if (l.segs.size() >= 2) {
                if (!same_columns(cols, l)) break;
                columns.add(l);
                ++rows;
                last = j;
                headings = 0;
            } else if (!in_inner_column(cols, l)) {
                if ((l.x0 > cols[0].second + l.height() && !centred_on(cols, l)) || ++headings > 3) break;
            }
        }
        if (rows < 2) {
            ++i;
            continue;
        }
        const auto& cols = columns.get();
        while (last + 1 < n && lines[last + 1]->segs.size() == 1 && in_inner_column(cols, *lines[last + 1])) ++last;
        out.push_back({i, last});
        i = last + 1;
    }
    return out;
}

// Prose: a line continues the paragraph above when that one reached the
// right edge of the text and this one is not indented, on the same page or
// across a page break; a label after a closed sentence starts a new one.
class ProseWriter {
public:
    ProseWriter(double left, double right, double gap, Extracted& out)
        : left_(left), right_(right), gap_(gap), out_(out) {}

    void add(const Line& l) {
        std::string t = line_text(l);
        double h = l.height();
        const int number = item_number(t);
        bool joins = prev_ && prev_->x1 >= right_ - 1.5 * h && l.x0 <= left_ + 0.5 * h &&
                     (l.page != prev_->page || l.y0 - prev_->y1 < std::min(1.2 * h, gap_ + 0.5 * h)) &&
                     !new_item(t) && !(number > 0 && number == last_number_ + 1);
        if (!joins) flush();
        if (para_.empty()) {
            page_ = l.page;
            if (number > 0) last_number_ = number;
        }
        join_piece(para_, t);
        prev_ = &l;
    }

    void flush() {
        if (!para_.empty()) out_.line(para_, {.page = page_});
        para_.clear();
        prev_ = nullptr;
    }

private:
    double left_, right_, gap_;
    Extracted& out_;
    std::string para_;
    const Line* prev_ = nullptr;
    int page_ = 0;
    // The number of the last paragraph that opened with `N.`/`N、`: the next
    // number in the sequence starts an item even after a line that filled
    // the width without closing its sentence (a 责任单位 list ending at the
    // margin, then `11.紧盯…`).
    int last_number_ = 0;

    // N of a line opening `N.`, `N．` or `N、` (not `11.5亿元`), else 0.
    static int item_number(std::string_view t) {
        size_t i = 0;
        int n = 0;
        while (i < t.size() && i < 3 && t[i] >= '0' && t[i] <= '9') n = n * 10 + (t[i++] - '0');
        if (i == 0 || i == t.size()) return 0;
        std::string_view rest = t.substr(i);
        size_t mark = rest.starts_with(".") ? 1 : (rest.starts_with("．") || rest.starts_with("、")) ? 3 : 0;
        if (mark == 0 || (mark < rest.size() && rest[mark] >= '0' && rest[mark] <= '9')) return 0;
        return n;
    }

    bool new_item(std::string_view t) const {
        if (para_.empty()) return false;
        // `）` closes a unit clause `（X负责）` ending an item.
        static const std::string_view closers[] = {"。", "：", "；", "！", "？", ":", "）"};
        bool closed = false;
        for (auto c : closers) closed |= ustr::ends_with(para_, c);
        if (!closed) return false;
        static const std::string_view openers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                                   "（", "(", "附件", "——"};
        for (auto o : openers)
            if (ustr::starts_with(t, o)) return true;
        return !t.empty() && t[0] >= '0' && t[0] <= '9';
    }
};

// The text body's left edge (the most common line start) and right edge.
std::pair<double, double> body_edges(const std::vector<const Line*>& lines) {
    std::map<long, int> starts;
    std::vector<double> ends;
    for (const Line* l : lines) {
        ++starts[static_cast<long>(l->x0)];
        ends.push_back(l->x1);
    }
    long left = 0;
    int best = 0;
    for (auto [x, k] : starts)
        if (k > best) best = k, left = x;
    std::sort(ends.begin(), ends.end());
    double right = ends.empty() ? 0 : ends[ends.size() * 9 / 10];
    return {static_cast<double>(left), right};
}

// The body's usual space between two lines of a paragraph: the median gap
// between consecutive lines of a page. A gap half a line wider ends the
// paragraph above (a blank row in a sheet, paragraph spacing).
double line_gap(const std::vector<const Line*>& lines) {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (lines[i]->page == lines[i - 1]->page && lines[i]->y0 > lines[i - 1]->y1)
            gaps.push_back(lines[i]->y0 - lines[i - 1]->y1);
    if (gaps.empty()) return 1e9;
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    return gaps[gaps.size() / 2];
}

}  // namespace

Extracted layout(std::vector<Page> pages) {
    std::vector<Line> all;
    for (auto& p : pages)
        for (auto& l : p.lines) all.push_back(std::move(l));
    merge_header_rows(all);
    split_at_columns(all);
    std::vector<const Line*> lines;
    for (const auto& l : all) lines.push_back(&l);
    Extracted out;
    auto tables = find_tables(lines);
    auto [left, right] = body_edges(lines);
    ProseWriter prose(left, right, line_gap(lines), out);
    std::size_t t = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (t < tables.size() && i == tables[t].first) {
            prose.flush();
            TableWriter(lines, tables[t], out);
            i = tables[t].last;
            ++t;
            continue;
        }
        prose.add(*lines[i]);
    }
    prose.flush();
    return out;
}

}  // namespace qingdan::pdf
