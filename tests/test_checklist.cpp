// Checklists per unit and per province, `qingdan units`, and --out-dir.
//
// Golden files (tests/golden/checklist-*.md) hold hand-reviewed checklists
// of the bundled corpus. When the extraction changes on purpose, regenerate
// them and review the diff before committing:
//
//     QINGDAN_UPDATE_GOLDEN=1 build/qingdan_tests "[checklist][golden]"
//     git diff tests/golden/
//
// Each golden file is exactly what the `qingdan` command in its test prints,
// run from the project root.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "checklist.hpp"
#include "json.hpp"
#include "qingdan/pipeline.hpp"
#include "provinces.hpp"
#include "support.hpp"
#include "unit_shape.hpp"
#include "units.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using qingdan::test::kRoot;

using qingdan::test::slurp;

using Run = qingdan::test::ShellRun;

// Runs the built qingdan from the project root (sources print relative).
Run qd(const std::string& args) { return qingdan::test::qingdan_in_root(args); }

fs::path temp_dir(const std::string& tag) {
    fs::path p = fs::temp_directory_path() / ("qingdan-checklist-" + tag + "-" + std::to_string(getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

const ProvinceTable& provinces() {
    static ProvinceTable t = ProvinceTable::load(kRoot + "/data/provinces.tsv");
    return t;
}

const Province& prov(const char* name) {
    const Province* p = provinces().find(name);
    REQUIRE(p);
    return *p;
}

void check_golden(const std::string& name, const std::string& args) {
    Run r = qd(args + " 2>/dev/null");
    REQUIRE(r.status == 0);
    std::string path = kRoot + "/tests/golden/" + name;
    if (std::getenv("QINGDAN_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << r.out;
        WARN("rewrote " << path << ": review it by hand against the documents");
        return;
    }
    INFO("golden " << path << " from `qingdan " << args << "` (regenerate: QINGDAN_UPDATE_GOLDEN=1)");
    REQUIRE(fs::exists(path));
    CHECK(r.out == slurp(path));
}

Task task_with(std::vector<Scope> scope, std::vector<std::optional<std::string>> actors = {},
               std::vector<UnitRef> units = {}) {
    Task t;
    t.id = "t:1";
    t.seq = 1;
    t.kind = "task";
    t.text = "text";
    t.scope = std::move(scope);
    for (auto& a : actors) t.measures.push_back({a, "measure", {}});
    if (t.measures.empty()) t.measures.push_back({std::nullopt, "text", {}});
    t.units = std::move(units);
    return t;
}

std::string status_of(const Task& t, const char* province, const ProvinceProfile& profile) {
    auto bs = province_bindings(t, prov(province), profile, &provinces());
    std::string best;
    auto rank = [](const std::string& s) { return s == "mandatory" ? 3 : s == "optional" ? 2 : s == "check" ? 1 : 0; };
    for (const auto& b : bs)
        if (rank(b.status) > rank(best)) best = b.status;
    return best.empty() ? "none" : best;
}

ProvinceProfile profile(const std::string& text) { return parse_profile(text, "test.ini", &provinces()); }

// (doc id, task id) pairs of a checklist JSON's items.
std::set<std::pair<std::string, std::string>> item_keys(const Json& checklist) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& it : checklist["items"])
        out.insert({it["doc_id"].get<std::string>(), it["task_id"].get<std::string>()});
    return out;
}

}  // namespace

// ---- golden checklists of the bundled corpus -------------------------------

TEST_CASE("golden: 保护司's checklist across the five bundled documents", "[checklist][golden]") {
    check_golden("checklist-unit-baohusi.md", "-q checklist data/corpus --by unit --unit 保护司 --format md");
}

TEST_CASE("golden: 江苏's province checklist without a profile", "[checklist][golden]") {
    check_golden("checklist-province-jiangsu.md", "-q checklist data/corpus --by province --province 江苏 --format md");
}

TEST_CASE("golden: 保护司's and 江苏's checklists as the default (Chinese, Excel-ready) CSV", "[checklist][golden]") {
    check_golden("checklist-unit-baohusi.csv", "-q checklist data/corpus --by unit --unit 保护司");
    check_golden("checklist-province-jiangsu.csv", "-q checklist data/corpus --by province --province 江苏");
}

TEST_CASE("golden: the 2020 → 2022 diff as Markdown", "[checklist][golden]") {
    check_golden("diff-2020-2022.md",
                 "-q diff data/corpus/003_be8e79e834ab801c.txt data/corpus/000_83ac722d97caa312.txt --by unit | cat");
}

TEST_CASE("golden: 江苏's province checklist with a profile", "[checklist][golden]") {
    check_golden("checklist-province-jiangsu-profile.md",
                 "-q checklist data/corpus --by province --profile tests/golden/checklist-jiangsu-profile.ini "
                 "--format md");
}

// ---- properties over the corpus ----------------------------------------------

TEST_CASE("property: each unit's checklist is exactly the tasks whose JSON units name it", "[checklist]") {
    Run js = qd("-q compile data/corpus --format json 2>/dev/null");
    Run cl = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    REQUIRE(js.status == 0);
    REQUIRE(cl.status == 0);
    Json doc = Json::parse(js.out);
    Json lists = Json::parse(cl.out);
    // Expected, from the compile JSON alone, less the fragments of damaged
    // text that are no unit (known to no gazetteer, not shaped like one).
    UnitGazetteer gaz = UnitGazetteer::load(kRoot + "/data/units.tsv");
    UnitShape shape = UnitShape::load(kRoot + "/data/unit_suffixes.txt");
    auto real = [&](const Json& u) {
        bool known = false;
        gaz.resolve(u["name"].get<std::string>(), &known);
        return known || gaz.find(u["name"].get<std::string>()) || shape.looks_like_organisation(u["name"].get<std::string>());
    };
    std::map<std::string, std::set<std::pair<std::string, std::string>>> want;
    std::map<std::pair<std::string, std::string>, std::string> role;  // (unit, task) -> role
    for (const auto& d : doc["documents"])
        for (const auto& t : d["tasks"])
            for (const auto& u : t["units"]) {
                if (!real(u)) continue;
                want[u["canonical"].get<std::string>()].insert({d["id"].get<std::string>(), t["id"].get<std::string>()});
                role.emplace(std::make_pair(u["canonical"].get<std::string>(), t["id"].get<std::string>()), u["role"]);
            }
    REQUIRE(want.size() > 20);
    std::set<std::string> got_units;
    for (const auto& c : lists["checklists"]) {
        std::string unit = c["unit"];
        INFO("unit " << unit);
        got_units.insert(unit);
        CHECK(item_keys(c) == want[unit]);
        for (const auto& it : c["items"]) {
            CHECK(it["role"] == role[{unit, it["task_id"]}]);
            CHECK(it["task"]["id"] == it["task_id"]);
        }
        // counts agree with the items
        int n = 0;
        for (const auto& [k, v] : c["counts"].items()) n += v.get<int>();
        CHECK(n == static_cast<int>(c["items"].size()));
    }
    std::set<std::string> want_units;
    for (const auto& [k, v] : want) want_units.insert(k);
    CHECK(got_units == want_units);
}

TEST_CASE("property: every unit checklist selected by --unit equals its slice of the full run", "[checklist]") {
    Run all = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    REQUIRE(all.status == 0);
    Json lists = Json::parse(all.out);
    int tried = 0;
    for (const auto& c : lists["checklists"]) {
        std::string unit = c["unit"];
        if (c["level"] != "cnipa-internal") continue;  // one family is enough for the slow CLI round trips
        Run one = qd("-q checklist data/corpus --by unit --format json --unit '" + unit + "' 2>/dev/null");
        REQUIRE(one.status == 0);
        Json j = Json::parse(one.out);
        REQUIRE(j["checklists"].size() == 1);
        CHECK(j["checklists"][0] == c);
        ++tried;
    }
    CHECK(tried >= 5);
}

TEST_CASE("a checklist spans several documents and every item cites its document", "[checklist]") {
    Run r = qd("-q checklist data/corpus --by unit --unit 保护司 --format json 2>/dev/null");
    REQUIRE(r.status == 0);
    Json j = Json::parse(r.out);
    REQUIRE(j["checklists"].size() == 1);
    const auto& c = j["checklists"][0];
    CHECK(c["unit"] == "国家知识产权局知识产权保护司");
    CHECK(c["level"] == "cnipa-internal");
    std::set<std::string> docs;
    for (const auto& it : c["items"]) {
        docs.insert(it["doc_id"]);
        std::string src = it["source"];
        CHECK(src.rfind("data/corpus/" + it["doc_id"].get<std::string>() + ".txt:", 0) == 0);
    }
    CHECK(docs.size() >= 3);
    CHECK(j["documents"].size() == 5);
}

TEST_CASE("option --unit accepts any alias the gazetteer knows", "[checklist]") {
    Run a = qd("-q checklist data/corpus --by unit --unit 保护司 --format csv 2>/dev/null");
    Run b = qd("-q checklist data/corpus --by unit --unit 国家知识产权局知识产权保护司 --format csv 2>/dev/null");
    Run c = qd("-q checklist data/corpus --by unit --unit 国家知识产权局保护司 --format csv 2>/dev/null");
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
    CHECK(a.out == c.out);
    CHECK(a.out.find("\r\n国家知识产权局知识产权保护司,局内部门,") != std::string::npos);
    // Two units in one run: both checklists, nothing else.
    Run two = qd("-q checklist data/corpus --by unit --unit 保护司 --unit 市场监管总局 --format json 2>/dev/null");
    REQUIRE(two.status == 0);
    Json j = Json::parse(two.out);
    REQUIRE(j["checklists"].size() == 2);
    CHECK(j["checklists"][0]["unit"] == "国家市场监督管理总局");
    CHECK(j["checklists"][1]["unit"] == "国家知识产权局知识产权保护司");
}

TEST_CASE("option --province accepts 江苏, 江苏省 and Jiangsu", "[checklist]") {
    Run a = qd("-q checklist data/corpus --by province --province 江苏 --format csv 2>/dev/null");
    Run b = qd("-q checklist data/corpus --by province --province 江苏省 --format csv 2>/dev/null");
    Run c = qd("-q checklist data/corpus --by province --province Jiangsu --format csv 2>/dev/null");
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
    CHECK(a.out == c.out);
    CHECK(a.out.find("\r\n江苏省,必做,") != std::string::npos);
}

TEST_CASE("usage errors: unknown unit or province, options of the other mode", "[checklist]") {
    CHECK(qd("-q checklist data/corpus --by unit --unit 不存在的司 2>/dev/null").status == 2);
    CHECK(qd("-q checklist data/corpus --by province --province Atlantis 2>/dev/null").status == 2);
    CHECK(qd("-q checklist data/corpus --by unit --province 江苏 2>/dev/null").status == 2);
    CHECK(qd("-q checklist data/corpus --by province --unit 保护司 2>/dev/null").status == 2);
    CHECK(qd("-q checklist data/corpus 2>/dev/null").status == 2);  // --by is required
    CHECK(qd("-q checklist data/corpus --by unit --format xml 2>/dev/null").status == 2);
    CHECK(qd("-q checklist data/corpus --by unit --out-dir /tmp/x -o /tmp/y 2>/dev/null").status == 2);
}

TEST_CASE("province checklist of the corpus: all-locality tasks mandatory, central-only plans absent", "[checklist]") {
    Run r = qd("-q checklist data/corpus --by province --province 江苏 --format json 2>/dev/null");
    REQUIRE(r.status == 0);
    Json j = Json::parse(r.out);
    REQUIRE(j["checklists"].size() == 1);
    const auto& c = j["checklists"][0];
    CHECK(c["province"] == "江苏省");
    CHECK(c["profile"].is_null());
    std::map<std::string, int> per_doc;
    for (const auto& it : c["items"]) {
        ++per_doc[it["doc_id"]];
        // Every item is bound by something, and its status is the strongest binding.
        REQUIRE(!it["bindings"].empty());
        bool same = false;
        for (const auto& b : it["bindings"]) same |= b["status"] == it["status"];
        CHECK(same);
        // Without a profile a conditional category never becomes mandatory on its own.
        for (const auto& b : it["bindings"])
            if (b["who"] == "涉及省份" || b["who"] == "知识产权强省建设试点省") CHECK(b["status"] == "check");
    }
    // 001 is addressed to every provincial IP office: all its tasks bind 江苏.
    Run js = qd("-q compile data/corpus/001_d6aba352ee8e7e22.txt --format json 2>/dev/null");
    Json d = Json::parse(js.out);
    CHECK(per_doc["001_d6aba352ee8e7e22"] == static_cast<int>(d["documents"][0]["tasks"].size()));
    // 002 is a plan for central ministries only.
    CHECK(per_doc.count("002_07740394ff6dd330") == 0);
}

TEST_CASE("every province gets a checklist when none is selected, all-locality tasks are in all", "[checklist]") {
    Run r = qd("-q checklist data/corpus --by province --format json 2>/dev/null");
    REQUIRE(r.status == 0);
    Json j = Json::parse(r.out);
    CHECK(j["checklists"].size() == provinces().all().size());
    // A task that binds a province other than by naming it (or one of its
    // units or cities) binds every province.
    std::set<std::pair<std::string, std::string>> general;
    for (const auto& c : j["checklists"])
        for (const auto& it : c["items"]) {
            bool named = false;
            for (const auto& b : it["bindings"]) {
                std::string reason = b["reason"];
                named |= reason.find("本省单位") != std::string::npos || reason.find("点名本省") != std::string::npos;
            }
            if (!named) general.insert({it["doc_id"].get<std::string>(), it["task_id"].get<std::string>()});
        }
    CHECK(general.size() > 40);
    for (const auto& c : j["checklists"]) {
        INFO(c["province"].get<std::string>());
        auto keys = item_keys(c);
        CHECK(std::includes(keys.begin(), keys.end(), general.begin(), general.end()));
    }
}

TEST_CASE("JSON input gives the same checklist as the text documents", "[checklist]") {
    fs::path dir = temp_dir("json");
    fs::path json = dir / "corpus.json";
    REQUIRE(qd("-q compile data/corpus -o '" + json.string() + "' 2>/dev/null").status == 0);
    Run a = qd("-q checklist data/corpus --by province --province 江苏 --format md 2>/dev/null");
    Run b = qd("-q checklist '" + json.string() + "' --by province --province 江苏 --format md 2>/dev/null");
    REQUIRE(b.status == 0);
    CHECK(a.out == b.out);
    fs::remove_all(dir);
}

TEST_CASE("checklists are byte-identical across runs", "[checklist]") {
    for (const char* args : {"-q checklist data/corpus --by unit --format csv", "-q checklist data/corpus --by unit --format md",
                             "-q checklist data/corpus --by province --format json"}) {
        Run a = qd(std::string(args) + " 2>/dev/null");
        Run b = qd(std::string(args) + " 2>/dev/null");
        CHECK(a.out == b.out);
    }
}

TEST_CASE("checklist CSV: Chinese and Excel-ready by default, --plain --lang en for machines", "[checklist]") {
    Run zh = qd("-q checklist data/corpus --by unit --unit 保护司 --format csv 2>/dev/null");
    Run excel = qd("-q checklist data/corpus --by unit --unit 保护司 --format csv --excel 2>/dev/null");
    Run plain = qd("-q checklist data/corpus --by unit --unit 保护司 --format csv --plain --lang en 2>/dev/null");
    REQUIRE(zh.out.rfind("\xEF\xBB\xBF单位,级别,角色,文件编号,文件标题,年度,任务编号,序号,类型,章节,", 0) == 0);
    CHECK(zh.out.find(",牵头单位,配合单位,范围,目标,完成时限,") != std::string::npos);
    CHECK(zh.out.find("\r\n") != std::string::npos);
    CHECK(zh.out.find(",局内部门,") != std::string::npos);  // level cnipa-internal, labelled
    CHECK(excel.out == zh.out);                            // --excel: the old spelling of the default
    REQUIRE(plain.out.rfind("unit,level,role,doc_id,doc_title,doc_year,task_id,seq,kind,section,", 0) == 0);
    CHECK(plain.out.find('\r') == std::string::npos);
    CHECK(plain.out.find(",cnipa-internal,") != std::string::npos);
    // Every row carries the document's title and year.
    CHECK(plain.out.find(",2022年推动知识产权高质量发展任务清单,2022,") != std::string::npos);
    Run pr = qd("-q checklist data/corpus --by province --province 江苏 --format csv --plain --lang en 2>/dev/null");
    CHECK(pr.out.rfind("province,status,basis,doc_id,", 0) == 0);
    Run prz = qd("-q checklist data/corpus --by province --province 江苏 --format csv 2>/dev/null");
    CHECK(prz.out.rfind("\xEF\xBB\xBF省份,必做/选做,依据,文件编号,", 0) == 0);
    Run both = qd("-q checklist data/corpus --by unit --format csv --plain --excel 2>&1");
    CHECK(both.status == 2);
}

// ---- province rules on hand-made tasks ---------------------------------------

TEST_CASE("addresses_all_localities", "[checklist]") {
    for (const char* w : {"各省份", "各类省份", "各省份必做", "各地区", "各地", "各地方知识产权局",
                          "各省、自治区、直辖市和新疆生产建设兵团知识产权局", "各省（区、市）", "地方各级知识产权管理部门"})
        CHECK(addresses_all_localities(w));
    for (const char* w : {"涉及省份", "有关地区", "有条件的地区", "其他省份", "知识产权强省建设试点省", "各试点省份",
                          "各", "国家知识产权局", "各示范城市", "江苏省"})
        CHECK_FALSE(addresses_all_localities(w));
}

TEST_CASE("province rules: scopes", "[checklist]") {
    ProvinceProfile none;
    none.province = "江苏省";
    ProvinceProfile js = profile("province = 江苏\ncategory = 知识产权强省建设试点省\ncategory = 引领型\n"
                                 "not-category = 支撑型\ncity = 南京市: 国家知识产权强市建设示范城市\n");
    ProvinceProfile exhaustive = profile("province = Jiangsu\ncategory = 引领型\nexhaustive = yes\n");

    Task every = task_with({{"province", "各省份", "mandatory", "省份：各省份必做"}});
    CHECK(status_of(every, "江苏", none) == "mandatory");
    Task every_opt = task_with({{"province", "各类省份", "optional", "省份：各类省份选做"}});
    CHECK(status_of(every_opt, "江苏", none) == "optional");
    Task all_offices = task_with({{"province", "各省、自治区、直辖市和新疆生产建设兵团知识产权局", "mandatory", ""}});
    CHECK(status_of(all_offices, "新疆生产建设兵团", none) == "mandatory");

    Task pilot = task_with({{"province", "知识产权强省建设试点省", "mandatory", ""}});
    CHECK(status_of(pilot, "江苏", none) == "check");
    CHECK(status_of(pilot, "江苏", js) == "mandatory");
    CHECK(status_of(pilot, "江苏", exhaustive) == "none");

    Task involved = task_with({{"province", "涉及省份", "mandatory", ""}});
    CHECK(status_of(involved, "江苏", none) == "check");
    CHECK(status_of(involved, "江苏", js) == "check");

    // Several categories in one who: the profile's category wins over its not-category.
    Task tiers = task_with({{"province", "引领型、支撑型知识产权强省试点省", "mandatory", ""},
                            {"province", "其他省份", "optional", ""}});
    CHECK(status_of(tiers, "江苏", js) == "mandatory");
    CHECK(status_of(tiers, "江苏", none) == "check");
    ProvinceProfile neither = profile("province = 江苏\nnot-category = 引领型\nnot-category = 支撑型\n");
    CHECK(status_of(tiers, "江苏", neither) == "optional");  // one of the "其他省份"

    // City tiers bind a province only as "check", naming the profile's cities.
    Task city = task_with({{"city", "国家知识产权强市建设示范城市", "mandatory", ""}});
    CHECK(status_of(city, "江苏", none) == "check");
    CHECK(status_of(city, "江苏", js) == "check");
    auto bs = province_bindings(city, prov("江苏"), js, &provinces());
    REQUIRE(bs.size() == 1);
    CHECK(bs[0].cities == std::vector<std::string>{"南京市"});

    // A named province binds itself only.
    Task named = task_with({{"province", "浙江省", "mandatory", ""}});
    CHECK(status_of(named, "浙江", none) == "mandatory");
    CHECK(status_of(named, "江苏", none) == "none");

    CHECK(status_of(task_with({}), "江苏", none) == "none");
}

TEST_CASE("province rules: measure actors and local units", "[checklist]") {
    ProvinceProfile none;
    none.province = "江苏省";
    CHECK(status_of(task_with({}, {"各地区"}), "江苏", none) == "mandatory");
    CHECK(status_of(task_with({}, {"各地"}), "江苏", none) == "mandatory");
    CHECK(status_of(task_with({}, {"国家知识产权局"}), "江苏", none) == "none");
    CHECK(status_of(task_with({}, {"涉及省份"}), "江苏", none) == "check");
    CHECK(status_of(task_with({}, {"有条件的地区"}), "江苏", none) == "check");
    CHECK(status_of(task_with({}, {"涉及城市"}), "江苏", none) == "check");
    CHECK(status_of(task_with({}, {std::nullopt}), "江苏", none) == "none");

    // With a scope column, the column states the obligation: an actor adds at most "check".
    CHECK(status_of(task_with({{"province", "各类省份", "optional", ""}}, {"各地区"}), "江苏", none) == "optional");
    CHECK(status_of(task_with({{"city", "国家知识产权强市建设示范城市", "mandatory", ""}}, {"各地区"}), "江苏", none) ==
          "check");

    UnitRef all{"各地方知识产权局", "各地方知识产权局", "responsible", "local"};
    UnitRef zj{"浙江省知识产权局", "浙江省知识产权局", "participant", "local"};
    UnitRef cnipa{"保护司", "国家知识产权局知识产权保护司", "lead", "cnipa-internal"};
    CHECK(status_of(task_with({}, {}, {all}), "江苏", none) == "mandatory");
    CHECK(status_of(task_with({}, {}, {cnipa, zj}), "江苏", none) == "none");
    CHECK(status_of(task_with({}, {}, {cnipa, zj}), "浙江", none) == "mandatory");
    CHECK(status_of(task_with({}, {}, {cnipa}), "江苏", none) == "none");
}

TEST_CASE("province items narrow to the measures that concern the province", "[checklist]") {
    Document d;
    d.id = "doc";
    d.source = "doc.txt";
    d.tasks.push_back(task_with({{"province", "各省份", "mandatory", ""}}, {"国家知识产权局", "各地区", "涉及城市"}));
    auto lists = checklists_by_province({d}, {&prov("江苏")}, {}, &provinces());
    REQUIRE(lists.size() == 1);
    REQUIRE(lists[0].items.size() == 1);
    CHECK(lists[0].items[0].status == "mandatory");
    CHECK(lists[0].items[0].measures == std::vector<std::size_t>{1, 2});
}

TEST_CASE("unit checklists: roles, CNIPA departments on their own, measures narrowed", "[checklist]") {
    Document d;
    d.id = "doc";
    d.source = "doc.txt";
    Task t = task_with({});
    t.measures = {{std::nullopt, "第一条", {{"保护司", "国家知识产权局知识产权保护司", "lead", "cnipa-internal"}}},
                  {std::nullopt, "第二条", {{"条法司", "国家知识产权局条法司", "responsible", "cnipa-internal"}}}};
    t.units = {{"保护司", "国家知识产权局知识产权保护司", "lead", "cnipa-internal"},
               {"条法司", "国家知识产权局条法司", "participant", "cnipa-internal"}};
    d.tasks.push_back(t);
    Task t2 = task_with({});
    t2.id = "t:2";
    t2.seq = 2;
    t2.units = {{"知识产权局", "国家知识产权局", "responsible", "central"}};
    d.tasks.push_back(t2);
    auto lists = checklists_by_unit({d});
    REQUIRE(lists.size() == 3);
    CHECK(lists[0].name == "国家知识产权局");  // central first
    CHECK(lists[1].name == "国家知识产权局条法司");
    CHECK(lists[2].name == "国家知识产权局知识产权保护司");
    REQUIRE(lists[2].items.size() == 1);  // not folded into 国家知识产权局, nor it into them
    CHECK(lists[2].items[0].role == "lead");
    CHECK(lists[2].items[0].measures == std::vector<std::size_t>{0});
    CHECK(lists[1].items[0].role == "participant");
    CHECK(lists[0].items.size() == 1);
    CHECK(lists[2].aliases == std::vector<std::string>{"保护司"});
}

// ---- qingdan units -------------------------------------------------------------

TEST_CASE("units: every unit with aliases seen and role counts that add up", "[checklist]") {
    Run r = qd("-q units data/corpus --format json 2>/dev/null");
    REQUIRE(r.status == 0);
    Json j = Json::parse(r.out);
    Run cl = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    Json lists = Json::parse(cl.out);
    std::map<std::string, size_t> items;
    for (const auto& c : lists["checklists"]) items[c["unit"]] = c["items"].size();
    REQUIRE(j["units"].size() == items.size());
    bool saw_baohusi = false;
    for (const auto& u : j["units"]) {
        INFO(u.dump());
        CHECK(u["lead"].get<int>() + u["participant"].get<int>() + u["responsible"].get<int>() == u["tasks"].get<int>());
        CHECK(static_cast<size_t>(u["tasks"].get<int>()) == items[u["canonical"]]);
        CHECK(!u["aliases"].empty());
        if (u["canonical"] == "国家知识产权局知识产权保护司") {
            saw_baohusi = true;
            CHECK(u["level"] == "cnipa-internal");
            auto aliases = u["aliases"].get<std::vector<std::string>>();
            CHECK(std::find(aliases.begin(), aliases.end(), "保护司") != aliases.end());
            CHECK(u["known"] == true);
            CHECK(u["documents"].get<int>() >= 3);
        }
    }
    CHECK(saw_baohusi);
    Run csv = qd("-q units data/corpus --format csv --plain --lang en 2>/dev/null");
    CHECK(csv.out.rfind("canonical,level,aliases,lead,participant,responsible,tasks,documents,known\n", 0) == 0);
    Run zh = qd("-q units data/corpus --format csv 2>/dev/null");
    CHECK(zh.out.rfind("\xEF\xBB\xBF单位,级别,文中名称,牵头任务,配合任务,负责任务,任务数,文件数,词表收录\r\n", 0) == 0);
    Run md = qd("-q units data/corpus --format md 2>/dev/null");
    CHECK(md.out.find("| 国家知识产权局知识产权保护司 | cnipa-internal |") != std::string::npos);
}

// ---- --out-dir -------------------------------------------------------------------

TEST_CASE("safe_file_stem", "[checklist]") {
    CHECK(safe_file_stem("国家知识产权局知识产权保护司") == "国家知识产权局知识产权保护司");
    CHECK(safe_file_stem("../../x") == "x");
    CHECK(safe_file_stem("a/b") == "a_b");
    CHECK(safe_file_stem("a\\b") == "a_b");
    CHECK(safe_file_stem("..") == "unnamed");
    CHECK(safe_file_stem("") == "unnamed");
    CHECK(safe_file_stem(".hidden") == "hidden");
    CHECK(safe_file_stem("-rf") == "rf");
    CHECK(safe_file_stem("a..b") == "a_b");
    CHECK(safe_file_stem("x\x01y\nz") == "x_y_z");
    CHECK(safe_file_stem("CON") == "_CON");
    CHECK(safe_file_stem("a\xE2\x80\xAE" "b") == "a_b");  // U+202E RIGHT-TO-LEFT OVERRIDE
    CHECK(safe_file_stem("bad\xFF\xFEutf8") == "bad_utf8");
    std::string long_name;
    for (int i = 0; i < 60; ++i) long_name += "长";
    std::string s = safe_file_stem(long_name, 80);
    CHECK(s.size() <= 80);
    CHECK(s.size() % 3 == 0);  // cut on a character boundary
    CHECK(s.size() >= 78);
    auto names = assign_file_names({"A", "a", "a", "index", "../a"}, ".md");
    CHECK(names == std::vector<std::string>{"A.md", "a~2.md", "a~3.md", "index~2.md", "a~4.md"});
}

TEST_CASE("option --out-dir with hostile unit names writes only inside DIR", "[checklist]") {
    fs::path root = temp_dir("outdir");
    fs::path work = root / "work";
    fs::create_directories(work / "deep");
    // A qingdan/1 document whose units are named to escape the directory.
    Document d;
    d.id = "evil";
    d.source = "evil.txt";
    // Each ends like an organisation name (局), so that it is kept as a unit.
    std::vector<std::string> names = {"../../x局", "a/b局", "..局", "/etc/passwd局", ".hidden局", "-rf局", "x\ny局",
                                      "index局", "C:\\win局", std::string(300, 'a') + "局", "A局", "a局"};
    int seq = 0;
    for (const auto& n : names) {
        Task t = task_with({});
        t.seq = ++seq;
        t.id = "evil:" + std::to_string(seq);
        t.units = {{n, n, "responsible", "other"}};
        d.tasks.push_back(t);
    }
    std::ofstream(work / "evil.json", std::ios::binary) << render_json({d});
    fs::path out = work / "deep" / "out";
    for (const char* fmt : {"md", "csv", "json"}) {
        INFO("format " << fmt);
        std::string cmd = "cd '" + work.string() + "' && '" + QINGDAN_BINARY + "' -q checklist evil.json --by unit --format " +
                          fmt + " --out-dir deep/out 2>/dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    // Nothing outside work/deep/out except what the test made.
    std::set<std::string> outside;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        fs::path rel = fs::relative(e.path(), root);
        if (rel.string().rfind("work/deep/out", 0) == 0) continue;
        outside.insert(rel.string());
    }
    CHECK(outside == std::set<std::string>{"work", "work/deep", "work/evil.json"});
    CHECK_FALSE(fs::exists(root / "x.md"));
    // One file per unit and format plus three indexes, all plain names.
    std::set<std::string> files;
    for (const auto& e : fs::directory_iterator(out)) {
        REQUIRE(e.is_regular_file());
        std::string f = e.path().filename().string();
        files.insert(f);
        CHECK(f.find('/') == std::string::npos);
        CHECK(f.find("..") == std::string::npos);
        CHECK(f[0] != '.');
        CHECK(f[0] != '-');
        CHECK(f.size() <= 80 + 5);
        for (unsigned char ch : f) CHECK(ch >= 0x20);
    }
    CHECK(files.size() == 3 * (names.size() + 1));
    CHECK(files.count("index.md"));
    CHECK(files.count("index.csv"));
    CHECK(files.count("index.json"));
    CHECK(files.count("x局.md"));
    CHECK(files.count("a_b局.md"));
    // The index lists every file, and each file holds its unit's checklist.
    Json index = Json::parse(slurp((out / "index.json").string()));
    REQUIRE(index["files"].size() == names.size());
    std::set<std::string> listed;
    for (const auto& f : index["files"]) {
        listed.insert(f["name"]);
        REQUIRE(files.count(f["file"]));
        Json one = Json::parse(slurp((out / f["file"].get<std::string>()).string()));
        REQUIRE(one["checklists"].size() == 1);
        CHECK(one["checklists"][0]["unit"] == f["name"]);
        CHECK(one["checklists"][0]["items"].size() == 1);
    }
    CHECK(listed == std::set<std::string>(names.begin(), names.end()));
    std::string index_md = slurp((out / "index.md").string());
    CHECK(index_md.find("](<x局.md>)") != std::string::npos);
    fs::remove_all(root);
}

TEST_CASE("option --out-dir per province writes one file per province plus the index", "[checklist]") {
    fs::path dir = temp_dir("prov");
    Run r = qd("-q checklist data/corpus --by province --province 江苏 --province 广西 --format md --out-dir '" +
               (dir / "out").string() + "' 2>/dev/null");
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    std::set<std::string> files;
    for (const auto& e : fs::directory_iterator(dir / "out")) files.insert(e.path().filename().string());
    CHECK(files == std::set<std::string>{"index.md", "广西壮族自治区.md", "江苏省.md"});
    Run one = qd("-q checklist data/corpus --by province --province 江苏 --format md 2>/dev/null");
    CHECK(slurp((dir / "out" / "江苏省.md").string()) == one.out);
    fs::remove_all(dir);
}

TEST_CASE("option --clean removes only the files the previous index listed", "[checklist][clean]") {
    fs::path dir = temp_dir("clean");
    const fs::path out = dir / "out";
    const std::string both = "-q checklist data/corpus --by province --province 江苏 --province 广西 --out-dir '" +
                             out.string() + "' --format ";
    const std::string one = "-q checklist data/corpus --by province --province 江苏 --out-dir '" + out.string() +
                            "' --format ";
    auto listing = [&] {
        std::set<std::string> files;
        for (const auto& e : fs::directory_iterator(out)) files.insert(e.path().filename().string());
        return files;
    };
    for (const std::string fmt : {"csv", "md", "json", "html", "xlsx"}) {
        INFO("format " << fmt);
        fs::remove_all(out);
        REQUIRE(qd(both + fmt + " 2>/dev/null").status == 0);
        // The user's own files in the directory: never candidates.
        std::ofstream(out / ("mine." + fmt)) << "mine";
        std::ofstream(out / "notes.txt") << "notes";
        const std::set<std::string> user = {"mine." + fmt, "notes.txt"};
        // Without --clean a rerun leaves the stale file.
        REQUIRE(qd(one + fmt + " 2>/dev/null").status == 0);
        CHECK(fs::exists(out / ("广西壮族自治区." + fmt)));
        // The rerun's index no longer lists 广西, but that run's index did not
        // either: only the index of the run that wrote a file can remove it.
        REQUIRE(qd(one + fmt + " --clean 2>/dev/null").status == 0);
        CHECK(fs::exists(out / ("广西壮族自治区." + fmt)));
        // Listed by the previous index, not by the new one: removed.
        REQUIRE(qd(both + fmt + " 2>/dev/null").status == 0);
        Run r = qd("-v " + one + fmt + " --clean 2>&1 >/dev/null");
        REQUIRE(r.status == 0);
        CHECK(r.out.find("info: removed-stale: removed 广西壮族自治区." + fmt) != std::string::npos);
        std::set<std::string> want = {"index." + fmt, "江苏省." + fmt};
        want.insert(user.begin(), user.end());
        CHECK(listing() == want);
    }

    // A doctored index cannot make --clean reach outside the directory, into
    // a subdirectory, through a link, or at the index itself.
    fs::remove_all(out);
    REQUIRE(qd(both + "json 2>/dev/null").status == 0);
    std::ofstream(dir / "outside.json") << "{}";
    fs::create_directories(out / "sub.json");
    fs::create_symlink(dir / "outside.json", out / "link.json");
    Json index = Json::parse(slurp((out / "index.json").string()));
    for (const char* f : {"../outside.json", "sub.json", "link.json", "index.json", "/etc/hostname", ".hidden.json"})
        index["files"].push_back(Json{{"name", "x"}, {"file", f}, {"level", ""}, {"items", 1}});
    std::ofstream(out / "index.json", std::ios::binary | std::ios::trunc) << index.dump(2);
    REQUIRE(qd(one + "json --clean 2>/dev/null").status == 0);
    CHECK(fs::exists(dir / "outside.json"));
    CHECK(fs::is_directory(out / "sub.json"));
    CHECK(fs::is_symlink(out / "link.json"));
    CHECK(fs::exists(out / "index.json"));
    CHECK_FALSE(fs::exists(out / "广西壮族自治区.json"));

    // A damaged index: a warning, nothing removed, the checklists written.
    REQUIRE(qd(both + "json 2>/dev/null").status == 0);
    std::ofstream(out / "index.json", std::ios::binary | std::ios::trunc) << "{ not json";
    Run damaged = qd(one.substr(3) + "json --clean 2>&1 >/dev/null");  // without -q: warnings shown
    CHECK(damaged.status == 0);
    CHECK(damaged.out.find("warning: clean-skipped") != std::string::npos);
    CHECK(fs::exists(out / "广西壮族自治区.json"));
    CHECK(Json::parse(slurp((out / "index.json").string()))["files"].size() == 1);

    // --clean needs --out-dir.
    CHECK(qd("-q checklist data/corpus --by unit --clean 2>/dev/null").status == 2);
    fs::remove_all(dir);
}
