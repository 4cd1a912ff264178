// The column-table model: task tables whose header row names the columns
// (序号 | 重点任务 | 主要内容 | 牵头单位 | 配合单位 | 完成时限 …), as provincial,
// city and county task lists print them. A `model = table` grammar that
// declares the `column_*` vocabulary is read here (segment.cpp dispatches);
// roles and cell shapes are in column_table.cpp.
//
// Rows arrive in the forms text extraction leaves (normalise has already
// made bar- and space-separated rows tab-separated, see pipe_table.hpp):
//  - tabbed: one table row per line, cells at tabs; a line without a row
//    number continues the row (a wrapped cell: its cells at their columns);
//  - a stream of cells: the header's names one per line, then every cell on
//    a line of its own (a flattened web table), or header and rows flattened
//    onto one line. Cells between two row numbers are laid onto the columns
//    by their shapes (a missing cell shifts nothing); a table without a 序号
//    column starts a row when a cell fits a column left of the last one;
//  - cards: one task per block of `label` / value lines (任务编号:80,
//    重点工作 | …, 完成时限 | …), read in segment_cards.cpp.
// A header repeated at a page break is skipped; a bare number that cannot be
// the next row's is a page number; a page that starts mid-table (no header)
// is read by analogy: the columns are inferred from the rows' shapes.
#include <optional>
#include <string>
#include <vector>

#include "column_table.hpp"
#include "section_builder.hpp"
#include "segmenters.hpp"

namespace qingdan {
namespace {

std::vector<std::string> split_tabs(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t t; (t = s.find('\t', start)) != std::string::npos; start = t + 1)
        out.push_back(ustr::trim(s.substr(start, t - start)));
    out.push_back(ustr::trim(s.substr(start)));
    return out;
}

std::vector<std::string> split_spaces(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        size_t e = s.find(' ', i);
        if (e == std::string::npos) e = s.size();
        if (e > i) out.push_back(s.substr(i, e - i));
        i = e;
    }
    return out;
}

bool units_role(Col c) { return c == Col::Units || c == Col::Lead || c == Col::Support; }

class ColumnSegmenter {
public:
    ColumnSegmenter(const Grammar& g, Skeleton& sk, Builder& b) : g_(g), sk_(sk), b_(b), vocab_(g) {}

    void run(const std::vector<Line>& lines) {
        sk_.cover = read_cover(lines, g_);
        size_t i = find_header(lines);
        if (cols_.empty()) {
            if (infer_columns(lines)) {
                i = sk_.cover.body_start;
            } else {
                if (segment_cards(lines, g_, sk_, b_)) return b_.finish();
                sk_.diagnostics.push_back({"warning", "no-table-header", 0, "no table header row (序号 | 任务 | 责任单位 …) found"});
                return;
            }
        }
        rows(lines, i);
        b_.finish();
    }

    // The rows of a table the ingest stage delivered (segment_mixed), from
    // its header row on, read into the builder the prose around it uses.
    // False when rows[0] is no header row.
    bool table(const std::vector<Line>& lines) {
        auto h = lines.empty() ? std::nullopt : header_at(lines, 0);
        if (!h || h->stream || !h->rest.empty()) return false;
        cols_ = h->cols;
        delivered_ = true;
        rows(lines, h->lines);
        return true;
    }

private:
    void rows(const std::vector<Line>& lines, size_t i) {
        const Pattern* skip = g_.pattern("skip_line");
        if (!stream_) find_outline_depth(lines, i);
        for (; i < lines.size(); ++i) {
            if (skip && skip->matches(lines[i].text)) continue;
            if (auto h = header_at(lines, i); h && h->cols.size() == cols_.size()) {
                i += h->lines - 1;  // the header repeated at a page break
                continue;
            }
            if (stream_) {
                for (const auto& c : split_tabs(lines[i].text)) stream_cell(c, lines[i]);
            } else {
                tabbed_line(lines[i]);
            }
        }
        close_row();
    }

    struct Header {
        std::vector<Col> cols;
        bool stream = false;
        size_t lines = 1;               // physical lines it takes
        std::vector<std::string> rest;  // cells after it on its line (flattened rows)
    };

    // The first header row; the cover took a column name for the title when
    // the header opens the text. Returns the line after it.
    size_t find_header(const std::vector<Line>& lines) {
        for (size_t i = 0; i < lines.size(); ++i) {
            auto h = header_at(lines, i);
            if (!h) continue;
            cols_ = h->cols;
            stream_ = h->stream || !h->rest.empty();
            const auto& title = sk_.cover.title;
            if (title && (vocab_.role_of(*title) || *title == lines[i].text)) sk_.cover.title.reset();
            for (const auto& c : h->rest) stream_cell(c, lines[i]);
            return i + h->lines;
        }
        return lines.size();
    }

    // The header row at line i: its cells on one line (tabs, or single
    // spaces as PDF text prints them, or closed up), maybe followed by the
    // rows flattened onto the same line; or one name per line.
    std::optional<Header> header_at(const std::vector<Line>& lines, size_t i) const {
        const std::string& t = lines[i].text;
        std::vector<std::string> cells = t.find('\t') != std::string::npos ? split_tabs(t) : split_spaces(t);
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        if (cells.size() >= 2) {
            if (ustr::length(t) <= 80)
                if (auto cols = vocab_.header(cells); !cols.empty()) return Header{cols, false, 1, {}};
            // Header and rows flattened onto one line: the names, then a
            // row number opening the rows.
            size_t k = 0;
            while (k < cells.size() && vocab_.role_of(cells[k])) ++k;
            if (k == cells.size() || !vocab_.row_number(cells[k])) return std::nullopt;
            auto cols = vocab_.header({cells.begin(), cells.begin() + k});
            if (cols.empty()) return std::nullopt;
            return Header{cols, false, 1, {cells.begin() + k, cells.end()}};
        }
        if (auto glued = split_glued(t); glued.size() >= 2) {
            auto cols = vocab_.header(glued);
            if (!cols.empty()) return Header{cols, false, 1, {}};
            return std::nullopt;
        }
        return stacked_header(lines, i);
    }

    // Names one per line up to the first row number or long line.
    std::optional<Header> stacked_header(const std::vector<Line>& lines, size_t i) const {
        if (!vocab_.role_of(lines[i].text)) return std::nullopt;
        std::vector<std::string> names;
        size_t j = i;
        for (; j < lines.size() && names.size() < 16; ++j) {
            const std::string& n = lines[j].text;
            if (vocab_.row_number(n) || ustr::length(n) > 12 || n.find('\t') != std::string::npos) break;
            if (!vocab_.role_of(n) && vocab_.shape(n) != Shape::Short) break;
            names.push_back(n);
        }
        // Trailing unknown names are the first row's cells, not columns.
        while (!names.empty() && !vocab_.role_of(names.back())) names.pop_back();
        auto cols = vocab_.header(names);
        if (cols.empty()) return std::nullopt;
        return Header{cols, true, names.size(), {}};
    }

    // A header whose single spaces normalisation closed up
    // (`序号工作重点工作内容责任部门`): the longest column name at each
    // position; empty unless the whole line is made of them.
    std::vector<std::string> split_glued(const std::string& t) const {
        constexpr size_t kLongestName = 10;  // code points
        if (ustr::length(t) > 6 * kLongestName) return {};
        std::vector<size_t> ends;  // code point boundaries
        for (size_t i = 0; i < t.size();) {
            ustr::next(t, i);
            ends.push_back(i);
        }
        std::vector<std::string> names;
        size_t from = 0, k = 0;  // ends[k] is the first boundary after `from`
        while (from < t.size()) {
            size_t best = 0;
            for (size_t e = k; e < ends.size() && e < k + kLongestName; ++e)
                if (vocab_.role_of(t.substr(from, ends[e] - from))) best = e + 1;
            if (best == 0) return {};
            names.push_back(t.substr(from, ends[best - 1] - from));
            from = ends[best - 1];
            k = best;
        }
        return names;
    }

    // A page that starts mid-table: tabbed rows opened by a number, no
    // header. Each column's role is read from the shapes of its cells in
    // the first rows (the first text column is the task, units-shaped
    // columns responsible, dates completion, names persons).
    bool infer_columns(const std::vector<Line>& lines) {
        std::vector<std::vector<std::string>> rows;
        for (size_t i = sk_.cover.body_start; i < lines.size() && rows.size() < 6; ++i) {
            auto cells = split_tabs(lines[i].text);
            if (cells.size() >= 3 && vocab_.row_number(cells[0])) rows.push_back(std::move(cells));
        }
        if (rows.size() < 2) return false;
        size_t width = 0;
        for (const auto& r : rows) width = std::max(width, r.size());
        cols_.assign(width, Col::Ignore);
        cols_[0] = Col::Number;
        bool task = false;
        for (size_t c = 1; c < width; ++c) {
            int votes[7] = {};
            for (const auto& r : rows)
                if (c < r.size()) ++votes[static_cast<int>(vocab_.shape(r[c]))];
            auto most = [&](Shape s) { return votes[static_cast<int>(s)] * 2 > static_cast<int>(rows.size()); };
            if (most(Shape::Units)) cols_[c] = Col::Units;
            else if (most(Shape::Completion)) cols_[c] = Col::Completion;
            else if (most(Shape::Person)) cols_[c] = Col::Person;
            else if (!task && (most(Shape::Text) || most(Shape::Short))) cols_[c] = Col::Measure, task = true;
        }
        if (!task) return cols_.clear(), false;
        sk_.diagnostics.push_back({"info", "no-table-header", lines.empty() ? 0 : lines.front().line_start,
                                   "no table header row: columns read from the rows' shapes"});
        return true;
    }

    // ---- rows --------------------------------------------------------------

    // A heading row: `一、完善制度` / `（一）…`. True when handled.
    bool heading(const Line& l, const std::string& text) {
        for (const char* key : {"level1", "level2"}) {
            const Pattern* p = g_.pattern(key);
            auto m = p ? p->find(text) : std::nullopt;
            if (!m) continue;
            close_row();
            Line h{text, l.line_start, l.line_end};
            if (std::string(key) == "level1") b_.open_part(h, *m);
            else b_.open_section2(h, *m);
            last_number_ = 0;  // numbering may restart in each section
            return true;
        }
        return false;
    }

    // The 1-based column of the row's task text: the first title or
    // measure column holding text.
    std::optional<int> text_column() const {
        for (size_t c = 0; c < cols_.size(); ++c) {
            const Col m = meaning(cols_, c);
            if ((m == Col::Title || m == Col::Measure) && !texts_[c].empty()) return static_cast<int>(c) + 1;
        }
        return std::nullopt;
    }

    size_t number_index() const {
        for (size_t c = 0; c < cols_.size(); ++c)
            if (cols_[c] == Col::Number) return c;
        return cols_.size();
    }

    // The column whose filled cell opens a row of a table without 序号.
    size_t opener_index() const {
        size_t c = 0;
        while (c < cols_.size() && cols_[c] == Col::Category) ++c;
        return c;
    }

    // Where a wrapped line without a column of its own goes: the main text
    // column (the first measure column, else the first title column).
    size_t wrap_index() const {
        for (Col want : {Col::Measure, Col::Title})
            for (size_t c = 0; c < cols_.size(); ++c)
                if (meaning(cols_, c) == want) return c;
        return 0;
    }

    // A row number: the first, the next few (rows of an excerpt may skip),
    // or 1 again (numbering restarts). Any other bare number between rows is
    // a page number.
    bool next_number(int n) const { return last_number_ == 0 || n == 1 || (n > last_number_ && n <= last_number_ + 3); }

    void open_row(const Line& l, const std::string& label, int number) {
        close_row();
        RawItem& it = b_.open_item(l);
        it.table_row = true;
        if (!label.empty()) {
            it.label = label;
            it.printed = number;
            last_number_ = number;
        }
        texts_.assign(cols_.size(), {});
        stack_.clear();
        open_ = true;
    }

    void append(size_t c, const std::string& t, const Line& l) {
        if (t.empty() || c >= cols_.size()) return;
        std::string& dst = texts_[c];
        // Unit cells keep the break: the gazetteer repairs a name only where
        // the printed text was cut.
        if (!dst.empty() && units_role(cols_[c])) dst += '\n';
        dst += cols_[c] == Col::Completion ? distinct_parts(t) : t;
        b_.extend(l.line_end);
    }

    // A completion cell of several measure rows (a PDF sets them apart with
    // ；): the same limit on every row is one limit.
    static std::string distinct_parts(const std::string& t) {
        if (t.find("；") == std::string::npos) return t;
        std::string out;
        for (size_t b = 0;;) {
            const size_t e = std::min(t.find("；", b), t.size());
            const std::string part = t.substr(b, e - b);
            if (!has_part(out, part)) out += (out.empty() ? "" : "；") + part;
            if (e == t.size()) return out;
            b = e + std::string_view("；").size();
        }
    }

    void tabbed_line(const Line& l) {
        std::vector<std::string> cells = split_tabs(l.text);
        const size_t ni = number_index();
        if (cells.size() == 1) {
            if (heading(l, cells[0])) return;
            if (auto n = vocab_.row_number(cells[0]); n && !next_number(*n)) return page_number(l);
            if (open_) append(wrap_index(), cells[0], l);
            else outside(l);
            return;
        }
        std::optional<int> n = ni < cells.size() ? vocab_.row_number(cells[ni]) : std::nullopt;
        if (n && outline_heading(l, cells, ni)) return;
        // A table without a 序号 column: a filled first cell opens a row —
        // the first after a category column, whose merged cell is printed
        // on its group's first row only (类别 | 任务内容 | 责任单位).
        const size_t first = opener_index();
        bool opens = n || (ni == cols_.size() && first < cells.size() && !cells[first].empty());
        bool rest_empty = std::all_of(cells.begin() + 1, cells.end(), [](const std::string& c) { return c.empty(); });
        if (!opens && rest_empty && heading(l, cells[0])) return;
        if (n && sub_row(cells, ni, *n)) {
            for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c)
                if (c != ni && cols_[c] != Col::Category && !repeats(c, cells[c])) append_part(c, cells[c], l);
            return;
        }
        if (opens) {
            category(l, cells);
            open_row(l, n ? cells[ni] : std::string(), n.value_or(0));
        }
        if (!open_) return outside(l);
        // A delivered table's line is a whole row (or a cell's paragraph):
        // a second completion in it is one of its own, not a wrapped line.
        const bool own = delivered_ && !opens;
        for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c)
            if (c != ni && cols_[c] != Col::Category) own ? append_part(c, cells[c], l) : append(c, cells[c], l);
    }

    // A table numbered as a decimal outline (1 | 优化营商环境, then 1.1 |
    // 深化… | 市政务服务局): the deepest numbers are its tasks, a row with a
    // shallower number heads their group — a part (1), a section (1.1 over
    // 1.1.1) — named by its text.
    bool outline_heading(const Line& l, const std::vector<std::string>& cells, size_t ni) {
        const size_t d = vocab_.depth(cells[ni]);
        if (outline_depth_ < 2 || d == 0 || d >= outline_depth_) return false;
        std::string title;
        for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c)
            if (c != ni && (meaning(cols_, c) == Col::Title || meaning(cols_, c) == Col::Measure)) title += cells[c];
        close_row();
        b_.open_decimal(l, ustr::trim(cells[ni]), ustr::trim(title), d == 1 ? 1 : 2);
        last_number_ = 0;
        return true;
    }

    // The depth of a table's deepest row numbers when two rows or more
    // carry a dotted one (a decimal outline), else 0.
    void find_outline_depth(const std::vector<Line>& lines, size_t from) {
        const size_t ni = number_index();
        size_t dotted = 0, deepest = 0;
        for (size_t i = from; i < lines.size() && ni < cols_.size(); ++i) {
            auto cells = split_tabs(lines[i].text);
            const size_t d = ni < cells.size() ? vocab_.depth(cells[ni]) : 0;
            dotted += d >= 2;
            deepest = std::max(deepest, d);
        }
        outline_depth_ = dotted >= 2 ? deepest : 0;
    }

    // A task of several measures, each a row of its own, its 序号 and task
    // name merged down beside them: Word and Excel repeat a merged cell's
    // value on every row it covers, so the next row shows the open row's
    // number and name again. It is the same task, not a duplicate.
    bool sub_row(const std::vector<std::string>& cells, size_t ni, int n) const {
        if (!open_ || n != last_number_ || ni >= cells.size()) return false;
        bool named = false;
        for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c)
            if (cols_[c] == Col::Title && !cells[c].empty()) {
                if (!repeats(c, cells[c])) return false;
                named = true;
            }
        return named;
    }

    // The cell repeats what the open row already holds in its column.
    bool repeats(size_t c, const std::string& t) const { return c < texts_.size() && !t.empty() && texts_[c] == t; }

    // A measure row's cell added to its task: a completion of its own is set
    // apart (both dates count), units start a line as usual.
    void append_part(size_t c, const std::string& t, const Line& l) {
        if (!t.empty() && c < cols_.size() && cols_[c] == Col::Completion && !texts_[c].empty()) {
            if (has_part(texts_[c], t)) return;  // the same time limit again (年底前 on every measure)
            texts_[c] += "；";
        }
        append(c, t, l);
    }

    static bool has_part(const std::string& joined, const std::string& part) {
        for (size_t b = 0;;) {
            const size_t e = std::min(joined.find("；", b), joined.size());
            if (joined.compare(b, e - b, part) == 0) return true;
            if (e == joined.size()) return false;
            b = e + std::string_view("；").size();
        }
    }

    // A row's category cell (类别, 领域) opens the section its rows belong
    // to: a heading as printed (一、优化营商环境) or a part named by it; an
    // empty cell (merged over the rows of its group) keeps the current one.
    // A PDF cuts a merged cell centred over its rows at the row edges
    // (一、优化营 | 商环境): text without a label right under a category that
    // has one, on the next row, ends that category's name.
    void category(const Line& l, const std::vector<std::string>& cells) {
        for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c) {
            if (cols_[c] != Col::Category) continue;
            const std::string name = ustr::squeeze(cells[c]);
            if (name.empty() || name == category_) {
                category_rows_ += !name.empty() || category_rows_ > 0;
                continue;
            }
            const bool labelled = is_heading(name);
            if (!labelled && category_labelled_ && category_rows_ == 1) {
                b_.extend_part_title(name);
                category_ += name;
                ++category_rows_;
                continue;
            }
            category_ = name, category_labelled_ = labelled, category_rows_ = 1;
            if (!heading(l, name)) {
                close_row();
                b_.open_named_part(Line{name, l.line_start, l.line_end}, name);
                last_number_ = 0;
            }
        }
    }

    bool is_heading(const std::string& text) const {
        for (const char* key : {"level1", "level2"})
            if (const Pattern* p = g_.pattern(key); p && p->find(text)) return true;
        return false;
    }

    // One cell at a time: collect the row's cells, lay them out at its end.
    void stream_cell(const std::string& t, const Line& l) {
        if (t.empty()) return;
        const size_t ni = number_index();
        if (auto n = vocab_.row_number(t); n && ni < cols_.size()) {
            if (next_number(*n)) return open_row(l, t, *n);
            return page_number(l);
        }
        if ((!open_ || !stack_.empty()) && heading(l, t)) return;
        // Without row numbers a row ends where a cell fits a column left of
        // the last cell's (a new row's task after the last row's units).
        if (ni == cols_.size()) {
            size_t col = best_column(t);
            if (!open_ || (!stack_.empty() && col <= last_col_)) open_row(l, std::string(), 0);
            last_col_ = col;
        }
        if (!open_) return outside(l);
        stack_.push_back({t, l.line_start, l.line_end});
        b_.extend(l.line_end);
    }

    size_t best_column(const std::string& t) const {
        Shape s = vocab_.shape(t);
        size_t best = 0;
        double score = -1e9;
        for (size_t c = 0; c < cols_.size(); ++c)
            if (cols_[c] != Col::Number && fit(meaning(cols_, c), s) > score) score = fit(meaning(cols_, c), s), best = c;
        return best;
    }

    // The stream's cells of a row laid onto the columns by their shapes.
    void distribute() {
        std::vector<size_t> targets;
        std::vector<Col> roles;
        for (size_t c = 0; c < cols_.size(); ++c)
            if (cols_[c] != Col::Number) targets.push_back(c), roles.push_back(meaning(cols_, c));
        std::vector<Shape> shapes;
        for (const auto& l : stack_) shapes.push_back(vocab_.shape(l.text));
        auto at = align_cells(roles, shapes);
        for (size_t k = 0; k < stack_.size(); ++k) append(targets[at[k]], stack_[k].text, stack_[k]);
        stack_.clear();
    }

    // The row's cells in the order extraction reads them: title, measures,
    // units (牵头 columns before the others), completion, scope.
    void close_row() {
        if (!open_) return;
        if (stream_) distribute();
        RawItem* it = b_.current();
        auto add = [&](CellKind kind, Col want, const char* role = "") {
            for (size_t c = 0; c < cols_.size(); ++c)
                if (meaning(cols_, c) == want && !texts_[c].empty())
                    it->cells.push_back({kind, texts_[c], it->span.line_start, role});
        };
        for (const auto& src : kCellOrder) add(src.kind, src.col, src.role);
        // A delivered table's columns are the file's own: the span names the
        // cell of the task's text (its title or first content column).
        if (delivered_) it->span.cell = text_column();
        if (!it->cells.empty() && b_.part_kind_now() == "preamble") {
            // Rows under 总体要求 / 主要目标 state aims, not tasks: their
            // text feeds the goals, as a prose plan's preamble paragraphs do.
            for (const auto& c : it->cells) b_.loose_text({c.text, it->span.line_start, it->span.line_end});
            it->cells.clear();
        }
        if (it->cells.empty()) b_.drop_item();  // a row of page furniture
        else b_.close_item();
        open_ = false;
    }

    void page_number(const Line& l) {
        sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start, "page number `" + l.text + "` between table rows"});
    }

    void outside(const Line& l) {
        sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start, "table text outside any row: `" + l.text + "`"});
    }

    const Grammar& g_;
    Skeleton& sk_;
    Builder& b_;
    ColumnVocabulary vocab_;
    std::vector<Col> cols_;           // the header's columns, in printed order
    bool stream_ = false;             // cells arrive one at a time
    bool delivered_ = false;          // a table the ingest delivered (its grid is the file's)
    bool open_ = false;               // a row is being read
    int last_number_ = 0;
    size_t outline_depth_ = 0;       // a decimal outline's deepest row numbers (2 for 1.1), else 0
    std::string category_;           // the last category read (类别 column)
    bool category_labelled_ = false;  // it opened with a numeral (一、)
    int category_rows_ = 0;           // rows read since it opened
    size_t last_col_ = 0;             // stream without numbers: the last cell's column
    std::vector<std::string> texts_;  // the open row's text per column
    std::vector<Line> stack_;         // stream: the open row's cells
};

}  // namespace

void segment_columns(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk) {
    Builder b(g, sk);
    ColumnSegmenter(g, sk, b).run(lines);
}

bool read_table_rows(const std::vector<Line>& rows, const Grammar& table_g, Skeleton& sk, Builder& b) {
    return ColumnSegmenter(table_g, sk, b).table(rows);
}

std::vector<TableBlock> header_tables(const std::vector<Line>& lines, const std::vector<int>& table_of,
                                      const Grammar& table_g) {
    std::vector<TableBlock> out;
    const ColumnVocabulary vocab(table_g);
    for (size_t i = 0; i < lines.size() && i < table_of.size();) {
        const int t = table_of[i];
        size_t end = i + 1;
        while (end < lines.size() && end < table_of.size() && table_of[end] == t) ++end;
        if (t != 0)
            for (size_t k = i; k < end; ++k) {
                // A header row has a cell per column: a line with tabs. Rows
                // above it (a title row merged across the sheet) are prose.
                if (lines[k].text.find('\t') == std::string::npos || ustr::length(lines[k].text) > 80) continue;
                std::vector<std::string> cells = split_tabs(lines[k].text);
                while (!cells.empty() && cells.back().empty()) cells.pop_back();
                if (vocab.header(cells).empty()) continue;
                out.push_back({k, end});
                break;
            }
        i = end;
    }
    return out;
}

}  // namespace qingdan
