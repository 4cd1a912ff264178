// Layout detection, cover notice and segmentation into a skeleton.
// Everything layout-specific comes from the grammar's patterns; this file
// holds the two document models (prose and table) that grammars configure.
#include "qingdan/segment.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "pattern.hpp"
#include "ustr.hpp"

namespace qingdan {

size_t detect_layout(const std::vector<Line>& lines, const std::vector<Grammar>& grammars) {
    // A layout shows in its first pages; scoring a whole 1 MB file would
    // cost more than segmenting it.
    const size_t sample = std::min<size_t>(lines.size(), 200);
    // Lines outer, rules inner: each line is converted for matching once.
    std::vector<std::vector<double>> hits(grammars.size());
    for (size_t gi = 0; gi < grammars.size(); ++gi) hits[gi].assign(grammars[gi].detect.size(), 0);
    for (size_t i = 0; i < sample; ++i)
        for (size_t gi = 0; gi < grammars.size(); ++gi)
            for (size_t r = 0; r < grammars[gi].detect.size(); ++r)
                if (hits[gi][r] < grammars[gi].detect_cap && grammars[gi].detect[r].pattern->matches(lines[i].text))
                    ++hits[gi][r];
    size_t best = 0;
    double best_score = -1e300;
    for (size_t gi = 0; gi < grammars.size(); ++gi) {
        double score = 0;
        for (size_t r = 0; r < grammars[gi].detect.size(); ++r) score += grammars[gi].detect[r].weight * hits[gi][r];
        if (score > best_score) {
            best_score = score;
            best = gi;
        }
    }
    return best;
}

namespace {

std::optional<std::string> group(const Pattern* p, std::string_view s, size_t g = 1) {
    if (!p) return std::nullopt;
    auto m = p->find(s);
    if (!m || m->groups.size() <= g || m->begin[g] < 0) return std::nullopt;
    return m->groups[g];
}

std::optional<std::string> iso_date(const std::string& y, const std::string& m, const std::string& d) {
    int yy = std::atoi(y.c_str()), mm = std::atoi(m.c_str()), dd = std::atoi(d.c_str());
    if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return std::nullopt;
    return fmt::format("{:04d}-{:02d}-{:02d}", yy, mm, dd);
}

// Splits an addressee line at ，；; and, where every piece of a 、-list is a
// separate body (no 省/自治区 run), at 、 too.
std::vector<std::string> split_addressees(const std::string& s) {
    std::vector<std::string> parts;
    std::string cur;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = ustr::next(s, i);
        if (c == U'，' || c == U'；' || c == U';' || c == U',') {
            if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
            cur.clear();
        } else {
            cur.append(s, at, i - at);
        }
    }
    if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
    return parts;
}

}  // namespace

Cover read_cover(const std::vector<Line>& lines, const Grammar& g) {
    Cover c;
    const Pattern* notice = g.pattern("notice_title");
    const Pattern* docno = g.pattern("doc_number");
    const Pattern* published = g.pattern("published");
    const Pattern* date = g.pattern("signature_date");
    const Pattern* addressee = g.pattern("addressee_line");
    const Pattern* skip = g.pattern("skip_line");
    const size_t head = std::min<size_t>(lines.size(), 60);

    // The notice title names the plan it issues: 关于印发《X》的通知.
    size_t notice_at = lines.size();
    for (size_t i = 0; i < head && notice_at == lines.size(); ++i) {
        auto m = notice ? notice->find(lines[i].text) : std::nullopt;
        if (!m) continue;
        notice_at = i;
        c.notice_title = lines[i].text;
        std::string plan = m->groups[2];
        if (ustr::starts_with(plan, "《") && ustr::ends_with(plan, "》"))
            plan = plan.substr(3, plan.size() - 6);
        c.title = plan;
        if (!m->groups[1].empty()) c.issuer = m->groups[1];
    }
    if (notice_at == lines.size()) {
        // No notice: the title is the first line that is not furniture,
        // unless the text starts straight with a heading or an item.
        for (size_t i = 0; i < head; ++i) {
            const std::string& t = lines[i].text;
            if (skip && skip->matches(t)) continue;
            bool numbered = false;
            for (const char* key : {"level1", "level2", "item"})
                if (const Pattern* p = g.pattern(key); p && p->matches(t)) numbered = true;
            if (numbered) break;
            if (t.find("。") != std::string::npos || ustr::length(t) > 60) break;
            c.title = ustr::squeeze(t);
            c.body_start = i + 1;
            break;
        }
        return c;
    }
    // Scan the notice up to the plan's own title line.
    size_t title_at = lines.size();
    for (size_t i = notice_at + 1; i < lines.size(); ++i) {
        const std::string& t = lines[i].text;
        if (c.title && ustr::squeeze(t) == ustr::squeeze(*c.title)) {
            title_at = i;
            break;
        }
        if (auto p = group(published, t)) {
            if (auto m = published->find(t)) c.published = iso_date(m->groups[1], m->groups[2], m->groups[3]);
            continue;
        }
        if (!c.doc_number)
            if (auto d = group(docno, t)) {
                c.doc_number = *d;
                continue;
            }
        if (auto m = date ? date->find(t) : std::nullopt) {
            c.issued = iso_date(m->groups[1], m->groups[2], m->groups[3]);
            continue;
        }
        if (c.addressees.empty() && addressee && addressee->matches(t) && t.find("。") == std::string::npos) {
            std::string s = t.substr(0, t.size() - 3);  // drop the final ：
            c.addressees = split_addressees(s);
            continue;
        }
        c.notice_text.push_back(lines[i]);
    }
    c.body_start = title_at < lines.size() ? title_at + 1 : notice_at + 1;
    if (title_at == lines.size()) c.notice_text.clear();  // title never found: notice unknown
    return c;
}

namespace {

// Kind of a level-1 part from its title.
std::string part_kind(const Grammar& g, const std::string& title) {
    if (const Pattern* p = g.pattern("preamble"); p && p->matches(title)) return "preamble";
    if (const Pattern* p = g.pattern("requirements"); p && p->matches(title)) return "requirements";
    return "tasks";
}

// State shared by both models: the current part and level-2 section.
class Builder {
public:
    Builder(const Grammar& g, Skeleton& sk) : g_(g), sk_(sk) {}

    bool try_heading(const Line& l) {
        if (auto m = g_.pattern("level1") ? g_.pattern("level1")->find(l.text) : std::nullopt) {
            open_part(l, *m);
            return true;
        }
        return false;
    }

    void open_part(const Line& l, const Match& m) {
        close_item();
        Section s;
        s.label = ustr::trim(std::string_view(l.text).substr(0, m.begin[2]));
        s.number = ustr::small_chinese_number(m[1]);
        s.level = 1;
        s.path = {m[1]};
        s.title = ustr::trim(m[2]);
        s.kind = part_kind(g_, s.title);
        s.span = {l.line_start, l.line_end};
        part_ = sk_.sections.size();
        sec2_.reset();
        part_items_[*part_] = 0;
        sk_.sections.push_back(std::move(s));
    }

    void open_section2(const Line& l, const Match& m) {
        close_item();
        Section s;
        s.label = ustr::trim(std::string_view(l.text).substr(0, m.begin[2]));
        s.number = ustr::small_chinese_number(m[1]);
        s.level = 2;
        s.path = path();
        s.path.push_back(s.label);
        s.title = ustr::trim(m[2]);
        s.kind = part_ ? sk_.sections[*part_].kind : "tasks";
        s.span = {l.line_start, l.line_end};
        sec2_ = sk_.sections.size();
        sk_.sections.push_back(std::move(s));
    }

    std::vector<std::string> path() const {
        std::vector<std::string> p;
        if (part_) p.push_back(sk_.sections[*part_].path[0]);
        if (sec2_) p.push_back(sk_.sections[*sec2_].label);
        return p;
    }

    std::string part_kind_now() const { return part_ ? sk_.sections[*part_].kind : "tasks"; }

    RawItem& open_item(const Line& l) {
        close_item();
        RawItem it;
        it.kind = part_kind_now() == "requirements" ? "requirement" : "task";
        it.section_path = path();
        it.span = {l.line_start, l.line_end};
        cur_ = std::move(it);
        if (part_) ++part_items_[*part_];
        return *cur_;
    }

    RawItem* current() { return cur_ ? &*cur_ : nullptr; }

    void extend(int line_end) {
        if (cur_) cur_->span.line_end = std::max(cur_->span.line_end, line_end);
    }

    void close_item() {
        if (cur_) sk_.items.push_back(std::move(*cur_));
        cur_.reset();
    }

    // Text outside any item: preamble parts feed the goals; other parts
    // keep it in case they turn out to have no items at all.
    void loose_text(const Line& l) {
        if (!part_) return;  // introduction before the first part
        if (sk_.sections[*part_].kind == "preamble") {
            sk_.preamble.push_back(l);
        } else {
            loose_[*part_].push_back(l);
        }
    }

    // A non-preamble part with text but no items becomes one unlabelled item
    // (e.g. a 工作要求 paragraph); inserted in document order.
    void finish() {
        close_item();
        for (const auto& [pi, text] : loose_) {
            if (part_items_[pi] > 0 || text.empty()) continue;
            const Section& s = sk_.sections[pi];
            RawItem it;
            it.kind = s.kind == "requirements" ? "requirement" : "task";
            it.section_path = {s.path[0]};
            it.span = {text.front().line_start, text.back().line_end};
            for (const auto& l : text) it.cells.push_back({CellKind::Measure, l.text, l.line_start});
            auto pos = std::find_if(sk_.items.begin(), sk_.items.end(),
                                    [&](const RawItem& x) { return x.span.line_start > it.span.line_start; });
            sk_.items.insert(pos, std::move(it));
        }
    }

private:
    const Grammar& g_;
    Skeleton& sk_;
    std::optional<size_t> part_, sec2_;
    std::optional<RawItem> cur_;
    std::map<size_t, int> part_items_;
    std::map<size_t, std::vector<Line>> loose_;
};

// True when a （一） line carries a paragraph (title sentence + body), so it
// is an item rather than a section heading.
bool has_body(const std::string& rest) {
    size_t stop = rest.find("。");
    return stop != std::string::npos && ustr::length(rest.substr(stop + 3)) >= 2;
}

void segment_prose(const std::vector<Line>& raw, const Grammar& g, Skeleton& sk) {
    std::vector<Line> lines = join_wrapped(raw);
    sk.cover = read_cover(lines, g);
    Builder b(g, sk);
    const Pattern* level2 = g.pattern("level2");
    const Pattern* item = g.pattern("item");
    const Pattern* item3 = g.pattern("item_paren");
    const Pattern* skip = g.pattern("skip_line");
    for (size_t i = sk.cover.body_start; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (skip && skip->matches(l.text)) continue;
        if (b.try_heading(l)) continue;
        if (auto m = level2 ? level2->find(l.text) : std::nullopt) {
            if (b.part_kind_now() != "preamble" && has_body(m->groups[2])) {
                RawItem& it = b.open_item(l);
                it.label = ustr::trim(std::string_view(l.text).substr(0, m->begin[2]));
                it.printed = ustr::small_chinese_number(m->groups[1]);
                it.level2 = true;
                it.cells.push_back({CellKind::Measure, ustr::trim(m->groups[2]), l.line_start});
            } else if (b.part_kind_now() == "preamble") {
                b.loose_text(l);
            } else {
                b.open_section2(l, *m);
            }
            continue;
        }
        auto m = item ? item->find(l.text) : std::nullopt;
        if (!m && item3) m = item3->find(l.text);
        if (m && b.part_kind_now() != "preamble") {
            RawItem& it = b.open_item(l);
            it.label = ustr::trim(std::string_view(l.text).substr(0, m->begin[2]));
            it.printed = std::atoi(m->groups[1].c_str());
            it.cells.push_back({CellKind::Measure, ustr::trim(m->groups[2]), l.line_start});
            continue;
        }
        if (RawItem* it = b.current()) {
            it->cells.push_back({CellKind::Measure, l.text, l.line_start});
            b.extend(l.line_end);
        } else {
            b.loose_text(l);
        }
    }
    b.finish();
}

// ---- table model -------------------------------------------------------
//
// PDF tables arrive either with tab-separated cells (one text row per line,
// the item number vertically centred in its row) or flattened (each cell's
// wrapped lines in column order). Every cell is classified by its content;
// continuation text goes to the column it continues.

class TableSegmenter {
public:
    TableSegmenter(const Grammar& g, Skeleton& sk) : g_(g), sk_(sk), b_(g, sk) {
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
        const Pattern* p = g_.pattern("cell_split");
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

    bool is(const char* key, const std::string& t) const {
        const Pattern* p = g_.pattern(key);
        return p && p->matches(t);
    }

    void cell(const std::string& t, size_t col, const Line& l) {
        if (t.empty()) return;
        if (auto m = g_.pattern("level1") ? g_.pattern("level1")->find(t) : std::nullopt) {
            flush_pending();
            Line h{t, l.line_start, l.line_end};
            b_.open_part(h, *m);
            ctx_ = Ctx::None;
            return;
        }
        if (col == 0 || !tabbed_) {
            if (auto m = g_.pattern("item") ? g_.pattern("item")->find(t) : std::nullopt) {
                start_item(t, *m, l);
                return;
            }
        }
        if (is("cell_units", t)) return add(CellKind::Units, t, l, Ctx::Units, col);
        if (is("cell_scope", t)) return add(CellKind::Scope, t, l, Ctx::Scope, col);
        if (auto m = g_.pattern("actor") ? g_.pattern("actor")->find(t) : std::nullopt) {
            measure_with_actor(t, m->groups[1], l, col);
            return;
        }
        if (is("cell_completion", t) && ustr::length(t) <= static_cast<size_t>(narrow_))
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
        bool narrow = ustr::length(t) <= static_cast<size_t>(narrow_);
        if (ustr::han_ratio(t) < 0.5) {
            sk_.diagnostics.push_back({"info", "unparsed-line", l.line_start,
                                       "dropped table fragment `" + t + "` (not text)"});
            return;
        }
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

Skeleton segment(const std::vector<Line>& lines, const Grammar& g) {
    Skeleton sk;
    if (g.model == "table") {
        TableSegmenter(g, sk).run(lines);
    } else {
        segment_prose(lines, g, sk);
    }
    return sk;
}

}  // namespace qingdan
