// The unit gazetteer (data/units.tsv): loading, lookup, and the home place
// a local issuer's plan speaks from. Clause parsing is in unit_clause.cpp,
// name resolution in unit_resolve.cpp.
#include "units.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "normalise.hpp"
#include "units_internal.hpp"
#include "ustr.hpp"

namespace qingdan {

using namespace unit_detail;

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

    // The fragment indexes (find_fragment, find_prefix_fragment) are built
    // on first use: only names damaged in print need them.
    // The province table beside the unit table, when there is one.
    std::error_code ec;
    const auto sibling = std::filesystem::path(path).parent_path() / "provinces.tsv";
    if (std::filesystem::is_regular_file(sibling, ec)) g.set_provinces(ProvinceTable::load(sibling.string()));
    const auto cities = std::filesystem::path(path).parent_path() / "cities.tsv";
    if (std::filesystem::is_regular_file(cities, ec)) g.set_cities(CityTable::load(cities.string(), g.provinces()));
    // The clause phrasing beside it (data/unit_phrasing.tsv): a --data
    // directory's own phrasing replaces the shipped one.
    const auto phrasing = std::filesystem::path(path).parent_path() / "unit_phrasing.tsv";
    if (std::filesystem::is_regular_file(phrasing, ec)) UnitPhrasing::install(UnitPhrasing::load(phrasing.string()));
    return g;
}

namespace {

// Byte offset of each character of `s`, then s.size(); empty when `s` is
// not valid UTF-8 (the caller then takes the slow road through UTF-32).
std::vector<size_t> char_offsets(std::string_view s) {
    std::vector<size_t> at;
    for (size_t i = 0; i < s.size();) {
        at.push_back(i);
        char32_t cp;
        if (!ustr::decode(s, i, cp)) return {};
    }
    at.push_back(s.size());
    return at;
}

}  // namespace

// Fragment indexes over cnipa-internal names: suffixes and proper prefixes of
// at least two characters, mapped to one unit or -1 when ambiguous. Cut at
// character boundaries of the UTF-8 names (the same strings a round trip
// through UTF-32 gives for valid text, without the conversions).
void UnitGazetteer::build_fragments(Data& d) {
    auto note = [](auto& m, std::string key, long idx) {
        auto [it, inserted] = m.emplace(std::move(key), idx);
        if (!inserted && it->second != idx) it->second = -1;
    };
    for (size_t i = 0; i < d.units.size(); ++i) {
        const auto& u = d.units[i];
        if (u.level != "cnipa-internal") continue;
        std::vector<const std::string*> names{&u.canonical};
        for (const auto& a : u.aliases) names.push_back(&a);
        for (const std::string* n : names) {
            const std::vector<size_t> at = char_offsets(*n);
            if (at.empty()) {  // ill-formed bytes: as U+FFFD, like to_u32 reads them
                const std::u32string w = to_u32(*n);
                for (size_t k = 2; k <= w.size(); ++k) note(d.suffixes, to_u8(w.substr(w.size() - k)), long(i));
                for (size_t k = 2; k < w.size(); ++k) note(d.prefixes, to_u8(w.substr(0, k)), long(i));
                continue;
            }
            const size_t chars = at.size() - 1;
            for (size_t k = 2; k <= chars; ++k) note(d.suffixes, n->substr(at[chars - k]), long(i));
            for (size_t k = 2; k < chars; ++k) note(d.prefixes, n->substr(0, at[k]), long(i));
        }
    }
}

const UnitGazetteer::Data& UnitGazetteer::fragments() const {
    std::call_once(d_->fragments_once, [this] { build_fragments(*d_); });
    return *d_;
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
    const Data& d = fragments();
    auto it = d.suffixes.find(s);
    if (it == d.suffixes.end() || it->second < 0) return nullptr;
    return &d_->units[static_cast<size_t>(it->second)];
}

const UnitInfo* UnitGazetteer::find_prefix_fragment(std::string_view fragment) const {
    const std::string s = squeeze(trim_sv(fragment));
    if (ustr::length(s) < 2) return nullptr;
    const Data& d = fragments();
    auto it = d.prefixes.find(s);
    if (it == d.prefixes.end() || it->second < 0) return nullptr;
    return &d_->units[static_cast<size_t>(it->second)];
}

}  // namespace qingdan
