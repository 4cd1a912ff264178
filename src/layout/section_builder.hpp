// The part / level-2 section / item state both segmentation models share
// (private header).
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pattern.hpp"
#include "segment.hpp"
#include "ustr.hpp"

namespace qingdan {

// A span of lines only (the office fields unset): `{a, b}` would leave the
// optional fields to -Wmissing-field-initializers.
inline Span line_span(int start, int end) {
    Span s;
    s.line_start = start;
    s.line_end = end;
    return s;
}

// Kind of a level-1 part from its title.
inline std::string part_kind(const Grammar& g, const std::string& title) {
    if (const Pattern* p = g.pattern("preamble"); p && p->matches(title)) return "preamble";
    if (const Pattern* p = g.pattern("requirements"); p && p->matches(title)) return "requirements";
    return "tasks";
}

// State shared by both models: the current part and level-2 section.
class Builder {
public:
    Builder(const Grammar& g, Skeleton& sk) : g_(g), sk_(sk) {}

    // Level-1 heading keys, tried in order; each gives group 1 = numeral,
    // group 2 = title (unmatched for 第一部分 alone on its line).
    // `level1_alone` (a numeral on a line of its own, as PDF text boxes
    // print it) counts only when the next line is its title.
    static constexpr const char* kLevel1Keys[] = {"level1", "level1_chapter", "level1_alone"};

    // Opens a part when `l` is a level-1 heading. A heading without a title
    // takes `next` as its title when that reads as one (short, no sentence
    // end, not itself numbered). Returns the lines used: 0, 1 or 2.
    int try_heading(const Line& l, const Line* next = nullptr) {
        for (const char* key : kLevel1Keys) {
            const Pattern* p = g_.pattern(key);
            auto m = p ? p->find(l.text) : std::nullopt;
            if (!m) continue;
            const bool titled = m->begin[2] >= 0 && !ustr::trim(m->groups[2]).empty();
            const bool next_is_title = !titled && next && is_bare_title(*next);
            if (std::string_view(key) == "level1_alone" && !next_is_title) return 0;
            open_part(l, *m);
            if (!next_is_title) return 1;
            Section& s = sk_.sections.back();
            s.title = ustr::trim(next->text);
            s.kind = part_kind(g_, s.title);
            s.span.line_end = next->line_end;
            return 2;
        }
        return 0;
    }

    // A line that can only be a heading's title: short, no sentence
    // punctuation, and no numbering of its own.
    bool is_bare_title(const Line& l) const {
        const std::string t = ustr::trim(l.text);
        if (t.empty() || ustr::length(t) > 30) return false;
        for (const char* stop : {"。", "，", "；", "：", ":", ";"})
            if (t.find(stop) != std::string::npos) return false;
        for (const char* key : kLevel1Keys)
            if (const Pattern* p = g_.pattern(key); p && p->matches(t)) return false;
        for (const char* key : {"level2", "item", "item_paren"})
            if (const Pattern* p = g_.pattern(key); p && p->matches(t)) return false;
        return true;
    }

    void open_part(const Line& l, const Match& m) {
        Section s;
        s.label = ustr::trim(std::string_view(l.text).substr(0, m.begin[2] < 0 ? l.text.size() : m.begin[2]));
        s.number = ustr::small_chinese_number(m[1]);
        s.path = {m[1]};
        s.title = ustr::trim(m[2]);
        push_part(l, std::move(s));
    }

    // A heading of a decimal outline (2 重点任务, 2.1 夯实基础): level 1 a
    // part, deeper a section, its printed number its label and path step.
    void open_decimal(const Line& l, const std::string& label, const std::string& title, int level) {
        Section s;
        s.label = label;
        s.number = ustr::outline_last(label);
        s.title = title;
        if (level == 1) {
            s.path = {label};
            return push_part(l, std::move(s));
        }
        push_section2(l, std::move(s));
    }

    // A part named by a table's category cell (类别: 营商环境) that prints no
    // numeral: its name is its label and its path.
    void open_named_part(const Line& l, const std::string& name) {
        Section s;
        s.label = name;
        s.path = {name};
        s.title = name;
        push_part(l, std::move(s));
    }

    // The current part's title continues (a name a PDF cut over two rows).
    void extend_part_title(const std::string& more) {
        if (part_) sk_.sections[*part_].title += more;
    }

    void open_section2(const Line& l, const Match& m) {
        Section s;
        s.label = ustr::trim(std::string_view(l.text).substr(0, m.begin[2]));
        s.number = ustr::small_chinese_number(m[1]);
        s.title = ustr::trim(m[2]);
        push_section2(l, std::move(s));
    }

    // A level-1 part (label, number, path and title set): its kind from its
    // title, the current part from now on.
    void push_part(const Line& l, Section s) {
        close_item();
        s.level = 1;
        s.kind = part_kind(g_, s.title);
        s.span = line_span(l.line_start, l.line_end);
        part_ = sk_.sections.size();
        sec2_.reset();
        part_items_[*part_] = 0;
        sk_.sections.push_back(std::move(s));
    }

    // A level-2 section (label, number and title set) in the current part: a
    // sibling, not a child, of the previous （N）.
    void push_section2(const Line& l, Section s) {
        close_item();
        s.level = 2;
        sec2_.reset();
        s.path = path();
        s.path.push_back(s.label);
        s.kind = part_ ? sk_.sections[*part_].kind : "tasks";
        s.span = line_span(l.line_start, l.line_end);
        sec2_ = sk_.sections.size();
        sk_.sections.push_back(std::move(s));
    }

    std::vector<std::string> path() const {
        std::vector<std::string> p;
        if (part_) p.push_back(sk_.sections[*part_].path[0]);
        if (sec2_) p.push_back(sk_.sections[*sec2_].label);
        return p;
    }

    bool in_part() const { return part_.has_value(); }

    std::string part_kind_now() const { return part_ ? sk_.sections[*part_].kind : "tasks"; }

    RawItem& open_item(const Line& l) {
        close_item();
        RawItem it;
        it.kind = part_kind_now() == "requirements" ? "requirement" : "task";
        it.section_path = path();
        it.span = line_span(l.line_start, l.line_end);
        cur_ = std::move(it);
        if (part_) ++part_items_[*part_];
        return *cur_;
    }

    RawItem* current() { return cur_ ? &*cur_ : nullptr; }

    // Forgets the open item (a table row that held only furniture).
    void drop_item() {
        if (!cur_) return;
        if (part_) --part_items_[*part_];
        cur_.reset();
    }

    // True once any item was opened.
    bool any_item() const { return cur_.has_value() || !sk_.items.empty(); }

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
        if (!part_) {  // introduction before the first part: only its citations are read
            sk_.intro.push_back(l);
            return;
        }
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
            it.span = line_span(text.front().line_start, text.back().line_end);
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

}  // namespace qingdan
