// Tests of the unit gazetteer, unit-clause parsing, the province table and
// province profiles. Inputs are real clauses and table cells of the corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "provinces.hpp"
#include "units.hpp"
#include "support.hpp"

using namespace qingdan;
namespace fs = std::filesystem;

namespace {

using qingdan::test::kRoot;

const UnitGazetteer& gazetteer() {
    static const UnitGazetteer g = UnitGazetteer::load(kRoot + "/data/units.tsv");
    return g;
}

const ProvinceTable& provinces() {
    static const ProvinceTable t = ProvinceTable::load(kRoot + "/data/provinces.tsv");
    return t;
}

using qingdan::test::slurp;

// A scratch file removed at scope exit.
struct TempFile {
    fs::path path;
    TempFile(const std::string& name, const std::string& content) {
        path = fs::temp_directory_path() / ("qingdan-test-units-" + std::to_string(::getpid()) + "-" + name);
        std::ofstream(path, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

using Pairs = std::vector<std::pair<std::string, std::string>>;  // canonical, role

Pairs pairs(const std::vector<UnitRef>& refs) {
    Pairs out;
    for (const auto& r : refs) out.emplace_back(r.canonical, r.role);
    return out;
}

Pairs parse(const std::string& clause) {
    std::vector<std::string> unknown;
    auto refs = gazetteer().parse_units(clause, &unknown);
    INFO("clause: " << clause);
    CHECK(unknown.empty());
    return pairs(refs);
}

const std::string kCnipa = "国家知识产权局";

// Top-level （…） / (…) groups of a text, innermost nesting kept inside.
std::vector<std::string> paren_groups(const std::string& s) {
    std::vector<std::string> out;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        bool open = false, close = false;
        if (s.compare(i, 3, "（") == 0) {
            open = true;
            len = 3;
        } else if (s.compare(i, 3, "）") == 0) {
            close = true;
            len = 3;
        } else if (s[i] == '(') {
            open = true;
        } else if (s[i] == ')') {
            close = true;
        }
        if (open && depth++ == 0) start = i + len;
        if (close && depth > 0 && --depth == 0) out.push_back(s.substr(start, i - start));
        i += len;
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Gazetteer data
// ---------------------------------------------------------------------------

TEST_CASE("units.tsv loads and has the expected coverage", "[units]") {
    const auto& g = gazetteer();
    CHECK(g.all().size() >= 180);
    CHECK(g.alias_count() >= 450);
    for (const auto& u : g.all()) {
        INFO(u.canonical);
        CHECK((u.level == "central" || u.level == "cnipa-internal" || u.level == "local" || u.level == "other"));
        if (!u.parent.empty()) CHECK(g.by_canonical(u.parent) != nullptr);
        if (u.level == "cnipa-internal") CHECK(!u.parent.empty());
    }
    // A few of each kind.
    for (const char* c : {"国家税务总局", "国家广播电视总局", "国家体育总局", "国家统计局", "国家医疗保障局",
                          "国家国际发展合作署", "国家金融监督管理总局", "中国证券监督管理委员会", "国家版权局",
                          "中央网络安全和信息化委员会办公室", "国家林业和草原局", "国家药品监督管理局",
                          "国家中医药管理局", "国家文物局", "国家邮政局", "国家外汇管理局", "国家能源局",
                          "国家烟草专卖局", "最高人民法院", "最高人民检察院", "中共中央组织部", "中共中央宣传部",
                          "中共中央政法委员会", "中央机构编制委员会办公室", "中国共产主义青年团中央委员会",
                          "中华全国妇女联合会", "中国科学技术协会", "中国国际贸易促进委员会", "中国科学院",
                          "中国工程院", "中央军委装备发展部"}) {
        INFO(c);
        const UnitInfo* u = g.by_canonical(c);
        REQUIRE(u != nullptr);
        CHECK(u->level == "central");
    }
    CHECK(g.by_canonical("国家版权局")->parent == "中共中央宣传部");
    CHECK(g.find("发展改革委")->canonical == "国家发展和改革委员会");
    CHECK(g.find("工信部")->canonical == "工业和信息化部");
    CHECK(g.find("人力资源社会保障部")->canonical == "人力资源和社会保障部");
    CHECK(g.find("卫生健康委")->canonical == "国家卫生健康委员会");
    CHECK(g.find("广电总局")->canonical == "国家广播电视总局");
    CHECK(g.find("国防科工局")->canonical == "国家国防科技工业局");
    CHECK(g.find("国知局")->canonical == kCnipa);
    CHECK(g.find("国家网信办")->canonical == "中央网络安全和信息化委员会办公室");
    CHECK(g.find("联席办")->level == "central");
    CHECK(g.find("专利局审业部")->level == "cnipa-internal");
    CHECK(g.find("专利局审业部")->parent == "国家知识产权局专利局");
    CHECK(g.find("各地方知识产权局")->level == "local");
}

TEST_CASE("units.tsv agrees with the scorer's alias classes", "[units]") {
    const fs::path eval = fs::path(kRoot) / ".." / "shared" / "eval" / "units.tsv";
    if (!fs::exists(eval)) {
        WARN("shared/eval/units.tsv not beside the project; skipped");
        return;
    }
    const auto& g = gazetteer();
    std::istringstream in(slurp(eval));
    std::string line;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        const std::string canonical = line.substr(0, tab);
        INFO("eval row: " << line);
        const UnitInfo* u = g.by_canonical(canonical);
        REQUIRE(u != nullptr);
        ++rows;
        if (tab == std::string::npos) continue;
        std::string rest = line.substr(tab + 1);
        std::istringstream al(rest);
        std::string alias;
        while (std::getline(al, alias, '|')) {
            INFO("alias: " << alias);
            const UnitInfo* a = g.find(alias);
            REQUIRE(a != nullptr);
            CHECK(a->canonical == canonical);
        }
    }
    CHECK(rows >= 50);
}

TEST_CASE("every unit of the gold annotations is in the gazetteer", "[units]") {
    const fs::path gold = fs::path(kRoot) / ".." / "shared" / "gold";
    if (!fs::exists(gold)) {
        WARN("shared/gold not beside the project; skipped");
        return;
    }
    int n = 0;
    for (const auto& e : fs::directory_iterator(gold)) {
        if (e.path().extension() != ".json") continue;
        const auto j = nlohmann::json::parse(slurp(e.path()));
        for (const auto& t : j["tasks"])
            for (const auto& u : t["units"]) {
                const std::string c = u[0].get<std::string>();
                INFO(e.path().filename().string() << ": " << c);
                CHECK(gazetteer().by_canonical(c) != nullptr);
                ++n;
            }
    }
    CHECK(n > 100);
}

// ---------------------------------------------------------------------------
// Whole documents against the gold
// ---------------------------------------------------------------------------

namespace {

// Task blocks of a prose plan: a block starts at "12." / "12．" / "(三)" /
// "（三）" and runs to the next block or an "一、" heading. Returns, for each
// block that has unit clauses, the union of its clauses' units with roles.
std::vector<Pairs> units_by_block(const std::string& text) {
    static const std::regex start(
        R"(^\s*(\d+\s*(\.|．)|(\(|（)(一|二|三|四|五|六|七|八|九|十)+(\)|）)))");
    static const std::regex heading(R"(^\s*(一|二|三|四|五|六|七|八|九|十)+、)");
    std::vector<std::string> blocks;
    bool open = false;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (std::regex_search(line, start)) {
            blocks.push_back(line);
            open = true;
        } else if (std::regex_search(line, heading)) {
            open = false;
        } else if (open) {
            blocks.back() += line;
        }
    }
    std::vector<Pairs> out;
    for (const auto& b : blocks) {
        std::vector<UnitRef> refs;
        for (const auto& inside : paren_groups(b)) {
            if (!gazetteer().is_unit_clause(inside)) continue;
            std::vector<std::string> unknown;
            auto r = gazetteer().parse_units(inside, &unknown);
            INFO("clause: " << inside);
            CHECK(unknown.empty());
            refs.insert(refs.end(), r.begin(), r.end());
        }
        if (!refs.empty()) out.push_back(pairs(assign_roles(refs)));
    }
    return out;
}

std::vector<Pairs> gold_units(const std::string& stem) {
    const auto j = nlohmann::json::parse(slurp(fs::path(kRoot) / ".." / "shared" / "gold" / (stem + ".json")));
    std::vector<Pairs> out;
    for (const auto& t : j["tasks"]) {
        Pairs p;
        for (const auto& u : t["units"]) p.emplace_back(u[0].get<std::string>(), u[1].get<std::string>());
        if (!p.empty()) out.push_back(p);
    }
    return out;
}

}  // namespace

TEST_CASE("unit clauses of 002 (annual plan) resolve to the gold", "[units]") {
    const std::string stem = "002_07740394ff6dd330";
    if (!fs::exists(fs::path(kRoot) / ".." / "shared" / "gold" / (stem + ".json"))) return;
    const auto got = units_by_block(slurp(fs::path(kRoot) / "data" / "corpus" / (stem + ".txt")));
    const auto want = gold_units(stem);
    REQUIRE(got.size() == want.size());
    REQUIRE(got.size() == 115);
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("task " << i + 1);
        CHECK(got[i] == want[i]);
    }
}

TEST_CASE("unit clauses of 004 (guidance, one clause per measure) resolve to the gold", "[units]") {
    const std::string stem = "004_285bae27f8638b71";
    if (!fs::exists(fs::path(kRoot) / ".." / "shared" / "gold" / (stem + ".json"))) return;
    const auto got = units_by_block(slurp(fs::path(kRoot) / "data" / "corpus" / (stem + ".txt")));
    const auto want = gold_units(stem);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("task " << i + 1);
        CHECK(got[i] == want[i]);
    }
}

TEST_CASE("only unit clauses are unit clauses", "[units]") {
    // Every parenthesised group of the corpus: a unit clause iff it ends with 负责.
    int clauses = 0, others = 0;
    for (const auto& e : fs::directory_iterator(fs::path(kRoot) / "data" / "corpus")) {
        const std::string text = slurp(e.path());
        for (const auto& inside : paren_groups(text)) {
            const bool want = inside.size() > 6 && inside.compare(inside.size() - 6, 6, "负责") == 0;
            INFO(e.path().filename().string() << ": （" << inside << "）");
            CHECK(gazetteer().is_unit_clause(inside) == want);
            CHECK(is_unit_clause(inside) == want);
            (want ? clauses : others)++;
        }
    }
    CHECK(clauses > 120);
    CHECK(others > 20);
    for (const char* no : {"以下简称《纲要》", "国家知识产权局代章", "2021—2035年", "TISC", "第一版", "无锡",
                           "区、市", "GB/T29490-2013", "具体工作要各地负责", "由此产生的费用负责", ""}) {
        INFO(no);
        CHECK_FALSE(is_unit_clause(no));
        CHECK_FALSE(gazetteer().is_unit_clause(no));
    }
    for (const char* yes : {"知识产权局牵头，公安部、海关总署配合", "牵头单位：知识产权局", "局内：保护司",
                            "牵头部门：国家知识产权局；配合部门：公安部、海关总署", "各地方知识产权局负责",
                            "最高法、最高检负责"}) {
        INFO(yes);
        CHECK(is_unit_clause(yes));
        CHECK(gazetteer().is_unit_clause(yes));
    }
}

// ---------------------------------------------------------------------------
// split_unit_list
// ---------------------------------------------------------------------------

TEST_CASE("split_unit_list strips the phrasing of responsibility", "[units]") {
    using V = std::vector<std::string>;
    CHECK(split_unit_list("市场监管总局、农业农村部、知识产权局负责") == V{"市场监管总局", "农业农村部", "知识产权局"});
    CHECK(split_unit_list("中央宣传部、知识产权局按职责分工负责") == V{"中央宣传部", "知识产权局"});
    CHECK(split_unit_list("联席会议办公室、联席会议成员单位负责") == V{"联席会议办公室", "联席会议成员单位"});
    CHECK(split_unit_list("战略规划司、保护司、运用促进司、专利局审业部等按职责分工负责") ==
          V{"战略规划司", "保护司", "运用促进司", "专利局审业部"});
    CHECK(split_unit_list("办公室、人事司等按职责分工负责") == V{"办公室", "人事司"});
    CHECK(split_unit_list("各地方知识产权局负责") == V{"各地方知识产权局"});
    CHECK(split_unit_list("教育部、科技部等部门负责") == V{"教育部", "科技部"});
    CHECK(split_unit_list("保护司等负责") == V{"保护司"});
    CHECK(split_unit_list("商务部、知识产权局等") == V{"商务部", "知识产权局"});
    CHECK(split_unit_list("由知识产权局负责") == V{"知识产权局"});
    CHECK(split_unit_list("知识产权局会同有关部门负责") == V{"知识产权局"});
    CHECK(split_unit_list("知识产权局会同商务部负责") == V{"知识产权局", "商务部"});
    CHECK(split_unit_list("知识产权局、有关部门负责") == V{"知识产权局"});
    CHECK(split_unit_list("") == V{});
    CHECK(split_unit_list("负责") == V{});
    CHECK(split_unit_list("局内：") == V{});
}

TEST_CASE("split_unit_list handles labels, separators and lead order", "[units]") {
    using V = std::vector<std::string>;
    CHECK(split_unit_list("局内：联席办、战略规划司") == V{"联席办", "战略规划司"});
    CHECK(split_unit_list("局内: 联席办、战略规 划司") == V{"联席办", "战略规划司"});
    CHECK(split_unit_list("局内：条法司、国际合作司、专利局审业部、专利局自动化部") ==
          V{"条法司", "国际合作司", "专利局审业部", "专利局自动化部"});
    CHECK(split_unit_list("局内：公共服务司、国际合作司，专利局初审流程部，专利局文献部，商标局") ==
          V{"公共服务司", "国际合作司", "专利局初审流程部", "专利局文献部", "商标局"});
    CHECK(split_unit_list("牵头部门：国家知识产权局；配合部门：公安部、海关总署") ==
          V{"国家知识产权局", "公安部", "海关总署"});
    CHECK(split_unit_list("配合部门:公安部、海关总署;牵头部门:知识产权局") == V{"知识产权局", "公安部", "海关总署"});
    CHECK(split_unit_list("牵头单位：商务部；参与单位：外交部，司法部") == V{"商务部", "外交部", "司法部"});
    CHECK(split_unit_list("责任单位：最高人民法院、最高人民检察院") == V{"最高人民法院", "最高人民检察院"});
    CHECK(split_unit_list("知识产权局牵头，公安部、海关总署配合") == V{"知识产权局", "公安部", "海关总署"});
    CHECK(split_unit_list("公安部、海关总署配合，知识产权局牵头") == V{"知识产权局", "公安部", "海关总署"});
    CHECK(split_unit_list("保护司 条法司") == V{"保护司", "条法司"});
    CHECK(split_unit_list("保护司;条法司,商标局") == V{"保护司", "条法司", "商标局"});
    CHECK(split_unit_list("各省、自治区、直辖市知识产权局负责") == V{"各省、自治区、直辖市知识产权局"});
    CHECK(split_unit_list("各省（区、市）知识产权局、商务部负责") == V{"各省（区、市）知识产权局", "商务部"});
    CHECK(split_unit_list("公共服务\n \n司、国际合作司") == V{"公共服务司", "国际合作司"});
}

// ---------------------------------------------------------------------------
// Table cells of 000 / 003, damaged by PDF extraction
// ---------------------------------------------------------------------------

TEST_CASE("unit cells of the 2020 task table (003) resolve to the gold", "[units]") {
    const std::string s = "国家知识产权局知识产权保护司", tf = "国家知识产权局条法司",
                      yy = "国家知识产权局知识产权运用促进司", gg = "国家知识产权局知识产权公共服务司",
                      gj = "国家知识产权局国际合作司", sb = "国家知识产权局商标局";
    CHECK(parse("局内：保护司 ") == Pairs{{s, "responsible"}});
    CHECK(parse("局内：条法司、\n \n国际合作司、专\n \n利局审业部、专\n \n利局自动化部 ") ==
          Pairs{{tf, "lead"},
                {gj, "participant"},
                {"国家知识产权局专利局审查业务管理部", "participant"},
                {"国家知识产权局专利局自动化部", "participant"}});
    CHECK(parse("局内：条法司、\n \n商标局 ") == Pairs{{tf, "lead"}, {sb, "participant"}});
    CHECK(parse("局内：运用促进\n \n司 ") == Pairs{{yy, "responsible"}});
    CHECK(parse("局内：运用促进\n \n司、战略规划司 ") ==
          Pairs{{yy, "lead"}, {"国家知识产权局战略规划司", "participant"}});
    CHECK(parse("局内：公共服务\n \n司、运用促进司、\n \n专利局初审流程\n \n部、商标局 ") ==
          Pairs{{gg, "lead"},
                {yy, "participant"},
                {"国家知识产权局专利局初审及流程管理部", "participant"},
                {sb, "participant"}});
    CHECK(parse("局内：公共服务\n \n司、国际合作司，\n \n专利局初审流程\n \n部，专利局文献\n \n部，商标局 ") ==
          Pairs{{gg, "lead"},
                {gj, "participant"},
                {"国家知识产权局专利局初审及流程管理部", "participant"},
                {"国家知识产权局专利局专利文献部", "participant"},
                {sb, "participant"}});
    CHECK(parse("局内：国际合作\n \n司 ") == Pairs{{gj, "responsible"}});
    CHECK(parse("局内：办公室 ") == Pairs{{"国家知识产权局办公室", "responsible"}});
    CHECK(parse("局内：人事司 ") == Pairs{{"国家知识产权局人事司", "responsible"}});
}

TEST_CASE("unit cells of the 2022 task table (000) resolve to the gold", "[units]") {
    const std::string lx = "国务院知识产权战略实施工作部际联席会议办公室", zl = "国家知识产权局战略规划司",
                      s = "国家知识产权局知识产权保护司", tf = "国家知识产权局条法司",
                      yy = "国家知识产权局知识产权运用促进司";
    CHECK(parse("局内: 联席办、战略规 划司\t") == Pairs{{lx, "lead"}, {zl, "participant"}});
    CHECK(parse("进司") == Pairs{{yy, "responsible"}});
    CHECK(parse("护司、条法司、专利局") ==
          Pairs{{s, "lead"}, {tf, "participant"}, {"国家知识产权局专利局", "participant"}});
    CHECK(parse("局内: 保持\t护司") == Pairs{{s, "responsible"}});
    CHECK(parse("局内: 运用促进司") == Pairs{{yy, "responsible"}});
    CHECK(parse("局内:公共服务司") == Pairs{{"国家知识产权局知识产权公共服务司", "responsible"}});
    CHECK(parse("局内:保护司、运用促\n进司") == Pairs{{s, "lead"}, {yy, "participant"}});
    CHECK(parse("法司、专利局外观部, 商标局") == Pairs{{tf, "lead"},
                                                       {"国家知识产权局专利局外观设计审查部", "participant"},
                                                       {"国家知识产权局商标局", "participant"}});
    // Task 6's cell, its lines put back in order.
    CHECK(parse("局内: 条法司、保护司、专利局审\n业部、自动化\n部、商标局") ==
          Pairs{{tf, "lead"},
                {s, "participant"},
                {"国家知识产权局专利局审查业务管理部", "participant"},
                {"国家知识产权局专利局自动化部", "participant"},
                {"国家知识产权局商标局", "participant"}});
}

TEST_CASE("fragments of CNIPA departments", "[units]") {
    const auto& g = gazetteer();
    REQUIRE(g.find_fragment("护司") != nullptr);
    CHECK(g.find_fragment("护司")->canonical == "国家知识产权局知识产权保护司");
    CHECK(g.find_fragment("进司")->canonical == "国家知识产权局知识产权运用促进司");
    CHECK(g.find_fragment("法司")->canonical == "国家知识产权局条法司");
    CHECK(g.find_fragment("业部")->canonical == "国家知识产权局专利局审查业务管理部");
    CHECK(g.find_fragment(" 划司 ")->canonical == "国家知识产权局战略规划司");
    CHECK(g.find_fragment("司") == nullptr);          // too short
    CHECK(g.find_fragment("公室") == nullptr);        // 办公室, 专利局办公室, 离退休干部办公室
    CHECK(g.find_fragment("审查部") == nullptr);      // 实用新型审查部, 外观设计审查部
    CHECK(g.find_fragment("局") == nullptr);
    CHECK(g.find_fragment("总局") == nullptr);        // central units are not fragments
    CHECK(g.find_fragment("") == nullptr);
    CHECK(g.find_prefix_fragment("战略规")->canonical == "国家知识产权局战略规划司");
    CHECK(g.find_prefix_fragment("运用促")->canonical == "国家知识产权局知识产权运用促进司");
    CHECK(g.find_prefix_fragment("专利局") == nullptr);  // ambiguous
    UnitGazetteer::Repairs repaired;
    {
        std::vector<std::string> none;
        auto r = g.parse_units("局内: 保持\t护司、进司、条法司", &none, &repaired);
        CHECK(none.empty());
        CHECK(r.size() == 3);
        CHECK(repaired == UnitGazetteer::Repairs{{"保持护司", "国家知识产权局知识产权保护司"},
                                                {"进司", "国家知识产权局知识产权运用促进司"}});
    }
    auto clause = g.parse_unit_clause("以下简称《纲要》");
    CHECK_FALSE(clause.has_value());
    clause = g.parse_unit_clause("知识产权局、市场监管总局负责");
    REQUIRE(clause.has_value());
    CHECK(pairs(*clause) == Pairs{{kCnipa, "lead"}, {"国家市场监督管理总局", "participant"}});
    std::vector<std::string> unknown;
    auto refs = g.parse_units("局内：保护司、财务司、综合调研司", &unknown);
    CHECK(unknown == std::vector<std::string>{"综合调研司"});
    REQUIRE(refs.size() == 3);
    CHECK(refs[1].canonical == "国家知识产权局财务司");
    CHECK(refs[2].canonical == "综合调研司");
}

// ---------------------------------------------------------------------------
// find / resolve / roles
// ---------------------------------------------------------------------------

TEST_CASE("find and resolve", "[units]") {
    const auto& g = gazetteer();
    CHECK(g.find("  市场监管总局 ")->canonical == "国家市场监督管理总局");
    CHECK(g.find("市场监管 总局")->canonical == "国家市场监督管理总局");
    CHECK(g.find("国家知识产权局保护司")->canonical == "国家知识产权局知识产权保护司");
    CHECK(g.find("知识产权局条法司")->canonical == "国家知识产权局条法司");
    CHECK(g.find("国家知识产权局市场监管总局") == nullptr);
    CHECK(g.find("wipo")->canonical == "世界知识产权组织");
    CHECK(g.find("cnipa")->canonical == kCnipa);
    CHECK(g.find("国际合作司(港澳台办公室)")->canonical == "国家知识产权局国际合作司");
    CHECK(g.find("") == nullptr);
    CHECK(g.find("知识产") == nullptr);

    bool known = false;
    UnitRef r = g.resolve("知识产权局", &known);
    CHECK(known);
    CHECK(r.name == "知识产权局");
    CHECK(r.canonical == kCnipa);
    CHECK(r.level == "central");
    r = g.resolve("保护司", &known);
    CHECK(r.level == "cnipa-internal");
    r = g.resolve("各地方知识产权管理部门", &known);
    CHECK(known);
    CHECK(r.canonical == "各地方知识产权局");
    CHECK(r.level == "local");
}

TEST_CASE("unknown units keep their name", "[units]") {
    const auto& g = gazetteer();
    bool known = true;
    UnitRef r = g.resolve("某某研究促进委员会", &known);
    CHECK_FALSE(known);
    CHECK(r.name == "某某研究促进委员会");
    CHECK(r.canonical == "某某研究促进委员会");
    CHECK(r.level == "other");
    r = g.resolve("各试点城市", &known);
    CHECK_FALSE(known);
    CHECK(r.level == "local");
    r = g.resolve("杭州市某某研究会", &known);
    CHECK_FALSE(known);
    CHECK(r.level == "local");
    r = g.resolve("市场监管研究所", &known);  // 市场 is not a city
    CHECK(r.level == "other");
    // Named provinces, through the provinces.tsv beside units.tsv.
    REQUIRE(g.provinces() != nullptr);
    r = g.resolve("江苏省", &known);
    CHECK(known);
    CHECK(r.level == "local");
    r = g.resolve("江苏知识产权局", &known);
    CHECK(known);
    CHECK(r.canonical == "江苏省知识产权局");
    CHECK(r.level == "local");
    r = g.resolve("四川省知识产权服务促进中心", &known);
    CHECK(known);
    CHECK(r.level == "local");
    r = g.resolve("新疆生产建设兵团知识产权局", &known);
    CHECK(known);
    CHECK(r.level == "local");
    r = g.resolve("浙江省杭州市某某研究会", &known);
    CHECK_FALSE(known);
    CHECK(r.level == "local");
    r = g.resolve("浙江省某某研究会", &known);
    CHECK_FALSE(known);
    CHECK(r.level == "local");
}

TEST_CASE("assign_roles", "[units]") {
    auto ref = [](const char* name, const char* canonical) { return UnitRef{name, canonical, "", "central"}; };
    auto one = assign_roles({ref("知识产权局", "国家知识产权局")});
    REQUIRE(one.size() == 1);
    CHECK(one[0].role == "responsible");
    auto many = assign_roles({ref("知识产权局", "国家知识产权局"), ref("商务部", "商务部"),
                              ref("国知局", "国家知识产权局"), ref("贸促会", "中国国际贸易促进委员会")});
    REQUIRE(many.size() == 3);
    CHECK(many[0].role == "lead");
    CHECK(many[0].name == "知识产权局");
    CHECK(many[1].role == "participant");
    CHECK(many[2].role == "participant");
    CHECK(many[2].canonical == "中国国际贸易促进委员会");
    auto dup = assign_roles({ref("商务部", "商务部"), ref("商务部", "商务部")});
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].role == "responsible");
    CHECK(assign_roles({}).empty());
}

// ---------------------------------------------------------------------------
// Malformed gazetteer rows
// ---------------------------------------------------------------------------

TEST_CASE("malformed units.tsv rows are reported with file and line", "[units]") {
    auto error_of = [](const std::string& content) -> std::string {
        TempFile f("units.tsv", content);
        try {
            UnitGazetteer::load(f.path.string());
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    };
    const std::string head = "# comment\n国家知识产权局\tcentral\t-\t知识产权局\n";
    std::string e = error_of(head + "\n商务部\tministry\t-\t-\n");
    CHECK(e.find("units.tsv:4:") != std::string::npos);
    CHECK(e.find("unknown level") != std::string::npos);
    e = error_of(head + "商务部\tcentral\t-\t-\textra\n");
    CHECK(e.find(":3:") != std::string::npos);
    e = error_of(head + "商务部\n");
    CHECK(e.find(":3:") != std::string::npos);
    e = error_of(head + "国家知识产权总局\tcentral\t-\t知识产权局\n");
    CHECK(e.find(":3:") != std::string::npos);
    CHECK(e.find("already names") != std::string::npos);
    e = error_of(head + "条法司\tcnipa-internal\t国家知识产权总局\t-\n");
    CHECK(e.find(":3:") != std::string::npos);
    CHECK(e.find("unknown parent") != std::string::npos);
    e = error_of(head + "国家知识产权局\tcentral\t-\t-\n");
    CHECK(e.find("duplicate unit") != std::string::npos);
    e = error_of(head + "商务部\tcentral\t-\tA||B\n");
    CHECK(e.find("empty alias") != std::string::npos);
    CHECK(error_of(head + "商务部\tcentral\r\n") == "");  // CRLF and short rows are fine
    CHECK_THROWS_AS(UnitGazetteer::load("/nonexistent/units.tsv"), std::runtime_error);
}

// ---------------------------------------------------------------------------
// Provinces
// ---------------------------------------------------------------------------

TEST_CASE("province table: every form finds the province", "[provinces]") {
    const auto& t = provinces();
    REQUIRE(t.all().size() == 32);
    int province = 0, region = 0, city = 0, corps = 0;
    for (const auto& p : t.all()) {
        province += p.kind == "province";
        region += p.kind == "autonomous-region";
        city += p.kind == "municipality";
        corps += p.kind == "corps";
        INFO(p.name);
        CHECK(t.find(p.name) == &p);
        CHECK(t.find(p.short_name) == &p);
        CHECK(t.find(p.pinyin) == &p);
        for (const auto& a : p.aliases) CHECK(t.find(a) == &p);
    }
    CHECK(province == 22);
    CHECK(region == 5);
    CHECK(city == 4);
    CHECK(corps == 1);
    const std::vector<std::pair<const char*, const char*>> forms = {
        {"江苏", "江苏省"},           {"jiangsu", "江苏省"},
        {"JIANGSU", "江苏省"},        {"CN-JS", "江苏省"},
        {"320000", "江苏省"},         {"广西", "广西壮族自治区"},
        {"Guangxi", "广西壮族自治区"}, {"内蒙古", "内蒙古自治区"},
        {"Nei Mongol", "内蒙古自治区"}, {"neimongol", "内蒙古自治区"},
        {"Inner Mongolia", "内蒙古自治区"}, {"北京", "北京市"},
        {"beijing", "北京市"},        {"新疆", "新疆维吾尔自治区"},
        {"兵团", "新疆生产建设兵团"},  {"xpcc", "新疆生产建设兵团"},
        {"陕西", "陕西省"},           {"Shaanxi", "陕西省"},
        {"Shanxi", "山西省"},         {" 重庆市 ", "重庆市"},
        {"Tibet", "西藏自治区"},      {"宁夏", "宁夏回族自治区"}};
    for (const auto& [form, name] : forms) {
        INFO(form);
        const Province* p = t.find(form);
        REQUIRE(p != nullptr);
        CHECK(p->name == name);
    }
    CHECK(t.find("江苏省")->kind == "province");
    CHECK(t.find("北京")->kind == "municipality");
    CHECK(t.find("兵团")->kind == "corps");
    CHECK(t.find("新疆")->kind == "autonomous-region");
    CHECK(t.find("苏") == nullptr);
    CHECK(t.find("香港") == nullptr);
    CHECK(t.find("") == nullptr);
    size_t len = 0;
    CHECK(t.find_prefix("江苏省知识产权局", &len)->name == "江苏省");
    CHECK(len == std::string("江苏省").size());
    CHECK(t.find_prefix("内蒙古自治区知识产权局", &len)->name == "内蒙古自治区");
    CHECK(len == std::string("内蒙古自治区").size());
    CHECK(t.find_prefix("新疆生产建设兵团知识产权局", &len)->name == "新疆生产建设兵团");
    CHECK(t.find_prefix("国家知识产权局", &len) == nullptr);
    CHECK(len == 0);
}

TEST_CASE("malformed provinces.tsv rows are reported with file and line", "[provinces]") {
    TempFile bad("provinces.tsv", "# c\n江苏省\t江苏\tprovince\tJiangsu\t320000\t-\n浙江省\t浙江\tstate\tZhejiang\t330000\t-\n");
    try {
        ProvinceTable::load(bad.path.string());
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("provinces.tsv:3:") != std::string::npos);
    }
    TempFile short_row("provinces.tsv", "江苏省\t江苏\tprovince\n");
    CHECK_THROWS_WITH(ProvinceTable::load(short_row.path.string()), Catch::Contains(":1:"));
}

TEST_CASE("example province profiles parse", "[provinces]") {
    int n = 0;
    for (const auto& e : fs::directory_iterator(fs::path(kRoot) / "data" / "profiles")) {
        if (e.path().extension() != ".ini") continue;
        INFO(e.path().string());
        const ProvinceProfile p = load_profile(e.path().string(), &provinces());
        CHECK(provinces().find(p.province) != nullptr);
        CHECK(!p.categories.empty());
        ++n;
    }
    CHECK(n >= 2);
}

TEST_CASE("profile format and scope matching", "[provinces]") {
    const std::string text =
        "\xEF\xBB\xBF# illustrative\r\n"
        "province = 江苏\n"
        "category = 知识产权强省建设试点省\n"
        "category ＝ 引领型\n"
        "not-category = 第一批地理标志运用促进工作项目涉及省份\n"
        "city = 南京市: 国家知识产权强市建设示范城市、国家知识产权保护示范区\n"
        "city = 徐州市\n"
        "exhaustive = yes\n"
        "note = not an official designation\n";
    const ProvinceProfile p = parse_profile(text, "js.ini", &provinces());
    CHECK(p.province == "江苏省");
    CHECK(p.categories == std::vector<std::string>{"知识产权强省建设试点省", "引领型"});
    CHECK(p.has_category("引领型"));
    CHECK_FALSE(p.has_category("支撑型"));
    REQUIRE(p.cities.size() == 2);
    CHECK(p.cities[0].name == "南京市");
    CHECK(p.cities[0].categories.size() == 2);
    CHECK(p.cities[1].categories.empty());
    CHECK(p.exhaustive);
    CHECK(p.notes.size() == 1);

    CHECK(match_scope(p, "各省份必做") == ScopeMatch::yes);
    CHECK(match_scope(p, "各类省份") == ScopeMatch::yes);
    CHECK(match_scope(p, "知识产权强省建设试点省必做") == ScopeMatch::yes);
    CHECK(match_scope(p, "引领型、支撑型知识产权强省试点省") == ScopeMatch::yes);
    CHECK(match_scope(p, "第一批地理标志运用促进工作项目涉及省份必做") == ScopeMatch::no);
    CHECK(match_scope(p, "涉及省份必做") == ScopeMatch::check);
    CHECK(match_scope(p, "其他省份选做") == ScopeMatch::check);
    CHECK(match_scope(p, "国家知识产权保护示范区建设省份") == ScopeMatch::no);  // exhaustive
    CHECK(std::string(to_string(ScopeMatch::check)) == "check");
    CHECK(cities_matching(p, "国家知识产权强市建设示范城市必做") == std::vector<std::string>{"南京市"});
    CHECK(cities_matching(p, "其他城市").empty());

    ProvinceProfile open = parse_profile("province = 广西\ncategory = 支撑型\n", "gx.ini", nullptr);
    CHECK(open.province == "广西");
    CHECK_FALSE(open.exhaustive);
    CHECK(match_scope(open, "知识产权强省建设试点省") == ScopeMatch::check);
    CHECK(match_scope(open, "支撑型") == ScopeMatch::yes);
}

TEST_CASE("malformed profiles are reported with file and line", "[provinces]") {
    auto error_of = [](const std::string& text, const ProvinceTable* t = nullptr) -> std::string {
        try {
            parse_profile(text, "p.ini", t);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    };
    CHECK(error_of("province = 江苏省\ncategory 引领型\n") .find("p.ini:2:") == 0);
    CHECK(error_of("province = 江苏省\n\ncolour = red\n").find("p.ini:3: unknown key") == 0);
    CHECK(error_of("province = 江苏省\nprovince = 浙江省\n").find("p.ini:2:") == 0);
    CHECK(error_of("category = 引领型\n").find("p.ini:") == 0);
    CHECK(error_of("category = 引领型\n").find("missing 'province") != std::string::npos);
    CHECK(error_of("province =\n").find("p.ini:1: empty value") == 0);
    CHECK(error_of("province = 江苏省\nexhaustive = maybe\n").find("p.ini:2:") == 0);
    CHECK(error_of("province = 苏格兰\n", &provinces()).find("p.ini:1: unknown province") == 0);
    CHECK(error_of("province = 苏格兰\n") == "");
    CHECK_THROWS_WITH(load_profile("/nonexistent/p.ini"), Catch::Contains("/nonexistent/p.ini"));
    TempFile f("p.ini", "# x\nprovince = 江苏省\n= 引领型\n");
    CHECK_THROWS_WITH(load_profile(f.path.string()), Catch::Contains(f.path.string() + ":3:"));
}

TEST_CASE("gazetteer: central units of the held-out probes", "[units]") {
    const UnitGazetteer& g = gazetteer();
    auto level_of = [&](const char* n) {
        const UnitInfo* u = g.find(n);
        return u ? u->level : std::string("?");
    };
    CHECK(g.find("台办")->canonical == "中央台湾工作办公室");
    CHECK(g.find("标准委")->canonical == "国家标准化管理委员会");
    CHECK(g.find("认监委")->canonical == "国家认证认可监督管理委员会");
    CHECK(g.find("退役军人部")->canonical == "退役军人事务部");
    CHECK(g.find("科技部火炬中心")->parent == "科学技术部");
    CHECK(level_of("海关") == "central");
    CHECK(level_of("南京海关") == "central");
    CHECK(g.find("南京海关")->parent == "海关总署");
    CHECK(g.find("原产地地理标志管理办公室")->canonical == "国家知识产权局知识产权保护司");
    CHECK(g.find("运用司")->canonical == "国家知识产权局知识产权运用促进司");
    CHECK(level_of("商标审查协作中心") == "cnipa-internal");
    CHECK(g.find("各省知识产权局")->canonical == "各地方知识产权局");
    CHECK(g.find("条约法规司")->canonical == "国家知识产权局条法司");
}

TEST_CASE("local departments named by level stay as printed and are known", "[units]") {
    const UnitGazetteer& g = gazetteer();
    for (const char* n : {"省民宗委", "省市场监管局", "省科技厅", "省教育厅", "省商务厅", "省版权局", "省委宣传部",
                          "省高级人民法院", "省信用办", "省工商局", "省经信委", "市公安局", "县区政府",
                          "省委网信办", "省卫生健康委", "省林业局", "市知识产权局", "各县市知识产权局"}) {
        bool known = false;
        const UnitRef r = g.resolve(n, &known);
        INFO(n);
        CHECK(known);
        CHECK(r.level == "local");
        CHECK(r.canonical == n);
    }
    bool known = true;
    g.resolve("省某某研究会", &known);
    CHECK_FALSE(known);
    // A named province with a department kind takes the full province name.
    // ... and the department's full name where it has a standard one.
    CHECK(g.resolve("贵州民宗委").canonical == "贵州省民族宗教事务委员会");
    CHECK(g.resolve("江苏省市场监管局").canonical == "江苏省市场监督管理局");
    CHECK(g.resolve("江苏省市场监督管理局").canonical == "江苏省市场监督管理局");
}

TEST_CASE("run-together unit names split when every part is known", "[units]") {
    const UnitGazetteer& g = gazetteer();
    std::vector<std::string> unknown;
    auto refs = g.parse_units("市场监管总局农业农村部知识产权局负责", &unknown);
    REQUIRE(refs.size() == 3);
    CHECK(refs[0].canonical == "国家市场监督管理总局");
    CHECK(refs[1].canonical == "农业农村部");
    CHECK(refs[2].role == "participant");
    CHECK(unknown.empty());
    // An unknown name is not cut into pieces that do not cover it.
    refs = g.parse_units("某某促进会负责", &unknown);
    CHECK(refs.size() == 1);
}

TEST_CASE("collective local bodies and their tier", "[units]") {
    CHECK(qingdan::is_collective_local("各地方知识产权局"));
    CHECK(qingdan::is_collective_local("各省、自治区、直辖市知识产权局"));
    CHECK_FALSE(qingdan::is_collective_local("省市场监管局"));
    CHECK_FALSE(qingdan::is_collective_local("江苏省知识产权局"));
    CHECK(qingdan::collective_tier("各县市知识产权局") == "county");
    CHECK(qingdan::collective_tier("各市知识产权局") == "city");
    CHECK(qingdan::collective_tier("各地方知识产权局") == "province");
    CHECK(qingdan::collective_tier("各地市场监管部门") == "province");
    CHECK(qingdan::collective_tier("各地市知识产权局") == "city");
}
