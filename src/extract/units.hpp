// The unit gazetteer (data/units.tsv) and unit-clause parsing.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "qingdan/model.hpp"
#include "provinces.hpp"

namespace qingdan {

struct UnitInfo {
    std::string canonical;             // full official name
    std::string level;                 // "central", "cnipa-internal", "local", "other"
    std::string parent;                // canonical name of the parent, or ""
    std::vector<std::string> aliases;  // abbreviations and other printed forms
};

class UnitGazetteer {
public:
    // Reads a TSV file: canonical<TAB>level<TAB>parent<TAB>alias|alias|...
    // ('#' comments, blank lines allowed). Throws std::runtime_error with
    // file:line on a malformed row. When a provinces.tsv sits in the same
    // directory it is loaded too (see set_provinces).
    static UnitGazetteer load(const std::string& path);

    // Named provinces (江苏省, 广西, 江苏省知识产权局 ...) resolve as `local`
    // units through this table. load() attaches the sibling provinces.tsv.
    void set_provinces(ProvinceTable table);
    const ProvinceTable* provinces() const { return provinces_.get(); }

    // Exact match on canonical name or any alias (after trimming spaces).
    // Also accepted: names with PDF-damage spaces inside (战略规 划司),
    // ASCII aliases in any case (wipo), and CNIPA departments prefixed with
    // 国家知识产权局 / 知识产权局 (国家知识产权局保护司).
    const UnitInfo* find(std::string_view name) const;

    // For names damaged by PDF extraction: a fragment that is the unique
    // suffix (at least 2 characters, e.g. "护司" -> 保护司) of exactly one
    // cnipa-internal alias. nullptr when ambiguous or unknown.
    const UnitInfo* find_fragment(std::string_view fragment) const;

    // The same for a name cut at its end (战略规 -> 战略规划司, 运用促 ->
    // 运用促进司): a unique proper prefix (at least 2 characters) of the
    // names of exactly one cnipa-internal unit. nullptr when ambiguous.
    const UnitInfo* find_prefix_fragment(std::string_view fragment) const;

    // Resolves a printed name: canonical + level filled in; unknown names
    // keep canonical == name and level "other" (or "local" for 各地… forms),
    // and `known` is set false.
    UnitRef resolve(std::string_view printed, bool* known = nullptr) const;

    // Splits, resolves and assigns roles in one go, for a unit clause's
    // inside or a table's unit cell (newlines inside allowed). Uses the
    // gazetteer to re-join names broken by spaces or line breaks and to
    // repair fragments (护司, 进司) that a table cell kept. Names it cannot
    // resolve are appended to `unknown` (when given) and kept with
    // canonical == name; names repaired as fragments are appended to
    // `repaired` as (printed, canonical) pairs, for a diagnostic.
    using Repairs = std::vector<std::pair<std::string, std::string>>;
    std::vector<UnitRef> parse_units(std::string_view clause, std::vector<std::string>* unknown = nullptr,
                                     Repairs* repaired = nullptr) const;

    // is_unit_clause() that also accepts any name the gazetteer knows.
    bool is_unit_clause(std::string_view inside) const;

    // is_unit_clause() and parse_units() in one pass: the units (roles
    // assigned) when `inside` is a unit clause, else nullopt.
    std::optional<std::vector<UnitRef>> parse_unit_clause(std::string_view inside,
                                                          std::vector<std::string>* unknown = nullptr,
                                                          Repairs* repaired = nullptr) const;

    const UnitInfo* by_canonical(std::string_view canonical) const;
    const std::vector<UnitInfo>& all() const { return d_->units; }
    std::size_t alias_count() const { return d_->index.size(); }

    // Cities (data/cities.tsv): 深圳市知识产权局 resolves as a known local
    // unit, and a city issuer gives its province. load() attaches the
    // sibling cities.tsv.
    void set_cities(CityTable table);
    const CityTable* cities() const { return cities_.get(); }

    // The locality a provincial or municipal document speaks from: in a
    // plan issued by 江苏省知识产权局, 省知识产权局 is 江苏省知识产权局; in
    // one issued by 苏州市人民政府, 市市场监管局 is 苏州市市场监管局 and
    // 省知识产权局 is 江苏省知识产权局 (when cities.tsv knows the city).
    struct Home {
        std::string province;  // full name (江苏省), or ""
        std::string city;      // full name (苏州市), or "" (北京市 for a municipality)
        bool empty() const { return province.empty() && city.empty(); }
    };
    // The home of an issuer (canonical or printed; joint issuers separated
    // by 、 - the first local one counts). Empty for central issuers.
    Home home_of(std::string_view issuer) const;
    // A copy (cheap: the tables are shared) that resolves 省X / 市X
    // department names against `issuer`'s home. With a central or unknown
    // issuer the copy behaves exactly like this gazetteer.
    // `title` (optional) is used only when the issuer gives no home (no
    // signature, or a central issuer): one province or listed city named in
    // the title (2023年江苏省知识产权工作要点) is the home.
    UnitGazetteer for_issuer(std::string_view issuer, std::string_view title = {}) const;
    Home home_of_title(std::string_view title) const;
    UnitGazetteer with_home(Home home) const;
    const Home& home() const { return home_; }

private:
    const UnitInfo* find_exact(std::string_view name) const;

    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    template <class V>
    using Index = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
    struct Data {
        std::vector<UnitInfo> units;
        Index<size_t> index;   // name/alias -> units index
        Index<size_t> folded;  // lower-cased ASCII aliases
        // fragment -> index, -1 when ambiguous: built on first use, once
        // (copies of a gazetteer share Data, possibly across threads).
        Index<long> suffixes;
        Index<long> prefixes;
        std::once_flag fragments_once;
    };
    static void build_fragments(Data& d);
    const Data& fragments() const;
    std::shared_ptr<Data> d_ = std::make_shared<Data>();  // shared by copies; written by load() only
    std::shared_ptr<const ProvinceTable> provinces_;
    std::shared_ptr<const CityTable> cities_;
    Home home_;
    // A local issuer (江苏省知识产权局) when home_ came from it: its plan's
    // bare internal departments (办公室, 政策法规处) are its own.
    std::string issuer_;
};

// Splits a unit clause's inside into names, dropping the phrasing of
// responsibility: "市场监管总局、农业农村部、知识产权局负责" ->
// [市场监管总局, 农业农村部, 知识产权局]; "战略规划司、保护司等按职责分工负责",
// "各地方知识产权局负责", "A、B等部门负责", "局内：联席办、战略规划司",
// "牵头部门：A；配合部门：B、C" (lead first). Separators: 、，,；; and spaces.
// A space or line break inside a name (战略规 划司) is closed up unless the
// part before it already ends like a unit name (…司, …部, …局 ...).
std::vector<std::string> split_unit_list(std::string_view clause);

// True when `inside` (the text between parentheses) is a unit clause, i.e.
// ends with 负责 / 牵头 / 配合 phrasing and every name is plausibly a unit.
bool is_unit_clause(std::string_view inside);

// True for a collective local body (各地方知识产权局, 各省、自治区、直辖市
// 知识产权局, 有关地区, 地方各级人民政府): a category of localities that a
// task binds, unlike one named department (省市场监管局, 江苏省知识产权局),
// which is only a responsible unit.
bool is_collective_local(std::string_view name);

// The scope tier such a body names: 各县市… -> "county", 各市… / 地市… ->
// "city", anything else (各省…, 各地…, 地方…) -> "province".
std::string collective_tier(std::string_view name);

// Assigns roles: one unit -> "responsible"; several -> first "lead", the
// rest "participant". Units given as refs in printed order; duplicates
// (same canonical) are removed keeping the first.
std::vector<UnitRef> assign_roles(std::vector<UnitRef> units);

// The units of several clauses or cells of one task (measures, a lead and a
// participants column), one per canonical name in printed order. One list
// keeps its roles; several are ranked by position (the first listed leads)
// except that leads marked together (分别牵头) all stay leads.
std::vector<UnitRef> merge_unit_lists(const std::vector<std::vector<UnitRef>>& lists);

// A note in a unit clause that gives units for this and every later item
// (具体任务均涉及相关市(州)人民政府，不再做分工，下同): the unit list it
// names, or nothing. Its words are the carry / carry-intro rows of
// data/unit_phrasing.tsv.
std::optional<std::string> carried_unit_list(std::string_view note);

// A unit clause written into the sentence, with no parentheses: 由A会同B、C等
// 部门负责落实 / 由A会同B等部门研究提出落实意见. The list (A会同B、C, the
// joiner marking A as lead), or nothing.
std::optional<std::string> inline_unit_clause(std::string_view text);

// Where an item's closing sentence that is a unit clause without brackets
// starts (…做好辛工作。省公安厅、省司法厅按职责分工负责。), or nullopt.
std::optional<size_t> closing_unit_sentence(std::string_view text);

// A line that states units once for a group of items: 以上工作由A、B负责
// (back: the items before it in its section) or 以下任务均需A配合落实
// (forward: the items after it). The unit list and the direction, or nothing.
struct GroupStatement {
    std::string units;
    bool forward = false;
};
std::optional<GroupStatement> group_unit_statement(std::string_view line);

}  // namespace qingdan
