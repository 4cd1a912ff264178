// Unit-clause parsing: a clause's inside split into names, each with the role
// its label, tail or note gives it (units_internal.hpp). The words come from
// data/unit_phrasing.tsv (UnitPhrasing); this file knows only the shapes:
// names separated by 、，；, labels before a colon, phrasing after the names,
// notes in parentheses after a name.
#include <algorithm>

#include "units_internal.hpp"
#include "ustr.hpp"

namespace qingdan {

using namespace unit_detail;

namespace unit_detail {

namespace {

// The stronger of two marks: each-lead > lead > participant > responsible > none.
UnitRole stronger(UnitRole a, UnitRole b) {
    auto rank = [](UnitRole r) {
        switch (r) {
            case UnitRole::each_lead: return 4;
            case UnitRole::lead: return 3;
            case UnitRole::participant: return 2;
            case UnitRole::responsible: return 1;
            case UnitRole::none: return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

bool is_lead(UnitRole r) { return r == UnitRole::lead || r == UnitRole::each_lead; }

// A marker followed by one or two characters of verb at the end of `s`
// (牵头卖力, 负责推动, 按职责分工卖力): the byte length to strip, or 0. The
// verb must not end like a unit (牵头单位 is a label, not a verb).
size_t verb_tail(const UnitPhrasing& ph, std::string_view s, UnitRole* role) {
    if (ends_like_unit(s)) return 0;
    size_t cut = s.size();
    for (int k = 0; k < 2 && cut > 0; ++k) {
        cut = ustr::char_start(s, cut);
        if (static_cast<unsigned char>(s[cut]) < 0x80) return 0;
        const std::string_view head = s.substr(0, cut);
        for (const auto& v : ph.verbs)
            if (head.size() > v.text.size() && head.ends_with(v.text)) {
                if (role) *role = stronger(*role, v.role);
                return s.size() - cut + v.text.size();
            }
    }
    return 0;
}

}  // namespace

// Strips responsibility phrasing from the end ("…等按职责分工负责" -> 负责,
// 按职责分工, 等); *role gets the strongest role a stripped tail gave.
std::string_view strip_phrasing(std::string_view s, UnitRole* role) {
    const UnitPhrasing& ph = UnitPhrasing::current();
    s = trim_sv(s);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        size_t cut = 0;
        if (const auto* p = ph.tail_of(s)) {
            if (role) *role = stronger(*role, p->role);
            cut = p->text.size();
        } else {
            cut = verb_tail(ph, s, role);
        }
        if (cut) {
            s = trim_sv(s.substr(0, s.size() - cut));
            changed = true;
        }
    }
    return s;
}

namespace {

std::string_view strip_leading(std::string_view s) {
    s = trim_sv(s);
    for (const auto& p : UnitPhrasing::current().lead_ins)
        if (s.size() > p.size() + 3 && s.starts_with(p)) s.remove_prefix(p.size());
    return trim_sv(s);
}

// A parenthesis closing `s` that is a note, not part of the name (市卫生健康委
// (除标注“分别牵头”外,列第一位为牵头单位,下同)): it holds a comma or quote or
// is longer than any name's parenthesised part. Returns `s` without it.
std::string_view drop_trailing_note(std::string_view s) {
    if (!(s.ends_with(")") || s.ends_with("）"))) return s;
    int depth = 0;
    for (size_t i = s.size(); i-- > 0;) {
        const bool close = s[i] == ')' || (i + 3 <= s.size() && s.compare(i, 3, "）") == 0);
        const bool open = s[i] == '(' || (i + 3 <= s.size() && s.compare(i, 3, "（") == 0);
        if (close) ++depth;
        if (open && --depth == 0) {
            const std::string_view inside = s.substr(i);
            const bool note = ustr::length(inside) > 16 || inside.find("，") != std::string_view::npos ||
                              inside.find(',') != std::string_view::npos || inside.find("“") != std::string_view::npos;
            return note && i > 0 ? trim_sv(s.substr(0, i)) : s;
        }
    }
    return s;
}

// Separator at u[i]: its byte length, or 0 (、，,；;/ and the joiners, 会同).
size_t separator_at(std::string_view u, size_t i, bool* joiner) {
    *joiner = false;
    const auto c = static_cast<unsigned char>(u[i]);
    if (c < 0x80) return (c == ',' || c == ';' || c == '/') ? 1 : 0;
    if (c == 0xE3 && at3(u, i, "、")) return 3;
    if (c == 0xEF && (at3(u, i, "，") || at3(u, i, "；"))) return 3;
    for (const auto& j : UnitPhrasing::current().joiners)
        if (u[i] == j.text[0] && u.substr(i).starts_with(j.text)) {
            *joiner = true;
            return j.text.size();
        }
    return 0;
}

// True when a 、 at u[i] (outside parentheses) is part of one collective
// name: 各省、自治区、直辖市(、新疆生产建设兵团), 各市、县（区）知识产权局.
bool protected_dun(std::string_view u, size_t start, size_t i) {
    const std::string_view before = u.substr(0, i), after = u.substr(i + 3);
    if ((before.ends_with("省") && after.starts_with("自治区")) ||
        (before.ends_with("自治区") && after.starts_with("直辖市")))
        return true;
    if ((before.ends_with("直辖市") || before.ends_with("（区、市）") || before.ends_with("计划单列市") ||
         before.ends_with("副省级城市")) &&
        (after.starts_with("新疆生产建设兵团") || after.starts_with("计划单列市") || after.starts_with("副省级城市")))
        return true;
    const std::string_view cur = trim_sv(u.substr(start, i - start));
    for (std::string_view lv : {"各市", "各市（州）", "各州（市）", "各设区市", "各盟市", "各地级市", "市", "市（州）", "设区市"})
        if (cur == lv && (after.starts_with("县") || after.starts_with("区"))) return true;
    return false;
}

class Splitter {
public:
    explicit Splitter(const UnitGazetteer* g) : g_(g), ph_(UnitPhrasing::current()) {}

    std::vector<SplitName> run(std::string_view u) {
        int depth = 0;
        size_t start = 0;
        for (size_t i = 0; i < u.size();) {
            if (u[i] == '(' || at3(u, i, "（")) {
                ++depth;
                i += u[i] == '(' ? 1 : 3;
                continue;
            }
            if (u[i] == ')' || at3(u, i, "）")) {
                if (depth > 0) --depth;
                i += u[i] == ')' ? 1 : 3;
                continue;
            }
            bool joiner = false;
            size_t len = separator_at(u, i, &joiner);
            bool label_gap = false;  // 牵头单位：A 配合单位：B
            if (!len && depth == 0 && (len = space_at(u, i)) > 0) {
                label_gap = label_follows(u.substr(i));
                if (!label_gap) len = 0;
            }
            // A label glued to the name before it (…建设厅配合单位：…), the
            // space between them closed up by normalisation.
            // Only after a label's names: 主要责任单位： is one label.
            if (!len && depth == 0 && i > start && after_label(u.substr(start, i - start)) && label_follows(u.substr(i))) {
                piece(u.substr(start, i - start));
                group_ = names_.size();
                label_role_ = UnitRole::none, people_ = false;
                start = i;
            }
            if (!len) {
                i += ustr::sequence_length(static_cast<unsigned char>(u[i]));
                continue;
            }
            const bool dun = !label_gap && at3(u, i, "、");
            const bool comma = dun || u[i] == ',' || at3(u, i, "，");
            const bool protect = (depth > 0 && comma) || (dun && depth == 0 && protected_dun(u, start, i));
            if (!protect) {
                piece(u.substr(start, i - start));
                if (joiner) mark_group(UnitRole::lead);  // A会同B: A leads
                if (!dun && u[i] != '/') group_ = names_.size();
                if (label_gap || u[i] == ';' || at3(u, i, "；")) label_role_ = UnitRole::none, people_ = false;
                start = i + len;
            }
            i += len;
        }
        piece(u.substr(std::min(start, u.size())));
        // Lead-marked names first (配合部门：B；牵头部门：A -> A, B), else printed order.
        std::stable_partition(names_.begin(), names_.end(), [](const SplitName& n) { return is_lead(n.role); });
        return std::move(names_);
    }

private:
    // A piece holding a label's colon and a name after it.
    static bool after_label(std::string_view piece) {
        size_t colon = std::min(piece.find("："), piece.find(':'));
        if (colon == std::string_view::npos) return false;
        return !trim_sv(piece.substr(colon + (piece[colon] == ':' ? 1 : 3))).empty();
    }

    // Spaces then a label and its colon (…局 配合单位：…).
    bool label_follows(std::string_view rest) const {
        rest = trim_sv(rest);
        for (const auto& l : ph_.labels)
            if (rest.starts_with(l.text)) {
                const std::string_view after = trim_sv(rest.substr(l.text.size()));
                return after.starts_with(":") || after.starts_with("：");
            }
        return false;
    }

    // Label prefixes: 局内：, 牵头部门：, 责任单位： (possibly several).
    std::string_view strip_labels(std::string_view p) {
        for (;;) {
            size_t colon = p.find(':');
            size_t clen = 1;
            const size_t fw = p.find("：");
            if (fw != std::string_view::npos && (colon == std::string_view::npos || fw < colon)) {
                colon = fw;
                clen = 3;
            }
            if (colon == std::string_view::npos) break;
            const std::string_view label = trim_sv(p.substr(0, colon));
            if (ustr::length(label) > 8) break;
            label_role_ = UnitRole::none;
            people_ = ph_.names_people(label);
            for (const auto& l : ph_.labels)
                if (label.find(l.text) != std::string_view::npos) {
                    label_role_ = l.role;
                    break;
                }
            group_ = names_.size();
            p = trim_sv(p.substr(colon + clen));
        }
        return p;
    }

    void piece(std::string_view p) {
        p = strip_leading(strip_labels(trim_sv(p)));
        if (p.empty() || people_) return;  // names after 责任领导： are people
        if (!has_space(p)) {
            emit(p, {});
            return;
        }
        // Whitespace-separated parts: re-join names broken by PDF spacing.
        std::vector<std::string_view> parts;
        for (size_t i = 0; i < p.size();) {
            size_t n;
            while (i < p.size() && (n = space_at(p, i)) > 0) i += n;
            size_t j = i;
            while (j < p.size() && space_at(p, j) == 0) j += ustr::sequence_length(static_cast<unsigned char>(p[j]));
            if (j > i) parts.push_back(p.substr(i, j - i));
            i = j;
        }
        std::string cur;
        std::vector<std::string> cur_parts;
        auto flush = [&] {
            if (cur.empty()) return;
            if (cur_parts.size() < 2) cur_parts.clear();
            emit(cur, std::move(cur_parts));
            cur.clear();
            cur_parts.clear();
        };
        for (std::string_view part : parts) {
            if (!cur.empty() && !join(cur, part)) flush();
            cur += part;
            cur_parts.emplace_back(part);
        }
        flush();
    }

    // Whether a space between `cur` and `part` is inside one name.
    bool join(const std::string& cur, std::string_view part) const {
        // Two ASCII words stay apart.
        if (static_cast<unsigned char>(cur.back()) < 0x80 && static_cast<unsigned char>(part.front()) < 0x80)
            return false;
        const std::string_view cur_s = strip_phrasing(cur);
        if (g_) {
            if (g_->find(strip_phrasing(cur + std::string(part)))) return true;
            if (g_->find(cur_s)) return false;
        }
        return !ends_like_unit(cur_s);
    }

    // Gives `role` to every name of the current group that has none.
    void mark_group(UnitRole role) {
        for (size_t k = group_; k < names_.size(); ++k)
            if (names_[k].role == UnitRole::none || is_lead(role)) names_[k].role = role;
    }

    void emit(std::string_view name, std::vector<std::string> parts) {
        UnitRole tail = UnitRole::none;
        std::string_view s = strip_leading(strip_phrasing(name, &tail));
        s = drop_trailing_note(s);
        // 省知识产权局（牵头）, 公安厅(配合): a role note after the name, for that name only.
        UnitRole own = UnitRole::none;
        for (const auto& note : ph_.notes)
            if (s.size() > note.text.size() && s.ends_with(note.text)) {
                own = note.role;
                s = trim_sv(s.substr(0, s.size() - note.text.size()));
                break;
            }
        const size_t before = names_.size();
        if (!s.empty() && !ph_.is_generic(s)) push_split(s, std::move(parts));
        if (own != UnitRole::none)
            for (size_t k = before; k < names_.size(); ++k) names_[k].role = own;
        // A role-giving tail applies to the group it ends (A、B配合, A、B分别牵头).
        if (tail != UnitRole::none) mark_group(tail);
    }

    // Pushes `s`, cut at a conjunction (州委编办及州直相关单位) when both
    // sides end like unit names and the gazetteer does not know `s` whole.
    void push_split(std::string_view s, std::vector<std::string> parts) {
        if (!g_ || !g_->find(s))
            for (const auto& c : ph_.conjunctions)
                for (size_t i = s.find(c); i != std::string_view::npos; i = s.find(c, i + c.size())) {
                    const std::string_view left = strip_phrasing(s.substr(0, i)), right = s.substr(i + c.size());
                    // A 、 left in a piece is inside one collective name (各省、自治区、直辖市及…).
                    if (ustr::length(left) < 2 || ustr::length(right) < 2 || !ends_like_unit(left) ||
                        s.substr(0, i).find("、") != std::string_view::npos ||
                        !ends_like_unit(strip_phrasing(right)))
                        continue;
                    emit_one(left, {});
                    emit(right, {});
                    return;
                }
        emit_one(s, std::move(parts));
    }

    void emit_one(std::string_view s, std::vector<std::string> parts) {
        if (ph_.is_generic(s)) return;
        names_.push_back({std::string(s), std::move(parts), label_role_});
    }

    const UnitGazetteer* g_;
    const UnitPhrasing& ph_;
    UnitRole label_role_ = UnitRole::none;  // a label's role applies up to the next ';' or label
    bool people_ = false;                   // so does a person label (data: person-label)
    size_t group_ = 0;                      // first name of the current 、-group
    std::vector<SplitName> names_;
};

}  // namespace

// Forbidden inside a unit name: sentence punctuation, digits, function words.
bool plausible_name(std::string_view name, const UnitGazetteer* g) {
    if (g && g->find(name)) return true;
    const size_t n = ustr::length(name);
    if (n < 2 || n > 40) return false;
    // Sentence punctuation, digits and the function words of a sentence
    // (由, 要, 将 …) are never in a name: one pass over its characters.
    static constexpr std::u32string_view kNever = U"0123456789;?!\":。；？！《》“”‘’…：由要将把并均";
    for (size_t i = 0; i < name.size();)
        if (kNever.find(ustr::next(name, i)) != std::u32string_view::npos) return false;
    for (std::string_view w : {"应当", "可以", "进行", "以下简称"})
        if (name.find(w) != std::string_view::npos) return false;
    return ends_like_unit(name) || name.starts_with("各");
}

namespace {

// A clause ends with a role-giving tail or a marker (负责, 牵头卖力), or
// starts with a label and a colon (责任单位：…).
bool clause_marked(std::string_view inside) {
    const UnitPhrasing& ph = UnitPhrasing::current();
    std::string_view s = trim_sv(inside);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view p : {"。", ".", "；", ";"})
            if (s.ends_with(p)) {
                s = trim_sv(s.substr(0, s.size() - p.size()));
                changed = true;
            }
    }
    for (const auto& m : ph.markers)
        if (s.size() > m.size() && s.ends_with(m)) return true;
    if (const auto* t = ph.tail_of(s); t && t->role != UnitRole::none && s.size() > t->text.size()) return true;
    UnitRole role = UnitRole::none;
    if (verb_tail(ph, s, &role)) return true;
    // A leading part naming people (责任领导：张三；牵头单位：A): the label after it counts.
    for (size_t semi; (semi = s.find("；")) != std::string_view::npos && semi <= 8 * 3 + 60;) {
        const std::string_view head = s.substr(0, semi);
        const size_t colon = std::min(head.find("："), head.find(':'));
        if (colon == std::string_view::npos || !ph.names_people(head.substr(0, colon))) break;
        s = trim_sv(s.substr(semi + 3));
    }
    for (const auto& l : ph.labels)
        if (s.starts_with(l.text)) {
            const std::string_view rest = trim_sv(s.substr(l.text.size()));
            if (rest.starts_with(":") || rest.starts_with("：")) return true;
        }
    return false;
}

}  // namespace

std::vector<SplitName> split_impl(std::string_view clause, const UnitGazetteer* g) {
    return Splitter(g).run(clause);
}

// The names of a unit clause, or nothing when `inside` is not one.
std::optional<std::vector<SplitName>> unit_clause_names(std::string_view inside, const UnitGazetteer* g) {
    if (!clause_marked(inside)) return std::nullopt;
    auto names = split_impl(inside, g);
    if (names.empty()) return std::nullopt;
    for (const auto& n : names)
        if (!plausible_name(n.name, g)) return std::nullopt;
    return names;
}

// Marked leads (牵头, 分别牵头, a 牵头单位 label, 会同's first party) lead and
// every other unit participates; unmarked, one unit is responsible and of
// several the first listed leads (both seed plans state this rule).
// A clause that marks every unit as helping (A、B配合: the lead named by the
// heading above) has no lead.
void assign_marked_roles(std::vector<UnitRef>& refs, const std::vector<UnitRole>& marks) {
    const bool any_lead = std::any_of(marks.begin(), marks.end(), is_lead);
    const bool all_help = !marks.empty() && std::all_of(marks.begin(), marks.end(), [](UnitRole r) { return r == UnitRole::participant; });
    for (size_t i = 0; i < refs.size(); ++i) {
        if (any_lead || all_help) refs[i].role = is_lead(marks[i]) ? "lead" : "participant";
        else refs[i].role = refs.size() == 1 ? "responsible" : (i == 0 ? "lead" : "participant");
    }
}

}  // namespace unit_detail

std::vector<std::string> split_unit_list(std::string_view clause) {
    std::vector<std::string> out;
    for (auto& n : split_impl(clause, nullptr)) out.push_back(std::move(n.name));
    return out;
}

bool is_unit_clause(std::string_view inside) { return unit_clause_names(inside, nullptr).has_value(); }

bool UnitGazetteer::is_unit_clause(std::string_view inside) const {
    return unit_clause_names(inside, this).has_value();
}

std::vector<UnitRef> assign_roles(std::vector<UnitRef> units) {
    std::vector<UnitRef> out;
    out.reserve(units.size());
    for (auto& u : units) {
        const std::string& key = u.canonical.empty() ? u.name : u.canonical;
        const bool dup = std::any_of(out.begin(), out.end(), [&](const UnitRef& o) {
            return (o.canonical.empty() ? o.name : o.canonical) == key;
        });
        if (!dup) out.push_back(std::move(u));
    }
    for (size_t i = 0; i < out.size(); ++i)
        out[i].role = out.size() == 1 ? "responsible" : (i == 0 ? "lead" : "participant");
    return out;
}

std::vector<UnitRef> merge_unit_lists(const std::vector<std::vector<UnitRef>>& lists) {
    std::vector<UnitRef> all;
    std::vector<UnitRole> marks;
    size_t with_units = 0;
    for (const auto& l : lists) {
        if (l.empty()) continue;
        ++with_units;
        const size_t leads = std::count_if(l.begin(), l.end(), [](const UnitRef& u) { return u.role == "lead"; });
        for (const auto& u : l) {
            const std::string& key = u.canonical.empty() ? u.name : u.canonical;
            if (std::any_of(all.begin(), all.end(), [&](const UnitRef& o) {
                    return (o.canonical.empty() ? o.name : o.canonical) == key;
                }))
                continue;
            all.push_back(u);
            // Several leads in one list were marked (分别牵头): they stay leads.
            marks.push_back(u.role == "lead" && leads > 1 ? UnitRole::each_lead : UnitRole::none);
        }
    }
    if (with_units == 1) {
        for (const auto& l : lists)
            if (!l.empty()) return all.size() == l.size() ? all : assign_roles(all);
    }
    assign_marked_roles(all, marks);
    return all;
}

}  // namespace qingdan

namespace qingdan {

std::optional<std::string> carried_unit_list(std::string_view note) {
    const UnitPhrasing& ph = UnitPhrasing::current();
    if (std::none_of(ph.carry.begin(), ph.carry.end(),
                     [&](const std::string& c) { return note.find(c) != std::string_view::npos; }))
        return std::nullopt;
    for (const auto& intro : ph.carry_intro) {
        const size_t at = note.find(intro);
        if (at == std::string_view::npos) continue;
        std::string_view rest = note.substr(at + intro.size());
        size_t end = rest.size();
        for (std::string_view stop : {"，", ",", "；", ";", "。"}) end = std::min(end, rest.find(stop));
        const std::string_view list = unit_detail::trim_sv(rest.substr(0, end));
        auto names = unit_detail::split_impl(list, nullptr);
        if (!names.empty() && std::all_of(names.begin(), names.end(), [](const unit_detail::SplitName& n) {
                return unit_detail::ends_like_unit(n.name);
            }))
            return std::string(list);
    }
    return std::nullopt;
}

std::optional<std::string> inline_unit_clause(std::string_view text) {
    const UnitPhrasing& ph = UnitPhrasing::current();
    for (const auto& in : ph.lead_ins)
        for (size_t at = text.find(in); at != std::string_view::npos; at = text.find(in, at + in.size())) {
            const std::string_view rest = text.substr(at + in.size());
            // The joiner within the first name's length (由A会同B…).
            size_t join = std::string_view::npos;
            for (const auto& j : ph.joiners)
                if (size_t k = rest.find(j.text); k != std::string_view::npos && k >= 6 && k <= 60) join = k;
            if (join == std::string_view::npos) continue;
            // The list ends at the first phrasing after the joiner (等部门, 负责).
            size_t end = std::string_view::npos;
            auto earlier = [&](const std::string& w) {
                const size_t k = rest.find(w, join);
                if (k != std::string_view::npos && k < end) end = k;
            };
            for (const auto& t : ph.tails) earlier(t.text);
            for (const auto& m : ph.markers) earlier(m);
            if (end == std::string_view::npos || end > 600) continue;
            const std::string_view list = rest.substr(0, end);
            if (list.find("。") != std::string_view::npos || list.find("，") != std::string_view::npos) continue;
            auto names = unit_detail::split_impl(list, nullptr);
            if (names.size() >= 2 &&
                std::all_of(names.begin(), names.end(),
                            [](const unit_detail::SplitName& n) { return unit_detail::plausible_name(n.name, nullptr); }))
                return std::string(list);
        }
    return std::nullopt;
}

std::optional<size_t> closing_unit_sentence(std::string_view text) {
    std::string_view s = unit_detail::trim_sv(text);
    if (!s.ends_with("。")) return std::nullopt;
    s.remove_suffix(3);
    const size_t stop = s.rfind("。");
    if (stop == std::string_view::npos) return std::nullopt;  // the item's only sentence
    const std::string_view last = unit_detail::trim_sv(s.substr(stop + 3));
    if (last.empty() || ustr::length(last) > 100 || !unit_clause_names(last, nullptr)) return std::nullopt;
    return static_cast<size_t>(last.data() - text.data());
}

std::optional<GroupStatement> group_unit_statement(std::string_view line) {
    const UnitPhrasing& ph = UnitPhrasing::current();
    std::string_view s = unit_detail::trim_sv(line);
    while (s.ends_with("。") || s.ends_with("；")) s = unit_detail::trim_sv(s.substr(0, s.size() - 3));
    for (int forward = 0; forward < 2; ++forward)
        for (const auto& p : forward ? ph.group_forward : ph.group_back) {
            if (!s.starts_with(p)) continue;
            const std::string_view list = s.substr(p.size());
            if (list.find("。") != std::string_view::npos || !unit_clause_names(list, nullptr)) return std::nullopt;
            return GroupStatement{std::string(list), forward == 1};
        }
    return std::nullopt;
}

}  // namespace qingdan
