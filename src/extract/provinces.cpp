// The province table and province profiles (docs/data.md).
#include "provinces.hpp"

#include "normalise.hpp"
#include "ustr.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace qingdan {

namespace {

constexpr std::string_view kSpaces[] = {" ", "\t", "\r", "\n", "\xE3\x80\x80" /* U+3000 */,
                                        "\xEF\xBB\xBF" /* BOM */};

std::string_view trim(std::string_view s) {
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        for (std::string_view sp : kSpaces) {
            if (s.substr(0, sp.size()) == sp) {
                s.remove_prefix(sp.size());
                changed = true;
            }
            if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) {
                s.remove_suffix(sp.size());
                changed = true;
            }
        }
    }
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

using ustr::is_ascii;

// Lower-case, without spaces, '-', '\'' and '_': "Nei Mongol" -> "neimongol".
std::string fold_ascii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == ' ' || c == '-' || c == '\'' || c == '_' || c == '\t') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back(c);
    }
    return out;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The longest key of `index` that `text` starts with, within its first
// `max_chars` characters (Chinese forms only: an ASCII character ends the
// search): the key's value, or kNone. `*length` gets the key's byte length.
std::size_t longest_prefix(const std::map<std::string, std::size_t, std::less<>>& index, std::string_view text,
                           int max_chars, std::size_t* length) {
    std::size_t best = kNone, best_len = 0, pos = 0;
    for (int chars = 0; chars < max_chars && pos < text.size(); ++chars) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) break;
        pos = std::min(text.size(), pos + ustr::sequence_length(c));
        if (auto it = index.find(text.substr(0, pos)); it != index.end()) {
            best = it->second;
            best_len = pos;
        }
    }
    if (length) *length = best == kNone ? 0 : best_len;
    return best;
}

[[noreturn]] void fail(const std::string& file, int line, const std::string& msg) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + msg);
}

// An aliases field: `a|b|c`, or `-` / empty for none.
void read_aliases(std::string_view field, const std::string& path, int line, std::vector<std::string>& out) {
    if (field.empty() || field == "-") return;
    for (auto a : split(field, '|')) {
        a = trim(a);
        if (a.empty()) fail(path, line, "empty alias");
        out.emplace_back(a);
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Calls f(line_number, line) for every line, '\r' stripped.
template <class F>
void for_each_line(std::string_view text, F&& f) {
    int n = 0;
    for (std::string_view line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        f(++n, line);
    }
}

const std::string_view kKinds[] = {"province", "autonomous-region", "municipality", "corps"};

}  // namespace

// ---------------------------------------------------------------------------
// ProvinceTable
// ---------------------------------------------------------------------------

ProvinceTable ProvinceTable::load(const std::string& path) {
    const std::string text = read_file(path);
    ProvinceTable t;
    auto add_key = [&](int line, std::string_view key, size_t idx) {
        key = trim(key);
        if (key.empty()) return;
        auto& map = is_ascii(key) ? t.ascii_ : t.index_;
        std::string k = is_ascii(key) ? fold_ascii(key) : std::string(key);
        auto [it, inserted] = map.emplace(k, idx);
        if (!inserted && it->second != idx)
            fail(path, line, "form '" + std::string(key) + "' already names " + t.provinces_[it->second].name);
    };
    for_each_line(text, [&](int line, std::string_view raw) {
        std::string_view s = trim(raw);
        if (s.empty() || s.front() == '#') return;
        auto f = split(raw, '\t');
        if (f.size() != 6)
            fail(path, line, "expected 6 TAB-separated fields (name, short, kind, pinyin, code, aliases), got " +
                                 std::to_string(f.size()));
        for (auto& x : f) x = trim(x);
        if (f[0].empty()) fail(path, line, "empty name");
        if (f[1].empty()) fail(path, line, "empty short form");
        if (std::find(std::begin(kKinds), std::end(kKinds), f[2]) == std::end(kKinds))
            fail(path, line, "unknown kind '" + std::string(f[2]) +
                                 "' (province, autonomous-region, municipality, corps)");
        if (f[3].empty() || !is_ascii(f[3])) fail(path, line, "pinyin must be non-empty ASCII");
        Province p;
        p.name = f[0];
        p.short_name = f[1];
        p.kind = f[2];
        p.pinyin = f[3];
        if (f[4] != "-") p.code = f[4];
        read_aliases(f[5], path, line, p.aliases);
        const size_t idx = t.provinces_.size();
        t.provinces_.push_back(p);
        add_key(line, p.name, idx);
        add_key(line, p.short_name, idx);
        add_key(line, p.pinyin, idx);
        if (!p.code.empty()) add_key(line, p.code, idx);
        for (const auto& a : p.aliases) add_key(line, a, idx);
    });
    return t;
}

const Province* ProvinceTable::find(std::string_view name) const {
    name = trim(name);
    if (name.empty()) return nullptr;
    if (is_ascii(name)) {
        auto it = ascii_.find(fold_ascii(name));
        return it == ascii_.end() ? nullptr : &provinces_[it->second];
    }
    auto it = index_.find(name);
    if (it != index_.end()) return &provinces_[it->second];
    // Traditional script (廣西, 內蒙古自治區, 黑龍江): convert and try again.
    if (looks_traditional(name)) {
        const std::string simp = to_simplified(name);
        it = index_.find(simp);
        if (it != index_.end()) return &provinces_[it->second];
    }
    return nullptr;
}

const Province* ProvinceTable::find_prefix(std::string_view text, std::size_t* length) const {
    // Province forms are 2..8 CJK characters.
    const std::size_t i = longest_prefix(index_, text, 9, length);
    return i == kNone ? nullptr : &provinces_[i];
}

// ---------------------------------------------------------------------------
// CityTable
// ---------------------------------------------------------------------------

namespace {
const std::string_view kCityKinds[] = {"sub-provincial", "planned", "capital", "prefecture"};
}  // namespace

bool City::is(std::string_view kind) const { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }

CityTable CityTable::load(const std::string& path, const ProvinceTable* provinces) {
    const std::string text = read_file(path);
    CityTable t;
    std::vector<std::pair<std::string, size_t>> shorts;  // implied short forms, added last
    auto add_key = [&](int line, std::string_view key, size_t idx) {
        key = trim(key);
        if (key.empty()) return;
        auto [it, inserted] = t.index_.emplace(std::string(key), idx);
        if (!inserted && it->second != idx)
            fail(path, line, "form '" + std::string(key) + "' already names " + t.cities_[it->second].name);
    };
    for_each_line(text, [&](int line, std::string_view raw) {
        std::string_view s = trim(raw);
        if (s.empty() || s.front() == '#') return;
        auto f = split(raw, '\t');
        if (f.size() < 3 || f.size() > 4)
            fail(path, line, "expected name<TAB>province<TAB>kinds<TAB>aliases, got " + std::to_string(f.size()) +
                                 " field(s)");
        for (auto& x : f) x = trim(x);
        if (f[0].empty()) fail(path, line, "empty name");
        City c;
        c.name = f[0];
        c.province = f[1];
        if (provinces) {
            const Province* p = provinces->find(f[1]);
            if (!p) fail(path, line, "unknown province '" + std::string(f[1]) + "'");
            c.province = p->name;
        }
        for (auto k : split(f[2], ',')) {
            k = trim(k);
            if (std::find(std::begin(kCityKinds), std::end(kCityKinds), k) == std::end(kCityKinds))
                fail(path, line,
                     "unknown kind '" + std::string(k) + "' (sub-provincial, planned, capital, prefecture)");
            c.kinds.emplace_back(k);
        }
        if (f.size() > 3) read_aliases(f[3], path, line, c.aliases);
        const size_t idx = t.cities_.size();
        t.cities_.push_back(c);
        add_key(line, c.name, idx);
        for (const auto& a : c.aliases) add_key(line, a, idx);
        // 深圳市 -> 深圳 (two characters at least; not 吉林, which is a province)
        if (c.name.size() >= 9 && c.name.ends_with("市")) {
            std::string sh = c.name.substr(0, c.name.size() - 3);
            if (!provinces || !provinces->find(sh)) shorts.emplace_back(std::move(sh), idx);
        }
    });
    for (auto& [sh, idx] : shorts) t.index_.emplace(std::move(sh), idx);
    return t;
}

const City* CityTable::find(std::string_view name) const {
    auto it = index_.find(trim(name));
    return it == index_.end() ? nullptr : &cities_[it->second];
}

const City* CityTable::find_prefix(std::string_view text, std::size_t* length) const {
    const std::size_t i = longest_prefix(index_, text, 12, length);
    return i == kNone ? nullptr : &cities_[i];
}

// ---------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------

bool ProvinceProfile::has_category(std::string_view category) const {
    category = trim(category);
    return std::find(categories.begin(), categories.end(), category) != categories.end();
}

namespace {

// Splits "A、B，C,D" into trimmed non-empty items.
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string_view t = trim(cur);
        if (!t.empty()) out.emplace_back(t);
        cur.clear();
    };
    for (size_t i = 0; i < s.size();) {
        if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0) {
            flush();
            i += 3;
        } else if (s[i] == ',') {
            flush();
            i += 1;
        } else {
            cur.push_back(s[i]);
            i += 1;
        }
    }
    flush();
    return out;
}

}  // namespace

ProvinceProfile parse_profile(std::string_view text, const std::string& source_name, const ProvinceTable* table) {
    ProvinceProfile p;
    p.path = source_name;
    int province_line = 0;
    int last_line = 0;
    for_each_line(text, [&](int line, std::string_view raw) {
        last_line = line;
        std::string_view s = trim(raw);
        if (s.empty() || s.front() == '#') return;
        size_t eq = s.find('=');
        size_t eq_len = 1;
        size_t fw = s.find("\xEF\xBC\x9D");  // full-width ＝
        if (fw != std::string_view::npos && (eq == std::string_view::npos || fw < eq)) {
            eq = fw;
            eq_len = 3;
        }
        if (eq == std::string_view::npos) fail(source_name, line, "expected 'key = value'");
        std::string key(trim(s.substr(0, eq)));
        std::string_view value = trim(s.substr(eq + eq_len));
        std::replace(key.begin(), key.end(), '_', '-');
        std::transform(key.begin(), key.end(), key.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        if (key.empty()) fail(source_name, line, "missing key before '='");
        if (value.empty()) fail(source_name, line, "empty value for '" + key + "'");
        if (key == "province") {
            if (province_line)
                fail(source_name, line, "'province' given twice (first on line " + std::to_string(province_line) + ")");
            province_line = line;
            if (table) {
                const Province* prov = table->find(value);
                if (!prov) fail(source_name, line, "unknown province '" + std::string(value) + "'");
                p.province = prov->name;
            } else {
                p.province = value;
            }
        } else if (key == "category") {
            p.categories.emplace_back(value);
        } else if (key == "not-category") {
            p.not_categories.emplace_back(value);
        } else if (key == "city") {
            size_t colon = value.find(':');
            size_t colon_len = 1;
            size_t fc = value.find("：");
            if (fc != std::string_view::npos && (colon == std::string_view::npos || fc < colon)) {
                colon = fc;
                colon_len = 3;
            }
            ProfileCity c;
            c.name = trim(value.substr(0, colon));
            if (c.name.empty()) fail(source_name, line, "city without a name");
            if (colon != std::string_view::npos) c.categories = split_list(value.substr(colon + colon_len));
            p.cities.push_back(std::move(c));
        } else if (key == "exhaustive") {
            if (value == "yes" || value == "true" || value == "1" || value == "是")
                p.exhaustive = true;
            else if (value == "no" || value == "false" || value == "0" || value == "否")
                p.exhaustive = false;
            else
                fail(source_name, line, "exhaustive must be yes or no, got '" + std::string(value) + "'");
        } else if (key == "note") {
            p.notes.emplace_back(value);
        } else {
            fail(source_name, line,
                 "unknown key '" + key + "' (province, category, not-category, city, exhaustive, note)");
        }
    });
    if (!province_line) fail(source_name, std::max(last_line, 1), "missing 'province = ...' line");
    return p;
}

ProvinceProfile load_profile(const std::string& path, const ProvinceTable* table) {
    return parse_profile(read_file(path), path, table);
}

const char* to_string(ScopeMatch m) {
    switch (m) {
        case ScopeMatch::yes: return "yes";
        case ScopeMatch::no: return "no";
        case ScopeMatch::check: return "check";
    }
    return "check";
}

namespace {

std::string_view strip_obligation(std::string_view who) {
    who = trim(who);
    for (std::string_view suf : {"必做", "选做"}) {
        if (who.size() > suf.size() && who.substr(who.size() - suf.size()) == suf) {
            who.remove_suffix(suf.size());
            break;
        }
    }
    return trim(who);
}

bool contains(std::string_view hay, std::string_view needle) {
    return !needle.empty() && hay.find(needle) != std::string_view::npos;
}

bool matches_category(std::string_view who, std::string_view cat) {
    cat = trim(cat);
    return !cat.empty() && (who == cat || contains(who, cat) || (who.size() >= 6 && contains(cat, who)));
}

}  // namespace

ScopeMatch match_scope(const ProvinceProfile& profile, std::string_view who_raw) {
    const std::string_view who = strip_obligation(who_raw);
    if (who.empty()) return ScopeMatch::check;
    static constexpr std::string_view kEveryProvince[] = {
        "各省份", "各类省份", "所有省份", "全部省份", "各省", "各地区", "各地", "各省（区、市）",
        "各省、自治区、直辖市", "各省、自治区、直辖市和新疆生产建设兵团", "省份"};
    for (auto w : kEveryProvince)
        if (who == w) return ScopeMatch::yes;
    for (const auto& c : profile.not_categories)
        if (who == trim(c)) return ScopeMatch::no;
    for (const auto& c : profile.categories)
        if (who == trim(c)) return ScopeMatch::yes;
    // Conditional forms that depend on the task, not on a category.
    static constexpr std::string_view kConditional[] = {"涉及", "有关", "有条件", "其他", "其余", "相关", "部分"};
    for (auto c : kConditional)
        if (who.substr(0, c.size()) == c) return ScopeMatch::check;
    for (const auto& c : profile.not_categories)
        if (matches_category(who, c)) return ScopeMatch::no;
    for (const auto& c : profile.categories)
        if (matches_category(who, c)) return ScopeMatch::yes;
    return profile.exhaustive ? ScopeMatch::no : ScopeMatch::check;
}

std::vector<std::string> cities_matching(const ProvinceProfile& profile, std::string_view who_raw) {
    const std::string_view who = strip_obligation(who_raw);
    std::vector<std::string> out;
    if (who.empty()) return out;
    for (const auto& city : profile.cities)
        for (const auto& c : city.categories)
            if (matches_category(who, c)) {
                out.push_back(city.name);
                break;
            }
    return out;
}

}  // namespace qingdan
