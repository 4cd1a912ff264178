// The column-table model: task tables whose header row names the columns
// (序号 | 重点任务 | 主要内容 | 责任单位 | 完成时限 …), as provincial and city
// task lists print them. A `model = table` grammar that declares the
// `column_*` header vocabulary is read here (segment.cpp dispatches).
//
// The header row says what each column holds; a bare integer in the 序号
// column opens a row; a row holding only `一、…`/`（一）…` is a heading.
// Two physical forms:
//  - tabbed: one table row per line, cells at tabs (Markdown pipe rows were
//    made tab-separated by normalise); a line without tabs continues the
//    row's main text column (a wrapped cell);
//  - stacked: the header's names one per line, then every cell on a line of
//    its own (a flattened web table); the lines between two row numbers
//    fill the columns in order, extra lines continuing the main text column.
#include <optional>
#include <string>
#include <vector>

#include "section_builder.hpp"
#include "segmenters.hpp"

namespace qingdan {
namespace {

enum class Col { Number, Title, Measure, Units, Lead, Support, Completion, Output, Ignore };

// The grammar key that names each column meaning.
struct ColumnKey {
    const char* key;
    Col col;
};
constexpr ColumnKey kColumnKeys[] = {
    {"column_number", Col::Number},   {"column_title", Col::Title},       {"column_measure", Col::Measure},
    {"column_units", Col::Units},     {"column_lead", Col::Lead},         {"column_support", Col::Support},
    {"column_completion", Col::Completion}, {"column_output", Col::Output}, {"column_ignore", Col::Ignore},
};

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

bool has_nonempty(const std::vector<std::string>& cells, size_t from) {
    for (size_t i = from; i < cells.size(); ++i)
        if (!cells[i].empty()) return true;
    return false;
}

class ColumnSegmenter {
public:
    ColumnSegmenter(const Grammar& g, Skeleton& sk) : g_(g), sk_(sk), b_(g, sk) {}

    void run(const std::vector<Line>& lines) {
        sk_.cover = read_cover(lines, g_);
        const Pattern* skip = g_.pattern("skip_line");
        // The header may be the first line of all (the cover then took a
        // column name for the title) or come before the cover's body start.
        size_t i = 0;
        for (; i < lines.size() && cols_.empty(); ++i) {
            if (auto h = header_at(lines, i)) {
                cols_ = h->cols;
                stacked_ = h->stacked;
                const auto& title = sk_.cover.title;
                if (title && (column_of(*title) || *title == lines[i].text)) sk_.cover.title.reset();
                i += h->lines - 1;
            }
        }
        if (cols_.empty()) {
            sk_.diagnostics.push_back({"warning", "no-table-header", 0, "no table header row (序号 | 任务 | 责任单位 …) found"});
            return;
        }
        for (; i < lines.size(); ++i) {
            if (skip && skip->matches(lines[i].text)) continue;
            // A header repeated at a page break.
            if (auto h = header_at(lines, i); h && h->cols.size() == cols_.size()) {
                i += h->lines - 1;
                continue;
            }
            if (stacked_) {
                stacked_line(lines[i]);
            } else {
                tabbed_line(lines[i]);
            }
        }
        close_row();
        b_.finish();
    }

private:
    struct Header {
        std::vector<Col> cols;
        bool stacked = false;
        size_t lines = 1;  // physical lines it takes
    };

    std::optional<Col> column_of(const std::string& name) const {
        if (name.empty()) return std::nullopt;
        std::string s = ustr::squeeze(name);  // 任 务 名 称
        for (const auto& k : kColumnKeys)
            if (const Pattern* p = g_.pattern(k.key); p && p->matches(s)) return k.col;
        return std::nullopt;
    }

    // Every name is a column name; the result is a usable header.
    std::optional<std::vector<Col>> columns_of(const std::vector<std::string>& names) const {
        std::vector<Col> out;
        for (const auto& n : names) {
            auto c = column_of(n);
            if (!c) return std::nullopt;
            out.push_back(*c);
        }
        if (!usable(out)) return std::nullopt;
        return out;
    }

    // Two or more columns, one of which holds task text and one of which
    // says who or which row (a lone 任务 | 时间 pair is not a task table).
    static bool usable(const std::vector<Col>& cols) {
        bool text = false, anchor = false;
        for (Col c : cols) {
            text = text || c == Col::Title || c == Col::Measure;
            anchor = anchor || c == Col::Number || c == Col::Units || c == Col::Lead;
        }
        return cols.size() >= 2 && text && anchor;
    }

    // The header row at line i: its cells on one line (tabs, or spaces as
    // PDF text prints them), or one name per line.
    std::optional<Header> header_at(const std::vector<Line>& lines, size_t i) const {
        const std::string& t = lines[i].text;
        if (ustr::length(t) > 80) return std::nullopt;
        std::vector<std::string> cells = t.find('\t') != std::string::npos ? split_tabs(t) : split_spaces(t);
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        if (cells.size() >= 2) {
            if (auto cols = columns_of(cells)) return Header{*cols, false, 1};
            return std::nullopt;
        }
        if (auto glued = split_glued(t); glued.size() >= 2) {
            if (auto cols = columns_of(glued)) return Header{*cols, false, 1};
            return std::nullopt;
        }
        std::vector<std::string> names;
        size_t j = i;
        for (; j < lines.size() && column_of(lines[j].text); ++j) names.push_back(lines[j].text);
        if (names.size() < 2) return std::nullopt;
        if (auto cols = columns_of(names)) return Header{*cols, true, j - i};
        return std::nullopt;
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
                if (column_of(t.substr(from, ends[e] - from))) best = e + 1;
            if (best == 0) return {};
            names.push_back(t.substr(from, ends[best - 1] - from));
            from = ends[best - 1];
            k = best;
        }
        return names;
    }

    // ---- rows --------------------------------------------------------------

    std::optional<int> row_number(const std::string& cell) const {
        const Pattern* p = g_.pattern("row_number");
        auto m = p ? p->find(cell) : std::nullopt;
        if (!m) return std::nullopt;
        return std::atoi(m->groups[1].c_str());
    }

    // A heading row: `一、完善制度` / `（一）…`. True when handled.
    bool heading(const Line& l, const std::string& text) {
        for (const char* key : {"level1", "level2"}) {
            const Pattern* p = g_.pattern(key);
            auto m = p ? p->find(text) : std::nullopt;
            if (!m) continue;
            close_row();
            Line h{text, l.line_start, l.line_end};
            if (std::string(key) == "level1") {
                b_.open_part(h, *m);
            } else {
                b_.open_section2(h, *m);
            }
            return true;
        }
        return false;
    }

    size_t number_index() const {
        for (size_t c = 0; c < cols_.size(); ++c)
            if (cols_[c] == Col::Number) return c;
        return cols_.size();
    }

    // Where a wrapped line without a column of its own goes: the main text
    // column (the first measure column, else the first title column).
    size_t wrap_index() const {
        for (Col want : {Col::Measure, Col::Title})
            for (size_t c = 0; c < cols_.size(); ++c)
                if (meaning(c) == want) return c;
        return 0;
    }

    // A lone task-name column is the task text; it is a title only when a
    // content column follows.
    Col meaning(size_t c) const {
        if (cols_[c] != Col::Title) return cols_[c];
        for (Col x : cols_)
            if (x == Col::Measure) return Col::Title;
        return Col::Measure;
    }

    void open_row(const Line& l, const std::string& label, int number) {
        close_row();
        RawItem& it = b_.open_item(l);
        it.label = label;
        it.printed = number;
        texts_.assign(cols_.size(), {});
        stack_.clear();
        last_number_ = number;
        open_ = true;
    }

    void append(size_t c, const std::string& t, const Line& l) {
        if (t.empty() || c >= cols_.size()) return;
        std::string& dst = texts_[c];
        // Unit cells keep the break: the gazetteer repairs a name only where
        // the printed text was cut.
        bool units = meaning(c) == Col::Units || meaning(c) == Col::Lead || meaning(c) == Col::Support;
        if (!dst.empty() && units) dst += '\n';
        dst += t;
        b_.extend(l.line_end);
    }

    void tabbed_line(const Line& l) {
        std::vector<std::string> cells = split_tabs(l.text);
        if (cells.size() == 1) {
            if (heading(l, cells[0])) return;
            if (open_) append(wrap_index(), cells[0], l);
            else outside(l);
            return;
        }
        size_t ni = number_index();
        std::optional<int> n = ni < cells.size() ? row_number(cells[ni]) : std::nullopt;
        // A table without a 序号 column: a filled first cell opens a row.
        bool opens = n || (ni == cols_.size() && !cells[0].empty());
        if (!opens && !has_nonempty(cells, 1) && heading(l, cells[0])) return;
        if (opens) open_row(l, n ? cells[ni] : std::string(), n.value_or(0));
        if (!open_) return outside(l);
        for (size_t c = 0; c < cells.size() && c < cols_.size(); ++c)
            if (c != ni) append(c, cells[c], l);
    }

    // One cell per line: collect the row's lines, distribute them at its end.
    void stacked_line(const Line& l) {
        const std::string& t = l.text;
        size_t ni = number_index();
        size_t cells_per_row = ni < cols_.size() ? cols_.size() - 1 : cols_.size();
        bool complete = !open_ || stack_.size() >= cells_per_row;
        if (auto n = row_number(t); n && ni < cols_.size() && (complete || *n == last_number_ + 1)) {
            open_row(l, t, *n);
            return;
        }
        if (complete && heading(l, t)) return;
        if (ni == cols_.size() && complete) open_row(l, std::string(), 0);
        if (!open_) return outside(l);
        stack_.push_back(l);
        b_.extend(l.line_end);
    }

    // The stacked lines of a row, one per column in order; lines beyond
    // the column count are wraps of the main text column.
    void distribute() {
        std::vector<size_t> targets;
        for (size_t c = 0; c < cols_.size(); ++c)
            if (cols_[c] != Col::Number) targets.push_back(c);
        size_t extra = stack_.size() > targets.size() ? stack_.size() - targets.size() : 0;
        size_t wrap = wrap_index();
        size_t k = 0;
        for (size_t c : targets) {
            size_t take = c == wrap ? 1 + extra : 1;
            for (size_t n = 0; n < take && k < stack_.size(); ++n, ++k) append(c, stack_[k].text, stack_[k]);
        }
        stack_.clear();
    }

    // The row's cells in the order extraction reads them: title, measures,
    // lead units before the others (roles are by position), completion.
    void close_row() {
        if (!open_) return;
        if (stacked_) distribute();
        RawItem* it = b_.current();
        auto add = [&](CellKind kind, std::initializer_list<Col> want) {
            for (size_t c = 0; c < cols_.size(); ++c)
                for (Col w : want)
                    if (meaning(c) == w && !texts_[c].empty()) it->cells.push_back({kind, texts_[c], it->span.line_start});
        };
        add(CellKind::Title, {Col::Title});
        add(CellKind::Measure, {Col::Measure, Col::Output});
        add(CellKind::Units, {Col::Lead});
        add(CellKind::Units, {Col::Units});
        add(CellKind::Units, {Col::Support});
        add(CellKind::Completion, {Col::Completion});
        b_.close_item();
        open_ = false;
    }

    void outside(const Line& l) {
        sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start, "table text outside any row: `" + l.text + "`"});
    }

    const Grammar& g_;
    Skeleton& sk_;
    Builder b_;
    std::vector<Col> cols_;           // the header's columns, in printed order
    bool stacked_ = false;
    bool open_ = false;               // a row is being read
    int last_number_ = 0;
    std::vector<std::string> texts_;  // the open row's text per column
    std::vector<Line> stack_;         // stacked form: the open row's lines
};

}  // namespace

void segment_columns(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk) {
    ColumnSegmenter(g, sk).run(lines);
}

}  // namespace qingdan
