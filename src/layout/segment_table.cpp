// The table model: PDF task tables, tabbed or flattened.
#include <map>
#include <string>
#include <vector>

#include "section_builder.hpp"
#include "segmenters.hpp"

namespace qingdan {
namespace {

// ---- table model -------------------------------------------------------
//
// PDF tables arrive either with tab-separated cells (one text row per line,
// the item number vertically centred in its row) or flattened (each cell's
// wrapped lines in column order). Every cell is classified by its content;
// continuation text goes to the column it continues.

class TableSegmenter {
public:
    TableSegmenter(const Grammar& g, Skeleton& sk)
        : g_(g), sk_(sk), b_(g, sk), level1_(g.pattern("level1")), item_(g.pattern("item")), actor_(g.pattern("actor")),
          cell_split_(g.pattern("cell_split")), cell_units_(g.pattern("cell_units")), cell_scope_(g.pattern("cell_scope")),
          cell_completion_(g.pattern("cell_completion")) {
        narrow_ = g.int_value("narrow_cell", 10);
        std::string h = g.value("cell_split_hint");
        for (size_t b = 0, e; b <= h.size(); b = e + 1) {
            e = h.find('|', b);
            if (e == std::string::npos) e = h.size();
            if (e > b) hints_.push_back(h.substr(b, e - b));
        }
    }

    void run(const std::vector<Line>& lines) {
        sk_.cover = read_cover(lines, g_);
        const Pattern* skip = g_.pattern("skip_line");
        for (size_t i = sk_.cover.body_start; i < lines.size(); ++i) {
            const Line& l = lines[i];
            if (skip && skip->matches(l.text)) continue;
            line(l);
        }
        flush_pending();
        b_.finish();
    }

private:
    enum class Ctx { None, Title, Measure, Units, Scope, Completion };

    void line(const Line& l) {
        std::vector<std::string> cols;
        size_t start = 0;
        for (size_t t; (t = l.text.find('\t', start)) != std::string::npos; start = t + 1)
            cols.push_back(l.text.substr(start, t - start));
        cols.push_back(l.text.substr(start));
        tabbed_ = cols.size() > 1;
        line_ctx_ = Ctx::None;
        for (size_t c = 0; c < cols.size(); ++c)
            for (auto& piece : split_cell(cols[c])) cell(ustr::trim(piece), c, l);
    }

    // A cell where PDF extraction merged two columns (`…推动专利、 省份：…`)
    // is cut before each embedded column marker.
    std::vector<std::string> split_cell(const std::string& s) const {
        const Pattern* p = cell_split_;
        if (!p || !has_hint(s)) return {s};
        std::vector<std::string> out;
        int from = 0;
        for (const auto& m : p->find_all(s)) {
            if (m.begin[0] <= from) continue;
            out.push_back(s.substr(from, m.begin[0] - from));
            from = m.begin[0];
        }
        out.push_back(s.substr(from));
        return out;
    }

    // `cell_split_hint`: literals of which a cell must contain one for
    // `cell_split` to apply — a cheap test that spares most cells the regex.
    bool has_hint(const std::string& s) const {
        if (hints_.empty()) return true;
        for (const auto& h : hints_)
            if (s.find(h) != std::string::npos) return true;
        return false;
    }

    static bool is(const Pattern* p, const std::string& t) { return p && p->matches(t); }

    void cell(const std::string& t, size_t col, const Line& l) {
        if (t.empty()) return;
        if (auto m = level1_ ? level1_->find(t) : std::nullopt) {
            flush_pending();
            Line h{t, l.line_start, l.line_end};
            b_.open_part(h, *m);
            ctx_ = Ctx::None;
            return;
        }
        if (col == 0 || !tabbed_) {
            if (auto m = item_ ? item_->find(t) : std::nullopt) {
                start_item(t, *m, l);
                return;
            }
        }
        if (is(cell_units_, t)) return add(CellKind::Units, t, l, Ctx::Units, col);
        if (is(cell_scope_, t)) return add(CellKind::Scope, t, l, Ctx::Scope, col);
        if (auto m = actor_ ? actor_->find(t) : std::nullopt) {
            measure_with_actor(t, m->groups[1], l, col);
            return;
        }
        if (is(cell_completion_, t) && ustr::length(t) <= static_cast<size_t>(narrow_))
            return add(CellKind::Completion, t, l, Ctx::Completion, col);
        continuation(t, col, l);
    }

    void start_item(const std::string& t, const Match& m, const Line& l) {
        std::string label = ustr::trim(std::string_view(t).substr(0, m.begin[2]));
        int printed = std::atoi(m.groups[1].c_str());
        RawItem* it = nullptr;
        if (pending_ && pending_has_row_) {
            it = b_.current();  // the row began above its centred number
        } else {
            flush_pending();
            it = &b_.open_item(l);
        }
        pending_ = false;
        it->label = label;
        it->printed = printed;
        std::string title = ustr::trim(m.groups[2]);
        if (!title.empty()) it->cells.push_back({CellKind::Title, title, l.line_start});
        b_.extend(l.line_end);
        ctx_ = Ctx::Title;
        col_ctx_.clear();
        col_ctx_[0] = Ctx::Title;
    }

    // A measure that begins with the actor every row begins with (learned
    // from the first row) starts a new row when the current one already has
    // it: in tabbed tables the number is printed lower, in the row's middle.
    void measure_with_actor(const std::string& t, const std::string& actor, const Line& l, size_t col) {
        if (row_actor_.empty()) row_actor_ = actor;
        RawItem* it = b_.current();
        bool new_row = !it || (actor == row_actor_ && has_actor(*it, row_actor_));
        if (new_row) {
            flush_pending();
            b_.open_item(l);
            pending_ = true;
            pending_has_row_ = true;
        }
        add(CellKind::Measure, t, l, Ctx::Measure, col);
    }

    bool has_actor(const RawItem& it, const std::string& actor) const {
        for (const auto& c : it.cells)
            if (c.kind == CellKind::Measure && ustr::starts_with(c.text, actor)) return true;
        return false;
    }

    void continuation(const std::string& t, size_t col, const Line& l) {
        if (ustr::han_ratio(t) < 0.5) {
            sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start,
                                       "dropped table fragment `" + t + "` (not text)"});
            return;
        }
        Ctx ctx = context_for(t, col);
        RawItem* it = b_.current();
        if (!it) {
            sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start,
                                       "table text outside any task: `" + t + "`"});
            return;
        }
        CellKind kind = ctx == Ctx::Title ? CellKind::Title
                        : ctx == Ctx::Units ? CellKind::Units
                        : ctx == Ctx::Scope ? CellKind::Scope
                        : ctx == Ctx::Completion ? CellKind::Completion
                                                 : CellKind::Measure;
        // Append to the last cell of that kind (same column text).
        for (auto c = it->cells.rbegin(); c != it->cells.rend(); ++c) {
            if (c->kind == kind) {
                // Unit cells keep the break: the gazetteer repairs a name
                // only where the printed text was cut (`保持` / `护司`).
                if (kind == CellKind::Units) c->text += '\n';
                c->text += t;
                b_.extend(l.line_end);
                set_ctx(ctx, col);
                return;
            }
        }
        add(kind, t, l, ctx, col);
    }

    // The column a continuation cell belongs to.
    Ctx context_for(const std::string& t, size_t col) const {
        bool narrow = ustr::length(t) <= static_cast<size_t>(narrow_);
        Ctx ctx = ctx_;
        if (tabbed_) {
            auto it = col_ctx_.find(col);
            ctx = it != col_ctx_.end() ? it->second : (col == 0 ? Ctx::Title : col >= 2 ? Ctx::Units : Ctx::Measure);
            if (col == 0 && ctx != Ctx::Title) ctx = narrow ? Ctx::Title : Ctx::Measure;
            // A cell merged from two columns ends in the units or scope
            // column; the short cell after it on the same line continues it.
            if (narrow && (line_ctx_ == Ctx::Units || (line_ctx_ == Ctx::Scope && !scope_complete())))
                ctx = line_ctx_;
        }
        // Only the measures column is wide; in tabbed rows the responsible
        // column (index >= 2) may hold a whole unit list on one line.
        bool wide_ok = tabbed_ && col >= 2 && ustr::length(t) <= static_cast<size_t>(3 * narrow_);
        if (!narrow && !wide_ok && ctx != Ctx::Measure) ctx = Ctx::Measure;
        if (ctx == Ctx::Scope && scope_complete()) ctx = tabbed_ ? Ctx::Units : Ctx::Measure;
        if (ctx == Ctx::None) ctx = Ctx::Measure;
        return ctx;
    }

    bool scope_complete() const {
        const RawItem* it = const_cast<Builder&>(b_).current();
        if (!it) return true;
        for (auto c = it->cells.rbegin(); c != it->cells.rend(); ++c)
            if (c->kind == CellKind::Scope) return ustr::ends_with(c->text, "做");
        return true;
    }

    void add(CellKind kind, const std::string& t, const Line& l, Ctx ctx, size_t col) {
        RawItem* it = b_.current();
        if (!it) {
            it = &b_.open_item(l);  // a row whose number was lost
            pending_ = true;
            pending_has_row_ = true;
        }
        it->cells.push_back({kind, t, l.line_start});
        b_.extend(l.line_end);
        set_ctx(ctx, col);
    }

    void set_ctx(Ctx ctx, size_t col) {
        ctx_ = ctx;
        line_ctx_ = ctx;
        if (tabbed_) col_ctx_[col] = ctx;
    }

    void flush_pending() {
        pending_ = false;
        pending_has_row_ = false;
    }

    const Grammar& g_;
    Skeleton& sk_;
    Builder b_;
    // The grammar's patterns this segmenter tries on every cell, looked up
    // once (a lookup by name hashes the key each time).
    const Pattern *level1_, *item_, *actor_, *cell_split_, *cell_units_, *cell_scope_, *cell_completion_;
    int narrow_ = 10;
    bool tabbed_ = false;
    bool pending_ = false;          // the current item has no number yet
    bool pending_has_row_ = false;
    std::string row_actor_;
    Ctx ctx_ = Ctx::None;
    Ctx line_ctx_ = Ctx::None;       // context of the previous cell on this line
    std::map<size_t, Ctx> col_ctx_;
    std::vector<std::string> hints_;
};

}  // namespace

void segment_table(const std::vector<Line>& lines, const Grammar& g, Skeleton& sk) {
    TableSegmenter(g, sk).run(lines);
}

}  // namespace qingdan
