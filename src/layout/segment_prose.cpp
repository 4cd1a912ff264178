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
    const Pattern* level2 = g.pattern("level2");
    for (size_t j = i + 1; j < lines.size(); ++j) {
        const std::string& t = lines[j].text;
        if (item && item->matches(t)) return true;
        if (level2 && level2->matches(t)) return false;
        for (const char* key : Builder::kLevel1Keys)
            if (const Pattern* p = g.pattern(key); p && p->matches(t)) return false;
    }
    return false;
}

// A document cut mid-item (a truncated download) may end in a fragment too
// short to be a task (`5.强化项目会办推`): dropped, with a warning.
void drop_fragment(Skeleton& sk) {
    if (sk.items.empty()) return;
    const RawItem& last = sk.items.back();
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

}  // namespace

void segment_prose(const std::vector<Line>& raw, const Grammar& g, Skeleton& sk) {
    std::vector<Line> lines = join_wrapped(raw);
    sk.cover = read_cover(lines, g);
    Builder b(g, sk);
    const Pattern* level2 = g.pattern("level2");
    const Pattern* item = g.pattern("item");
    const Pattern* item3 = g.pattern("item_paren");
    const Pattern* skip = g.pattern("skip_line");
    // An attachment label (附件 / 附件1：…) after the items closes the last
    // one: what follows (a project list, a table, the site's footer) is not
    // part of its text. A level-1 heading resumes segmentation (an annex
    // that is itself a plan).
    bool in_annex = false;
    for (size_t i = sk.cover.body_start; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (skip && skip->matches(l.text)) {
            if (b.any_item()) {
                b.close_item();
                in_annex = true;
            }
            continue;
        }
        if (int used = b.try_heading(l, i + 1 < lines.size() ? &lines[i + 1] : nullptr)) {
            i += used - 1;  // a title printed on the heading's next line
            in_annex = false;
            continue;
        }
        if (in_annex) continue;
        if (auto m = level2 ? level2->find(l.text) : std::nullopt) {
            if (b.part_kind_now() != "preamble" && (has_body(m->groups[2]) || !heads_items(lines, i, g))) {
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
        // （1）…（4） under a `1.` item are its text, not tasks of their own.
        const bool sub_item = !m && b.current() && b.current()->label && !b.current()->level2 &&
                              !ustr::starts_with(*b.current()->label, "（") && !ustr::starts_with(*b.current()->label, "(");
        if (!m && item3 && !sub_item) m = item3->find(l.text);
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
    drop_fragment(sk);
}

}  // namespace qingdan
