// Skeleton -> canonical document. Layout-specific text shapes come from the
// grammar's patterns (unit_clause, actor, actor_prose, local_addressee).
#include "extract.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "pattern.hpp"
#include "item_clauses.hpp"
#include "table_cells.hpp"
#include "unit_tail.hpp"
#include "values.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// Union of the measures' units in order, one per canonical name: one
// measure keeps its clause's roles, several are ranked by position (both
// seed plans state: the first listed leads), marked co-leads stay leads.
std::vector<UnitRef> union_units(const std::vector<Measure>& ms) {
    std::vector<std::vector<UnitRef>> lists;
    for (const auto& m : ms) lists.push_back(m.units);
    return merge_unit_lists(lists);
}


// Leading sentence as the title, when it is short enough to be a name and
// more than clauses follows it.
// Mis-decoded text (GBK read as UTF-8 and back) turns `。基本完成` into a
// run of damage: `?` or U+FFFD next to ASCII or more damage. Where such a
// run comes before any 。 and after a phrase with no comma, it stands where
// the full stop was (`2.开展…隐患排查?;就瓿傻…`); a lone `?` between two Han
// characters is one damaged letter of the name, not its end.
size_t damaged_stop(const std::string& body, size_t before, size_t* width) {
    static constexpr std::string_view kFffd = "\xEF\xBF\xBD";
    char32_t prev = 0;
    for (size_t i = 0; i < before && i < body.size();) {
        const bool q = body[i] == '?', r = body.compare(i, 3, kFffd) == 0;
        if (!q && !r) {
            if (body.compare(i, 3, "，") == 0 || body[i] == ',') return std::string::npos;
            prev = ustr::next(body, i);
            continue;
        }
        const size_t w = q ? 1 : 3, next = i + w;
        const bool run = next >= body.size() || static_cast<unsigned char>(body[next]) < 0x80 ||
                         body.compare(next, 3, kFffd) == 0;
        if (!run || !ustr::is_han(prev)) return std::string::npos;
        *width = w;
        return i;
    }
    return std::string::npos;
}

// Where the leading sentence ends: its 。, or the damage standing for it;
// `width` is the stop's length in bytes.
size_t leading_stop(const std::string& body, size_t* width) {
    const size_t stop = body.find("。");
    if (const size_t d = damaged_stop(body, stop, width); d != std::string::npos) return d;
    *width = 3;
    return stop;
}

std::optional<std::string> split_title(std::string& body, const Pattern* clause) {
    size_t width = 3;
    const size_t stop = leading_stop(body, &width);
    if (stop == std::string::npos) return std::nullopt;
    std::string title = body.substr(0, stop);
    if (ustr::length(title) > 40 || ustr::length(title) < 2) return std::nullopt;
    std::string rest = ustr::trim(body.substr(stop + width));
    if (only_clauses(rest, clause)) return std::nullopt;
    body = rest;
    return title;
}

// A numbered item whose label line is nothing but a name, the measures on
// the lines below (`1.完善应急预案体系` then `(1)加强…`): a short phrase with
// no sentence punctuation, ending without a stop. Returns its length in
// bytes, 0 when the first line is not such a name.
size_t line_title_bytes(const RawItem& it, const Pattern* clause) {
    if (!it.label || it.cells.size() < 2) return 0;
    const std::string& line = it.cells.front().text;
    const std::string name = ustr::trim(line);
    const size_t n = ustr::length(name);
    if (n < 2 || n > 30) return 0;
    for (std::string_view p : {"。", "，", "；", "：", ",", ";", ":", "！", "？"})
        if (name.find(p) != std::string::npos) return 0;
    if (only_clauses(name, clause) || is_unit_clause(name)) return 0;
    return line.size();
}

// 分管省领导：X / 牵头负责领导：X / 责任人：X on a line of its own under an
// item: the people who answer for it, not its text and never its units.
// The grammar's pattern is anchored, and its prefilter (the 领导/责任人/负责人
// literals it requires) already spares the other lines the regex.
bool is_person_line(const Pattern* person, const std::string& line) {
    return person && person->matches(line);
}

// 牵头单位：X / 责任单位：Y at the start of a line.
bool opens_with_label(const Pattern* label, const std::string& line) {
    if (!label) return false;
    auto m = label->find(line);
    return m && m->begin[0] == 0;
}

// A numbered item that opens with a name: `1.推进地方立法。推动出台…`. The
// leading sentence is short (≤ 20 characters), a phrase rather than a
// sentence (no ，、；： quotes, book titles or parentheses) and more than
// clauses follow it.
bool opens_with_name(const RawItem& it, const Pattern* clause, const Pattern* label, const Pattern* person) {
    if (!it.label || it.level2 || it.cells.empty()) return false;
    if (line_title_bytes(it, clause) > 0) return true;
    const std::string& body = it.cells.front().text;
    size_t width = 3;
    const size_t stop = leading_stop(body, &width);
    if (stop == std::string::npos) return false;
    const std::string lead = body.substr(0, stop);
    const size_t n = ustr::length(lead);
    if (n < 4 || n > 20) return false;
    for (std::string_view p : {"，", "、", "；", "：", "《", "“", "（", "(", ",", ":"})
        if (lead.find(p) != std::string::npos) return false;
    // What follows the name, without the 牵头单位：/责任单位： lines under the
    // item: a one-sentence item over its unit lines has no title.
    std::string rest = body.substr(stop + width);
    for (size_t k = 1; k < it.cells.size(); ++k)
        if (!opens_with_label(label, it.cells[k].text) && !is_person_line(person, it.cells[k].text))
            rest += it.cells[k].text;
    rest = ustr::trim(rest);
    // At least a clause's worth of text of its own after the name, whether
    // the units follow inline (（X负责）) or on lines of their own.
    const std::string own = outside_clauses(rest, clause).value_or(rest);
    return ustr::length(ustr::trim(own)) >= 8;
}

// The title a numbered item names itself by, cut from the front of `body`:
// its label line when that is a bare name, else (where the grammar or the
// document titles items) its leading sentence.
std::optional<std::string> item_title(const RawItem& it, const Grammar& g, bool titled, const Pattern* clause,
                                      std::string& body) {
    // A bare name over nothing but its unit lines (（一）地区生产总值增长7%以上 /
    // 责任单位：A) is the whole task, not a title.
    if (const size_t n = line_title_bytes(it, clause);
        n > 0 && body.starts_with(it.cells.front().text) && !only_clauses(ustr::trim(body.substr(n)), clause)) {
        std::string title = ustr::trim(body.substr(0, n));
        body = ustr::trim(body.substr(n));
        return title;
    }
    if (g.titles == "leading-sentence" || titled || it.level2) return split_title(body, clause);
    return std::nullopt;
}

// `titles = auto`: the document's items are titled when most of them (two
// in three, at least three, or all of an excerpt of one or two) open with a
// name; a plan whose items are plain sentences keeps them untitled even
// where one happens to be short.
bool items_titled(const Skeleton& sk, const Grammar& g) {
    const Pattern* clause = g.pattern("unit_clause");
    const Pattern* label = g.pattern("unit_label");
    const Pattern* person = g.pattern("person_line");
    int items = 0, named = 0;
    for (const auto& it : sk.items) {
        if (!it.label || it.level2) continue;
        ++items;
        named += opens_with_name(it, clause, label, person);
    }
    return named >= std::min(items, 3) && named > 0 && named * 3 >= items * 2;
}

std::optional<std::string> prose_actor(const Grammar& g, const std::string& text) {
    const Pattern* p = g.pattern("actor_prose");
    if (!p) return std::nullopt;
    auto m = p->find(text);
    if (!m) return std::nullopt;
    return m->groups[1];
}

void add_completion(Task& t, const std::string& c) {
    t.completion = t.completion ? *t.completion + "；" + c : c;
}

// Prose item: split at unit clauses; each clause with its own units is a
// measure. Completion clauses set the task's completion and leave the text.
void prose_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc,
                bool titled, std::vector<UnitRef>& carried, std::vector<GroupStatement>& groups) {
    const Pattern* label = g.pattern("unit_label");
    const Pattern* person = g.pattern("person_line");
    std::string body;
    for (size_t k = 0; k < it.cells.size(); ++k) {
        if (k > 0) {
            // 以上工作由A负责 / 以下任务均需A落实 after the item: units of a group.
            if (auto gs = group_unit_statement(it.cells[k].text)) {
                groups.push_back(std::move(*gs));
                continue;
            }
            if (is_person_line(person, it.cells[k].text)) continue;
        }
        const std::string line = bracket_limit_line(bracket_unit_line(label, it.cells[k].text));
        body += k > 0 && line == it.cells[k].text ? bracket_bare_unit_line(line) : line;
    }
    const Pattern* clause = g.pattern("unit_clause");
    // Only a numbered paragraph names itself; loose part text has no title.
    if (it.label) t.title = item_title(it, g, titled, clause, body);
    std::vector<Match> hits = clause ? clause->find_all(body) : std::vector<Match>{};
    size_t from = 0;
    std::string text, piece, printed;
    for (const auto& m : hits) {
        Clause c = read_clause(m.groups[1]);
        // A bare date right after a clause is its time limit: （A负责）（2024年10月）.
        if (!c.any() && from > 0 && static_cast<size_t>(m.begin[0]) == from)
            c.completion = completion_value(m.groups[1], true);
        if (!c.units && !(c.completion && at_clause_end(body, m.end[0]))) continue;
        piece += body.substr(from, m.begin[0] - from);
        // The measure keeps its clauses as printed; the task text drops them.
        printed += body.substr(from, m.end[0] - from);
        from = m.end[0];
        if (c.completion) add_completion(t, *c.completion);
        if (c.carried)
            for (auto& u : resolve_list(gz, *c.carried, it.span.line_start, doc)) carried.push_back(std::move(u));
        if (!c.units) continue;
        piece = ustr::trim(piece);
        Measure ms{prose_actor(g, piece), ustr::trim(printed), resolve_list(gz, *c.units, it.span.line_start, doc)};
        text += piece;
        if (!piece.empty() || !ms.units.empty()) t.measures.push_back(std::move(ms));
        piece.clear();
        printed.clear();
    }
    piece = ustr::trim(piece + body.substr(from));
    printed = ustr::trim(printed + body.substr(from));
    if (!piece.empty() || t.measures.empty()) {
        t.measures.push_back({prose_actor(g, piece), printed, {}});
        text += piece;
    }
    t.text = text;
    // No clause in parentheses: one written into the sentence (由A会同B负责).
    if (std::any_of(t.measures.begin(), t.measures.end(), [](const Measure& m) { return !m.units.empty(); })) return;
    if (auto inl = inline_unit_clause(body)) {
        t.measures.back().units = resolve_list(gz, *inl, it.span.line_start, doc);
    } else if (auto at = closing_unit_sentence(t.text)) {
        // …。A、B按职责分工负责。 closing the item: a clause printed without brackets.
        std::string clause = ustr::trim(t.text.substr(*at));
        clause.resize(clause.size() - std::string_view("。").size());
        t.measures.back().units = resolve_list(gz, clause, it.span.line_start, doc);
        t.text = ustr::trim(t.text.substr(0, *at));
    }
}

// A row of a delivered table in a prose document (segment_mixed): its task
// cells are written as the document writes its prose (a leading name, unit
// clauses inside the text), so they are read as a prose item; the row's
// columns add what they name — a title, units with their roles, a
// completion, a scope. The same document as prose or as a table gives the
// same task.
void row_item(const RawItem& it, const Grammar& g, const UnitGazetteer& gz, Task& t, Document& doc, bool titled,
              std::vector<UnitRef>& carried, std::vector<GroupStatement>& groups) {
    RawItem text = it;
    text.cells.clear();
    std::string title, completion;
    std::vector<std::vector<UnitRef>> units;
    std::vector<UnitRef> leads, participants;
    std::vector<Scope> scope;
    for (const auto& c : it.cells) {
        switch (c.kind) {
            case CellKind::Measure: text.cells.push_back(c); break;
            case CellKind::Title: title += c.text; break;
            case CellKind::Completion: completion += ustr::squeeze(c.text); break;
            case CellKind::Scope:
                for (auto& sc : parse_scope_clause(c.text)) scope.push_back(std::move(sc));
                break;
            case CellKind::Units: {
                auto more = resolve_list(gz, c.text, c.line, doc);
                if (c.role == "lead" || c.role == "participant")
                    (c.role == "lead" ? leads : participants).insert((c.role == "lead" ? leads : participants).end(),
                                                                     more.begin(), more.end());
                else
                    units.push_back(std::move(more));
                break;
            }
        }
    }
    if (!title.empty()) text.label.reset();  // a title column: the text keeps its first sentence
    if (text.cells.empty()) text.cells.push_back({CellKind::Measure, title, it.span.line_start});
    prose_item(text, g, gz, t, doc, titled, carried, groups);
    if (!title.empty()) t.title = strip_final_stop(ustr::squeeze(title));
    if (!completion.empty()) add_completion(t, completion);
    t.scope = std::move(scope);
    std::vector<UnitRef> column = table_roles(std::move(leads), std::move(units), std::move(participants));
    if (column.empty()) return;
    // The units column closes the row as a closing clause closes a prose
    // item: the last measure takes its units, and its printed text (the
    // measure as printed, clauses kept) the cells, as that clause would be.
    Measure& m = t.measures.back();
    m.units = m.units.empty() ? std::move(column) : merge_unit_lists({m.units, std::move(column)});
    for (const auto& c : it.cells)
        if (c.kind == CellKind::Units) m.text += "（" + ustr::squeeze(c.text) + "）";
}

// True when task `t` lies in the part or section at `path`.
bool under(const std::vector<std::string>& path, const Task& t) {
    return t.section_path.size() >= path.size() && std::equal(path.begin(), path.end(), t.section_path.begin());
}

// Units carried from an earlier note (…下同) join each later item's as
// participants, unless the item names them itself.
void add_carried(std::vector<UnitRef>& units, const std::vector<UnitRef>& carried) {
    for (const auto& c : carried) {
        if (std::any_of(units.begin(), units.end(), [&](const UnitRef& u) { return u.canonical == c.canonical; }))
            continue;
        units.push_back(c);
        units.back().role = "participant";
    }
    // A lone responsible unit with carried ones is the first listed: it leads.
    if (units.size() > 1 && std::none_of(units.begin(), units.end(), [](const UnitRef& u) { return u.role == "lead"; }))
        units.front().role = "lead";
}

// Units stated once for a group of items (group_unit_statement, …下同).
struct UnitGroups {
    std::vector<UnitRef> carried;  // …下同: every later item
    std::vector<std::pair<std::vector<std::string>, std::vector<UnitRef>>> forward;  // 以下…: later items of a section
    std::vector<GroupStatement> found;  // statements of the item just read

    // Carried and forward units join task `t`'s own.
    void add_to(Task& t) const {
        add_carried(t.units, carried);
        for (const auto& [path, units] : forward)
            if (under(path, t)) add_carried(t.units, units);
    }

    // The statements of the last task read: 以上… gives its units to the
    // items before it in its section that name none; 以下… to later ones.
    void apply(const UnitGazetteer& gz, Document& doc) {
        if (found.empty() || doc.tasks.empty()) return;
        const Task& last = doc.tasks.back();
        const std::vector<std::string> path = last.section_path;
        const int line = last.span.line_end;
        for (const auto& gs : found) {
            std::vector<UnitRef> units = resolve_list(gz, gs.units, line, doc);
            if (gs.forward) {
                forward.emplace_back(path, std::move(units));
                continue;
            }
            for (size_t i = doc.tasks.size(); i-- > 0 && doc.tasks[i].section_path == path;)
                if (doc.tasks[i].units.empty()) doc.tasks[i].units = units;
        }
        found.clear();
    }
};

// Units a heading names for its whole part (一、提升政务服务效能（牵头单位：
// 市政务服务局）): the clause leaves the section's title, and each task of
// the part that names no lead of its own takes the heading's units — all of
// them when it names none (its own, 配合 only, participate after them).
struct HeadingUnits {
    std::vector<std::pair<std::vector<std::string>, std::vector<UnitRef>>> parts;

    void read(std::vector<Section>& sections, const Pattern* clause, const UnitGazetteer& gz, Document& doc) {
        if (!clause) return;
        for (auto& s : sections) {
            const auto hits = clause->find_all(s.title);
            if (hits.empty() || static_cast<size_t>(hits.back().end[0]) != s.title.size()) continue;
            const Clause c = read_clause(hits.back().groups[1]);
            if (!c.units) continue;
            std::vector<UnitRef> units = resolve_list(gz, *c.units, s.span.line_start, doc);
            if (units.empty()) continue;
            s.title = ustr::trim(s.title.substr(0, static_cast<size_t>(hits.back().begin[0])));
            parts.emplace_back(s.path, std::move(units));
        }
    }

    void add_to(Task& t) const {
        const std::vector<UnitRef>* own = nullptr;  // the innermost part's
        for (const auto& [path, units] : parts)
            if (under(path, t)) own = &units;
        if (!own || std::any_of(t.units.begin(), t.units.end(), [](const UnitRef& u) { return u.role == "lead"; }))
            return;
        std::vector<UnitRef> merged = *own;
        add_carried(merged, t.units);  // the task's own follow as participants
        t.units = std::move(merged);
    }
};

bool is_local_addressee(const Grammar& g, const std::string& a) {
    const Pattern* p = g.pattern("local_addressee");
    return p && p->matches(a);
}

// Localities bound by a prose task. Plans that print no 必做/选做 bind
// localities only where the document itself says so:
// - a collective local unit that does the task (各地方知识产权局负责: lead or
//   sole responsible unit), not one that merely assists departments
//   (…牵头，各街道办事处配合) — a participant is help, not an obligation;
// - for a task with no unit at all, its own subject (各省…知识产权管理部门…要),
//   else a cover notice addressed to localities
//   alone (各省…知识产权局). A notice that also goes to departments
//   (各省人民政府，国务院各部委) leaves the work to whoever the text names,
//   so its addressees bind nobody in particular.
// A named local department (省市场监管局, 市公安局) is a responsible unit,
// not a category of localities.
void prose_scope(const Grammar& g, Task& t, const Document& doc) {
    for (const auto& m : t.measures)  // roles as the unit's own clause gives them
        for (const auto& u : m.units)
            if (u.level == "local" && u.role != "participant" && is_collective_local(u.name) &&
                std::none_of(t.scope.begin(), t.scope.end(), [&](const Scope& s) { return s.who == u.name; }))
                t.scope.push_back({collective_tier(u.name), u.name, "mandatory", u.name});
    if (!t.units.empty()) return;
    if (const Pattern* p = g.pattern("local_subject"))
        if (auto m = p->find(t.text)) {
            t.scope.push_back({"province", m->groups[1], "mandatory", m->groups[1]});
            return;
        }
    if (doc.addressees.empty()) return;
    for (const auto& a : doc.addressees)
        if (!is_local_addressee(g, a)) return;
    const std::string& a = doc.addressees.front();
    t.scope.push_back({"province", a, "mandatory", a});
}

// The year a plan is for: title_year on the title (2022年…清单, …指引（2023）),
// else one lone YYYY年 (any_year) in the title, then in the notice title.
std::optional<int> year_of(const Grammar& g, const Cover& c) {
    if (const Pattern* p = g.pattern("title_year"); p && c.title)
        if (auto m = p->find(*c.title))
            for (size_t i = 1; i < m->groups.size(); ++i)
                if (!m->groups[i].empty()) return std::atoi(m->groups[i].c_str());
    const Pattern* any = g.pattern("any_year");
    for (const auto& s : {c.title, c.notice_title}) {
        if (!any || !s) continue;
        std::set<std::string> years;
        for (const auto& m : any->find_all(*s)) years.insert(m.groups[1]);
        if (years.size() == 1) return std::atoi(years.begin()->c_str());
        if (years.size() > 1) return std::nullopt;  // 总结2018年…编制2019年: ambiguous
    }
    return std::nullopt;
}

// 2022-2025年, 2021—2035年, (2022—2024年): a span of years.
bool has_year_range(std::string_view s) {
    for (size_t i = 0; i + 9 <= s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
            continue;
        size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j - i != 4) continue;
        size_t k = j;
        for (std::string_view dash : {"-", "—", "–", "－", "~", "至"})
            if (s.substr(j, dash.size()) == dash) k = j + dash.size();
        if (k != j && k + 4 <= s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) return true;
    }
    return false;
}

// The year printed in a 文号 (国办函〔2014〕31号 -> 2014), or 0.
int doc_number_year(std::string_view dn) {
    for (size_t i = 0; i + 4 <= dn.size(); ++i) {
        size_t j = i;
        while (j < dn.size() && j - i < 5 && std::isdigit(static_cast<unsigned char>(dn[j]))) ++j;
        if (j - i == 4) return std::atoi(std::string(dn.substr(i, 4)).c_str());
        i = j;
    }
    return 0;
}

// Without a year in its titles, a document is of the year its own 文号
// gives; failing that (a page without its cover or title), of the latest
// document its opening paragraph cites (昆政发〔2016〕13号): a plan is
// written after what it implements. Dates are not used: a 推进计划 signed
// in December is for the next year, and sites repost old plans years later.
// A multi-year plan (…方案(2022-2025年)) has no one year.
std::optional<int> fallback_year(const Cover& c, const std::vector<Line>& opening) {
    for (const auto& t : {c.title, c.notice_title})
        if (t && has_year_range(*t)) return std::nullopt;
    if (c.doc_number)
        if (int y = doc_number_year(*c.doc_number)) return y;
    if (c.title) return std::nullopt;
    int latest = 0;
    for (const auto& l : opening)
        for (size_t at = l.text.find("〔"); at != std::string::npos; at = l.text.find("〔", at + 3))
            latest = std::max(latest, doc_number_year(std::string_view(l.text).substr(at, 10)));
    if (latest > 0) return latest;
    return std::nullopt;
}

// Canonical issuer. Joint issuers (吉林省人民政府、国家知识产权局) are kept
// apart with 、; a pair printed with no separator (the space between them
// is lost in normalisation) is cut where both halves are known bodies.
std::string issuer_of(const UnitGazetteer& gz, const std::string& printed) {
    std::string out;
    auto add = [&](const std::string& name) { out += (out.empty() ? "" : "、") + name; };
    for (size_t b = 0, e; b <= printed.size(); b = e + 3) {
        e = printed.find("、", b);
        if (e == std::string::npos) e = printed.size();
        const std::string part = printed.substr(b, e - b);
        bool known = false;
        UnitRef whole = gz.resolve(part, &known);
        std::optional<std::pair<std::string, std::string>> pair;
        for (size_t i = 0; !known && i < part.size();) {
            ustr::next(part, i);
            if (i >= part.size()) break;
            bool k1 = false, k2 = false;
            UnitRef a = gz.resolve(part.substr(0, i), &k1), z = gz.resolve(part.substr(i), &k2);
            if (k1 && k2 && ustr::length(part.substr(0, i)) >= 3 && ustr::length(part.substr(i)) >= 3)
                pair = std::make_pair(a.canonical, z.canonical);
        }
        if (pair) {
            add(pair->first);
            add(pair->second);
        } else {
            add(whole.canonical);
        }
    }
    return out;
}

}  // namespace

// One unknown-unit warning per distinct name per document, at its first
// use, listing the other lines: a table that names 城管局 in every row
// should not bury the other diagnostics under repeats.
static void merge_unknown_unit_warnings(Document& doc) {
    std::map<std::string, size_t> first;  // message -> index of its first diagnostic
    std::map<size_t, std::vector<int>> more;
    std::vector<Diagnostic> kept;
    for (auto& d : doc.diagnostics) {
        if (d.code != "unknown-unit") {
            kept.push_back(std::move(d));
            continue;
        }
        auto [it, fresh] = first.try_emplace(d.message, kept.size());
        if (fresh) kept.push_back(std::move(d));
        else more[it->second].push_back(d.line);
    }
    for (auto& [at, lines] : more) {
        std::string also;
        for (int l : lines) also += (also.empty() ? "" : ", ") + std::to_string(l);
        kept[at].message += fmt::format(" (also on line{} {})", lines.size() > 1 ? "s" : "", also);
    }
    doc.diagnostics = std::move(kept);
}

// 五、… followed by 七、…: a part heading was lost (PDF extraction drops
// lines). Its tasks stay under the part before; the gap is reported, not
// guessed at, since nothing in the text says where the lost part began.
void check_part_sequence(Document& doc) {
    int prev = 0;
    for (const Section& s : doc.sections) {
        if (s.level != 1 || s.number <= 0) continue;
        if (prev > 0 && s.number > prev + 1) {
            std::string lost;
            for (int n = prev + 1; n < s.number; ++n) lost += (lost.empty() ? "" : "、") + ustr::small_chinese_numeral(n);
            doc.diagnostics.push_back({"warning", "number-gap", s.span.line_start,
                                       fmt::format("part {} follows part {}: heading {} lost", ustr::small_chinese_numeral(s.number),
                                                   ustr::small_chinese_numeral(prev), lost)});
        }
        prev = s.number;
    }
}

void number_tasks(std::vector<Task>& tasks, const std::vector<bool>& level2, Document& doc) {
    std::map<bool, int> prev;  // last intended number per numbering family
    // The next task's printed number in the same family, found in one
    // backward pass (a forward search per task is quadratic when one family
    // is sparse). Taken before any repair, as the search read it.
    std::vector<std::optional<int>> following(tasks.size());
    {
        std::optional<int> next_of[2];
        bool seen_of[2] = {false, false};
        for (size_t i = tasks.size(); i-- > 0;) {
            const int f = level2[i] ? 1 : 0;
            if (seen_of[f]) following[i] = next_of[f];
            next_of[f] = tasks[i].number;
            seen_of[f] = true;
        }
    }
    auto next_printed = [&](size_t i) { return following[i]; };
    // Ids made unique with a counter per base id (id~2, id~3 ...): a search
    // from ~2 for every repeat is quadratic in a list of 16,000 `1.` items.
    std::unordered_set<std::string> ids;
    std::unordered_map<std::string, int> next_suffix;
    for (size_t i = 0; i < tasks.size(); ++i) {
        Task& t = tasks[i];
        const int line = t.span.line_start;
        std::optional<int> printed = t.number;
        auto p = prev.find(level2[i]);
        std::optional<int> before = p == prev.end() ? std::nullopt : std::optional<int>(p->second);
        std::optional<int> after = next_printed(i);
        bool unlabelled_part = !t.label && !before && !after;
        if (printed && (!before || *printed == *before + 1 || *printed == 1)) {
            // in sequence (or a restart at 1)
        } else if (printed && before && *printed == *before) {
            doc.diagnostics.push_back({"warning", "duplicate-number", line,
                                       fmt::format("task number {} appears twice", *printed)});
        } else if (printed && after && *printed + 1 == *after) {
            doc.diagnostics.push_back({"warning", "number-gap", line,
                                       fmt::format("task number {} follows {}", *printed, before.value_or(0))});
        } else if (before && after && *after == *before + 2) {
            t.number = *before + 1;
            doc.diagnostics.push_back(
                {"warning", "number-repaired", line,
                 printed ? fmt::format("task number {} read as {} (sequence {}, ?, {})", *printed, *t.number, *before, *after)
                         : fmt::format("task number lost; inferred {} from the sequence", *t.number)});
        } else if (printed && before && *printed > *before + 1) {
            doc.diagnostics.push_back({"warning", "number-gap", line,
                                       fmt::format("task number {} follows {}", *printed, *before)});
        } else if (!printed && !unlabelled_part) {
            doc.diagnostics.push_back({"warning", "number-gap", line, "task without a number"});
        }
        if (t.number) prev[level2[i]] = *t.number;

        std::string path;
        for (const auto& s : t.section_path) path += s + "/";
        std::string id = doc.id + ":" + path + (t.number ? std::to_string(*t.number) : "r" + std::to_string(t.seq));
        std::string unique = id;
        if (ids.count(unique)) {
            int& k = next_suffix.try_emplace(id, 2).first->second;
            do unique = id + "~" + std::to_string(k++);
            while (ids.count(unique));
        }
        ids.insert(unique);
        t.id = unique;
    }
}

void extract(const Skeleton& sk, const Grammar& g, const UnitGazetteer& gz, Document& doc) {
    const Cover& c = sk.cover;
    doc.title = c.title;
    doc.doc_number = c.doc_number;
    if (c.issuer) doc.issuer = issuer_of(gz, *c.issuer);
    // A page without a signature whose title names no place (市政府工作报告…)
    // is the body's that the site's 信息来源 names; a title that names its
    // place (池州市贵池区…) may sit on a sub-office's site.
    else if (c.source && (!c.title || gz.home_of_title(*c.title).empty())) doc.issuer = issuer_of(gz, *c.source);
    // Else a letterhead, from the place it names (…的重许昌市人民政府 -> 许昌市人民政府).
    else if (c.letterhead)
        if (const auto h = gz.home_of_title(*c.letterhead); !h.empty())
            if (const size_t at = c.letterhead->find(h.city.empty() ? h.province : h.city); at != std::string::npos)
                doc.issuer = issuer_of(gz, c.letterhead->substr(at));
    // A province's or city's own plan names its departments by kind (省知识产权局,
    // 市法院): they resolve against the issuer's (or the title's) place.
    const UnitGazetteer home = gz.for_issuer(doc.issuer.value_or(""), c.title.value_or(""));
    doc.issued = c.issued;
    doc.published = c.published;
    doc.year = year_of(g, c);
    if (!doc.year) doc.year = fallback_year(c, sk.intro.empty() ? c.notice_text : sk.intro);
    doc.addressees = c.addressees;
    doc.sections = sk.sections;
    HeadingUnits heading_units;
    heading_units.read(doc.sections, g.pattern("unit_clause"), home, doc);
    doc.diagnostics.insert(doc.diagnostics.end(), sk.diagnostics.begin(), sk.diagnostics.end());
    // Goals: the quantitative statements of the preamble parts (主要目标 …),
    // including a heading that runs its text on (一、工作目标。到2021年，9项…).
    for (const auto& s : sk.sections)
        if (s.level == 1 && s.kind == "preamble")
            for (auto& t : extract_targets(s.title)) doc.goals.push_back(std::move(t));
    for (const auto& l : sk.preamble)
        for (auto& t : extract_targets(l.text)) doc.goals.push_back(std::move(t));
    for (const auto& l : c.notice_text)
        for (auto& d : extract_deadlines(l.text, doc.year)) doc.deadlines.push_back(std::move(d));

    std::vector<bool> level2;
    UnitGroups groups;
    const bool titled = g.titles == "auto" && items_titled(sk, g);
    for (const auto& item : sk.items) {
        // The last item of a truncated input loses a unit name the cut left half-printed.
        const RawItem cut = sk.cut_at_end && &item == &sk.items.back() ? cut_unit_tail(item, g.pattern("unit_label"), sk.cut_text) : RawItem{};
        const RawItem& it = sk.cut_at_end && &item == &sk.items.back() ? cut : item;
        Task t;
        t.seq = static_cast<int>(doc.tasks.size()) + 1;
        t.kind = it.kind;
        t.label = it.label;
        t.number = it.printed;
        t.section_path = it.section_path;
        t.span = it.span;
        if (g.model == "table") {
            table_item(it, g, home, t, doc);
        } else if (it.table_row) {
            row_item(it, g, home, t, doc, titled, groups.carried, groups.found);
        } else {
            prose_item(it, g, home, t, doc, titled, groups.carried, groups.found);
        }
        // A table row's units carry their columns' roles; prose units take
        // theirs by position across the measures (marked leads kept).
        t.units = g.model == "table" ? t.measures.front().units : union_units(t.measures);
        heading_units.add_to(t);
        groups.add_to(t);
        if (g.model != "table") prose_scope(g, t, doc);
        t.targets = extract_targets(t.text);
        t.deadlines = extract_deadlines(t.text, doc.year);
        // A completion column may print a date (2022年6月底前, 2024年6月30日).
        if (t.completion)
            for (auto& d : extract_limits(*t.completion, doc.year)) t.deadlines.push_back(std::move(d));
        if (t.units.empty() && t.kind == "task")
            doc.diagnostics.push_back({"info", "no-units", t.span.line_start, "task names no responsible unit"});
        level2.push_back(it.level2);
        doc.tasks.push_back(std::move(t));
        groups.apply(home, doc);
    }
    number_tasks(doc.tasks, level2, doc);
    check_part_sequence(doc);
    merge_unknown_unit_warnings(doc);
    std::stable_sort(doc.diagnostics.begin(), doc.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
}

}  // namespace qingdan
