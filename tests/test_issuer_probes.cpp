// Shapes found on documents of the genre from issuers the wild set does not
// hold (probe pages: provincial division plans, district target lists):
// each test is a short real excerpt and the general rule it exercises.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "normalise.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

using namespace qingdan;

namespace {

Document compile_text(const std::string& text) { return qingdan::test::compiler().compile(text, "probe.txt"); }

std::vector<std::string> names(const Task& t) {
    std::vector<std::string> out;
    for (const auto& u : t.units) out.push_back(u.name + "/" + u.role);
    return out;
}

}  // namespace

TEST_CASE("small form variants are read as the punctuation they stand for", "[probe][normalise]") {
    CHECK(normalise_chars("1﹒全省生产总值增长7%以上") == "1．全省生产总值增长7%以上");
    CHECK(normalise_chars("牵头单位﹕省商务厅﹔配合单位﹕省财政厅") == "牵头单位：省商务厅；配合单位：省财政厅");
    CHECK(normalise_chars("各县﹙市、区﹚政府") == "各县（市、区）政府");
}

TEST_CASE("1﹒ items with 牵头责任单位 / 协同责任单位 lines and a leader line", "[probe][units][headings]") {
    // 安徽省 年重点工作及责任分解 (a news repost of the provincial list).
    Document d = compile_text(
        "一、确保完成全年主要预期目标\n"
        "1﹒全省生产总值增长7%以上,在实际工作中力争更好结果。\n"
        "牵头负责领导:刘惠。\n"
        "牵头责任单位:省发展改革委。\n"
        "协同责任单位:省政府各部门、各直属机构。\n"
        "2﹒固定资产投资力争增长10%以上,在实际工作中奋力完成得更快一些。\n"
        "牵头负责领导:刘惠。\n"
        "牵头责任单位:省发展改革委。\n"
        "协同责任单位:省经济和信息化厅、省财政厅、省自然资源厅等。\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].number == 1);
    CHECK(d.tasks[1].number == 2);
    CHECK(d.tasks[0].text == "全省生产总值增长7%以上,在实际工作中力争更好结果。");
    CHECK(names(d.tasks[0]) ==
          std::vector<std::string>{"省发展改革委/lead", "省政府各部门/participant", "各直属机构/participant"});
    CHECK(names(d.tasks[1]) == std::vector<std::string>{"省发展改革委/lead", "省经济和信息化厅/participant",
                                                        "省财政厅/participant", "省自然资源厅/participant"});
    for (const auto& t : d.tasks)
        for (const auto& u : t.units) CHECK(u.name != "刘惠");
}

TEST_CASE("a 分管省领导 line is a person: not the task's text, not a title's body", "[probe][units][titles]") {
    // 广东省 2021年省《政府工作报告》重点任务分工方案 (粤府〔2021〕22号).
    Document d = compile_text(
        "一、2021年经济社会发展主要预期目标\n"
        "1.地区生产总值增长6%以上。\n"
        "分管省领导:林克庆\n"
        "部门分工:省发展改革委牵头,各地、各部门配合。\n"
        "2.地方一般公共预算收入增长5%左右。\n"
        "分管省领导:林克庆\n"
        "部门分工:省财政厅牵头,各地、各部门配合。\n");
    REQUIRE(d.tasks.size() == 2);
    for (const auto& t : d.tasks) {
        CHECK_FALSE(t.title.has_value());
        CHECK(t.text.find("林克庆") == std::string::npos);
        REQUIRE(t.targets.size() == 1);
        REQUIRE_FALSE(t.units.empty());
        CHECK(t.units[0].role == "lead");
    }
    CHECK(d.tasks[0].units[0].name == "省发展改革委");
    CHECK(d.tasks[1].units[0].name == "省财政厅");
    CHECK(d.tasks[0].targets[0].value == 6);
}

TEST_CASE("a （一） target line over its 责任单位 line is the task, not a title", "[probe][titles][values]") {
    // 蔡甸区 2023年区《政府工作报告》确定的主要目标任务责任分解方案.
    Document d = compile_text(
        "一、2023年全区经济社会发展的主要预期目标\n"
        "(一)地区生产总值增长7%以上\n"
        "责任单位:区发展和改革局\n"
        "(二)规上工业增加值增长12%以上\n"
        "责任单位:区科技和经信局\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK_FALSE(d.tasks[0].title.has_value());
    CHECK(d.tasks[0].text == "地区生产总值增长7%以上");
    REQUIRE(d.tasks[0].targets.size() == 1);
    CHECK(d.tasks[0].targets[0].value == 7);
    CHECK(d.tasks[1].targets.at(0).value == 12);
    CHECK(names(d.tasks[1]) == std::vector<std::string>{"区科技和经信局/responsible"});
}

TEST_CASE("a unit name cut by the end of a truncated input is not a unit", "[probe][units][truncated]") {
    // 潍坊市2017年政务公开工作要点实施方案 (cells one per line, the page's
    // first 2 KB): the last units cell stops inside 人民银行潍坊市中心支行.
    Document d = compile_text(
        "目标\n任务\n主要内容\n责任单位\n"
        "一、加强经济政策信息公开\n"
        "加强财政政策信息公开,按月公开全市财政收支情况。\n"
        "市财政局牵头落实\n"
        "加强市内外舆情收集研判,及时通过有效公开渠道发布权威消息。\n"
        "市发改委、市财政局、市人社局、市金融办、人民银");
    REQUIRE_FALSE(d.tasks.empty());
    std::vector<std::string> got;
    for (const auto& u : d.tasks.back().units) got.push_back(u.name);
    CHECK(std::find(got.begin(), got.end(), "人民银") == got.end());
    CHECK(std::find(got.begin(), got.end(), "市金融办") != got.end());
}

TEST_CASE("a 责任单位 line or an unclosed clause cut by the end of input", "[probe][units][truncated]") {
    // 蔡甸区 list cut after 责任单位：区 — the label line is not the task's text.
    Document a = compile_text(
        "一、主要预期目标\n"
        "(一)地区生产总值增长7%以上\n"
        "责任单位:区发展和改革局\n"
        "(二)工业投资增长12%以上\n"
        "责任单位:区");
    REQUIRE(a.tasks.size() == 2);
    CHECK(a.tasks[1].text == "工业投资增长12%以上");
    CHECK(a.tasks[1].units.empty());
    // 咸阳市 放管服 工作要点 (Traditional): (市政府辦公室、市 — the whole name before the cut is read.
    Document b = compile_text(
        "一、堅持系統集成\n"
        "1.全面實施行政許可事項清單管理。依據清單編制。(市政府辦公室、市審改辦牽頭,市級各有關部門按職責分工負責)\n"
        "2.持續深化相對集中行政許可權改革。對取消和下放審批的事項要同步落實監管責任和措施。(市政府辦公室、市");
    REQUIRE(b.tasks.size() == 2);
    REQUIRE(b.tasks[1].units.size() == 1);
    CHECK(b.tasks[1].units[0].name == "市政府办公室");
    // A complete page whose last row ends in a later cell keeps its units.
    Document c = compile_text(
        "一、主要预期目标\n"
        "1.地区生产总值增长7%以上。\n"
        "责任单位:区发改局、区统计局\n");
    REQUIRE(c.tasks.size() == 1);
    CHECK(c.tasks[0].units.size() == 2);
}

TEST_CASE("a signed notice's own 一、二、三 paragraphs and a spaced 文 号 metadata row", "[probe][cover]") {
    // 蔡甸区人民政府办公室 蔡政办〔2023〕1号 (the district site's page).
    Document d = compile_text(
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n"
        "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n"
        "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n"
        "各街道办事处、乡人民政府,区人民政府各部门、各直属机构:\n"
        "2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已报经区人民政府同意,现印发给你们,并就有关事项通知如下:\n"
        "一、各责任单位要高度重视,切实加强领导,制订工作方案,并于2023年1月15日前将工作方案报区人民政府办公室。\n"
        "二、区绩效考评机构要将目标任务纳入绩效管理考核范围,确保各项工作落到实处。\n"
        "蔡甸区人民政府办公室\n"
        "2023年1月3日\n"
        "2023年区《政府工作报告》确定的主要目标任务责任分解方案\n"
        "一、2023年全区经济社会发展的主要预期目标\n"
        "(一)地区生产总值增长7%以上\n"
        "责任单位:区发展和改革局\n");
    CHECK(d.doc_number == std::optional<std::string>("蔡政办〔2023〕1号"));
    CHECK(d.issuer == std::optional<std::string>("蔡甸区人民政府办公室"));
    CHECK(d.issued == std::optional<std::string>("2023-01-03"));
    CHECK(d.title == std::optional<std::string>("2023年区《政府工作报告》确定的主要目标任务责任分解方案"));
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].title == "2023年全区经济社会发展的主要预期目标");
    REQUIRE(d.tasks.size() == 1);
    REQUIRE_FALSE(d.deadlines.empty());
    CHECK(d.deadlines[0].date == "2023-01-15");
}

TEST_CASE("a party office printed with its 中共 keeps one", "[probe][cover][units]") {
    // 石景山区 joint notice of the district Party committee's and government's offices.
    Document d = compile_text(
        "中共北京市石景山区委办公室\n"
        "北京市石景山区人民政府办公室\n"
        "2019年4月16日\n"
        "石景山区贯彻落实《关于加强新时代街道工作的意见》的任务分解方案\n"
        "一、提高城市基层党建工作水平\n"
        "1.完善街道党工委对地区治理重大工作的领导体制机制,优化决策程序。\n"
        "牵头单位:区委组织部\n");
    REQUIRE(d.issuer.has_value());
    CHECK(d.issuer->find("中共中共") == std::string::npos);
    CHECK(d.issuer->starts_with("中共北京市石景山区委办公室"));
}

TEST_CASE("a letterhead spliced into a sentence names the issuer", "[probe][cover]") {
    // 许昌市 2020 政府工作报告 重点工作 (a repost whose page spliced the red-head
    // letterhead and a later 文号 into the notice's text).
    Document d = compile_text(
        "许政 [2020] 20号\n"
        "各县(市、区)人民政府,市人民政府各部门:\n"
        "现将《政府工作报告》提出的2020年重点工作任务予以分解并明确到各责任单位。对有明确时间节点的重许昌市人民政府文件许政〔2020〕21号大工作实行专项督查,确保如期完成。\n"
        "一、抓好常态化疫情防控\n"
        "1.坚持总体防控策略,完善常态化疫情防控举措。\n"
        "责任单位:市卫生健康委\n");
    CHECK(d.issuer == std::optional<std::string>("许昌市人民政府"));
    // A letterhead naming no known place gives no issuer.
    Document e = compile_text(
        "各有关单位:\n"
        "现将任务印发给你们。对有关工作的重点人民政府文件材料要及时报送。\n"
        "一、抓好疫情防控\n"
        "1.完善常态化疫情防控举措。\n"
        "责任单位:市卫生健康委\n");
    CHECK_FALSE(e.issuer.has_value());
}

TEST_CASE("a part whose long title mentions 工作目标 is not a preamble", "[probe][headings]") {
    // 郧阳区 2023年区政府工作目标任务落实责任分解表: each part row names its
    // lines of work and leaders; the rows under it are tasks, not goals.
    Document d = compile_text(
        "一、主要经济社会发展指标、发改、财政、行政审批等工作目标(牵头领导:成坤、柯相国)\n"
        "1.地区生产总值增长15%。(区发改局牵头,各乡镇配合)\n"
        "2.规上工业增加值增长10%。(区经信局负责)\n"
        "二、工作目标\n"
        "到2025年,新增企业100家。\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].targets.at(0).value == 15);
    REQUIRE(d.goals.size() == 1);
    CHECK(d.goals[0].value == 100);
}

TEST_CASE("officials named by office in a unit clause are not units", "[probe][units]") {
    // 湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见 (湘政发〔2019〕1号).
    Document d = compile_text(
        "一、重点工作\n"
        "（一）稳增长。推进重大项目建设。（分管副省长、协管副秘书长负责，省发展改革委牵头，省财政厅、省商务厅参与）\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(names(d.tasks[0]) ==
          std::vector<std::string>{"省发展改革委/lead", "省财政厅/participant", "省商务厅/participant"});
}

TEST_CASE("a metadata row of space-separated pairs is not the addressees", "[probe][cover]") {
    Document d = compile_text(
        "区人民政府办公室关于印发2023年区主要目标任务责任分解方案的通知\n"
        "分   类 政务公开 有 效 性 有效\n"
        "各街道办事处、乡人民政府,区人民政府各部门:\n"
        "现将方案印发给你们,请认真贯彻落实。\n"
        "蔡甸区人民政府办公室\n"
        "2023年1月3日\n"
        "2023年区主要目标任务责任分解方案\n"
        "一、主要预期目标\n"
        "(一)地区生产总值增长7%以上\n"
        "责任单位:区发展和改革局\n");
    REQUIRE_FALSE(d.addressees.empty());
    CHECK(d.addressees[0] == "各街道办事处、乡人民政府");
}

TEST_CASE("a title broken after 关于 names its issuer", "[probe][cover]") {
    // 湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见 (湘政发〔2019〕1号).
    Document d = compile_text(
        "湖南省人民政府关于\n"
        "\n"
        "落实《政府工作报告》重点工作部门分工的意见\n"
        "湘政发〔2019〕1号\n"
        "省直和中央在湘有关单位:\n"
        "为认真做好2019年政府工作,现就重点工作提出部门分工意见如下:\n"
        "一、推进重点工作\n"
        "（一）稳增长。推进重大项目建设。（省发展改革委牵头，省财政厅参与）\n");
    CHECK(d.title == std::optional<std::string>("湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见"));
    CHECK(d.issuer == std::optional<std::string>("湖南省人民政府"));
    CHECK(d.doc_number == std::optional<std::string>("湘政发〔2019〕1号"));
}

TEST_CASE("a letter-spaced header cell is one word, not a row of characters", "[probe][normalise][tables]") {
    // 郧阳区 2023年区政府工作目标任务落实责任分解表: one cell per line, blank lines between.
    Document d = compile_text(
        "序号\n\n目  标  任  务\n\n牵头单位\n\n责任单位\n\n责任人\n\n"
        "一、主要经济社会发展指标、发改、财政等工作目标(牵头领导:成坤、柯相国)\n\n"
        "1\n\n★地区生产总值增长15%。\n\n区发改局\n\n区统计局\n\n张三\n\n"
        "2\n\n规上工业增加值增长10%。\n\n区经信局\n\n区统计局\n\n李四\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].targets.at(0).value == 15);
    REQUIRE_FALSE(d.tasks[1].units.empty());
    CHECK(d.tasks[1].units[0].name == "区经信局");
    for (const auto& t : d.tasks)
        for (const auto& u : t.units) CHECK((u.name != "张三" && u.name != "李四"));
}

TEST_CASE("a group of towns in a units cell beside a 责任人 column is a unit", "[probe][tables][units]") {
    // Cells one per line (as 郧阳区's table prints them): 各乡镇 is three Han
    // characters like a person's name, but a group, and 镇 ends a unit.
    Document d = compile_text(
        "序号\n目标任务\n牵头单位\n责任单位\n责任人\n"
        "1\n地区生产总值增长15%。\n区发改局\n各乡镇\n张三\n"
        "2\n规上工业增加值增长10%。\n区经信局\n城关镇\n李四\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(names(d.tasks[0]) == std::vector<std::string>{"区发改局/lead", "各乡镇/participant"});
    CHECK(names(d.tasks[1]) == std::vector<std::string>{"区经信局/lead", "城关镇/participant"});
}
