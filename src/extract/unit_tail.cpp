#include "unit_tail.hpp"

#include <algorithm>

#include "pattern.hpp"
#include "units_internal.hpp"

namespace qingdan {
using unit_detail::at3;

namespace {

// Byte length of a list separator at s[i] (、，；： , ; : or a space), 0 if none.
size_t list_separator_at(std::string_view s, size_t i) {
    for (const char* sep : {"、", "，", "；", "："})
        if (at3(s, i, sep)) return 3;
    if (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == ' ') return 1;
    return 0;
}

// Position after the last separator outside parentheses, or 0.
size_t last_name_start(std::string_view s, size_t* sep_at, size_t* sep_len) {
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        if (s[i] == '(' || at3(s, i, "（")) ++depth;
        if ((s[i] == ')' || at3(s, i, "）")) && depth > 0) --depth;
        const size_t n = depth == 0 ? list_separator_at(s, i) : 0;
        if (n) {
            *sep_at = i;
            *sep_len = n;
            start = i + n;
        }
        i += n ? n : ustr::sequence_length(static_cast<unsigned char>(s[i]));
    }
    return start;
}

// The last unmatched opening bracket of `s` (（ ( 〔 【 [): its position and
// byte length, or npos.
size_t open_clause(std::string_view s, size_t* len) {
    std::vector<std::pair<size_t, size_t>> open;
    for (size_t i = 0; i < s.size();) {
        size_t n = 0;
        if (s[i] == '(' || s[i] == '[') n = 1;
        else if (at3(s, i, "（") || at3(s, i, "〔") || at3(s, i, "【")) n = 3;
        if (n) {
            open.emplace_back(i, n);
            i += n;
            continue;
        }
        if (s[i] == ')' || s[i] == ']') n = 1;
        else if (at3(s, i, "）") || at3(s, i, "〕") || at3(s, i, "】")) n = 3;
        if (n && !open.empty()) open.pop_back();
        i += n ? n : ustr::sequence_length(static_cast<unsigned char>(s[i]));
    }
    if (open.empty()) return std::string_view::npos;
    *len = open.back().second;
    return open.back().first;
}

// A list cut before its tail (市政府办公室、市教育局、…) has no 负责/牵头 to
// mark it: it reads as units when every name ends like one.
bool names_like_units(const std::string& list) {
    const auto names = split_unit_list(list);
    return !names.empty() && std::all_of(names.begin(), names.end(), [](const std::string& n) {
        return ustr::length(n) >= 2 && unit_detail::ends_like_unit(n);
    });
}

}  // namespace

std::string drop_cut_name(std::string_view list) {
    list = unit_detail::trim_sv(list);
    size_t sep_at = 0, sep_len = 0;
    const size_t start = last_name_start(list, &sep_at, &sep_len);
    const std::string_view last = unit_detail::trim_sv(list.substr(start));
    // One character (区, 市) is the place word a name opens with, never a whole name.
    if (ustr::length(last) >= 2 && unit_detail::ends_like_unit(last)) return std::string(list);
    if (start == 0) return {};  // the only name is cut
    std::string_view kept = unit_detail::trim_sv(list.substr(0, sep_at));
    // A label the cut leaves without its names (…；配合单位：市财 -> …).
    const bool colon = sep_len > 0 && (list.substr(sep_at, sep_len) == ":" || list.substr(sep_at, sep_len) == "：");
    if (colon) {
        size_t at = 0, len = 0;
        kept = last_name_start(kept, &at, &len) == 0 ? std::string_view{} : unit_detail::trim_sv(kept.substr(0, at));
    }
    return std::string(kept);
}

RawItem cut_unit_tail(RawItem it, const Pattern* label, std::string_view cut_text) {
    if (it.cells.empty()) return it;
    Cell& c = it.cells.back();
    // Only a cell the input stops in is cut: a table row whose later cells
    // (完成情况, 说明) were printed is whole.
    // (Its last characters: the line may hold the item's label or more cells.)
    const std::u32string tail = ustr::to_u32(ustr::squeeze(cut_text));
    const std::string last = ustr::to_u8(tail.substr(tail.size() - std::min<size_t>(tail.size(), 8)));
    if (last.empty() || !ustr::squeeze(c.text).ends_with(last)) return it;
    if (c.kind == CellKind::Units) {
        c.text = drop_cut_name(c.text);
        if (c.text.empty()) it.cells.pop_back();
        return it;
    }
    if (c.kind != CellKind::Measure) return it;
    size_t open_len = 0;
    if (const size_t p = open_clause(c.text, &open_len); p != std::string::npos) {
        const std::string inside = drop_cut_name(std::string_view(c.text).substr(p + open_len));
        if (inside.empty()) {
            c.text = ustr::trim(c.text.substr(0, p));
        } else if (is_unit_clause(inside)) {
            c.text = c.text.substr(0, p) + "（" + inside + "）";
        } else if (names_like_units(inside)) {
            // The cut took the clause's marker with it: closed with the
            // role-less 负责 so the surviving names read as its units (a lone
            // one responsible, several by position, as an unmarked list).
            c.text = c.text.substr(0, p) + "（" + inside + "负责）";
        }
        return it;
    }
    if (it.cells.size() < 2) return it;
    // A label cut before its colon (牵头责 of 牵头责任单位：) on the last line.
    const std::string frag = ustr::trim(c.text);
    for (const auto& l : UnitPhrasing::current().labels)
        if (!frag.empty() && frag.size() < l.text.size() && l.text.starts_with(frag)) {
            it.cells.pop_back();
            return it;
        }
    // 责任单位：A、B、市 on a line of its own under the item.
    if (!label) return it;
    const auto m = label->find(c.text);
    if (!m || m->begin[0] != 0) return it;
    const std::string names = drop_cut_name(std::string_view(c.text).substr(m->end[0]));
    if (names.empty()) it.cells.pop_back();
    else c.text = c.text.substr(0, m->end[0]) + names;
    return it;
}

}  // namespace qingdan
