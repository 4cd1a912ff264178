// Tests of local-unit resolution (the issuer's province and city, cities.tsv,
// place + department names), unit-clause shapes of provincial and municipal
// plans, central coverage and Traditional-script names.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "normalise.hpp"
#include "provinces.hpp"
#include "units.hpp"

using namespace qingdan;

namespace {

const UnitGazetteer& gz() {
    static const UnitGazetteer g = UnitGazetteer::load(std::string(QINGDAN_SOURCE_DIR) + "/data/units.tsv");
    return g;
}

struct Got {
    std::string canonical, role, level;
    bool operator==(const Got&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Got& g) {
    return os << "{" << g.canonical << ", " << g.role << ", " << g.level << "}";
}

std::vector<Got> parse(const UnitGazetteer& g, const std::string& clause, std::vector<std::string>* unknown = nullptr) {
    std::vector<std::string> unk;
    std::vector<Got> out;
    for (const auto& r : g.parse_units(clause, &unk)) out.push_back({r.canonical, r.role, r.level});
    if (unknown) *unknown = unk;
    return out;
}

}  // namespace

TEST_CASE("省X and 市X resolve against the issuer's province and city", "[units][local]") {
    const UnitGazetteer js = gz().for_issuer("江苏省知识产权局");
    CHECK(js.home().province == "江苏省");
    CHECK(js.home().city.empty());
    std::vector<std::string> unknown;
    auto got = parse(js, "牵头单位：省知识产权局；配合单位：省公安厅、省法院、省市场监管局", &unknown);
    CHECK(unknown.empty());
    CHECK(got == std::vector<Got>{{"江苏省知识产权局", "lead", "local"},
                                  {"江苏省公安厅", "participant", "local"},
                                  {"江苏省高级人民法院", "participant", "local"},
                                  {"江苏省市场监督管理局", "participant", "local"}});
    // Party committee departments take 中共 in front.
    CHECK(js.resolve("省委宣传部").canonical == "中共江苏省委宣传部");
    CHECK(gz().resolve("江苏省委宣传部").canonical == "中共江苏省委宣传部");
    // Names run together after PDF damage split into known local names.
    got = parse(js, "省知识产权局省公安厅省法院负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got.size() == 3);
    // Without a city, 市X stays as printed (which city is not known).
    CHECK(js.resolve("市知识产权局").canonical == "市知识产权局");

    const UnitGazetteer sz = gz().for_issuer("苏州市人民政府办公室");
    CHECK(sz.home().city == "苏州市");
    CHECK(sz.home().province == "江苏省");  // through cities.tsv
    got = parse(sz, "市市场监管局、市法院、省知识产权局按职责分工负责");
    CHECK(got == std::vector<Got>{{"苏州市市场监督管理局", "lead", "local"},
                                  {"苏州市中级人民法院", "participant", "local"},
                                  {"江苏省知识产权局", "participant", "local"}});

    // A municipality: 市X is the municipality's own department.
    const UnitGazetteer bj = gz().for_issuer("北京市知识产权局");
    CHECK(bj.resolve("市法院").canonical == "北京市高级人民法院");
    CHECK(bj.resolve("市知识产权局").canonical == "北京市知识产权局");

    // A city cities.tsv does not list: its 市X still resolves; its province is unknown.
    const UnitGazetteer zz = gz().for_issuer("株洲市知识产权局");
    CHECK(zz.resolve("市公安局").canonical == "株洲市公安局");
    const UnitGazetteer xx = gz().for_issuer("某某市人民政府");
    CHECK(xx.home().city == "某某市");
    CHECK(xx.resolve("省知识产权局").canonical == "省知识产权局");

    // Joint issuers: the local one gives the home.
    CHECK(gz().home_of("国家知识产权局、吉林省人民政府").province == "吉林省");
    // Central issuers have no home: 省知识产权局 in a CNIPA plan stays as printed.
    const UnitGazetteer cn = gz().for_issuer("国家知识产权局");
    CHECK(cn.home().empty());
    bool known = false;
    const UnitRef r = cn.resolve("省知识产权局", &known);
    CHECK(known);
    CHECK(r.canonical == "省知识产权局");
    CHECK(r.level == "local");
    // Collective names are never localised.
    CHECK(js.resolve("各设区市知识产权局").canonical == "各设区市知识产权局");
    CHECK(js.resolve("各省（区、市）知识产权局").canonical == "各地方知识产权局");
    // Central names are untouched by a home.
    CHECK(js.resolve("市场监管总局").canonical == "国家市场监督管理总局");
    CHECK(js.resolve("知识产权局").canonical == "国家知识产权局");
}

TEST_CASE("named cities and places with a department kind are known local units", "[units][local]") {
    const auto& g = gz();
    REQUIRE(g.cities() != nullptr);
    for (const char* c : {"深圳市", "大连市", "青岛市", "宁波市", "厦门市", "哈尔滨市", "西安市", "乌鲁木齐市"})
        CHECK(g.cities()->find(c) != nullptr);
    CHECK(g.cities()->find("深圳")->province == "广东省");
    CHECK(g.cities()->find("深圳")->is("planned"));
    CHECK(g.cities()->find("南京市")->is("sub-provincial"));
    CHECK(g.cities()->find("吉林") == nullptr);  // the province, not 吉林市
    auto canon = [&](const char* n, bool expect_known = true) {
        bool known = false;
        UnitRef r = g.resolve(n, &known);
        INFO(n);
        CHECK(known == expect_known);
        CHECK(r.level == "local");
        return r.canonical;
    };
    CHECK(canon("深圳市市场监督管理局") == "深圳市市场监督管理局");
    CHECK(canon("深圳市场监管局") == "深圳市市场监督管理局");  // short form + 市场监管局
    CHECK(canon("苏州市知识产权局") == "苏州市知识产权局");
    CHECK(canon("株洲市知识产权局") == "株洲市知识产权局");  // by rule
    CHECK(canon("延边州市场监管局") == "延边州市场监督管理局");
    CHECK(canon("浦东新区知识产权局") == "浦东新区知识产权局");
    CHECK(canon("浙江省杭州市知识产权局") == "浙江省杭州市知识产权局");
    CHECK(canon("中国（江苏）知识产权保护中心") == "中国（江苏）知识产权保护中心");
    CHECK(canon("中国（南京）知识产权保护中心") == "中国（南京）知识产权保护中心");
    CHECK(canon("北京知识产权法院") == "北京知识产权法院");
    CHECK(canon("杭州市某某研究会", false) == "杭州市某某研究会");
    // 市场 is not a city
    bool known = true;
    CHECK(g.resolve("市场监管研究所", &known).level == "other");
}

TEST_CASE("unit clauses of local plans: levels, parentheses, conjunctions, role notes", "[units][local]") {
    const auto& g = gz();
    std::vector<std::string> unknown;
    // 各市、县（区）: one collective name, not 各市 + 县（区）知识产权局
    auto got = parse(g, "各市、县（区）知识产权局负责", &unknown);
    REQUIRE(got.size() == 1);
    CHECK(got[0].canonical == "各市、县（区）知识产权局");
    CHECK(unknown.empty());
    CHECK(is_collective_local("各市、县（区）知识产权局"));
    got = parse(g, "省知识产权局、市、县（市、区）人民政府负责", &unknown);
    CHECK(unknown.empty());
    REQUIRE(got.size() == 2);
    CHECK(got[1].canonical == "市、县（市、区）人民政府");
    CHECK(is_collective_local("市、县（市、区）人民政府"));
    CHECK(collective_tier("市（州）知识产权局") == "city");
    CHECK_FALSE(is_collective_local("市知识产权局"));
    CHECK(collective_tier("各设区市知识产权局") == "city");
    CHECK(collective_tier("设区市知识产权局") == "city");
    got = parse(g, "各设区市知识产权局、省直有关部门负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got.size() == 2);
    // A name and a parenthesised second name: the first decides.
    got = parse(g, "国家知识产权局（专利局）负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got == std::vector<Got>{{"国家知识产权局", "responsible", "central"}});
    got = parse(g, "深圳市市场监督管理局（知识产权局）负责", &unknown);
    CHECK(got == std::vector<Got>{{"深圳市市场监督管理局", "responsible", "local"}});
    // 和 between two known names
    got = parse(g, "教育部和人力资源社会保障部按职责分工负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got == std::vector<Got>{{"教育部", "lead", "central"}, {"人力资源和社会保障部", "participant", "central"}});
    got = parse(g, "公安部和教育部及市场监管总局负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got.size() == 3);
    got = parse(g, "工业和信息化部、文化和旅游部负责");
    CHECK(got == std::vector<Got>{{"工业和信息化部", "lead", "central"}, {"文化和旅游部", "participant", "central"}});
    // A （牵头） note makes its unit the lead wherever it stands.
    got = parse(g, "省公安厅、省知识产权局（牵头）、省法院负责");
    REQUIRE(got.size() == 3);
    CHECK(got[0].canonical == "省知识产权局");
    CHECK(got[0].role == "lead");
    // A牵头，B、C参与
    got = parse(g, "市场监管总局牵头，公安部、海关总署参与");
    CHECK(got == std::vector<Got>{{"国家市场监督管理总局", "lead", "central"},
                                  {"公安部", "participant", "central"},
                                  {"海关总署", "participant", "central"}});
    // 局内 / 局外 groups
    got = parse(g, "局内：战略规划司、保护司；局外：市场监管总局");
    CHECK(got == std::vector<Got>{{"国家知识产权局战略规划司", "lead", "cnipa-internal"},
                                  {"国家知识产权局知识产权保护司", "participant", "cnipa-internal"},
                                  {"国家市场监督管理总局", "participant", "central"}});
    // Names run together after PDF damage
    got = parse(g, "战略规划司保护司运用促进司负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got.size() == 3);
    // Other phrasings of responsibility
    CHECK(is_unit_clause("省知识产权局、省公安厅共同推进"));
    CHECK(is_unit_clause("各设区市人民政府组织实施"));
    CHECK(split_unit_list("省知识产权局、省公安厅等有关单位按职责分工落实") ==
          std::vector<std::string>{"省知识产权局", "省公安厅"});
    CHECK_FALSE(is_unit_clause("加强宣传，协同推进"));
    // Generic bodies are not units
    CHECK(parse(g, "各有关单位按职责分工负责").empty());
    CHECK(parse(g, "相关部门负责").empty());
    CHECK(parse(g, "最高人民法院、最高人民检察院、公安部、司法部等部门按职责分工负责").size() == 4);
}

TEST_CASE("central coverage: State Council, joint conference, CNIPA departments and units", "[units]") {
    const auto& g = gz();
    auto canon = [&](const char* n) {
        const UnitInfo* u = g.find(n);
        INFO(n);
        REQUIRE(u != nullptr);
        return u->canonical;
    };
    CHECK(canon("财务司") == "国家知识产权局财务司");
    CHECK(canon("局党组") == "国家知识产权局党组");
    CHECK(canon("专利局各审查协作中心") == "国家知识产权局专利局各专利审查协作中心");
    CHECK(canon("最高法知识产权法庭") == "最高人民法院知识产权法庭");
    CHECK(canon("国家海关总署") == "海关总署");
    CHECK(canon("中央依法治国办") == "中央全面依法治国委员会办公室");
    CHECK(canon("反垄断局") == "国家反垄断局");
    CHECK(canon("中国侨联") == "中华全国归国华侨联合会");
    CHECK(canon("国家自然科学基金委") == "国家自然科学基金委员会");
    CHECK(canon("部际联席会议") == "国务院知识产权战略实施工作部际联席会议");
    for (const char* n : {"国家发展改革委", "发展改革委", "教育部", "科技部", "工业和信息化部", "工信部", "公安部",
                          "司法部", "财政部", "人力资源社会保障部", "商务部", "文化和旅游部", "农业农村部",
                          "国务院国资委", "海关总署", "市场监管总局", "国家广电总局", "国家版权局", "国家林草局",
                          "国家药监局", "最高人民法院", "最高人民检察院", "中央宣传部", "中央网信办", "国家知识产权局",
                          "外交部", "生态环境部", "国家卫生健康委", "人民银行", "银保监会", "证监会", "国防科工局",
                          "中科院", "军委装备发展部", "贸促会", "中国科协", "国家中医药局", "税务总局", "统计局"}) {
        const UnitInfo* u = g.find(n);
        INFO(n);
        REQUIRE(u != nullptr);
        CHECK(u->level == "central");
    }
    for (const char* n : {"办公室", "条法司", "战略规划司", "知识产权保护司", "知识产权运用促进司", "公共服务司",
                          "国际合作司", "人事司", "财务司", "机关党委", "专利局", "商标局", "知识产权出版社",
                          "中国知识产权报社", "知识产权发展研究中心", "商标审查协作中心", "专利审查协作北京中心",
                          "中国知识产权保护中心"}) {
        const UnitInfo* u = g.find(n);
        INFO(n);
        REQUIRE(u != nullptr);
        CHECK(u->level == "cnipa-internal");
    }
    CHECK(g.find("中国专利保护协会")->level == "other");
}

TEST_CASE("Traditional-script unit names resolve after conversion", "[units][traditional]") {
    const UnitGazetteer js = gz().for_issuer(to_simplified("江蘇省知識產權局"));
    CHECK(js.home().province == "江苏省");
    struct Case {
        const char* trad;
        const char* canonical;
    };
    for (const Case& c : std::vector<Case>{
             {"國家發展改革委", "国家发展和改革委员会"},
             {"人力資源社會保障部", "人力资源和社会保障部"},
             {"市場監管總局", "国家市场监督管理总局"},
             {"國家廣電總局", "国家广播电视总局"},
             {"最高人民檢察院", "最高人民检察院"},
             {"中央網信辦", "中央网络安全和信息化委员会办公室"},
             {"條法司", "国家知识产权局条法司"},
             {"戰略規劃司", "国家知识产权局战略规划司"},
             {"知識產權運用促進司", "国家知识产权局知识产权运用促进司"},
             {"機關黨委", "国家知识产权局机关党委"},
             {"商標審查協作中心", "国家知识产权局商标局商标审查协作中心"},
             {"各省（區、市）知識產權局", "各地方知识产权局"},
             {"省知識產權局", "江苏省知识产权局"},
             {"省高級人民法院", "江苏省高级人民法院"},
             {"廣西壯族自治區知識產權局", "广西壮族自治区知识产权局"},
             {"新疆生產建設兵團知識產權局", "新疆生产建设兵团知识产权局"},
         }) {
        bool known = false;
        const UnitRef r = js.resolve(to_simplified(c.trad), &known);
        INFO(c.trad);
        CHECK(known);
        CHECK(r.canonical == c.canonical);
    }
    // find() converts a Traditional name itself (a --unit argument).
    REQUIRE(gz().find("國家知識產權局") != nullptr);
    CHECK(gz().find("條法司")->canonical == "国家知识产权局条法司");
    CHECK(gz().find("市場監管總局")->canonical == "国家市场监督管理总局");
    std::vector<std::string> unknown;
    auto refs = js.parse_units(to_simplified("省知識產權局牽頭，省公安廳、省市場監管局配合"), &unknown);
    CHECK(unknown.empty());
    REQUIRE(refs.size() == 3);
    CHECK(refs[0].role == "lead");
    CHECK(refs[2].canonical == "江苏省市场监督管理局");
}

TEST_CASE("cities.tsv rows are checked", "[provinces]") {
    const ProvinceTable& pt = *gz().provinces();
    const std::string base = std::string(QINGDAN_SOURCE_DIR) + "/data/cities.tsv";
    CityTable t = CityTable::load(base, &pt);
    CHECK(t.all().size() >= 290);
    for (const auto& c : t.all()) {
        INFO(c.name);
        CHECK(pt.find(c.province) != nullptr);
    }
    // 15 sub-provincial cities, 5 of them planned (计划单列)
    size_t sub = 0, planned = 0;
    for (const auto& c : t.all()) {
        sub += c.is("sub-provincial");
        planned += c.is("planned");
    }
    CHECK(sub == 15);
    CHECK(planned == 5);
}

TEST_CASE("without a local issuer, one province or city in the title gives the home", "[units][local]") {
    const auto& g = gz();
    auto h = g.for_issuer("", "2023年江苏省知识产权强省建设工作要点").home();
    CHECK(h.province == "江苏省");
    CHECK(h.city.empty());
    h = g.for_issuer("", "深圳市2024年知识产权工作要点").home();
    CHECK(h.city == "深圳市");
    CHECK(h.province == "广东省");
    // A national title, two provinces, or a central issuer: no home.
    CHECK(g.for_issuer("", "2023年国家知识产权局知识产权强省建设工作要点").home().empty());
    CHECK(g.for_issuer("", "江苏省、浙江省知识产权协作要点").home().empty());
    CHECK(g.for_issuer("国家知识产权局", "江苏省知识产权强省建设工作要点").home().empty());
    // The issuer wins over the title.
    CHECK(g.for_issuer("浙江省知识产权局", "江苏省知识产权强省建设工作要点").home().province == "浙江省");
}

TEST_CASE("province table: Traditional forms and every short form", "[provinces][traditional]") {
    const ProvinceTable& pt = *gz().provinces();
    CHECK(pt.all().size() == 32);
    CHECK(pt.find("廣西")->name == "广西壮族自治区");
    CHECK(pt.find("內蒙古自治區")->name == "内蒙古自治区");
    CHECK(pt.find("黑龍江")->name == "黑龙江省");
    CHECK(pt.find("新疆生產建設兵團")->name == "新疆生产建设兵团");
    for (const char* s : {"内蒙古", "广西", "新疆", "宁夏", "西藏", "兵团", "北京", "重庆", "黑龙江"}) {
        INFO(s);
        CHECK(pt.find(s) != nullptr);
    }
}

TEST_CASE("the collective of provinces in its printed forms, and CNIPA collectives", "[units][local]") {
    const auto& g = gz();
    std::vector<std::string> unknown;
    for (const char* c : {"各省、自治区、直辖市及新疆生产建设兵团知识产权局负责", "各省、自治区、直辖市、计划单列市知识产权局负责",
                          "各省（区、市）、新疆生产建设兵团知识产权局负责", "各省（自治区、直辖市）知识产权局负责"}) {
        INFO(c);
        auto got = parse(g, c, &unknown);
        CHECK(unknown.empty());
        CHECK(got == std::vector<Got>{{"各地方知识产权局", "responsible", "local"}});
    }
    auto got = parse(g, "各省、自治区、直辖市市场监管局（厅、委）负责", &unknown);
    CHECK(got == std::vector<Got>{{"各地市场监督管理部门", "responsible", "local"}});
    CHECK(g.resolve("各省区市人民政府").canonical == "各省、自治区、直辖市人民政府");
    got = parse(g, "局机关各部门、各直属单位按职责分工负责", &unknown);
    CHECK(unknown.empty());
    CHECK(got == std::vector<Got>{{"国家知识产权局机关各部门", "lead", "cnipa-internal"},
                                  {"国家知识产权局各直属单位", "participant", "cnipa-internal"}});
    CHECK(g.find("工商总局商标局")->canonical == "国家工商行政管理总局商标局");
}

TEST_CASE("自治区X and 区X in a plan of an autonomous region", "[units][local]") {
    const UnitGazetteer gx = gz().for_issuer("广西壮族自治区知识产权局");
    CHECK(gx.home().province == "广西壮族自治区");
    std::vector<std::string> unknown;
    auto got = parse(gx, "自治区知识产权局牵头，区市场监管局、区党委宣传部配合", &unknown);
    CHECK(unknown.empty());
    CHECK(got == std::vector<Got>{{"广西壮族自治区知识产权局", "lead", "local"},
                                  {"广西壮族自治区市场监督管理局", "participant", "local"},
                                  {"中共广西壮族自治区委宣传部", "participant", "local"}});
    // 区X in a municipality or a city is a district's: kept as printed.
    CHECK(gz().for_issuer("北京市知识产权局").resolve("区市场监管局").canonical == "区市场监管局");
    CHECK(gz().for_issuer("南宁市知识产权局").resolve("区市场监管局").canonical == "区市场监管局");
    // 兵团 plans name their own bodies with 兵团 in front.
    CHECK(gz().resolve("兵团知识产权局").canonical == "新疆生产建设兵团知识产权局");
}

TEST_CASE("a department of a known national body", "[units]") {
    const auto& g = gz();
    auto canon = [&](const char* n, const char* level) {
        bool known = false;
        UnitRef r = g.resolve(n, &known);
        INFO(n);
        CHECK(known);
        CHECK(r.level == level);
        return r.canonical;
    };
    CHECK(canon("公安部经济犯罪侦查局", "central") == "公安部经济犯罪侦查局");
    CHECK(canon("市场监管总局执法稽查局", "central") == "国家市场监督管理总局执法稽查局");
    CHECK(canon("中宣部版权管理局", "central") == "中共中央宣传部版权管理局");
    CHECK(canon("商务部条约法律司", "central") == "商务部条约法律司");
    CHECK(canon("教育部科学技术与信息化司", "central") == "教育部科学技术与信息化司");
    CHECK(canon("国家林草局科技发展中心", "central") == "国家林业和草原局科技发展中心");
    CHECK(canon("国家知识产权局商标局审查一处", "cnipa-internal") == "国家知识产权局商标局审查一处");
    // Two bodies run together or joined are not a department of the first.
    std::vector<std::string> unknown;
    CHECK(g.parse_units("市场监管总局农业农村部知识产权局负责", &unknown).size() == 3);
    CHECK(g.parse_units("战略规划司保护司运用促进司负责", &unknown).size() == 3);
    CHECK(g.parse_units("教育部和人力资源社会保障部负责", &unknown).size() == 2);
    CHECK(unknown.empty());
    bool known = true;
    g.resolve("公安部负责同志", &known);
    CHECK_FALSE(known);
}

TEST_CASE("a local office's bare internal departments are its own", "[units][local]") {
    const UnitGazetteer zj = gz().for_issuer("浙江省知识产权局");
    CHECK(zj.resolve("办公室").canonical == "浙江省知识产权局办公室");
    CHECK(zj.resolve("办公室").level == "local");
    CHECK(zj.resolve("政策法规处").canonical == "浙江省知识产权局政策法规处");
    CHECK(zj.resolve("综合科").canonical == "浙江省知识产权局综合科");
    // Named bodies, places and other offices' departments are not.
    CHECK(zj.resolve("省知识产权保护中心").canonical == "浙江省知识产权保护中心");
    CHECK(zj.resolve("省政府办公厅").canonical != "浙江省知识产权局省政府办公厅");
    CHECK(zj.resolve("国务院知识产权战略实施工作部际联席会议办公室").canonical.rfind("浙江", 0) != 0);
    // A central plan's 办公室 is CNIPA's; a plan with its home from the title
    // only (no local issuer) keeps the gazetteer's reading.
    CHECK(gz().for_issuer("国家知识产权局").resolve("办公室").canonical == "国家知识产权局办公室");
    CHECK(gz().for_issuer("", "2024年浙江省知识产权工作要点").resolve("办公室").canonical == "国家知识产权局办公室");
}

TEST_CASE("city courts and culture bureaus printed short", "[units][local]") {
    const UnitGazetteer sz = gz().for_issuer("苏州市人民政府办公室");
    CHECK(sz.resolve("市中级法院").canonical == "苏州市中级人民法院");
    CHECK(sz.resolve("市中院").canonical == "苏州市中级人民法院");
    // Known and local, but kept as printed: the full name varies by city.
    bool known = false;
    CHECK(sz.resolve("市文广旅局", &known).canonical == "苏州市文广旅局");
    CHECK(known);
    CHECK(sz.resolve("市文广旅局").level == "local");
}
