// The prose model: level-1 headings, （一） sections or paragraphs,
// numbered items; wrapped lines joined first.
#include <cstdlib>

#include "normalise.hpp"
#include "section_builder.hpp"
#include "segmenters.hpp"

namespace qingdan {
namespace {

// True when a （一） line carries a paragraph (title sentence + body), so it
// is an item rather than a section heading.
bool has_body(const std::string& rest) {
    size_t stop = rest.find("。");
    return stop != std::string::npos && ustr::length(rest.substr(stop + 3)) >= 2;
}

// True when a numbered item (1. / （1）) follows the （一） line at `i`
// before the next heading: the （一） line then heads a section. A （一）
// with no items below is itself a task (its text may follow on its lines).
bool heads_items(const std::vector<Line>& lines, size_t i, const Grammar& g) {
    const Pattern* item = g.pattern("item");
    const Pattern* circled = g.pattern("item_circled");
    const Pattern* level2 = g.pattern("level2");
    for (size_t j = i + 1; j < lines.size(); ++j) {
        const std::string& t = lines[j].text;
        if ((item && item->matches(t)) || (circled && circled->matches(t))) return true;
        if (level2 && level2->matches(t)) return false;
        for (const char* key : Builder::kLevel1Keys)
            if (const Pattern* p = g.pattern(key); p && p->matches(t)) return false;
    }
    return false;
}

// ① … ⑳ as a number (U+2460 onwards), none for any other label.
std::optional<int> circled_number(std::string_view label) {
    size_t i = 0;
    const char32_t c = label.empty() ? 0 : ustr::next(label, i);
    if (i != label.size() || c < 0x2460 || c > 0x2473) return std::nullopt;
    return static_cast<int>(c - 0x2460) + 1;
}

// An open `1.` item holding only its name: no sentence end, no clause.
bool names_only(const RawItem* it) {
    if (!it || !it->label || it->level2 || it->cells.size() != 1) return false;
    const std::string& t = it->cells[0].text;
    if (t.empty() || ustr::length(t) > 40) return false;
    for (const char* stop : {"。", "；", "）", ")", "，"})
        if (t.find(stop) != std::string::npos) return false;
    return true;
}

// A document cut mid-item (a truncated download) may end in a fragment too
// short to be a task (`5.强化项目会办推`): dropped, with a warning.
void drop_fragment(Skeleton& sk) {
    if (sk.items.empty()) return;
    const RawItem& last = sk.items.back();
    if (last.table_row) return;  // a cell is whole: a short one is a short task
    std::string text;
    for (const auto& c : last.cells) text += c.text;
    text = ustr::trim(text);
    constexpr size_t kShortest = 8;  // code points
    if (text.empty() || ustr::length(text) >= kShortest) return;
    for (const char* end : {"。", "；", "）", ")", "！"})
        if (ustr::ends_with(text, end)) return;
    sk.diagnostics.push_back({"warning", "truncated-item", last.span.line_start,
                              "the text ends in a fragment of an item (`" + text + "`), not read as a task"});
    sk.items.pop_back();
}

// Reads the joined lines in order: skip lines and annexes, headings,
// （一） lines (section or item), numbered items, and text continuing the
// open item.
class ProseSegmenter {
public:
    ProseSegmenter(const Grammar& g, Skeleton& sk)
        : g_(g), sk_(sk), b_(g, sk), level2_(g.pattern("level2")), item_(g.pattern("item")),
          item3_(g.pattern("item_paren")), circled_(g.pattern("item_circled")), skip_(g.pattern("skip_line")),
          decimal_(g.pattern("decimal_label")), chapter_(g.pattern("level1_chapter")), level1_(g.pattern("level1")) {}

    // A table delivered by the ingest stage, read where it stands: before
    // the prose line `at` (an index into the lines run() reads).
    struct Table {
        size_t at;
        const Grammar* g;
        std::vector<Line> rows;  // its header row first
    };

    void run(const std::vector<Line>& lines, const std::vector<Table>& tables = {}) {
        decimal_depth_ = decimal_depth(lines);
        chapters_ = chapters_over_parts(lines);
        size_t next = 0;  // the next table to read
        auto tables_before = [&](size_t i) {
            for (; next < tables.size() && tables[next].at <= i; ++next) {
                b_.close_item();
                read_table_rows(tables[next].rows, *tables[next].g, sk_, b_);
                sub_list_ = in_annex_ = false;  // a table after 附件 is the annexed task list
            }
        };
        for (size_t i = sk_.cover.body_start; i < lines.size(); ++i) {
            tables_before(i);
            const Line& l = lines[i];
            if (skip_ && skip_->matches(l.text)) {
                annex();
                continue;
            }
            if (chapters_ && part_as_section(l)) continue;
            if (int used = b_.try_heading(l, i + 1 < lines.size() ? &lines[i + 1] : nullptr)) {
                i += used - 1;  // a title printed on the heading's next line
                sub_list_ = in_annex_ = false;
                continue;
            }
            if (in_annex_) continue;
            if (decimal_line(l) || level2_line(lines, i) || item_line(l)) continue;
            if (RawItem* it = b_.current()) {
                it->cells.push_back({CellKind::Measure, l.text, l.line_start});
                b_.extend(l.line_end);
            } else {
                b_.loose_text(l);
            }
        }
        tables_before(lines.size());
        b_.finish();
        drop_fragment(sk_);
    }

private:
    // An attachment label (附件 / 附件1：…) after the items closes the last
    // one: what follows (a project list, a table, the site's footer) is not
    // part of its text. A level-1 heading resumes segmentation (an annex
    // that is itself a plan).
    void annex() {
        if (!b_.any_item()) return;
        b_.close_item();
        in_annex_ = true;
    }

    // `（一）…`: an item when it carries a paragraph or heads no numbered
    // items, else a section (preamble parts keep it as text).
    bool level2_line(const std::vector<Line>& lines, size_t i) {
        const Line& l = lines[i];
        auto m = level2_ ? level2_->find(l.text) : std::nullopt;
        if (!m) return false;
        sub_list_ = false;
        if (b_.part_kind_now() == "preamble") {
            b_.loose_text(l);
        } else if (has_body(m->groups[2]) || !heads_items(lines, i, g_)) {
            RawItem& it = b_.open_item(l);
            it.label = ustr::trim(std::string_view(l.text).substr(0, m->begin[2]));
            it.printed = ustr::small_chinese_number(m->groups[1]);
            it.level2 = true;
            it.cells.push_back({CellKind::Measure, ustr::trim(m->groups[2]), l.line_start});
        } else {
            b_.open_section2(l, *m);
        }
        return true;
    }

    // `1.` / `（1）` items. （1）…（4） under a `1.` item that is only a name
    // (`1.完善应急预案体系`, no sentence of its own) are its text, not tasks.
    bool item_line(const Line& l) {
        auto m = item_ ? item_->find(l.text) : std::nullopt;
        for (const Pattern* sub_item : {item3_, circled_}) {
            if (m || !sub_item) continue;
            auto sub = sub_item->find(l.text);
            const bool first = sub && (sub->groups[1] == "1" || sub->groups[1] == "①");
            if (!sub_list_) sub_list_ = first && names_only(b_.current());
            if (!sub_list_) m = std::move(sub);
        }
        if (!m || b_.part_kind_now() == "preamble") return false;
        RawItem& it = b_.open_item(l);
        sub_list_ = false;
        it.label = ustr::trim(std::string_view(l.text).substr(0, m->begin[2]));
        it.printed = circled_number(m->groups[1]).value_or(std::atoi(m->groups[1].c_str()));
        it.cells.push_back({CellKind::Measure, ustr::trim(m->groups[2]), l.line_start});
        return true;
    }

    // The depth of a decimal outline's deepest numbers (2 for 2.1, 3 for
    // 2.1.1), 0 when the document is no decimal outline: fewer than three
    // lines carry a dotted number.
    size_t decimal_depth(const std::vector<Line>& lines) const {
        if (!decimal_) return 0;
        size_t dotted = 0, depth = 0;
        for (size_t i = sk_.cover.body_start; i < lines.size(); ++i)
            if (auto m = decimal_->find(lines[i].text)) {
                const size_t d = ustr::outline_depth(m->groups[1]);
                dotted += d >= 2;
                depth = std::max(depth, d);
            }
        return dotted >= 3 ? depth : 0;
    }

    // 第一部分 / 第一章 over 一、 headings: the chapters are the parts and
    // the 一、 headings their sections, one level down (else the two
    // numberings would give the same path, 一, to 第一部分 and 一、).
    bool chapters_over_parts(const std::vector<Line>& lines) const {
        if (!chapter_ || !level1_) return false;
        bool seen_chapter = false;
        for (size_t i = sk_.cover.body_start; i < lines.size(); ++i) {
            if (chapter_->matches(lines[i].text)) seen_chapter = true;
            else if (seen_chapter && level1_->matches(lines[i].text)) return true;
        }
        return false;
    }

    bool part_as_section(const Line& l) {
        if (chapter_->matches(l.text)) return false;
        auto m = level1_->find(l.text);
        if (!m || m->begin[2] < 0 || ustr::trim(m->groups[2]).empty() || !b_.in_part()) return false;
        sub_list_ = in_annex_ = false;
        b_.open_section2(l, *m);
        return true;
    }

    // A line of a decimal outline: its deepest numbers open tasks, level 1
    // a part, the levels between a section.
    bool decimal_line(const Line& l) {
        if (decimal_depth_ == 0) return false;
        auto m = decimal_->find(l.text);
        if (!m) return false;
        const size_t d = ustr::outline_depth(m->groups[1]);
        const std::string rest = ustr::trim(m->groups[2]);
        if (d < decimal_depth_) {
            b_.open_decimal(l, m->groups[1], rest, static_cast<int>(d));
            return true;
        }
        if (b_.part_kind_now() == "preamble") return false;
        RawItem& it = b_.open_item(l);
        sub_list_ = false;
        it.label = m->groups[1];
        it.printed = ustr::outline_last(*it.label);
        it.cells.push_back({CellKind::Measure, rest, l.line_start});
        return true;
    }

    const Grammar& g_;
    Skeleton& sk_;
    Builder b_;
    const Pattern *level2_, *item_, *item3_, *circled_, *skip_, *decimal_, *chapter_, *level1_;
    bool chapters_ = false;  // chapters_over_parts
    size_t decimal_depth_ = 0;
    bool in_annex_ = false;
    bool sub_list_ = false;  // reading the （1）… sub-items of a `1.` item
};

}  // namespace

void segment_prose(const std::vector<Line>& raw, const Grammar& g, Skeleton& sk) {
    std::vector<Line> lines = join_wrapped(raw);
    sk.cover = read_cover(lines, g);
    ProseSegmenter(g, sk).run(lines);
}

Skeleton segment_mixed(const std::vector<Line>& raw, const std::vector<TableBlock>& tables, const Grammar& prose_g,
                       const Grammar& table_g) {
    // The prose between tables is joined piece by piece (a wrapped line
    // never joins a table row); each table is read where it stands.
    std::vector<Line> prose;
    std::vector<ProseSegmenter::Table> read;
    size_t from = 0;
    auto add_prose = [&](size_t end) {
        std::vector<Line> piece(raw.begin() + static_cast<std::ptrdiff_t>(std::min(from, end)),
                                raw.begin() + static_cast<std::ptrdiff_t>(end));
        for (auto& l : join_wrapped(piece)) prose.push_back(std::move(l));
    };
    for (const TableBlock& t : tables) {
        if (t.header < from || t.end > raw.size()) continue;  // not in order: read as prose
        add_prose(t.header);
        read.push_back({prose.size(), &table_g,
                        {raw.begin() + static_cast<std::ptrdiff_t>(t.header), raw.begin() + static_cast<std::ptrdiff_t>(t.end)}});
        from = t.end;
    }
    add_prose(raw.size());
    Skeleton sk;
    sk.cover = read_cover(prose, prose_g);
    ProseSegmenter(prose_g, sk).run(prose, read);
    return sk;
}

}  // namespace qingdan
