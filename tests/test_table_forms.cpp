// Task tables with a 序号 (or named) header row in every form text
// extraction leaves them, task cards, and items in the wild: each test is a
// snippet in the shape of a real document of the genre (tests/golden/wild
// holds whole documents). Row reading: src/ingest/pipe_table.cpp (forms to
// tabs), src/layout/segment_columns.cpp, column_table.cpp, segment_cards.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipe_table.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

using namespace qingdan;
using qingdan::test::compiler;

namespace {

Document compile(const std::string& text) { return compiler().compile(text, "table.txt"); }

// Units of a task as `name:role` in order.
std::vector<std::string> units(const Task& t) {
    std::vector<std::string> out;
    for (const auto& u : t.units) out.push_back(u.name + ":" + u.role);
    return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The three rows every form below prints (a city's 任务分工表).
void check_three_rows(const Document& d) {
    INFO("layout " << d.layout);
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].number == 1);
    CHECK(has(d.tasks[0].text, "推进政务公开标准化规范化"));
    CHECK(units(d.tasks[0]) == std::vector<std::string>{"市政府办公室:lead", "市司法局:participant"});
    REQUIRE(d.tasks[0].deadlines.size() == 1);
    CHECK(d.tasks[0].deadlines[0].date == "2024-06-30");
    CHECK(d.tasks[1].number == 2);
    CHECK(has(d.tasks[1].text, "加强政策解读回应"));
    CHECK(units(d.tasks[1]) == std::vector<std::string>{"市发展改革委:lead", "市财政局:participant", "市人社局:participant"});
    CHECK(d.tasks[2].number == 3);
    CHECK(has(d.tasks[2].text, "优化政务服务事项办理流程"));
    CHECK(units(d.tasks[2]) == std::vector<std::string>{"市政务服务中心:lead"});
    CHECK(d.tasks[2].completion == "长期坚持");
}

}  // namespace

TEST_CASE("table forms: tab-separated rows", "[tables][forms]") {
    check_three_rows(compile(
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进政务公开标准化规范化\t市政府办公室\t市司法局\t2024年6月底前\n"
        "2\t加强政策解读回应\t市发展改革委\t市财政局、市人社局\t2024年12月底前\n"
        "3\t优化政务服务事项办理流程\t市政务服务中心\t\t长期坚持\n"));
}

TEST_CASE("table forms: space-aligned rows (pdftotext -layout), cells wrapped word by word", "[tables][forms]") {
    check_three_rows(compile(
        "序号    重点任务                  牵头单位        配合单位        完成时限\n"
        "1       推进政务公开标准化规范    市政府办公室    市司法局        2024年6月\n"
        "        化                                                        底前\n"
        "2       加强政策解读回应          市发展改革委    市财政局、市人  2024年12月底前\n"
        "                                                  社局\n"
        "3       优化政务服务事项办理流程  市政务服务中心                  长期坚持\n"));
}

TEST_CASE("table forms: one cell per line closed by a bar, missing cells", "[tables][forms]") {
    // As a district's progress table prints on its page: `序号 |`, a person
    // column (分管领导) whose names are not units, progress columns, and a
    // row whose 全年目标任务 cell is missing.
    Document d = compile(
        "2023年区政府重点民生实事项目推进情况\n序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n"
        "责任主体与协同单位 |\n1-10月推进情况 |\n是否达序 |\n说明 |\n"
        "24 |\n优化提升50条背街后巷交通组织。 |\n徐国江 |\n城管局 |\n市政局、相关街道 |\n已进场施工,完成30%。 |\n是 |\n||\n"
        "25 |\n新建建筑垃圾中转站8个。 |\n徐国江 |\n城管局 |\n崇川经济开发区、各街道 |\n已建成建筑垃圾中转站3个。 |\n否 |\n"
        "前期配合区相关部门对该项目招标质疑、投诉处置,后期将加快推进。 |\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].number == 24);
    CHECK(d.tasks[0].text == "优化提升50条背街后巷交通组织。");
    CHECK(units(d.tasks[0]) == std::vector<std::string>{"城管局:lead", "市政局:participant", "相关街道:participant"});
    CHECK(units(d.tasks[1]) == std::vector<std::string>{"城管局:lead", "崇川经济开发区:participant", "各街道:participant"});
    for (const auto& t : d.tasks) CHECK_FALSE(has(t.text, "已进场"));  // progress columns are not the task
}

TEST_CASE("table forms: cells separated by bars without the outer ones", "[tables][forms]") {
    check_three_rows(compile(
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n"
        "1 | 推进政务公开标准化规范化 | 市政府办公室 | 市司法局 | 2024年6月底前\n"
        "2 | 加强政策解读回应 | 市发展改革委 | 市财政局、市人社局 | 2024年12月底前\n"
        "3 | 优化政务服务事项办理流程 | 市政务服务中心 | | 长期坚持\n"));
}

TEST_CASE("table forms: Markdown pipe rows, header repeated at a page break, page number between rows",
          "[tables][forms]") {
    check_three_rows(compile(
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 推进政务公开标准化规范化 | 市政府办公室 | 市司法局 | 2024年6月底前 |\n"
        "| 2 | 加强政策解读回应 | 市发展改革委 | 市财政局、市人社局 | 2024年12月底前 |\n"
        "— 7 —\n"
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "| 3 | 优化政务服务事项办理流程 | 市政务服务中心 | | 长期坚持 |\n"));
}

TEST_CASE("table forms: one cell per line, a bare page number between rows", "[tables][forms]") {
    check_three_rows(compile(
        "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
        "1\n推进政务公开标准化规范化\n市政府办公室\n市司法局\n2024年6月底前\n"
        "2\n加强政策解读回应\n市发展改革委\n市财政局、市人社局\n2024年12月底前\n"
        "17\n"
        "3\n优化政务服务事项办理流程\n市政务服务中心\n长期坚持\n"));
}

TEST_CASE("table forms: header and rows flattened onto one line", "[tables][forms]") {
    check_three_rows(compile(
        "序号 重点任务 牵头单位 配合单位 完成时限 1 推进政务公开标准化规范化 市政府办公室 市司法局 2024年6月底前 "
        "2 加强政策解读回应 市发展改革委 市财政局、市人社局 2024年12月底前 3 优化政务服务事项办理流程 市政务服务中心 长期坚持\n"));
}

TEST_CASE("table forms: a page that starts mid-table is read by analogy", "[tables][forms]") {
    // Page 2 of 4: no header row, tabbed rows opened by their numbers.
    Document d = compile(
        "12\t推进政务公开标准化规范化\t市政府办公室\t2024年6月底前\n"
        "13\t加强政策解读回应\t市发展改革委、市财政局\t2024年12月底前\n"
        "14\t优化政务服务事项办理流程\t市政务服务中心\t长期坚持\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].number == 12);
    CHECK(units(d.tasks[1]) == std::vector<std::string>{"市发展改革委:lead", "市财政局:participant"});
    CHECK(d.tasks[2].completion == "长期坚持");
}

TEST_CASE("table forms: persons in 责任人 / 分管领导 columns are not units", "[tables][forms]") {
    Document d = compile(
        "序号\t重点任务\t责任单位\t责任人\t分管领导\n"
        "1\t推进政务公开标准化规范化\t市政府办公室\t张伟\t李明\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(units(d.tasks[0]) == std::vector<std::string>{"市政府办公室:responsible"});
}

TEST_CASE("table forms: one cell per line without a 序号 column, merged cells as headings", "[tables][forms]") {
    // A 政务公开 实施方案 saved from a Word table: 目标/任务 cells merged over
    // their rows appear once, as headings; rows have no numbers.
    Document d = compile(
        "目标\n任务\n主要内容\n责任单位\n一、以政务公开助力稳增长\n(一)加强预期引导\n"
        "围绕出台促进就业规划、就业创业政策,加强就业创业政策信息公开。\n市人社局牵头落实\n"
        "加强财政政策信息公开,按月公开全市财政收支情况。\n市财政局牵头落实\n"
        "加强市内外舆情收集研判,及时通过有效公开渠道发布权威消息。\n市发改委、市财政局、市人社局\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].section_path == std::vector<std::string>{"一", "(一)"});
    CHECK(d.tasks[1].units.size() == 1);
    CHECK(d.tasks[1].units[0].name == "市财政局");
    CHECK(units(d.tasks[2]).size() == 3);
    CHECK(d.tasks[2].units[0].role == "lead");
}

TEST_CASE("task cards: labelled values, 任务编号 and a 牵头单位 line", "[tables][cards]") {
    Document d = compile(
        "牵头单位:市医保局、市人社局 任务编号:80\n重点工作 |\n开展社保扩面提质行动,城乡低保标准提高5%。 |\n"
        "完成时限 |\n2023年12月底 |\n本月进展 |\n截至4月底,全市共开展20余场。 |\n"
        "牵头单位:市卫生健康委 任务编号:81\n重点工作 |\n推进紧密型县域医共体建设。 |\n完成时限 |\n2023年10月底 |\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].number == 80);
    CHECK(units(d.tasks[0]) == std::vector<std::string>{"市医保局:lead", "市人社局:lead"});  // each listed leads
    CHECK_FALSE(has(d.tasks[0].text, "20余场"));  // progress is not the task
    CHECK(d.tasks[0].completion == "2023年12月底");
    CHECK(d.tasks[1].number == 81);
}

TEST_CASE("row forms become tab-separated rows", "[tables][pipe]") {
    TableRowReader r;
    std::string out;
    CHECK(r.read("1 | 推进… | 市发展改革委", out));
    CHECK(out == "1\t推进…\t市发展改革委");
    CHECK(r.read("城管局 |", out));
    CHECK(out == "城管局");
    // Metadata bars and single-spaced prose are no rows.
    CHECK_FALSE(r.read("文 号: | 六盘水府办发〔2022〕10号 | 是否有效: | |", out));
    CHECK_FALSE(r.read("一、 总体要求", out));
    CHECK_FALSE(r.read("索引号:  330522/2023-01775 发文时间:  2023-02-24", out));
    CHECK(r.read("1     推进政务公开    市政府办    2024年6月", out));
    CHECK(out == "1\t推进政务公开\t市政府办\t2024年6月");
    CHECK(r.read("      标准化                公室        底前", out));
    CHECK(out == "\t标准化\t公室\t底前");
}

// ---- items and numbering in the wild ---------------------------------------

TEST_CASE("items: a （一） line with no numbered item below is a task, one with items a heading", "[headings][wild]") {
    Document d = compile(
        "一、工作分工\n"
        "(一)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。\n"
        "(二)关于“加大力度落实米袋子省长负责制”的问题,由发展改革委会同农业部负责落实。\n"
        "二、具体措施\n(一)强化规划指导,制定年度工作方案。\n"
        "1.制定实施空气质量达标规划。各市应在2014年6月底前制定并印发实施。\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].label == "(一)");
    CHECK(d.tasks[1].label == "(二)");
    CHECK(d.tasks[2].label == "1.");
    CHECK(d.tasks[2].section_path == std::vector<std::string>{"二", "(一)"});
}

TEST_CASE("items: （1）–（4） under a 1. item are its text, numbering runs across sections", "[headings][wild]") {
    Document d = compile(
        "(一)“一案三制”建设\n1.完善应急预案体系\n(1)加强应急预案管理,规范应急预案编制。\n(2)推进应急预案精编化。\n"
        "(责任单位:市直各有关单位、各开发区管委会)\n2.健全应急管理体制和运行机制\n(1)深入推进应急管理办事机构建设。\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(has(d.tasks[0].text, "规范应急预案编制"));
    CHECK(has(d.tasks[0].text, "精编化"));
    CHECK(d.tasks[1].number == 2);
}

TEST_CASE("items: a document cut a few characters into an item keeps the tasks before the cut", "[headings][wild]") {
    Document d = compile(
        "一、加快项目建设\n1. 加快项目审批。对符合条件的项目,14个工作日内办结。(区发展改革局牵头,区财政局配合)\n"
        "2. 强化项目会办推");
    REQUIRE(d.tasks.size() == 1);
    CHECK(d.tasks[0].number == 1);
    bool warned = false;
    for (const auto& g : d.diagnostics) warned = warned || g.code == "truncated-item";
    CHECK(warned);
}

TEST_CASE("items: a cover notice's own 一、二、三 paragraphs are not tasks", "[headings][wild]") {
    Document d = compile(
        "菏政办字〔2023〕1号\n各县区人民政府,市政府各部门:\n现将《菏泽市分工落实方案》印发给你们,请认真贯彻实施。\n"
        "一、高度重视,认真研究政策。各县区、各部门要强化组织领导。\n"
        "二、压实责任,推动工作落实。各牵头单位要统筹落实任务事项。\n"
        "1. 菏泽市建设绿色低碳高质量发展先行区实现重大突破,形成一批可复制可推广的成功经验。(牵头单位:市发展改革委)\n");
    REQUIRE_FALSE(d.tasks.empty());
    CHECK(has(d.tasks.back().text, "先行区实现重大突破"));
    for (const auto& t : d.tasks) CHECK_FALSE(has(t.text, "高度重视"));
}
