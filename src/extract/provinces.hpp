// The province table (data/provinces.tsv) and province profiles
// (data/profiles/*.ini); formats in docs/data.md.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

struct Province {
    std::string name;        // full official name: 江苏省, 广西壮族自治区, 新疆生产建设兵团
    std::string short_name;  // 江苏, 广西, 兵团
    std::string kind;        // "province", "autonomous-region", "municipality", "corps"
    std::string pinyin;      // Jiangsu, Nei Mongol, Shaanxi ...
    std::string code;        // GB/T 2260 code ("320000"), "" when none
    std::vector<std::string> aliases;  // other printed forms, English names, ISO 3166-2
};

class ProvinceTable {
public:
    // Reads a TSV file: name<TAB>short<TAB>kind<TAB>pinyin<TAB>code<TAB>aliases
    // ('#' comments, blank lines allowed). Throws std::runtime_error with
    // file:line on a malformed row.
    static ProvinceTable load(const std::string& path);

    // Any form: full name, short form, alias, pinyin / English / ISO code
    // (ASCII compared case-insensitively, ignoring spaces, '-', '\'' and '_').
    // Surrounding whitespace is ignored. nullptr when unknown.
    const Province* find(std::string_view name) const;

    // The province whose full name, short form or Chinese alias is the
    // longest prefix of `text` ("江苏省知识产权局" -> 江苏省, length 9 bytes).
    // nullptr when `text` starts with none.
    const Province* find_prefix(std::string_view text, std::size_t* length = nullptr) const;

    const std::vector<Province>& all() const { return provinces_; }
    bool empty() const { return provinces_.empty(); }

private:
    std::vector<Province> provinces_;
    std::map<std::string, std::size_t, std::less<>> index_;   // Chinese forms
    std::map<std::string, std::size_t, std::less<>> ascii_;   // folded ASCII forms
};

// A city of data/cities.tsv: the sub-provincial (副省级) and 计划单列 cities,
// the provincial capitals and other cities that plans often name.
struct City {
    std::string name;                  // full name: 深圳市
    std::string province;              // full name of its province: 广东省
    std::vector<std::string> kinds;    // sub-provincial, planned, capital, prefecture
    std::vector<std::string> aliases;  // other printed forms (the short form 深圳 is implied)
    bool is(std::string_view kind) const;
};

class CityTable {
public:
    // Reads name<TAB>province<TAB>kinds<TAB>aliases ('#' comments, blank
    // lines allowed). With `provinces`, a province that the table does not
    // know is an error. Throws std::runtime_error("file:line: message").
    static CityTable load(const std::string& path, const ProvinceTable* provinces = nullptr);

    // Full name, alias, or the short form without 市 (深圳) when that is at
    // least two characters and names no province. nullptr when unknown.
    const City* find(std::string_view name) const;
    // The city whose name or short form is the longest prefix of `text`
    // (深圳市市场监管局 -> 深圳市, 9 bytes). nullptr when none.
    const City* find_prefix(std::string_view text, std::size_t* length = nullptr) const;

    const std::vector<City>& all() const { return cities_; }
    bool empty() const { return cities_.empty(); }

private:
    std::vector<City> cities_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

// A city named in a profile, with the categories it belongs to.
struct ProfileCity {
    std::string name;
    std::vector<std::string> categories;
};

// What a province is: the categories a task's scope may name
// (知识产权强省建设试点省, 引领型, 第一批地理标志运用促进工作项目涉及省份 ...).
struct ProvinceProfile {
    std::string path;                         // file it was read from
    std::string province;                     // full name when a table resolved it, else as written
    std::vector<std::string> categories;      // `category = ...` lines, in order
    std::vector<std::string> not_categories;  // `not-category = ...` lines
    std::vector<ProfileCity> cities;          // `city = 南京市: A、B` lines
    bool exhaustive = false;                  // `exhaustive = yes`: categories not listed do not apply
    std::vector<std::string> notes;           // `note = ...` lines

    bool has_category(std::string_view category) const;
};

// Parses a profile. Format (one `key = value` per line, '#' comments):
//   province = 江苏省            (required, once)
//   category = 知识产权强省建设试点省  (repeatable)
//   not-category = 引领型          (repeatable)
//   city = 南京市: 国家知识产权强市建设示范城市  (repeatable; categories split by 、，,)
//   exhaustive = yes|no
//   note = free text              (repeatable)
// Throws std::runtime_error("file:line: message") on a malformed line, an
// unknown key, a repeated `province`, a missing `province`, or (when `table`
// is given) a province the table does not know; with a table the province
// is stored under its full name.
ProvinceProfile load_profile(const std::string& path, const ProvinceTable* table = nullptr);
ProvinceProfile parse_profile(std::string_view text, const std::string& source_name,
                              const ProvinceTable* table = nullptr);

// Does a scope's `who` (as printed: 各省份, 涉及省份, 知识产权强省建设试点省,
// 引领型、支撑型知识产权强省试点省, 其他省份 ...) bind the profile's province?
//   yes   - a province-wide form (各省份, 各类省份 ...) or a listed category matches
//   no    - a `not-category` matches, or the profile is exhaustive and no
//           listed category matches a specific category
//   check - cannot be decided from the profile (涉及省份, 有关地区, 其他省份 ...)
// A trailing 必做 / 选做 is ignored.
enum class ScopeMatch { yes, no, check };
ScopeMatch match_scope(const ProvinceProfile& profile, std::string_view who);
const char* to_string(ScopeMatch m);

// Cities of the profile with a category that matches `who` (e.g.
// 国家知识产权强市建设示范城市), in profile order.
std::vector<std::string> cities_matching(const ProvinceProfile& profile, std::string_view who);

}  // namespace qingdan
