// Name resolution: a printed unit name to its canonical name and level,
// through the gazetteer, the province and city tables and the naming
// patterns of local bodies (省X厅, 市X局, 区X局, 各县(市、区)政府), resolved
// against the issuer's place where the document says it.
#include <algorithm>
#include <cstdint>

#include "units_internal.hpp"
#include "ustr.hpp"

namespace qingdan {

using namespace unit_detail;

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
    // …printed with its 中共 already (中共北京市石景山区 + 委办公室) takes none more.
    if (rest.starts_with("委") && !rest.starts_with("委员会") && !place.starts_with("中共")) out = "中共";
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

}  // namespace

// Resolves split names, repairing PDF damage: a fragment of a CNIPA
// department (护司, 进司), one after stray characters that a space or line
// break set apart (保持<TAB>护司), or a name cut short (运用促). Each name
// keeps its mark (label, tail, note) for the roles.
std::vector<UnitRef> unit_detail::resolve_split(const UnitGazetteer& g, std::vector<SplitName> names,
                                                std::vector<std::string>* unknown, UnitGazetteer::Repairs* repaired) {
    std::vector<UnitRef> refs;
    std::vector<UnitRole> marks;
    refs.reserve(names.size());
    auto add = [&](UnitRef r, UnitRole mark) {
        const std::string& key = r.canonical.empty() ? r.name : r.canonical;
        if (std::any_of(refs.begin(), refs.end(),
                        [&](const UnitRef& o) { return (o.canonical.empty() ? o.name : o.canonical) == key; }))
            return;
        refs.push_back(std::move(r));
        marks.push_back(mark);
    };
    for (SplitName& sn : names) {
        bool known = false;
        UnitRef r = g.resolve(sn.name, &known);
        if (!known) {
            auto parts = split_run_together(g, r.name);
            if (parts.empty()) parts = split_conjunction(g, r.name);
            if (!parts.empty()) {
                for (auto& p : parts) add(std::move(p), sn.role);
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
        add(std::move(r), sn.role);
    }
    assign_marked_roles(refs, marks);
    return refs;
}

bool is_collective_local(std::string_view name) {
    for (std::string_view p : {"各", "地方", "省级", "市级", "县级", "地市", "有关地区", "涉及", "有条件的",
                               "有关省份", "有关城市", "相关地区", "相关省份", "设区市", "地级市", "市、县",
                               "市（州）", "县（市、区）"})
        if (name.starts_with(p)) return true;
    return false;
}

std::string collective_tier(std::string_view name) {
    if (name.starts_with("有条件的")) name.remove_prefix(std::string_view("有条件的").size());
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
