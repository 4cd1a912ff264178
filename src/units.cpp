// The unit gazetteer (data/units.tsv) and unit-clause parsing.
#include "qingdan/units.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

namespace qingdan {

namespace {

// ---------------------------------------------------------------------------
// UTF-8 helpers
// ---------------------------------------------------------------------------

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else if (c >= 0xC2 && c < 0xE0) {
            len = 2;
        } else if (c >= 0xE0 && c < 0xF0) {
            len = 3;
        } else if (c >= 0xF0 && c < 0xF5) {
            len = 4;
        }
        if (len > 1) {
            if (i + len > s.size()) {
                len = 1;
            } else {
                cp = c & (0x7F >> len);
                for (size_t k = 1; k < len; ++k) {
                    const auto cc = static_cast<unsigned char>(s[i + k]);
                    if ((cc & 0xC0) != 0x80) {
                        cp = 0xFFFD;
                        len = 1;
                        break;
                    }
                    cp = (cp << 6) | (cc & 0x3F);
                }
            }
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

void append_u8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string to_u8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t cp : s) append_u8(out, cp);
    return out;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' || c == 0x3000 ||
           c == 0xA0 || c == 0xFEFF;
}

std::u32string_view trim32(std::u32string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool has_space_byte(std::string_view s) {
    for (char c : s)
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return true;
    return s.find("\xE3\x80\x80") != std::string_view::npos || s.find("\xC2\xA0") != std::string_view::npos;
}

// Trims, and drops every whitespace character inside (PDF letter-spacing).
std::string squeeze(std::string_view s) {
    if (!has_space_byte(s)) return std::string(s);
    std::u32string u = to_u32(s);
    u.erase(std::remove_if(u.begin(), u.end(), is_space), u.end());
    return to_u8(u);
}

std::string_view trim8(std::string_view s) {
    auto is_sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    for (;;) {
        if (!s.empty() && is_sp(s.front())) {
            s.remove_prefix(1);
        } else if (s.substr(0, 3) == "\xE3\x80\x80" || s.substr(0, 3) == "\xEF\xBB\xBF") {
            s.remove_prefix(3);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && is_sp(s.back())) {
            s.remove_suffix(1);
        } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::u32string_view s, std::u32string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool contains(std::u32string_view s, std::u32string_view p) { return s.find(p) != std::u32string_view::npos; }

size_t u8_length(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

[[noreturn]] void fail(const std::string& file, int line, const std::string& msg) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + msg);
}

// ---------------------------------------------------------------------------
// Unit-clause vocabulary
// ---------------------------------------------------------------------------

// Characters a unit name ends with (…司, …部, …局, 成员单位, 各省份 ...).
bool is_unit_final(char32_t c) {
    static constexpr std::u32string_view kFinal =
        U"司部局委署院会办厅室行社台心位门府协联团央所处科组馆校站队庭盟区省市县州旗镇乡村园份方关地军报";
    return kFinal.find(c) != std::u32string_view::npos;
}

bool ends_like_unit(std::u32string_view name) {
    if (name.empty()) return false;
    const char32_t last = name.back();
    if (last < 0x80) return (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
    if (name == U"最高法" || name == U"最高检") return true;
    return is_unit_final(last) || last == U'）';
}

// Phrasing of responsibility that may end a unit name, stripped repeatedly
// ("…等按职责分工负责" -> 负责, 按职责分工, 等). Longest first.
constexpr std::u32string_view kTrailingPhrasing[] = {
    U"负责组织实施", U"等有关部门", U"等相关部门", U"按照职责分工", U"按职责分工", U"按职能分工",
    U"负责落实", U"负责实施", U"牵头负责", U"牵头落实", U"牵头实施", U"共同负责", U"分别负责",
    U"具体负责", U"等部门", U"等单位", U"按职责", U"按照职责", U"依职责", U"负责", U"牵头", U"配合",
    U"参与", U"协助", U"分工", U"分别", U"共同", U"具体", U"等"};

// Label prefixes before a colon: 局内：, 牵头部门：, 责任单位： ...
constexpr std::u32string_view kLeadLabels[] = {U"牵头", U"主办", U"主责"};

// Generic words that are not units.
constexpr std::u32string_view kGeneric[] = {U"有关部门", U"相关部门", U"各有关部门", U"各相关部门",
                                            U"有关单位", U"相关单位", U"其他有关部门", U"其他部门",
                                            U"有关方面", U"各有关单位", U"各部门"};

// Strips responsibility phrasing from the end; sets *lead when 牵头 was part of it.
std::u32string_view strip_phrasing(std::u32string_view s, bool* lead = nullptr) {
    s = trim32(s);
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::u32string_view p : kTrailingPhrasing) {
            if (s.size() >= p.size() && ends_with(s, p)) {
                if (lead && contains(p, U"牵头")) *lead = true;
                s.remove_suffix(p.size());
                s = trim32(s);
                changed = true;
                break;
            }
        }
    }
    return s;
}

std::u32string_view strip_leading(std::u32string_view s) {
    s = trim32(s);
    for (std::u32string_view p : {std::u32string_view(U"由"), std::u32string_view(U"请")}) {
        if (s.size() > p.size() + 1 && starts_with(s, p)) s.remove_prefix(p.size());
    }
    return trim32(s);
}

constexpr char32_t kProtected = 0xE000;  // private-use stand-in for a protected 、

}  // namespace

// ---------------------------------------------------------------------------
// split_unit_list
// ---------------------------------------------------------------------------

namespace {

struct Piece {
    std::u32string text;
    bool lead = false;
    std::vector<std::u32string> parts;  // the whitespace-separated parts it was joined from
};

// One name of a unit list; `parts` are the pieces a space or line break had
// separated in print (战略规 / 划司), empty when there was no such break.
struct SplitName {
    std::string name;
    std::vector<std::string> parts;
};

// The core of split_unit_list / UnitGazetteer::parse_units; `g` may be null.
std::vector<SplitName> split_impl(std::string_view clause, const UnitGazetteer* g) {
    std::u32string u = to_u32(clause);
    // Unify punctuation: ASCII brackets -> full width, full-width colon/semicolon/comma -> ASCII.
    for (char32_t& c : u) {
        switch (c) {
            case U'(': c = U'（'; break;
            case U')': c = U'）'; break;
            case U'：': c = U':'; break;
            case U'；': c = U';'; break;
            case U'，': c = U','; break;
            default: break;
        }
    }
    // "A会同B负责": A leads, B takes part.
    if (u.find(U"会同") != std::u32string::npos) {
        std::u32string v;
        v.reserve(u.size());
        for (size_t i = 0; i < u.size(); ++i) {
            if (u[i] == U'会' && i + 1 < u.size() && u[i + 1] == U'同') {
                v.push_back(U'、');
                ++i;
            } else {
                v.push_back(u[i]);
            }
        }
        u = std::move(v);
    }
    // Protect 、 and , inside brackets (各省（区、市）) and in 各省、自治区、直辖市(、新疆生产建设兵团).
    int depth = 0;
    for (size_t i = 0; i < u.size(); ++i) {
        const char32_t c = u[i];
        if (c == U'（') {
            ++depth;
        } else if (c == U'）') {
            if (depth > 0) --depth;
        } else if (c == U'、' || c == U',') {
            if (depth > 0) {
                u[i] = kProtected;
                continue;
            }
            if (c != U'、') continue;
            std::u32string_view before(u.data(), i);
            std::u32string_view after(u.data() + i + 1, u.size() - i - 1);
            if ((ends_with(before, U"省") && starts_with(after, U"自治区")) ||
                (ends_with(before, U"自治区") && starts_with(after, U"直辖市")) ||
                (ends_with(before, U"直辖市") && starts_with(after, U"新疆生产建设兵团")))
                u[i] = kProtected;
        }
    }

    std::vector<Piece> names;
    bool group_lead = false;  // a lead label applies up to the next ';' or label
    size_t start = 0;
    auto handle_piece = [&](std::u32string_view piece, bool end_of_group) {
        piece = trim32(piece);
        // Label prefixes: 局内：, 牵头部门：, 责任单位： (possibly several).
        for (;;) {
            size_t colon = piece.find(U':');
            if (colon == std::u32string_view::npos) break;
            std::u32string label;
            for (char32_t c : piece.substr(0, colon))
                if (!is_space(c)) label.push_back(c);
            if (label.size() > 8) break;
            bool lead = false;
            for (auto l : kLeadLabels)
                if (contains(label, l)) lead = true;
            group_lead = lead;
            piece = trim32(piece.substr(colon + 1));
        }
        piece = strip_leading(piece);
        // Whitespace-separated parts: re-join names broken by PDF spacing.
        std::vector<std::u32string_view> parts;
        size_t i = 0;
        while (i < piece.size()) {
            while (i < piece.size() && is_space(piece[i])) ++i;
            size_t j = i;
            while (j < piece.size() && !is_space(piece[j])) ++j;
            if (j > i) parts.push_back(piece.substr(i, j - i));
            i = j;
        }
        std::vector<std::u32string> joined;
        std::vector<std::vector<std::u32string>> joined_parts;
        for (auto part : parts) {
            if (joined.empty()) {
                joined.emplace_back(part);
                joined_parts.push_back({std::u32string(part)});
                continue;
            }
            std::u32string& cur = joined.back();
            const std::u32string_view cur_s = strip_phrasing(cur);
            bool join = !ends_like_unit(cur_s);
            if (g) {
                std::u32string both = cur + std::u32string(part);
                const std::string both8 = to_u8(strip_phrasing(both));
                if (g->find(both8)) {
                    join = true;
                } else if (g->find(to_u8(cur_s))) {
                    join = false;
                }
            }
            // Two ASCII words stay apart.
            if (!cur.empty() && cur.back() < 0x80 && part.front() < 0x80) join = false;
            if (join) {
                cur += part;
                joined_parts.back().emplace_back(part);
            } else {
                joined.emplace_back(part);
                joined_parts.push_back({std::u32string(part)});
            }
        }
        for (size_t k = 0; k < joined.size(); ++k) {
            const std::u32string& name = joined[k];
            bool lead = group_lead;
            std::u32string_view s = strip_phrasing(name, &lead);
            s = strip_leading(s);
            if (s.empty()) continue;
            if (std::find(std::begin(kGeneric), std::end(kGeneric), s) != std::end(kGeneric)) continue;
            std::u32string t(s);
            for (char32_t& c : t)
                if (c == kProtected) c = U'、';
            names.push_back({std::move(t), lead, joined_parts[k].size() > 1 ? joined_parts[k] : std::vector<std::u32string>{}});
        }
        if (end_of_group) group_lead = false;
    };
    for (size_t i = 0; i <= u.size(); ++i) {
        const bool at_end = i == u.size();
        const char32_t c = at_end ? U';' : u[i];
        if (c == U'、' || c == U',' || c == U';' || c == U'/') {
            handle_piece(std::u32string_view(u.data() + start, i - start), c == U';');
            start = i + 1;
        }
    }
    // Lead-labelled names first (配合部门：B；牵头部门：A -> A, B), else printed order.
    std::stable_partition(names.begin(), names.end(), [](const Piece& p) { return p.lead; });
    std::vector<SplitName> out;
    out.reserve(names.size());
    for (auto& p : names) {
        SplitName n{to_u8(p.text), {}};
        for (const auto& part : p.parts) n.parts.push_back(to_u8(part));
        out.push_back(std::move(n));
    }
    return out;
}

// Forbidden inside a unit name: sentence punctuation, digits, function words.
bool plausible_name(std::string_view name8, const UnitGazetteer* g) {
    if (g && g->find(name8)) return true;
    const std::u32string u = to_u32(name8);
    if (u.size() < 2 || u.size() > 40) return false;
    for (char32_t c : u) {
        if (c >= U'0' && c <= U'9') return false;
        if (std::u32string_view(U"。；;？！?!《》“”‘’\"…：:").find(c) != std::u32string_view::npos) return false;
    }
    for (std::u32string_view w : {U"由", U"要", U"将", U"把", U"并", U"均", U"应当", U"可以", U"进行", U"以下简称"})
        if (contains(u, w)) return false;
    return ends_like_unit(u) || u.front() == U'各';
}

bool clause_marked(std::string_view inside) {
    std::u32string u = to_u32(inside);
    std::u32string_view s = trim32(u);
    while (!s.empty() && (s.back() == U'。' || s.back() == U'.' || s.back() == U'；' || s.back() == U';'))
        s = trim32(s.substr(0, s.size() - 1));
    for (std::u32string_view p : {U"负责", U"牵头", U"配合", U"参与", U"协助"})
        if (ends_with(s, p) && s.size() > p.size()) return true;
    for (std::u32string_view l : {U"牵头部门", U"牵头单位", U"责任部门", U"责任单位", U"负责部门", U"负责单位",
                                  U"局内", U"局外", U"配合部门", U"配合单位", U"参与部门", U"参与单位",
                                  U"执行部门", U"主办单位", U"承办单位", U"协办单位"}) {
        if (starts_with(s, l)) {
            std::u32string_view rest = trim32(s.substr(l.size()));
            if (!rest.empty() && (rest.front() == U':' || rest.front() == U'：')) return true;
        }
    }
    return false;
}

bool unit_clause_impl(std::string_view inside, const UnitGazetteer* g) {
    if (!clause_marked(inside)) return false;
    const auto names = split_impl(inside, g);
    if (names.empty()) return false;
    for (const auto& n : names)
        if (!plausible_name(n.name, g)) return false;
    return true;
}

}  // namespace

std::vector<std::string> split_unit_list(std::string_view clause) {
    std::vector<std::string> out;
    for (auto& n : split_impl(clause, nullptr)) out.push_back(std::move(n.name));
    return out;
}

bool is_unit_clause(std::string_view inside) { return unit_clause_impl(inside, nullptr); }

bool UnitGazetteer::is_unit_clause(std::string_view inside) const { return unit_clause_impl(inside, this); }

std::vector<UnitRef> assign_roles(std::vector<UnitRef> units) {
    std::vector<UnitRef> out;
    out.reserve(units.size());
    std::unordered_set<std::string> seen;
    for (auto& u : units) {
        const std::string& key = u.canonical.empty() ? u.name : u.canonical;
        if (!seen.insert(key).second) continue;
        out.push_back(std::move(u));
    }
    for (size_t i = 0; i < out.size(); ++i)
        out[i].role = out.size() == 1 ? "responsible" : (i == 0 ? "lead" : "participant");
    return out;
}

// ---------------------------------------------------------------------------
// UnitGazetteer
// ---------------------------------------------------------------------------

UnitGazetteer UnitGazetteer::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();

    UnitGazetteer g;
    std::vector<int> row_line;  // line of each unit's row
    static const std::string_view kLevels[] = {"central", "cnipa-internal", "local", "other"};
    auto add_key = [&](int line, const std::string& key, size_t idx) {
        auto [it, inserted] = g.index_.emplace(key, idx);
        if (!inserted && it->second != idx)
            fail(path, line, "name '" + key + "' already names " + g.units_[it->second].canonical + " (line " +
                                 std::to_string(row_line[it->second]) + ")");
        if (is_ascii(key)) g.folded_.emplace(lower_ascii(key), idx);
    };

    int line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        const std::string_view t = trim8(line);
        if (t.empty() || t.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        std::vector<std::string_view> f;
        for (size_t s = 0;;) {
            size_t tab = line.find('\t', s);
            f.push_back(trim8(line.substr(s, tab == std::string_view::npos ? std::string_view::npos : tab - s)));
            if (tab == std::string_view::npos) break;
            s = tab + 1;
        }
        if (f.size() < 2 || f.size() > 4)
            fail(path, line_no,
                 "expected canonical<TAB>level<TAB>parent<TAB>aliases, got " + std::to_string(f.size()) + " field(s)");
        UnitInfo u;
        u.canonical = squeeze(f[0]);
        if (u.canonical.empty()) fail(path, line_no, "empty canonical name");
        if (u.canonical.find('|') != std::string::npos) fail(path, line_no, "'|' in canonical name");
        if (std::find(std::begin(kLevels), std::end(kLevels), f[1]) == std::end(kLevels))
            fail(path, line_no,
                 "unknown level '" + std::string(f[1]) + "' (central, cnipa-internal, local, other)");
        u.level = f[1];
        if (f.size() > 2 && !f[2].empty() && f[2] != "-") u.parent = f[2];
        if (f.size() > 3 && !f[3].empty() && f[3] != "-") {
            std::string_view al = f[3];
            for (size_t s = 0;;) {
                size_t bar = al.find('|', s);
                std::string a = squeeze(al.substr(s, bar == std::string_view::npos ? std::string_view::npos : bar - s));
                if (a.empty()) fail(path, line_no, "empty alias");
                if (a != u.canonical && std::find(u.aliases.begin(), u.aliases.end(), a) == u.aliases.end())
                    u.aliases.push_back(std::move(a));
                if (bar == std::string_view::npos) break;
                s = bar + 1;
            }
        }
        const size_t idx = g.units_.size();
        if (const UnitInfo* dup = g.by_canonical(u.canonical))
            fail(path, line_no,
                 "duplicate unit '" + u.canonical + "' (line " + std::to_string(row_line[size_t(dup - g.units_.data())]) + ")");
        g.units_.push_back(std::move(u));
        row_line.push_back(line_no);
        add_key(line_no, g.units_[idx].canonical, idx);
        for (const auto& a : g.units_[idx].aliases) add_key(line_no, a, idx);
        if (end == text.size()) break;
    }

    // Parents must be rows of the file.
    for (size_t i = 0; i < g.units_.size(); ++i) {
        const auto& u = g.units_[i];
        if (u.parent.empty()) continue;
        const UnitInfo* p = g.by_canonical(u.parent);
        if (!p) fail(path, row_line[i], "unknown parent '" + u.parent + "'");
        if (p == &u) fail(path, row_line[i], "unit is its own parent");
    }

    // Fragment indexes over cnipa-internal names: suffixes and proper prefixes
    // of at least two characters, mapped to one unit or -1 when ambiguous.
    auto note = [](std::map<std::string, long, std::less<>>& m, std::string key, long idx) {
        auto [it, inserted] = m.emplace(std::move(key), idx);
        if (!inserted && it->second != idx) it->second = -1;
    };
    for (size_t i = 0; i < g.units_.size(); ++i) {
        const auto& u = g.units_[i];
        if (u.level != "cnipa-internal") continue;
        std::vector<const std::string*> names{&u.canonical};
        for (const auto& a : u.aliases) names.push_back(&a);
        for (const std::string* n : names) {
            const std::u32string w = to_u32(*n);
            for (size_t k = 2; k <= w.size(); ++k) note(g.suffixes_, to_u8(w.substr(w.size() - k)), long(i));
            for (size_t k = 2; k < w.size(); ++k) note(g.prefixes_, to_u8(w.substr(0, k)), long(i));
        }
    }

    // The province table beside the unit table, when there is one.
    std::error_code ec;
    const auto sibling = std::filesystem::path(path).parent_path() / "provinces.tsv";
    if (std::filesystem::is_regular_file(sibling, ec)) g.set_provinces(ProvinceTable::load(sibling.string()));
    return g;
}

void UnitGazetteer::set_provinces(ProvinceTable table) {
    provinces_ = std::make_shared<const ProvinceTable>(std::move(table));
}

const UnitInfo* UnitGazetteer::by_canonical(std::string_view canonical) const {
    auto it = index_.find(canonical);
    if (it == index_.end() || units_[it->second].canonical != canonical) return nullptr;
    return &units_[it->second];
}

const UnitInfo* UnitGazetteer::find_exact(std::string_view name) const {
    auto it = index_.find(name);
    if (it != index_.end()) return &units_[it->second];
    if (is_ascii(name)) {
        auto f = folded_.find(lower_ascii(name));
        if (f != folded_.end()) return &units_[f->second];
    }
    return nullptr;
}

const UnitInfo* UnitGazetteer::find(std::string_view name) const {
    name = trim8(name);
    if (name.empty()) return nullptr;
    if (const UnitInfo* u = find_exact(name)) return u;
    std::string s = squeeze(name);
    if (s != name)
        if (const UnitInfo* u = find_exact(s)) return u;
    // ASCII brackets: 国际合作司(港澳台办公室)
    if (s.find('(') != std::string::npos || s.find(')') != std::string::npos) {
        std::string t;
        for (char c : s) {
            if (c == '(') t += "（";
            else if (c == ')') t += "）";
            else t.push_back(c);
        }
        if (const UnitInfo* u = find_exact(t)) return u;
    }
    // A CNIPA department written with the bureau's name in front.
    for (std::string_view p : {std::string_view("国家知识产权局"), std::string_view("知识产权局"),
                               std::string_view("国知局")}) {
        if (s.size() > p.size() && std::string_view(s).substr(0, p.size()) == p) {
            const UnitInfo* u = find_exact(std::string_view(s).substr(p.size()));
            if (u && u->level == "cnipa-internal") return u;
        }
    }
    return nullptr;
}

const UnitInfo* UnitGazetteer::find_fragment(std::string_view fragment) const {
    const std::string s = squeeze(trim8(fragment));
    if (u8_length(s) < 2) return nullptr;
    auto it = suffixes_.find(s);
    if (it == suffixes_.end() || it->second < 0) return nullptr;
    return &units_[static_cast<size_t>(it->second)];
}

const UnitInfo* UnitGazetteer::find_prefix_fragment(std::string_view fragment) const {
    const std::string s = squeeze(trim8(fragment));
    if (u8_length(s) < 2) return nullptr;
    auto it = prefixes_.find(s);
    if (it == prefixes_.end() || it->second < 0) return nullptr;
    return &units_[static_cast<size_t>(it->second)];
}

namespace {

// What a province's own bodies are called after its name.
constexpr std::string_view kLocalOrgans[] = {
    "知识产权局", "知识产权管理部门", "知识产权管理局", "市场监督管理局", "市场监管局", "人民政府", "政府",
    "知识产权保护中心", "知识产权服务促进中心", "知识产权服务中心", "知识产权发展研究中心", "知识产权局局机关",
    "高级人民法院", "人民检察院", "公安厅", "版权局", "知识产权快速维权中心"};

bool looks_local(std::u32string_view u) {
    if (u.empty()) return false;
    if (u.front() == U'各') return true;
    for (std::u32string_view p : {U"地方", U"省级", U"市级", U"县级", U"地市", U"有关地区", U"涉及地区",
                                  U"有条件的地区", U"有关省份", U"涉及省份", U"涉及城市", U"有关城市"})
        if (starts_with(u, p)) return true;
    for (std::u32string_view w : {U"省", U"自治区", U"自治州", U"自治县", U"地区", U"县", U"兵团", U"新区", U"开发区"})
        if (contains(u, w)) return true;
    for (size_t i = 0; i < u.size(); ++i)
        if (u[i] == U'市' && (i + 1 == u.size() || u[i + 1] != U'场')) return true;
    return false;
}

}  // namespace

UnitRef UnitGazetteer::resolve(std::string_view printed, bool* known) const {
    UnitRef r;
    r.name = squeeze(trim8(printed));
    if (const UnitInfo* u = find(r.name)) {
        r.canonical = u->canonical;
        r.level = u->level;
        if (known) *known = true;
        return r;
    }
    r.canonical = r.name;
    bool is_known = false;
    if (provinces_) {
        size_t len = 0;
        if (const Province* p = provinces_->find_prefix(r.name, &len)) {
            const std::string_view rest = std::string_view(r.name).substr(len);
            r.level = "local";
            if (rest.empty()) {
                r.canonical = p->name;
                is_known = true;
            } else if (std::find(std::begin(kLocalOrgans), std::end(kLocalOrgans), rest) != std::end(kLocalOrgans)) {
                r.canonical = p->name + std::string(rest);
                is_known = true;
            }
        }
    }
    if (r.level.empty()) r.level = looks_local(to_u32(r.name)) ? "local" : "other";
    if (known) *known = is_known;
    return r;
}

std::vector<UnitRef> UnitGazetteer::parse_units(std::string_view clause, std::vector<std::string>* unknown) const {
    std::vector<UnitRef> refs;
    for (const SplitName& sn : split_impl(clause, this)) {
        bool known = false;
        UnitRef r = resolve(sn.name, &known);
        if (!known) {
            // PDF damage: a fragment of a CNIPA department (护司, 进司), or one
            // after stray characters that a space or line break set apart
            // (保持<TAB>护司), or a name cut short (运用促).
            const UnitInfo* u = find_fragment(r.name);
            for (size_t k = 1; !u && k < sn.parts.size(); ++k) {
                std::string tail;
                for (size_t m = k; m < sn.parts.size(); ++m) tail += sn.parts[m];
                const std::string stripped = to_u8(strip_phrasing(to_u32(tail)));
                u = find(stripped);
                if (!u) u = find_fragment(stripped);
            }
            if (!u) u = find_prefix_fragment(r.name);
            if (u) {
                r.canonical = u->canonical;
                r.level = u->level;
                known = true;
            }
        }
        if (!known && unknown) unknown->push_back(r.name);
        refs.push_back(std::move(r));
    }
    return assign_roles(std::move(refs));
}

}  // namespace qingdan
