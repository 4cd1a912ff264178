// The unit gazetteer (data/units.tsv) and unit-clause parsing.
#include "units.hpp"

#include "normalise.hpp"

#include <algorithm>
#include <cstdint>

#include "ustr.hpp"
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

using ustr::to_u32;
using ustr::to_u8;

using ustr::is_ascii;
using ustr::is_space;
using ustr::space_at;

// Trims, and drops every whitespace character inside (PDF letter-spacing).
std::string squeeze(std::string_view s) {
    if (!ustr::has_space(s)) return std::string(s);
    std::u32string u = to_u32(s);
    u.erase(std::remove_if(u.begin(), u.end(), is_space), u.end());
    return to_u8(u);
}


std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}


[[noreturn]] void fail(const std::string& file, int line, const std::string& msg) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + msg);
}

// ---------------------------------------------------------------------------
// Unit-clause vocabulary (all matching is done on UTF-8 bytes: a suffix or
// prefix match of a whole UTF-8 string always falls on character boundaries)
// ---------------------------------------------------------------------------

// True when the 3-byte UTF-8 character `lit` is at s[i].
inline bool at3(std::string_view s, size_t i, const char* lit) {
    return i + 3 <= s.size() && s[i] == lit[0] && s[i + 1] == lit[1] && s[i + 2] == lit[2];
}


// Characters a unit name ends with (…司, …部, …局, 成员单位, 各省份 ...).
bool is_unit_final(char32_t c) {
    static constexpr std::u32string_view kFinal =
        U"司部局委署院会办厅室行社台心位门府协联团央所处科组馆校站队庭盟区省市县州旗镇乡村园份方关地军报）";
    return kFinal.find(c) != std::u32string_view::npos;
}

bool ends_like_unit(std::string_view name) {
    if (name.empty()) return false;
    const char32_t last = ustr::last(name);
    if (last < 0x80) return (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
    if (name == "最高法" || name == "最高检") return true;
    return is_unit_final(last);
}

// Phrasing of responsibility that may end a unit name, stripped repeatedly
// ("…等按职责分工负责" -> 负责, 按职责分工, 等). Longest first.
constexpr std::string_view kTrailingPhrasing[] = {
    "等相关单位", "等有关单位", "共同推进", "协同推进", "组织实施", "抓好落实", "推进落实", "分工落实", "负责推进",
    "组织落实", "负责组织实施", "等有关部门", "等相关部门", "按照职责分工", "按职责分工", "按职能分工", "负责落实",
    "负责实施", "牵头负责", "牵头落实", "牵头实施", "共同负责", "分别负责", "具体负责", "等部门",
    "等单位", "按照职责", "按职责", "依职责", "负责", "牵头", "配合", "参与", "协助", "分工", "分别",
    "共同", "具体", "等"};

// Generic words that are not units.
constexpr std::string_view kGeneric[] = {"有关部门", "相关部门", "各有关部门", "各相关部门", "有关单位",
                                         "相关单位", "其他有关部门", "其他部门", "有关方面", "各有关单位",
                                         "各部门"};

std::string_view trim_sv(std::string_view s) {
    for (size_t n; !s.empty() && (n = space_at(s, 0)) > 0;) s.remove_prefix(n);
    for (;;) {
        if (s.empty()) break;
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            s.remove_suffix(1);
        } else if (s.ends_with("\xE3\x80\x80")) {
            s.remove_suffix(3);
        } else if (s.ends_with("\xC2\xA0")) {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

bool has_space(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i)
        if (space_at(s, i)) return true;
    return false;
}

// Strips responsibility phrasing from the end; sets *lead when 牵头 was part of it.
std::string_view strip_phrasing(std::string_view s, bool* lead = nullptr) {
    s = trim_sv(s);
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        for (std::string_view p : kTrailingPhrasing) {
            // Compare the last two bytes inline before a full comparison.
            if (s.size() >= p.size() && s.back() == p.back() && s[s.size() - 2] == p[p.size() - 2] &&
                s.ends_with(p)) {
                if (lead && p.find("牵头") != std::string_view::npos) *lead = true;
                s.remove_suffix(p.size());
                s = trim_sv(s);
                changed = true;
                break;
            }
        }
    }
    return s;
}

std::string_view strip_leading(std::string_view s) {
    s = trim_sv(s);
    for (std::string_view p : {std::string_view("由"), std::string_view("请")})
        if (s.size() > p.size() + 3 && s.starts_with(p)) s.remove_prefix(p.size());
    return trim_sv(s);
}

}  // namespace

// ---------------------------------------------------------------------------
// split_unit_list
// ---------------------------------------------------------------------------

namespace {

// One name of a unit list; `parts` are the pieces a space or line break had
// separated in print (战略规 / 划司), empty when there was no such break.
struct SplitName {
    std::string name;
    std::vector<std::string> parts;
    bool lead = false;  // marked 牵头 (label or phrasing)
};

// Separator at u[i]: its byte length, or 0. 会同 ("A会同B负责") separates too.
inline size_t separator_at(std::string_view u, size_t i) {
    const auto c = static_cast<unsigned char>(u[i]);
    if (c < 0x80) return (c == ',' || c == ';' || c == '/') ? 1 : 0;
    if (c == 0xE3) return at3(u, i, "、") ? 3 : 0;
    if (c == 0xEF) return (at3(u, i, "，") || at3(u, i, "；")) ? 3 : 0;
    if (c == 0xE4) return (at3(u, i, "会") && at3(u, i + 3, "同")) ? 6 : 0;
    return 0;
}

class Splitter {
public:
    explicit Splitter(const UnitGazetteer* g) : g_(g) {}

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
            const size_t len = separator_at(u, i);
            if (!len) {
                i += ustr::sequence_length(static_cast<unsigned char>(u[i]));
                continue;
            }
            const bool dun = at3(u, i, "、");
            const bool comma = dun || u[i] == ',' || at3(u, i, "，");
            bool protect = depth > 0 && comma;  // 各省（区、市）
            if (dun && depth == 0) {            // 各省、自治区、直辖市(、新疆生产建设兵团)
                const std::string_view before = u.substr(0, i), after = u.substr(i + 3);
                protect = (before.ends_with("省") && after.starts_with("自治区")) ||
                          (before.ends_with("自治区") && after.starts_with("直辖市")) ||
                          ((before.ends_with("直辖市") || before.ends_with("（区、市）") ||
                            before.ends_with("计划单列市") || before.ends_with("副省级城市")) &&
                           (after.starts_with("新疆生产建设兵团") || after.starts_with("计划单列市") ||
                            after.starts_with("副省级城市")));
                // 各市、县（区）知识产权局, 各市（州）、县（市、区）: level words
                // of one collective name, not two names.
                const std::string_view cur = trim_sv(u.substr(start, i - start));
                for (std::string_view lv : {"各市", "各市（州）", "各州（市）", "各设区市", "各盟市", "各地级市", "市",
                                            "市（州）", "设区市"})
                    if (cur == lv && (after.starts_with("县") || after.starts_with("区"))) protect = true;
            }
            if (!protect) {
                piece(u.substr(start, i - start));
                if (u[i] == ';' || at3(u, i, "；")) group_lead_ = false;
                start = i + len;
            }
            i += len;
        }
        piece(u.substr(std::min(start, u.size())));
        // Lead-labelled names first (配合部门：B；牵头部门：A -> A, B), else printed order.
        if (std::any_of(names_.begin(), names_.end(), [](const SplitName& n) { return n.lead; }))
            std::stable_partition(names_.begin(), names_.end(), [](const SplitName& n) { return n.lead; });
        return std::move(names_);
    }

private:
    void piece(std::string_view p) {
        p = trim_sv(p);
        // Label prefixes: 局内：, 牵头部门：, 责任单位： (possibly several).
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
            group_lead_ = label.find("牵头") != std::string_view::npos ||
                          label.find("主办") != std::string_view::npos ||
                          label.find("主责") != std::string_view::npos;
            p = trim_sv(p.substr(colon + clen));
        }
        p = strip_leading(p);
        if (p.empty()) return;
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
            if (cur.empty()) {
                cur = part;
                cur_parts.emplace_back(part);
                continue;
            }
            const std::string_view cur_s = strip_phrasing(cur);
            bool join = !ends_like_unit(cur_s);
            if (g_) {
                const std::string both = cur + std::string(part);
                if (g_->find(strip_phrasing(both))) {
                    join = true;
                } else if (g_->find(cur_s)) {
                    join = false;
                }
            }
            // Two ASCII words stay apart.
            if (static_cast<unsigned char>(cur.back()) < 0x80 && static_cast<unsigned char>(part.front()) < 0x80)
                join = false;
            if (!join) flush();
            cur += part;
            cur_parts.emplace_back(part);
        }
        flush();
    }

    void emit(std::string_view name, std::vector<std::string> parts) {
        bool lead = group_lead_;
        std::string_view s = strip_leading(strip_phrasing(name, &lead));
        // 省知识产权局（牵头）, 公安厅(配合): a role note after the name.
        for (std::string_view note : {"（牵头）", "(牵头)", "（牵头单位）", "（牵头部门）", "（配合）", "(配合)",
                                      "（配合单位）", "（参与）", "（负责）"}) {
            if (s.size() > note.size() && s.ends_with(note)) {
                if (note.find("牵头") != std::string_view::npos) lead = true;
                s = trim_sv(s.substr(0, s.size() - note.size()));
                break;
            }
        }
        if (s.empty()) return;
        if (std::find(std::begin(kGeneric), std::end(kGeneric), s) != std::end(kGeneric)) return;
        names_.push_back({std::string(s), std::move(parts), lead});
    }

    const UnitGazetteer* g_;
    bool group_lead_ = false;  // a lead label applies up to the next ';' or label
    std::vector<SplitName> names_;
};

std::vector<SplitName> split_impl(std::string_view clause, const UnitGazetteer* g) {
    return Splitter(g).run(clause);
}

// Forbidden inside a unit name: sentence punctuation, digits, function words.
bool plausible_name(std::string_view name, const UnitGazetteer* g) {
    if (g && g->find(name)) return true;
    const size_t n = ustr::length(name);
    if (n < 2 || n > 40) return false;
    for (char c : name)
        if ((c >= '0' && c <= '9') || c == ';' || c == '?' || c == '!' || c == '"' || c == ':') return false;
    for (std::string_view w : {"。", "；", "？", "！", "《", "》", "“", "”", "‘", "’", "…", "：", "由", "要", "将",
                               "把", "并", "均", "应当", "可以", "进行", "以下简称"})
        if (name.find(w) != std::string_view::npos) return false;
    return ends_like_unit(name) || name.starts_with("各");
}

bool clause_marked(std::string_view inside) {
    std::string_view s = trim_sv(inside);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view p : {"。", ".", "；", ";"})
            if (s.ends_with(p)) {
                s = trim_sv(s.substr(0, s.size() - p.size()));
                changed = true;
            }
    }
    for (std::string_view p : {"负责", "牵头", "配合", "参与", "协助", "共同推进", "协同推进", "组织实施", "抓好落实",
                               "推进落实", "分工落实", "组织落实"})
        if (s.size() > p.size() && s.ends_with(p)) return true;
    for (std::string_view l : {"牵头部门", "牵头单位", "责任部门", "责任单位", "负责部门", "负责单位", "局内",
                               "局外", "配合部门", "配合单位", "参与部门", "参与单位", "执行部门", "主办单位",
                               "承办单位", "协办单位"}) {
        if (s.starts_with(l)) {
            const std::string_view rest = trim_sv(s.substr(l.size()));
            if (rest.starts_with(":") || rest.starts_with("：")) return true;
        }
    }
    return false;
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

}  // namespace

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
        auto [it, inserted] = g.d_->index.emplace(key, idx);
        if (!inserted && it->second != idx)
            fail(path, line, "name '" + key + "' already names " + g.d_->units[it->second].canonical + " (line " +
                                 std::to_string(row_line[it->second]) + ")");
        if (is_ascii(key)) g.d_->folded.emplace(lower_ascii(key), idx);
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
        const std::string_view t = trim_sv(line);
        if (t.empty() || t.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        std::vector<std::string_view> f;
        for (size_t s = 0;;) {
            size_t tab = line.find('\t', s);
            f.push_back(trim_sv(line.substr(s, tab == std::string_view::npos ? std::string_view::npos : tab - s)));
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
        const size_t idx = g.d_->units.size();
        if (const UnitInfo* dup = g.by_canonical(u.canonical))
            fail(path, line_no,
                 "duplicate unit '" + u.canonical + "' (line " + std::to_string(row_line[size_t(dup - g.d_->units.data())]) + ")");
        g.d_->units.push_back(std::move(u));
        row_line.push_back(line_no);
        add_key(line_no, g.d_->units[idx].canonical, idx);
        for (const auto& a : g.d_->units[idx].aliases) add_key(line_no, a, idx);
        if (end == text.size()) break;
    }

    // Parents must be rows of the file.
    for (size_t i = 0; i < g.d_->units.size(); ++i) {
        const auto& u = g.d_->units[i];
        if (u.parent.empty()) continue;
        const UnitInfo* p = g.by_canonical(u.parent);
        if (!p) fail(path, row_line[i], "unknown parent '" + u.parent + "'");
        if (p == &u) fail(path, row_line[i], "unit is its own parent");
    }

    // Fragment indexes over cnipa-internal names: suffixes and proper prefixes
    // of at least two characters, mapped to one unit or -1 when ambiguous.
    auto note = [](auto& m, std::string key, long idx) {
        auto [it, inserted] = m.emplace(std::move(key), idx);
        if (!inserted && it->second != idx) it->second = -1;
    };
    for (size_t i = 0; i < g.d_->units.size(); ++i) {
        const auto& u = g.d_->units[i];
        if (u.level != "cnipa-internal") continue;
        std::vector<const std::string*> names{&u.canonical};
        for (const auto& a : u.aliases) names.push_back(&a);
        for (const std::string* n : names) {
            const std::u32string w = to_u32(*n);
            for (size_t k = 2; k <= w.size(); ++k) note(g.d_->suffixes, to_u8(w.substr(w.size() - k)), long(i));
            for (size_t k = 2; k < w.size(); ++k) note(g.d_->prefixes, to_u8(w.substr(0, k)), long(i));
        }
    }

    // The province table beside the unit table, when there is one.
    std::error_code ec;
    const auto sibling = std::filesystem::path(path).parent_path() / "provinces.tsv";
    if (std::filesystem::is_regular_file(sibling, ec)) g.set_provinces(ProvinceTable::load(sibling.string()));
    const auto cities = std::filesystem::path(path).parent_path() / "cities.tsv";
    if (std::filesystem::is_regular_file(cities, ec)) g.set_cities(CityTable::load(cities.string(), g.provinces()));
    return g;
}

void UnitGazetteer::set_cities(CityTable table) { cities_ = std::make_shared<const CityTable>(std::move(table)); }

UnitGazetteer::Home UnitGazetteer::home_of(std::string_view issuer) const {
    Home h;
    for (size_t b = 0; b <= issuer.size();) {
        size_t e = issuer.find("、", b);
        if (e == std::string_view::npos) e = issuer.size();
        std::string_view part = trim_sv(issuer.substr(b, e - b));
        b = e + 3;
        if (part.starts_with("中共")) part.remove_prefix(6);
        if (part.empty()) continue;
        if (cities_) {
            size_t len = 0;
            if (const City* c = cities_->find_prefix(part, &len); c && !part.substr(len).starts_with("场")) {
                h.city = c->name;
                h.province = c->province;
                return h;
            }
        }
        if (provinces_) {
            size_t len = 0;
            if (const Province* p = provinces_->find_prefix(part, &len)) {
                h.province = p->name;
                if (p->kind == "municipality") h.city = p->name;
                const std::string_view rest = part.substr(len);
                if (cities_) {
                    size_t clen = 0;
                    if (const City* c = cities_->find_prefix(rest, &clen); c && c->province == p->name) {
                        h.city = c->name;
                        return h;
                    }
                }
                // 江苏省苏州市人民政府: a city of the province.
                const size_t shi = rest.find("市");
                if (shi != std::string_view::npos && shi >= 6 && shi <= 24 && !rest.substr(shi + 3).starts_with("场"))
                    h.city = std::string(rest.substr(0, shi + 3));
                return h;
            }
        }
        // A city cities.tsv does not know: 某某市人民政府办公室, 某某市知识产权局.
        const size_t shi = part.find("市");
        if (shi != std::string_view::npos && shi >= 6 && shi <= 15 && !part.substr(shi + 3).starts_with("场") &&
            part.substr(0, shi).find("各") == std::string_view::npos &&
            part.substr(0, shi).find("国家") == std::string_view::npos) {
            h.city = std::string(part.substr(0, shi + 3));
            return h;
        }
        if (e == issuer.size()) break;
    }
    return h;
}

UnitGazetteer UnitGazetteer::with_home(Home home) const {
    UnitGazetteer g = *this;
    g.home_ = std::move(home);
    return g;
}

UnitGazetteer::Home UnitGazetteer::home_of_title(std::string_view title) const {
    Home h;
    bool central = false;  // 国家知识产权局…, 国务院…: a national plan
    for (std::string_view c : {"国家", "国务院", "中央", "全国"})
        if (title.find(c) != std::string_view::npos) central = true;
    if (central) return {};
    std::vector<std::string> provs, cities;
    for (size_t i = 0; i < title.size();) {
        size_t len = 0;
        if (cities_)
            if (const City* c = cities_->find_prefix(title.substr(i), &len); c && len == c->name.size()) {
                if (std::find(cities.begin(), cities.end(), c->name) == cities.end()) cities.push_back(c->name);
                if (std::find(provs.begin(), provs.end(), c->province) == provs.end()) provs.push_back(c->province);
                i += len;
                continue;
            }
        if (provinces_)
            if (const Province* p = provinces_->find_prefix(title.substr(i), &len)) {
                if (std::find(provs.begin(), provs.end(), p->name) == provs.end()) provs.push_back(p->name);
                if (p->kind == "municipality" &&
                    std::find(cities.begin(), cities.end(), p->name) == cities.end())
                    cities.push_back(p->name);
                i += len;
                continue;
            }
        i += ustr::sequence_length(static_cast<unsigned char>(title[i]));
    }
    if (provs.size() != 1 || cities.size() > 1) return {};
    h.province = provs.front();
    if (!cities.empty()) h.city = cities.front();
    return h;
}

UnitGazetteer UnitGazetteer::for_issuer(std::string_view issuer, std::string_view title) const {
    Home h = home_of(issuer);
    if (!h.empty()) {
        UnitGazetteer g = with_home(std::move(h));
        g.issuer_ = std::string(issuer.substr(0, issuer.find("、")));
        return g;
    }
    if (!title.empty()) {
        // Only when the issuer is unknown or itself has no home, and is not central.
        bool central_issuer = false;
        if (!issuer.empty())
            if (const UnitInfo* u = find(issuer.substr(0, issuer.find("、"))); u && u->level != "local")
                central_issuer = true;
        if (!central_issuer) h = home_of_title(title);
    }
    return with_home(std::move(h));
}

void UnitGazetteer::set_provinces(ProvinceTable table) {
    provinces_ = std::make_shared<const ProvinceTable>(std::move(table));
}

const UnitInfo* UnitGazetteer::by_canonical(std::string_view canonical) const {
    auto it = d_->index.find(canonical);
    if (it == d_->index.end() || d_->units[it->second].canonical != canonical) return nullptr;
    return &d_->units[it->second];
}

const UnitInfo* UnitGazetteer::find_exact(std::string_view name) const {
    auto it = d_->index.find(name);
    if (it != d_->index.end()) return &d_->units[it->second];
    if (is_ascii(name)) {
        auto f = d_->folded.find(lower_ascii(name));
        if (f != d_->folded.end()) return &d_->units[f->second];
    }
    return nullptr;
}

const UnitInfo* UnitGazetteer::find(std::string_view name) const {
    name = trim_sv(name);
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
    // Traditional script (a --unit argument; documents are converted before
    // extraction): convert and try again.
    if (!is_ascii(s) && looks_traditional(s)) {
        const std::string simp = to_simplified(s);
        if (simp != s) return find(simp);
    }
    return nullptr;
}

const UnitInfo* UnitGazetteer::find_fragment(std::string_view fragment) const {
    const std::string s = squeeze(trim_sv(fragment));
    if (ustr::length(s) < 2) return nullptr;
    auto it = d_->suffixes.find(s);
    if (it == d_->suffixes.end() || it->second < 0) return nullptr;
    return &d_->units[static_cast<size_t>(it->second)];
}

const UnitInfo* UnitGazetteer::find_prefix_fragment(std::string_view fragment) const {
    const std::string s = squeeze(trim_sv(fragment));
    if (ustr::length(s) < 2) return nullptr;
    auto it = d_->prefixes.find(s);
    if (it == d_->prefixes.end() || it->second < 0) return nullptr;
    return &d_->units[static_cast<size_t>(it->second)];
}

namespace {

// What a province's (or city's) own bodies are called after its name.
constexpr std::string_view kLocalOrgans[] = {
    "知识产权局", "知识产权管理部门", "知识产权管理局", "市场监督管理局", "市场监管局", "人民政府", "政府",
    "知识产权保护中心", "知识产权服务促进中心", "知识产权服务中心", "知识产权发展研究中心", "知识产权局局机关",
    "高级人民法院", "人民检察院", "公安厅", "版权局", "知识产权快速维权中心", "知识产权维权援助中心",
    "知识产权事业发展中心", "知识产权信息中心", "知识产权法庭", "人民政府办公厅",
    "人民政府办公室", "政府办公厅", "政府办公室", "委办公厅", "委办公室", "科协", "工商联", "总工会", "妇联",
    "侨联", "文联", "社科联", "团委", "知识产权研究会", "知识产权协会", "专利代理师协会", "律师协会"};

bool looks_local(std::string_view u) {
    if (u.empty()) return false;
    if (u.starts_with("各")) return true;
    for (std::string_view p : {"地方", "省级", "市级", "县级", "地市", "有关地区", "涉及地区", "有条件的地区",
                               "有关省份", "涉及省份", "涉及城市", "有关城市"})
        if (u.starts_with(p)) return true;
    for (std::string_view w : {"省", "自治区", "自治州", "自治县", "地区", "县", "兵团", "新区", "开发区"})
        if (u.find(w) != std::string_view::npos) return true;
    for (size_t i = u.find("市"); i != std::string_view::npos; i = u.find("市", i + 3))
        if (u.compare(i + 3, 3, "场") != 0) return true;
    return false;
}

// Level words a provincial or municipal document puts before its own
// departments (省市场监管局, 市公安局, 县区政府, 各县市知识产权局,
// 各设区市知识产权局, 各市（州）知识产权局), tried longest first.
const std::vector<std::string_view>& local_levels() {
    static const std::vector<std::string_view> levels = [] {
        std::vector<std::string_view> v = {
            "各市（州）、县（市、区）", "各市、县（市、区）", "各市（地、州）", "各地（市、州）", "各市、县（区）",
            "各县（市、区）", "各区县（市）", "各市（县、区）", "各市（州）", "各州（市）", "各区（县）",
            "各县（区）", "各市（区）", "市（州）、县（市、区）", "市、县（市、区）", "市、县（区）", "县（市、区）", "市（州）",
            "各设区市", "设区市", "各地级市", "各盟市", "各地州市", "各市县",
            "各县市", "各市州", "各县区", "各区县", "各省", "各市", "各县", "各区", "各州", "盟市", "县区",
            "区县", "县市", "市县", "市州", "州市", "自治区", "省", "市", "县", "区", "州"};
        std::stable_sort(v.begin(), v.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
        return v;
    }();
    return levels;
}

// Local bodies that have no central counterpart to derive them from.
constexpr std::string_view kLocalOnlyOrgans[] = {
    "民宗委", "民族宗教事务委员会", "信用办", "经信委", "经信厅", "经信局", "工信厅", "工信局",
    "地方金融监管局", "地方金融监督管理局", "金融办", "委", "人大常委会", "中级人民法院", "人民法院",
    "检察院", "法院", "政府", "人民政府", "工商局", "质监局", "食药监局", "科技局", "知识产权局",
    // a city's culture, radio-TV and tourism bureau: its full name differs
    // from city to city (文化广电和旅游局, 文化广电旅游局), so it is kept as printed
    "中级法院", "中院", "高院", "文广旅局", "文广旅体局", "文化广电旅游局", "文化广电和旅游局"};

// What follows a level word when a plan names the departments of its own
// level collectively (省直有关部门, 市有关单位): known, local, kept as printed.
constexpr std::string_view kLevelCollective[] = {
    "直有关部门", "直有关单位", "直各有关部门", "直各有关单位", "直相关部门", "直相关单位", "直各部门",
    "直各单位", "直机关各部门", "级有关部门", "级有关单位", "有关部门", "有关单位", "相关部门", "相关单位"};

// True when `rest` names a kind of local department: a standard local body,
// or the local form of a central one, found through the gazetteer: 科技厅 /
// 公安局 (科技部, 公安部), 市场监管局 (市场监管总局), 委宣传部 (中央宣传部),
// 版权局 (itself a central name). This lets any level prefix combine with
// any department without listing every combination.
bool is_local_organ(const UnitGazetteer& g, std::string_view rest) {
    if (rest.empty()) return false;
    if (rest.starts_with("党委")) return is_local_organ(g, rest.substr(3));  // 自治区党委宣传部
    if (std::find(std::begin(kLocalOrgans), std::end(kLocalOrgans), rest) != std::end(kLocalOrgans) ||
        std::find(std::begin(kLocalOnlyOrgans), std::end(kLocalOnlyOrgans), rest) != std::end(kLocalOnlyOrgans))
        return true;
    auto central = [&](const std::string& n) {
        const UnitInfo* u = g.find(n);
        return u && u->level == "central";
    };
    if (ustr::length(rest) >= 3 && (central(std::string(rest)) || central("国家" + std::string(rest)))) return true;
    if (rest.starts_with("委") && central("中央" + std::string(rest.substr(3)))) return true;
    for (std::string_view local : {"委员会", "办公室", "厅", "局", "委", "办"}) {
        if (!rest.ends_with(local)) continue;
        const std::string stem(rest.substr(0, rest.size() - local.size()));
        if (ustr::length(stem) < 2) continue;
        for (std::string_view c : {"部", "总局", "局", "委", "委员会", "署", "办"})
            if (central(stem + std::string(c))) return true;
    }
    return false;
}

// 省市场监管局, 市公安局, 各县市知识产权局: a level word and a department
// kind. Returns the level word, or "" when `name` is not such a name.
std::string_view level_department(const UnitGazetteer& g, std::string_view name) {
    for (std::string_view level : local_levels()) {
        if (!name.starts_with(level)) continue;
        const std::string_view rest = name.substr(level.size());
        if (is_local_organ(g, rest)) return level;
        if (std::find(std::begin(kLevelCollective), std::end(kLevelCollective), rest) != std::end(kLevelCollective))
            return level;
    }
    return {};
}

// The full name of a local department printed in short (市场监管局 ->
// 市场监督管理局), for a canonical name that puts the place in front
// (江苏省市场监督管理局). `level` is "省" or "市" (courts differ by level);
// names without a standard long form are returned unchanged.
std::string full_local_organ(std::string_view rest, std::string_view level) {
    struct Long {
        std::string_view shrt, full;
    };
    static constexpr Long kLong[] = {
        {"市场监管局", "市场监督管理局"},
        {"检察院", "人民检察院"},
        {"发展改革委", "发展和改革委员会"},
        {"发改委", "发展和改革委员会"},
        {"人力资源社会保障厅", "人力资源和社会保障厅"},
        {"人社厅", "人力资源和社会保障厅"},
        {"人力资源社会保障局", "人力资源和社会保障局"},
        {"人社局", "人力资源和社会保障局"},
        {"住房城乡建设厅", "住房和城乡建设厅"},
        {"住建厅", "住房和城乡建设厅"},
        {"住房城乡建设局", "住房和城乡建设局"},
        {"住建局", "住房和城乡建设局"},
        {"科技厅", "科学技术厅"},
        {"科技局", "科学技术局"},
        {"工信厅", "工业和信息化厅"},
        {"工信局", "工业和信息化局"},
        {"经信厅", "经济和信息化厅"},
        {"经信委", "经济和信息化委员会"},
        {"经信局", "经济和信息化局"},
        {"卫生健康委", "卫生健康委员会"},
        {"卫健委", "卫生健康委员会"},
        {"政府", "人民政府"},
        {"民宗委", "民族宗教事务委员会"},
        {"广电局", "广播电视局"},
        {"药监局", "药品监督管理局"},
        {"文旅厅", "文化和旅游厅"},
        {"文化旅游厅", "文化和旅游厅"},
        {"文旅局", "文化和旅游局"},
        {"文化旅游局", "文化和旅游局"},
        {"生态环境厅", "生态环境厅"},
        {"地方金融监管局", "地方金融监督管理局"},
    };
    for (const Long& l : kLong)
        if (rest == l.shrt) return std::string(l.full);
    if (rest == "法院" || rest == "高院")
        return level == "市" ? "中级人民法院" : level == "县" ? "人民法院" : "高级人民法院";
    if (rest == "中院" || rest == "中级法院") return "中级人民法院";
    return std::string(rest);
}

// The canonical name of department `rest` of `place`: 江苏省 + 市场监管局 ->
// 江苏省市场监督管理局; a party committee's department takes 中共 in front
// (江苏省 + 委宣传部 -> 中共江苏省委宣传部).
std::string local_name(std::string_view place, std::string_view rest, std::string_view level) {
    std::string out;
    if (rest.starts_with("党委")) rest.remove_prefix(3);  // 区党委宣传部 -> 中共…区委宣传部
    if (rest.starts_with("委") && !rest.starts_with("委员会")) out = "中共";
    out += place;
    out += full_local_organ(rest, level);
    return out;
}

// A city, prefecture, league, county or district named before a department
// (苏州市知识产权局, 延边州市场监管局, 浦东新区知识产权局): the full name of
// the place (苏州市) when `name` is place + department kind, else "". A city
// of cities.tsv may be printed without 市 (深圳市场监管局 -> 深圳市).
std::string place_department(const UnitGazetteer& g, std::string_view name, std::string* full = nullptr) {
    if (const CityTable* ct = g.cities()) {
        size_t len = 0;
        if (const City* c = ct->find_prefix(name, &len)) {
            std::vector<size_t> cuts{len};
            const size_t short_len = c->name.size() - 3;  // 深圳市 -> 深圳
            if (len == c->name.size() && c->name.ends_with("市") && name.substr(0, short_len) == c->name.substr(0, short_len))
                cuts.push_back(short_len);
            for (size_t cut : cuts) {
                const std::string_view rest = name.substr(cut);
                if (is_local_organ(g, rest)) {
                    if (full) *full = local_name(c->name, rest, "市");
                    return c->name;
                }
            }
        }
    }
    // Any place: 2 to 8 characters ending in 市/州/盟/县/区/旗 (not 市场),
    // without level or collective words, then a department kind.
    size_t i = 0;
    for (int chars = 0; chars < 9 && i < name.size(); ++chars) {
        const size_t clen = ustr::sequence_length(static_cast<unsigned char>(name[i]));
        const std::string_view ch = name.substr(i, clen);
        if (clen != 3 || ch == "各" || ch == "省" || ch == "有" || ch == "级") return {};
        i += clen;
        if (chars >= 1 && (ch == "市" || ch == "州" || ch == "盟" || ch == "县" || ch == "区" || ch == "旗") &&
            !name.substr(i).starts_with("场")) {
            const std::string_view rest = name.substr(i);
            if (is_local_organ(g, rest)) {
                const bool city = ch == "市" || ch == "州" || ch == "盟";
                if (full) *full = local_name(name.substr(0, i), rest, city ? "市" : "县");
                return std::string(name.substr(0, i));
            }
        }
    }
    return {};
}

// A known national body followed by one of its departments (公安部 +
// 经济犯罪侦查局): (canonical, level), or nothing. The rest must end like a
// department and must not start with another known body (市场监管总局 +
// 农业农村部… is two units run together, not a department).
std::optional<std::pair<std::string, std::string>> sub_department_of(const UnitGazetteer& g, std::string_view n) {
    std::vector<size_t> cuts;  // character boundaries
    for (size_t i = 0; i < n.size();) {
        i += ustr::sequence_length(static_cast<unsigned char>(n[i]));
        cuts.push_back(i);
    }
    if (cuts.size() < 5) return std::nullopt;
    for (size_t k = cuts.size() - 1; k-- > 1;) {  // longest parent first, at least 2 characters
        const std::string_view head = n.substr(0, cuts[k]), rest = n.substr(cuts[k]);
        const UnitInfo* parent = g.find(head);
        if (!parent || parent->level == "local") continue;
        const size_t rest_chars = cuts.size() - 1 - k;
        if (rest_chars < 2 || rest_chars > 16) return std::nullopt;
        bool dept_end = false;
        for (std::string_view e : {"司", "局", "庭", "处", "中心", "办公室", "办", "所", "室", "院", "站", "部", "事务所",
                                   "办事处", "研究院", "研究所", "委员会"})
            if (rest.ends_with(e)) dept_end = true;
        if (!dept_end) return std::nullopt;
        // no other body at the start of the rest (a CNIPA department's generic
        // name - 办公室, 条约法律司 - is a department of any other body; in
        // CNIPA itself it is a second department run together: 战略规划司保护司)
        const bool cnipa_parent = parent->level == "cnipa-internal" || parent->canonical == "国家知识产权局";
        size_t j = 0;
        for (int c = 0; c < 16 && j < rest.size(); ++c) {
            j += ustr::sequence_length(static_cast<unsigned char>(rest[j]));
            if (c == 0) continue;
            const UnitInfo* u = g.find(rest.substr(0, j));
            if (u && (u->level != "cnipa-internal" || cnipa_parent)) return std::nullopt;
        }
        for (std::string_view bad : {"、", "，", "负责", "牵头", "配合"})
            if (rest.find(bad) != std::string_view::npos) return std::nullopt;
        // 和 / 与 / 及 inside a department's name (科学技术与信息化司), but not
        // joining another body (教育部和人力资源社会保障部).
        for (std::string_view conj : {"和", "与", "及"})
            for (size_t p = rest.find(conj); p != std::string_view::npos; p = rest.find(conj, p + 3)) {
                if (p == 0) return std::nullopt;
                bool k = false;
                g.resolve(rest.substr(p + 3), &k);
                if (k) return std::nullopt;
            }
        return std::make_pair(parent->canonical + std::string(rest), cnipa_parent ? "cnipa-internal" : parent->level);
    }
    return std::nullopt;
}

// Byte length of a printed form of "every province" at the start of `name`
// (各省、自治区、直辖市, 各省（区、市）, 各省区市, … optionally with 和/及/、
// 新疆生产建设兵团 and 、计划单列市 / 、副省级城市 after it), or 0.
size_t collective_provinces_prefix(std::string_view name) {
    size_t len = 0;
    for (std::string_view p : {"各省、自治区、直辖市", "各省（自治区、直辖市）", "各省（区、市）", "各省(区、市)",
                               "各省区市", "各省、区、市"})
        if (name.starts_with(p)) {
            len = p.size();
            break;
        }
    if (!len) return 0;
    for (bool more = true; more;) {
        more = false;
        for (std::string_view p : {"和新疆生产建设兵团", "及新疆生产建设兵团", "、新疆生产建设兵团", "、计划单列市",
                                   "、副省级城市", "及计划单列市", "和计划单列市", "、新疆兵团", "及兵团", "和兵团"})
            if (name.substr(len).starts_with(p)) {
                len += p.size();
                more = true;
            }
    }
    return len;
}

// 中国（江苏）知识产权保护中心, 中国（南京）知识产权保护中心: the national
// network of local protection centres, each named after its place.
bool is_protection_centre(std::string_view name) {
    if (!name.starts_with("中国（") && !name.starts_with("中国(")) return false;
    for (std::string_view tail : {"）知识产权保护中心", ")知识产权保护中心", "）知识产权快速维权中心",
                                  ")知识产权快速维权中心"})
        if (name.ends_with(tail) && name.size() > tail.size() + 9) return true;
    return false;
}

// Names printed with no separator (the spaces of `市场监管总局 农业农村部`
// are lost in normalisation): the fewest known names that make up `name`
// exactly, when there are at least two; else nothing.
std::vector<UnitRef> split_run_together(const UnitGazetteer& g, std::string_view name) {
    std::vector<size_t> cut{0};  // character boundaries as byte offsets
    for (size_t i = 0; i < name.size();) {
        i += ustr::sequence_length(static_cast<unsigned char>(name[i]));
        cut.push_back(i);
    }
    const size_t n = cut.size() - 1;
    if (n < 4 || n > 60) return {};
    std::vector<size_t> best(n + 1, SIZE_MAX), from(n + 1, 0);
    best[0] = 0;
    for (size_t e = 2; e <= n; ++e)
        for (size_t b = 0; b + 2 <= e; ++b) {
            if (best[b] == SIZE_MAX || best[b] + 1 >= best[e]) continue;
            bool known = false;
            g.resolve(name.substr(cut[b], cut[e] - cut[b]), &known);
            if (known) {
                best[e] = best[b] + 1;
                from[e] = b;
            }
        }
    if (best[n] == SIZE_MAX || best[n] < 2) return {};
    std::vector<UnitRef> out;
    for (size_t e = n; e > 0; e = from[e]) out.push_back(g.resolve(name.substr(cut[from[e]], cut[e] - cut[from[e]])));
    std::reverse(out.begin(), out.end());
    return out;
}

// 教育部和人力资源社会保障部, 省公安厅及省法院: two known names joined by
// 和 / 及 / 与 / 以及 / 同 (names that contain 和 themselves, 工业和信息化部,
// resolve whole before this is tried).
std::vector<UnitRef> split_conjunction(const UnitGazetteer& g, std::string_view name) {
    for (std::string_view conj : {"以及", "和", "及", "与", "同"}) {
        for (size_t i = name.find(conj); i != std::string_view::npos; i = name.find(conj, i + conj.size())) {
            if (i < 6 || i + conj.size() + 6 > name.size()) continue;
            bool k1 = false, k2 = false;
            UnitRef a = g.resolve(name.substr(0, i), &k1);
            if (!k1) continue;
            UnitRef b = g.resolve(name.substr(i + conj.size()), &k2);
            if (k2) return {std::move(a), std::move(b)};
            // A和B和C, A、B和C's last pair
            auto more = split_conjunction(g, name.substr(i + conj.size()));
            if (!more.empty()) {
                more.insert(more.begin(), std::move(a));
                return more;
            }
        }
    }
    return {};
}

// Resolves split names, repairing PDF damage: a fragment of a CNIPA
// department (护司, 进司), one after stray characters that a space or line
// break set apart (保持<TAB>护司), or a name cut short (运用促).
std::vector<UnitRef> resolve_split(const UnitGazetteer& g, std::vector<SplitName> names,
                                   std::vector<std::string>* unknown, UnitGazetteer::Repairs* repaired) {
    std::vector<UnitRef> refs;
    refs.reserve(names.size());
    for (SplitName& sn : names) {
        bool known = false;
        UnitRef r = g.resolve(sn.name, &known);
        if (!known) {
            auto parts = split_run_together(g, r.name);
            if (parts.empty()) parts = split_conjunction(g, r.name);
            if (!parts.empty()) {
                for (auto& p : parts) refs.push_back(std::move(p));
                continue;
            }
        }
        if (!known) {
            const UnitInfo* u = g.find_fragment(r.name);
            for (size_t k = 1; !u && k < sn.parts.size(); ++k) {
                std::string tail;
                for (size_t m = k; m < sn.parts.size(); ++m) tail += sn.parts[m];
                const std::string_view stripped = strip_phrasing(tail);
                u = g.find(stripped);
                if (!u) u = g.find_fragment(stripped);
            }
            if (!u) u = g.find_prefix_fragment(r.name);
            if (u) {
                r.canonical = u->canonical;
                r.level = u->level;
                known = true;
                if (repaired) repaired->emplace_back(r.name, r.canonical);
            }
        }
        if (!known && unknown) unknown->push_back(r.name);
        refs.push_back(std::move(r));
    }
    return assign_roles(std::move(refs));
}

}  // namespace

bool is_collective_local(std::string_view name) {
    for (std::string_view p : {"各", "地方", "省级", "市级", "县级", "地市", "有关地区", "涉及", "有条件的",
                               "有关省份", "有关城市", "相关地区", "相关省份", "设区市", "地级市", "市、县",
                               "市（州）", "县（市、区）"})
        if (name.starts_with(p)) return true;
    return false;
}

std::string collective_tier(std::string_view name) {
    if (name.starts_with("各")) name.remove_prefix(3);
    for (std::string_view p : {"县", "区县", "县级"})
        if (name.starts_with(p)) return "county";
    // 各地市知识产权局 is every prefecture; 各地市场监管部门 every locality.
    if (name.starts_with("地市") && !name.starts_with("地市场")) return "city";
    for (std::string_view p : {"市", "市州", "市级", "有关城市", "涉及城市", "设区市", "地级市", "盟市", "州市",
                               "地州市"})
        if (name.starts_with(p)) return "city";
    return "province";
}

namespace {

// 办公室, 政策法规处, 执法稽查处, 综合科: a department inside an office,
// named without its office (short, no place or body before it).
bool is_internal_department(std::string_view n) {
    if (!(n.ends_with("处") || n.ends_with("室") || n.ends_with("科"))) return false;
    if (ustr::length(n) > 8) return false;
    for (std::string_view head : {"省", "市", "县", "区", "自治区", "国家", "国务院", "中央", "各", "有关", "相关"})
        if (n.starts_with(head)) return false;
    return n.find("局") == std::string_view::npos && n.find("厅") == std::string_view::npos &&
           n.find("委") == std::string_view::npos;
}

}  // namespace

UnitRef UnitGazetteer::resolve(std::string_view printed, bool* known) const {
    UnitRef r;
    r.name = squeeze(trim_sv(printed));
    // In a local office's plan its own departments come bare: 办公室 there is
    // not 国家知识产权局办公室 but the issuer's.
    if (!issuer_.empty() && is_internal_department(r.name)) {
        r.canonical = issuer_ + r.name;
        r.level = "local";
        if (known) *known = true;
        return r;
    }
    if (const UnitInfo* u = find(r.name)) {
        r.canonical = u->canonical;
        r.level = u->level;
        if (known) *known = true;
        return r;
    }
    r.canonical = r.name;
    r.level = "local";
    auto done = [&](std::string canonical) {
        r.canonical = std::move(canonical);
        if (known) *known = true;
        return r;
    };
    const std::string_view n = r.name;
    // 国家知识产权局（专利局）, 省知识产权局（省市场监管局）: a known name with
    // a parenthesised second name or note after it.
    if (n.ends_with("）") || n.ends_with(")")) {
        int depth = 0;
        size_t open = std::string_view::npos;
        for (size_t i = n.size(); i-- > 0;) {
            const bool close_fw = i + 3 <= n.size() && n.compare(i, 3, "）") == 0;
            const bool open_fw = i + 3 <= n.size() && n.compare(i, 3, "（") == 0;
            if (close_fw || n[i] == ')') ++depth;
            if (open_fw || n[i] == '(') {
                if (--depth == 0) {
                    open = i;
                    break;
                }
            }
        }
        if (open != std::string_view::npos && open > 0) {
            bool k = false;
            UnitRef head = resolve(n.substr(0, open), &k);
            if (k) {
                r.level = head.level;
                return done(head.canonical);
            }
        }
    }
    if (is_protection_centre(n)) return done(r.name);
    // 公安部经济犯罪侦查局, 市场监管总局执法稽查局, 最高人民法院民三庭: a
    // department of a known national body, under the body's canonical name.
    if (const auto sub = sub_department_of(*this, n)) {
        r.level = sub->second;
        return done(sub->first);
    }
    // 各省、自治区、直辖市及新疆生产建设兵团知识产权局, 各省（自治区、直辖市）、
    // 计划单列市市场监管局: the collective of provinces in any of its printed
    // forms, then a department kind.
    if (const size_t plen = collective_provinces_prefix(n); plen > 0) {
        const std::string_view rest = n.substr(plen);
        const std::string norm = "各省（区、市）" + std::string(rest);
        if (const UnitInfo* u = find(norm)) {
            r.level = u->level;
            return done(u->canonical);
        }
        if (rest.empty() || is_local_organ(*this, rest)) return done(r.name);
    }
    // 省市场监管局 in a provincial plan: the issuer's province when it is
    // known (for_issuer), else kept as printed; known and local either way.
    if (const std::string_view level = level_department(*this, n); !level.empty()) {
        const std::string_view rest = n.substr(level.size());
        if (is_local_organ(*this, rest)) {
            if (level == "省" && !home_.province.empty()) return done(local_name(home_.province, rest, "省"));
            // 自治区 / 区 in a plan of an autonomous region (区市场监管局 in a
            // 广西 plan is the region's own).
            if ((level == "自治区" || level == "区") && !home_.province.empty() && home_.city.empty() && provinces_)
                if (const Province* p = provinces_->find(home_.province); p && p->kind == "autonomous-region")
                    return done(local_name(home_.province, rest, "省"));
            if (level == "市" && !home_.city.empty())  // 北京市: its 市法院 is a 高级人民法院
                return done(local_name(home_.city, rest, home_.city == home_.province ? "省" : "市"));
        }
        return done(r.name);
    }
    bool in_province = false;  // 江苏省某某中心: local though unknown
    if (provinces_) {
        size_t len = 0;
        if (const Province* p = provinces_->find_prefix(n, &len)) {
            in_province = true;
            const std::string_view rest = n.substr(len);
            std::string full;
            if (rest.empty()) return done(p->name);
            if (is_local_organ(*this, rest))
                return done(local_name(p->name, rest, "省"));
            if (!place_department(*this, rest, &full).empty()) return done(p->name + full);
        }
    }
    if (std::string full; !place_department(*this, n, &full).empty()) return done(full);
    r.level = in_province || looks_local(r.name) ? "local" : "other";
    if (known) *known = false;
    return r;
}

std::vector<UnitRef> UnitGazetteer::parse_units(std::string_view clause, std::vector<std::string>* unknown,
                                                Repairs* repaired) const {
    return resolve_split(*this, split_impl(clause, this), unknown, repaired);
}

std::optional<std::vector<UnitRef>> UnitGazetteer::parse_unit_clause(std::string_view inside,
                                                                     std::vector<std::string>* unknown,
                                                                     Repairs* repaired) const {
    auto names = unit_clause_names(inside, this);
    if (!names) return std::nullopt;
    return resolve_split(*this, std::move(*names), unknown, repaired);
}

}  // namespace qingdan
