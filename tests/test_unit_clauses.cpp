// Unit clauses as offices print them (issue 11): every phrasing of
// data/unit_phrasing.tsv, with snippets in the shapes of real plans from
// other issuers (State Council office, provincial, city, county and district
// governments). Two levels: the clause parser (parse_units) and whole
// documents through the Compiler (the clause found in its item).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"
#include "units.hpp"

using namespace qingdan;

namespace {

const UnitGazetteer& gz() {
    static const UnitGazetteer g = UnitGazetteer::load(std::string(QINGDAN_SOURCE_DIR) + "/data/units.tsv");
    return g;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;  // (printed name, role)

Pairs roles(const std::vector<UnitRef>& units) {
    Pairs out;
    for (const auto& u : units) out.emplace_back(u.name, u.role);
    return out;
}

Pairs parse(const std::string& clause) { return roles(gz().parse_units(clause)); }

// The units of each task of a small document.
std::vector<Pairs> task_units(const std::string& text) {
    gz();
    Document d = test::compiler().compile(text, "clauses.txt");
    std::vector<Pairs> out;
    for (const auto& t : d.tasks) out.push_back(roles(t.units));
    return out;
}

}  // namespace

TEST_CASE("X牵头，Y、Z配合 / 负责落实: the marked unit leads", "[units][clauses]") {
    CHECK(parse("区政务服务局牵头,区发改局、区审改办、区住建局、区级相关部门配合") ==
          Pairs{{"区政务服务局", "lead"}, {"区发改局", "participant"}, {"区审改办", "participant"},
                {"区住建局", "participant"}, {"区级相关部门", "participant"}});
    CHECK(parse("市政府办公厅牵头，各区政府、市政府各部门负责落实") ==
          Pairs{{"市政府办公厅", "lead"}, {"各区政府", "participant"}, {"市政府各部门", "participant"}});
    CHECK(gz().is_unit_clause("市政府办公厅牵头，各区政府、市政府各部门负责落实"));
}

TEST_CASE("labels with any separator: 牵头单位 / 配合单位 / 责任单位 / 责任科室", "[units][clauses]") {
    const Pairs want{{"州行政审批服务局", "lead"}, {"州司法局", "participant"}, {"州委编办", "participant"}};
    CHECK(parse("牵头单位：州行政审批服务局；配合单位：州司法局、州委编办") == want);
    CHECK(parse("牵头单位:州行政审批服务局;配合单位:州司法局,州委编办") == want);
    CHECK(parse("牵头单位：州行政审批服务局，配合单位：州司法局、州委编办") == want);
    CHECK(parse("牵头单位：州行政审批服务局 配合单位：州司法局、州委编办") == want);
    CHECK(parse("责任科室：办公室、综合科") == Pairs{{"办公室", "lead"}, {"综合科", "participant"}});
    CHECK(gz().is_unit_clause("责任处室：法规处"));
    // A 牵头单位 label naming several makes each of them lead.
    CHECK(parse("牵头单位:市医保局、市人社局、市民政局") ==
          Pairs{{"市医保局", "lead"}, {"市人社局", "lead"}, {"市民政局", "lead"}});
    // 主责 / 协办 columns and labels.
    CHECK(parse("主责：市商务局；协办：市财政局") == Pairs{{"市商务局", "lead"}, {"市财政局", "participant"}});
}

TEST_CASE("conjunctions inside a list and 等…部门 tails", "[units][clauses]") {
    CHECK(parse("责任单位:州司法局、州委编办及州直相关单位") ==
          Pairs{{"州司法局", "lead"}, {"州委编办", "participant"}, {"州直相关单位", "participant"}});
    CHECK(parse("省发展改革委、交通运输厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责") ==
          Pairs{{"省发展改革委", "lead"}, {"交通运输厅", "participant"}, {"能源局", "participant"},
                {"各地级以上市人民政府", "participant"}});
    // A name the gazetteer knows whole is never cut at 和.
    CHECK(parse("工业和信息化部、商务部负责") == Pairs{{"工业和信息化部", "lead"}, {"商务部", "participant"}});
}

TEST_CASE("分别牵头 makes every unit of its group lead", "[units][clauses]") {
    CHECK(parse("责任单位：市人力社保局、市农业农村局分别牵头") ==
          Pairs{{"市人力社保局", "lead"}, {"市农业农村局", "lead"}});
    CHECK(parse("市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实") ==
          Pairs{{"市金融办", "lead"}, {"人民银行潍坊市中心支行", "lead"}, {"潍坊银监分局", "lead"}});
}

TEST_CASE("a marker followed by a short verb (spun wording) is phrasing", "[units][clauses]") {
    CHECK(gz().is_unit_clause("省发展改革委牵头卖力"));
    CHECK(parse("省发展改革委牵头卖力") == Pairs{{"省发展改革委", "lead"}});
    // 牵头单位 is a label, never a verb tail.
    CHECK_FALSE(gz().is_unit_clause("加强宣传，协同推进"));
}

TEST_CASE("group names with parentheses and a note after the list", "[units][clauses]") {
    CHECK(parse("责任单位:市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)") ==
          Pairs{{"市疫情防控指挥部办公室", "lead"}, {"市卫生健康委", "participant"},
                {"各县(市、区)政府(管委会)", "participant"}});
    CHECK(parse("责任单位:市发改委、市经信局、市卫生健康委(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)") ==
          Pairs{{"市发改委", "lead"}, {"市经信局", "participant"}, {"市卫生健康委", "participant"}});
}

TEST_CASE("由X会同Y等部门: the joiner's first party leads, in or out of parentheses", "[units][clauses]") {
    CHECK(parse("由国土资源部会同农业部等部门负责落实") ==
          Pairs{{"国土资源部", "lead"}, {"农业部", "participant"}});
    const auto inl = inline_unit_clause(
        "关于“严守耕地保护红线”的问题,由发展改革委会同中央农办、农业部、财政部、统计局、粮食局等部门研究提出落实意见。");
    REQUIRE(inl);
    CHECK(parse(*inl) == Pairs{{"发展改革委", "lead"}, {"中央农办", "participant"}, {"农业部", "participant"},
                               {"财政部", "participant"}, {"统计局", "participant"}, {"粮食局", "participant"}});
    CHECK_FALSE(inline_unit_clause("由于历史原因,会同审议的事项较多。"));
}

TEST_CASE("a …下同 note carries its units to later items", "[units][clauses]") {
    CHECK(carried_unit_list("具体任务均涉及相关市(州)人民政府,不再做分工,下同") ==
          std::optional<std::string>("相关市(州)人民政府"));
    CHECK_FALSE(carried_unit_list("具体任务均涉及相关市(州)人民政府"));  // no 下同: this item only
}

TEST_CASE("clauses found in their items: brackets, own lines, bare lines, carry-over", "[units][clauses][compile]") {
    const std::string doc =
        "某省某方案\n"
        "一、深化改革\n"
        "(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局按职责分工负责。"
        "具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n"
        "(二)优化市场准入环境。实施改革全覆盖。〔责任单位:省市场监管局〕\n"
        "(三)加强执法。全面实施竞争法。(省商务厅负责)\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 3);
    CHECK(got[0] == Pairs{{"省发展改革委", "lead"}, {"省市场监管局", "participant"},
                          {"相关市(州)人民政府", "participant"}});
    CHECK(got[1] == Pairs{{"省市场监管局", "lead"}, {"相关市(州)人民政府", "participant"}});
    CHECK(got[2] == Pairs{{"省商务厅", "lead"}, {"相关市(州)人民政府", "participant"}});

    const std::string lines =
        "某市政府工作报告重点工作责任分解\n"
        "一、主要预期目标\n"
        "1.生产总值增长6%以上。\n"
        "责任单位:市发改委\n"
        "2.城乡居民收入增速保持全省领先。\n"
        "责任单位:市人力社保局、市农业农村局分别牵头\n"
        "3.坚持必要的人员管控和健康监测措施。\n"
        "责任单位:市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)\n"
        "4.加强财政政策信息公开。\n"
        "市财政局、市税务局负责落实。\n";
    const auto l = task_units(lines);
    REQUIRE(l.size() == 4);
    CHECK(l[0] == Pairs{{"市发改委", "responsible"}});
    CHECK(l[1] == Pairs{{"市人力社保局", "lead"}, {"市农业农村局", "lead"}});
    CHECK(l[2] == Pairs{{"市疫情防控指挥部办公室", "lead"}, {"市卫生健康委", "participant"},
                        {"各县(市、区)政府(管委会)", "participant"}});
    CHECK(l[3] == Pairs{{"市财政局", "lead"}, {"市税务局", "participant"}});
}

TEST_CASE("（X负责） after each clause: the measures' units, first listed leads", "[units][clauses][compile]") {
    const std::string doc =
        "某区2020年食品安全重点工作安排\n"
        "一、年度重点任务\n"
        "1.实施风险评估和标准贯宣专项行动。完善食品安全标准管理制度,加强标准宣贯培训。(区卫生健康委负责)"
        "严格贯彻落实农药残留限量新标准。(区农业农村局负责)\n"
        "2.开展专项整治。加强农村假冒伪劣食品治理。(区市场监管局负责)\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 2);
    CHECK(got[0] == Pairs{{"区卫生健康委", "lead"}, {"区农业农村局", "participant"}});
    CHECK(got[1] == Pairs{{"区市场监管局", "responsible"}});
}

TEST_CASE("以上工作由… / 以下任务均需…: units stated once for a group", "[units][clauses][compile]") {
    auto gs = group_unit_statement("以上工作由市教育局、市人社局负责。");
    REQUIRE(gs);
    CHECK(gs->units == "市教育局、市人社局负责");
    CHECK_FALSE(gs->forward);
    gs = group_unit_statement("以下任务均需各区县政府配合落实");
    REQUIRE(gs);
    CHECK(gs->forward);
    CHECK_FALSE(group_unit_statement("以上工作要加强组织领导。"));

    const std::string doc =
        "某市工作要点\n"
        "一、加强队伍建设\n"
        "1.加强教师培训。每年组织全员培训一次。\n"
        "2.完善考核机制。建立健全教师考核评价制度。\n"
        "以上工作由市教育局、市人社局负责。\n"
        "二、改善办学条件\n"
        "3.推进校舍改造。完成20所学校校舍改造。(市住建局负责)\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 3);
    const Pairs both{{"市教育局", "lead"}, {"市人社局", "participant"}};
    CHECK(got[0] == both);
    CHECK(got[1] == both);
    CHECK(got[2] == Pairs{{"市住建局", "responsible"}});
}

TEST_CASE("a heading's unit clause: its part's tasks that name no lead take it", "[units][clauses][compile]") {
    const std::string doc =
        "某市2024年优化营商环境工作要点\n"
        "一、提升政务服务效能（牵头单位：市政务服务局）\n"
        "1.推进“一网通办”。全面推行政务服务事项网上办理。\n"
        "2.深化“一件事一次办”。新增集成办理事项20项。（市人社局、市医保局配合）\n"
        "3.优化企业开办服务。压缩开办时间至1个工作日。（市市场监管局牵头，市税务局配合）\n"
        "二、加强市场监管\n"
        "4.推行信用分级分类监管。（市市场监管局负责）\n"
        "5.规范涉企检查。\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 5);
    CHECK(got[0] == Pairs{{"市政务服务局", "lead"}});
    CHECK(got[1] == Pairs{{"市政务服务局", "lead"}, {"市人社局", "participant"}, {"市医保局", "participant"}});
    CHECK(got[2] == Pairs{{"市市场监管局", "lead"}, {"市税务局", "participant"}});  // its own lead
    CHECK(got[3] == Pairs{{"市市场监管局", "responsible"}});
    CHECK(got[4].empty());  // a heading without a clause gives nothing
    const Document d = test::compiler().compile(doc, "heading.txt");
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[0].title == "提升政务服务效能");  // the clause is not the part's name
}

TEST_CASE("a label glued to the name before it and a bare closing clause", "[units][clauses][compile]") {
    const std::string doc =
        "某省2024年工作要点\n"
        "一、重点任务\n"
        // The space between the lead's name and the next label closed up.
        "1.推进庚。做好庚工作。（牵头单位：省住房城乡建设厅 配合单位：省自然资源厅、省交通运输厅）\n"
        // A clause closing the item as a sentence of its own, no brackets.
        "2.推进辛。做好辛工作。省公安厅牵头，省司法厅配合。\n"
        "3.强化保障。各地要强化经费保障。财政部门负责落实资金。\n"
        "4.压实责任。各单位主要负责同志负责。\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 4);
    CHECK(got[0] == Pairs{{"省住房城乡建设厅", "lead"}, {"省自然资源厅", "participant"}, {"省交通运输厅", "participant"}});
    CHECK(got[1] == Pairs{{"省公安厅", "lead"}, {"省司法厅", "participant"}});
    CHECK(got[2].empty());  // 财政部门负责落实资金 is a sentence, not a clause
    CHECK(got[3].empty());  // the item's only sentence
    const Document d = test::compiler().compile(doc, "closing.txt");
    CHECK(d.tasks[1].text == "推进辛。做好辛工作。");
}

TEST_CASE("people named in a clause's own label are dropped, its units read", "[units][clauses][compile]") {
    const std::string doc =
        "某县2024年政府工作报告重点工作任务分解\n"
        "一、稳增长\n"
        "1.地区生产总值增长6%左右。（责任领导：张三；牵头单位：县发改局；责任单位：各乡镇）\n"
        "2.固定资产投资增长8%。（牵头领导：李四、王五；责任单位：县发改局、县住建局）\n";
    const auto got = task_units(doc);
    REQUIRE(got.size() == 2);
    CHECK(got[0] == Pairs{{"县发改局", "lead"}, {"各乡镇", "participant"}});
    CHECK(got[1] == Pairs{{"县发改局", "lead"}, {"县住建局", "participant"}});
    const Document d = test::compiler().compile(doc, "people.txt");
    CHECK(d.tasks[0].text == "地区生产总值增长6%左右。");
}

TEST_CASE("time limits beside units: periods, dates under a label, own lines", "[units][clauses][compile]") {
    const Document d = test::compiler().compile(
        "某市2024年工作要点\n"
        "一、重点任务\n"
        "1.推进甲。做好甲工作。（市发改委负责，2024年至2025年）\n"
        "2.推进乙。做好乙工作。（市财政局负责；完成时限：2024年6月）\n"
        "3.推进戊。做好戊工作。\n"
        "责任单位：市教育局\n"
        "完成时限：2024年12月底\n"
        "4.推进己。编制《某某规划（2021—2035年）》。（市自然资源局负责）\n"
        "5.推进庚。做好庚工作。（市科技局负责）（2024年10月）\n",
        "limits.txt");
    REQUIRE(d.tasks.size() == 5);
    // a bare date right after a unit clause is its time limit
    CHECK(d.tasks[4].text == "推进庚。做好庚工作。");
    CHECK(d.tasks[4].completion == std::optional<std::string>("2024年10月"));
    CHECK(d.tasks[0].units.size() == 1);  // the period no longer hides the unit
    CHECK(d.tasks[0].completion == std::optional<std::string>("2024年至2025年"));
    CHECK(d.tasks[0].text == "推进甲。做好甲工作。");
    CHECK(d.tasks[1].completion == std::optional<std::string>("2024年6月"));
    REQUIRE(d.tasks[1].units.size() == 1);
    CHECK(d.tasks[2].text == "推进戊。做好戊工作。");
    CHECK(d.tasks[2].completion == std::optional<std::string>("2024年12月底"));
    REQUIRE(d.tasks[2].deadlines.size() == 1);
    CHECK(d.tasks[2].deadlines[0].date == "2024-12-31");
    // a period inside a plan's name stays in the text
    CHECK(d.tasks[3].text == "推进己。编制《某某规划（2021—2035年）》。");
    CHECK_FALSE(d.tasks[3].completion.has_value());
}
