// Layout damage seen in documents of the genre other than the seeds: a
// heading whose 、 was lost, `1)` item labels, whole plans flattened into a
// few very long lines (PDF or web extraction that lost its line breaks).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "join.hpp"
#include "normalise.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

using namespace qingdan;

namespace {

Document compile_text(const std::string& text) { return qingdan::test::compiler().compile(text, "heldout.txt"); }

std::vector<std::string> parts(const Document& d) {
    std::vector<std::string> out;
    for (const auto& s : d.sections)
        if (s.level == 1) out.push_back(s.path[0] + "|" + s.title);
    return out;
}

std::vector<int> numbers(const Document& d) {
    std::vector<int> out;
    for (const auto& t : d.tasks) out.push_back(t.number.value_or(-1));
    return out;
}

}  // namespace

TEST_CASE("normalise keeps the space of a heading whose 、 was lost", "[heldout][normalise]") {
    CHECK(normalise_chars("一 完善知识产权制度") == "一 完善知识产权制度");
    CHECK(normalise_chars("十二　工作要求") == "十二 工作要求");
    // Letter-spacing elsewhere is still noise.
    CHECK(normalise_chars("加 强 组 织 领 导") == "加强组织领导");
    CHECK(normalise_chars("一批 重点项目") == "一批重点项目");
}

TEST_CASE("a numeral and a space open a part when a title follows", "[heldout][headings]") {
    Document d = compile_text(
        "2024年知识产权工作要点\n"
        "一 完善知识产权制度\n"
        "1. 推进专利法实施细则配套规章修改。（省知识产权局负责）\n"
        "2. 制定地方标准。（省市场监管局负责）\n"
        "二 强化知识产权保护\n"
        "3. 开展地理标志保护专项行动。（省知识产权局、省农业农村厅负责）\n");
    CHECK(parts(d) == std::vector<std::string>{"一|完善知识产权制度", "二|强化知识产权保护"});
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[2].section_path.at(0) == "二");
}

TEST_CASE("1) and 1） item labels", "[heldout][headings]") {
    Document d = compile_text(
        "一、完善知识产权制度\n"
        "1) 推进专利法实施细则配套规章修改。（省知识产权局负责）\n"
        "2）制定地方标准。（省市场监管局负责）\n"
        "3) 开展地理标志保护专项行动。（省知识产权局、省农业农村厅负责）\n");
    CHECK(numbers(d) == std::vector<int>{1, 2, 3});
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[1].units.at(0).name == "省市场监管局");
}

TEST_CASE("a flattened plan without spaces before its digits is cut at its labels", "[heldout][join]") {
    // One line per page, spaces between Han text and digits as PDF text
    // extraction leaves them; normalise must keep the space before `10.`
    // and after `二` so that the labels can be found.
    const std::string page1 =
        "为深入实施知识产权强国战略，明确年度重点任务和工作措施，制定本计划。 一 完善知识产权制度 "
        "（一）完善法律法规 1. 推动完成专利法实施细则修改，推进商标法修改，完成专利审查指南适应性修改，"
        "推进知识产权基础性法律研究论证。（省知识产权局负责） 2. 推进修改著作权法实施条例，"
        "推动出台民间文学艺术作品著作权保护条例。（省委宣传部负责） 3. 推进反不正当竞争法及相关配套"
        "规章的制定和修改，研究制定商业秘密保护地方标准。（省市场监管局负责）\n";
    const std::string page2 =
        "二 强化知识产权保护 （一）加强行政保护 4. 组织开展知识产权执法保护专项行动，严厉打击商标侵权"
        "和假冒专利违法行为，加大对重点领域、重点市场的监管力度，持续规范知识产权代理行为。"
        "（省知识产权局、省公安厅负责） 5. 深入推进知识产权纠纷快速处理，完善行政裁决工作机制，"
        "推动建立知识产权纠纷多元化解机制，加强调解组织建设和调解员队伍培训，健全仲裁、公证等"
        "知识产权纠纷解决渠道，提升纠纷化解效率。（省司法厅负责）\n";
    Document d = compile_text("2024年知识产权工作推进计划\n" + page1 + page2);
    CHECK(numbers(d) == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(parts(d) == std::vector<std::string>{"一|完善知识产权制度", "二|强化知识产权保护"});
    REQUIRE(d.tasks.size() == 5);
    CHECK(d.tasks[3].section_path.at(0) == "二");
    CHECK(d.tasks[4].units.at(0).name == "省司法厅");
}

TEST_CASE("reflow_long_lines: the numbering runs on from the lines before", "[heldout][join]") {
    // The second long line holds one level-1 label only; it continues the
    // `一、` of the first line, so it is cut.
    std::string l1 = "一、完善知识产权制度";
    std::string l2 =
        "1.推动完成专利法实施细则修改，推进商标法修改，完成专利审查指南适应性修改，推进知识产权基础性"
        "法律研究论证，加强地方立法研究，推动出台地方知识产权保护条例，完善配套制度和工作规范，"
        "健全知识产权法规制度体系，提升制度供给质量和水平。（省知识产权局负责） 二、强化知识产权保护 "
        "加强行政保护，开展专项行动，提升执法办案能力和水平，严厉打击侵权假冒违法行为，"
        "加大对重点领域、重点市场的监管力度，持续规范知识产权代理行为。";
    const auto out = reflow_long_lines({{l1, 1, 1}, {l2, 2, 2}});
    // The heading is cut from the paragraph that followed it on its page.
    REQUIRE(out.size() == 4);
    CHECK(out[2].text == "二、强化知识产权保护");
    CHECK(out[3].text.rfind("加强行政保护", 0) == 0);

    SECTION("without an earlier 一、 a lone 二、 mention is left whole") {
        CHECK(reflow_long_lines({{l2, 2, 2}}).size() == 1);
    }
}

TEST_CASE("a flattened 工作要求 heading is not glued to its paragraph", "[heldout][join]") {
    // Guidance flattened into one line: the space after `三、工作要求` is the
    // only trace of its line break; the requirement paragraph is an item.
    Document d = compile_text(
        "2023年知识产权工作指引\n"
        "一、总体要求 （一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导。 "
        "二、重点任务 （一）健全知识产权保护政策。深入实施关于强化知识产权保护的意见推进计划，"
        "加强知识产权保护工作体系建设。（保护司负责）（二）完善知识产权运用促进政策。落实知识产权"
        "助力专精特新中小企业发展专项政策，推动知识产权质押融资扩面增量。（运用促进司负责） "
        "三、工作要求 各地区要加强组织领导，结合实际细化工作措施，确保各项任务落到实处，"
        "并于2023年12月15日前报送年度工作总结。\n");
    REQUIRE(parts(d).size() == 3);
    CHECK(parts(d)[2] == "三|工作要求");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[2].kind == "requirement");
    CHECK(d.tasks[1].units.at(0).name == "运用促进司");
}

TEST_CASE("titles = auto: a 工作要点 whose items open with a name", "[heldout][titles]") {
    const std::string named =
        "一、重点任务\n"
        "1.推进地方立法。推动出台知识产权保护和促进条例配套制度，开展数据知识产权地方立法研究。\n"
        "责任单位：政策法规处、办公室\n"
        "2.深化数据知识产权改革。完善数据知识产权登记制度，推动数据知识产权质押融资。\n"
        "责任单位：知识产权保护处\n"
        "3.加强行政保护。组织开展铁拳行动，严厉打击商标侵权、假冒专利等违法行为。\n"
        "牵头单位：执法稽查处；配合单位：商标监管处\n";
    Document d = compile_text(named);
    REQUIRE(d.layout == "numbered-plan");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].title == std::optional<std::string>("推进地方立法"));
    CHECK(d.tasks[2].title == std::optional<std::string>("加强行政保护"));
    CHECK(d.tasks[2].text.rfind("组织开展", 0) == 0);
    CHECK(d.tasks[2].units.at(0).name == "执法稽查处");

    SECTION("plain sentences stay untitled, even a short one among them") {
        Document p = compile_text(
            "一、完善知识产权制度\n"
            "1. 推进修改《中华人民共和国植物新品种保护条例》。（农业农村部、林草局负责）\n"
            "2. 加强知识产权领域反垄断执法。深入开展重点领域反垄断执法工作。（市场监管总局负责）\n"
            "3. 推进《生物遗传资源获取和惠益分享管理条例》立法进程。（生态环境部负责）\n"
            "4. 研究建立健全符合知识产权审判规律的特别程序法律制度，完善技术调查官制度。（最高人民法院负责）\n");
        REQUIRE(p.tasks.size() == 4);
        for (const auto& t : p.tasks) CHECK_FALSE(t.title.has_value());
    }

    SECTION("an excerpt of one or two items titles those that open with a name") {
        Document p = compile_text(
            "一、年度重点任务\n"
            "1.实施风险评估和标准贯宣专项行动。完善食品安全标准管理制度，加强食品安全国家标准宣贯培训、跟踪评价。（区卫生健康委负责）\n");
        REQUIRE(p.tasks.size() == 1);
        CHECK(p.tasks[0].title == std::optional<std::string>("实施风险评估和标准贯宣专项行动"));
        CHECK(p.tasks[0].text.rfind("完善食品安全", 0) == 0);
    }
}

TEST_CASE("a label line that is only a name titles its item", "[heldout][titles]") {
    // 1.完善应急预案体系 on a line of its own, the measures as (1)…(4) below.
    Document d = compile_text(
        "（一）“一案三制”建设\n"
        "1.完善应急预案体系\n"
        "(1)加强应急预案管理，规范应急预案编制、审批、发布、备案、修订和评估工作。\n"
        "(2)推进政府及其部门应急预案“精编化”，及时修订完善现有应急预案。\n"
        "(责任单位：市直各有关单位、各县(市、区)人民政府)\n"
        "2.健全应急管理体制和运行机制\n"
        "(1)深入推进市、县、乡三级政府应急管理办事机构建设，落实应急管理专职领导和人员编制。\n"
        "(2)加强应急平台建设，完善应急指挥系统。\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].title == std::optional<std::string>("完善应急预案体系"));
    CHECK(d.tasks[1].title == std::optional<std::string>("健全应急管理体制和运行机制"));
    CHECK(d.tasks[0].text.find("完善应急预案体系") == std::string::npos);

    SECTION("a label line that is a sentence is not a title") {
        Document s = compile_text(
            "一、重点任务\n"
            "1.加强应急预案管理，规范应急预案编制\n"
            "审批、发布、备案、修订和评估工作。\n"
            "2.推进政府及其部门应急预案精编化，及时修订完善现有应急预案。\n");
        REQUIRE(s.tasks.size() == 2);
        CHECK_FALSE(s.tasks[0].title.has_value());
    }
}

TEST_CASE("task tables titled …分工表 / …台账 name the plan", "[heldout][cover]") {
    for (const std::string title : {"苏州市2024年知识产权强市建设重点任务分工表", "2023年知识产权保护工作台账",
                                    "2024年全市知识产权重点工作"}) {
        Document d = compile_text(title +
                                  "\n\n| 序号 | 重点任务 | 主要内容 | 牵头单位 | 完成时限 |\n"
                                  "| --- | --- | --- | --- | --- |\n"
                                  "| 1 | 提升专利质量 | 实施高价值专利培育计划。 | 市市场监管局 | 2024年12月底 |\n"
                                  "| 2 | 打击侵权假冒 | 开展知识产权执法专项行动。 | 市公安局 | 全年 |\n");
        CHECK(d.title == std::optional<std::string>(title));
        CHECK(d.tasks.size() == 2);
    }
}

TEST_CASE("an attachment after the items is not part of the last item", "[heldout][annex]") {
    Document d = compile_text(
        "2024年知识产权工作要点\n"
        "一、重点任务\n"
        "1. 推进数据知识产权登记制度建设。（知识产权保护处负责）\n"
        "2. 扩大知识产权质押融资规模。（知识产权运用处负责）\n"
        "二、保障措施\n"
        "（一）加强组织领导。各市要将知识产权工作纳入重要议事日程。\n"
        "附件\n"
        "2024年重点项目清单\n"
        "序号\t项目名称\t责任单位\t完成时限\n"
        "1\t数据知识产权登记平台\t知识产权保护处\t2024年6月\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[2].kind == "requirement");
    CHECK(d.tasks[2].text.find("重点项目") == std::string::npos);
}

TEST_CASE("a prose plan with a long annex table stays prose", "[heldout][annex][layout]") {
    std::string text =
        "2024年知识产权工作要点\n"
        "一、重点任务\n"
        "（一）完善知识产权制度\n";
    const char* items[] = {"推进地方立法", "深化数据知识产权改革", "加强行政保护", "推进快速协同保护",
                           "实施专利转化运用专项行动", "扩大知识产权质押融资"};
    for (int i = 0; i < 6; ++i) {
        if (i == 3) text += "（二）强化知识产权保护和运用\n";
        text += std::to_string(i + 1) + "." + items[i] + "。结合实际细化工作措施，确保年内取得明显成效。\n";
        text += i % 2 ? "牵头单位：执法稽查处；配合单位：商标监管处\n" : "责任单位：知识产权保护处\n";
    }
    text += "二、保障措施\n（一）加强组织领导。各市要将知识产权工作纳入重要议事日程。\n附件\n";
    text += "序号\t项目名称\t责任单位\t完成时限\n";
    for (int i = 1; i <= 30; ++i)
        text += std::to_string(i) + "\t重点项目建设第" + std::to_string(i) + "项\t知识产权保护处\t2024年6月\n";
    Document d = compile_text(text);
    CHECK(d.layout == "numbered-plan");
    CHECK(d.tasks.size() == 7);
}

TEST_CASE("a one-sentence item over its 牵头单位/责任单位 lines is not titled", "[heldout][titles][units]") {
    // 鞍山市立山区 2023年重点工作任务分解和责任分工方案 (a public page): the notice
    // names the plan, whose title the page breaks over two lines.
    Document d = compile_text(
        "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知\n"
        "立山经济开发区,各街道办事处,各区直部门,各有关单位:\n"
        "经区政府同意,现将《立山区政府2023年重点工作任务分解和责任分工方案》印发给你们,请结合实际,认真贯彻落实。\n"
        "立山区人民政府\n"
        "2023年3月28日\n"
        "立山区政府2023年重点工作\n"
        "任务分解和责任分工方案\n"
        "一、经济社会发展的主要预期目标\n"
        "1.努力实现地区生产总值增长6.2%左右。\n"
        "牵头单位:区发改局\n"
        "责任单位:立山经济开发区,全区经济运行各专班\n"
        "2.规模上工业增加值增长5%左右。\n"
        "牵头单位:区工信局\n"
        "责任单位:立山经济开发区\n"
        "3.固定资产投资增长15%左右。\n"
        "牵头单位:区发改局\n"
        "责任单位:立山经济开发区,各街道、区直各部门\n");
    CHECK(d.title == std::optional<std::string>("立山区政府2023年重点工作任务分解和责任分工方案"));
    REQUIRE(d.tasks.size() == 3);
    for (const auto& t : d.tasks) CHECK_FALSE(t.title.has_value());
    CHECK(d.tasks[0].text == "努力实现地区生产总值增长6.2%左右。");
    REQUIRE(d.tasks[0].units.size() == 3);
    CHECK(d.tasks[0].units[0].name == "区发改局");
    CHECK(d.tasks[0].units[0].role == "lead");
    CHECK(d.tasks[0].units[2].name == "全区经济运行各专班");
}

TEST_CASE("a plan title broken over two lines with no notice to name it", "[heldout][titles]") {
    // The same plan as a page that starts at its title: the first line ends
    // in a weaker plan word (重点工作), the second in the document's kind.
    Document d = compile_text(
        "立山区政府2023年重点工作\n"
        "任务分解和责任分工方案\n"
        "一、经济社会发展的主要预期目标\n"
        "1.努力实现地区生产总值增长6.2%左右。\n"
        "牵头单位:区发改局\n");
    CHECK(d.title == std::optional<std::string>("立山区政府2023年重点工作任务分解和责任分工方案"));
    CHECK(d.tasks.size() == 1);
    // A complete title keeps the line under it out (it is a subtitle or text).
    d = compile_text(
        "某市2024年政务公开工作要点\n"
        "任务分解和责任分工方案\n"
        "一、重点任务\n"
        "1.推进政务公开。\n"
        "牵头单位:市政府办公室\n");
    CHECK(d.title == std::optional<std::string>("某市2024年政务公开工作要点"));
}

// Decimal outline numbering, as standards and some agencies' plans number
// (1 总体要求 / 2.1 夯实基础 / 2.1.1 建设…): the deepest numbers are the
// tasks, level 1 the parts, the levels between sections. Written in the
// style of a city's 数字政府 工作要点.
TEST_CASE("a decimal outline: the deepest numbers are the tasks", "[heldout][headings]") {
    const Document d = compile_text(
        "某市数字政府建设2024年工作要点\n"
        "1 总体要求\n"
        "坚持以人民为中心，全面推进数字政府建设。\n"
        "2 重点任务\n"
        "2.1 夯实数字基础设施\n"
        "2.1.1 建设城市大数据平台。完成市级数据共享交换平台升级改造。（市大数据局牵头，市财政局配合，2024年6月底前完成）\n"
        "2.1.2推进政务云整合。全年迁移上云系统100个以上。（市大数据局负责）\n"
        "2.2 提升政务服务效能\n"
        "2.2.1 深化“一网通办”。推动高频事项全程网办。（市政务服务局负责，2024年底前）\n"
        "3 保障措施\n"
        "加强组织领导，各部门要明确责任分工。\n");
    CHECK(parts(d) == std::vector<std::string>{"1|总体要求", "2|重点任务", "3|保障措施"});
    std::vector<std::string> labels;
    for (const auto& t : d.tasks)
        if (t.kind == "task") labels.push_back(t.label.value_or("-") + " " + t.section_path.back());
    CHECK(labels == std::vector<std::string>{"2.1.1 2.1", "2.1.2 2.1", "2.2.1 2.2"});
    REQUIRE(d.tasks.size() >= 3);
    CHECK(d.tasks[0].units.size() == 2);
    CHECK(d.tasks[0].units[0].role == "lead");
    REQUIRE(d.tasks[2].deadlines.size() == 1);
    CHECK(d.tasks[2].deadlines[0].date == "2024-12-31");
    // Two levels only: the dotted numbers are the tasks.
    const Document two = compile_text(
        "一、重点任务\n1.1 建设城市大数据平台。（市大数据局负责）\n1.2 推进政务云整合。（市大数据局负责）\n"
        "1.3 深化“一网通办”。（市政务服务局负责）\n");
    REQUIRE(two.tasks.size() == 3);
    CHECK(two.tasks[2].label == std::optional<std::string>("1.3"));
    // Amounts at the start of a line are no outline: fewer than three.
    const Document plain = compile_text(
        "一、主要目标\n2.5亿元以上的项目全部开工。\n二、重点任务\n1.推进项目建设。（市发展改革委负责）\n"
        "2.优化营商环境。（市政务服务局负责）\n");
    REQUIRE(plain.tasks.size() == 2);
    CHECK(plain.tasks[0].label == std::optional<std::string>("1."));
}

// A task table numbered as a decimal outline: a row with a shallower number
// (1 | 优化营商环境) heads the group of the deeper ones (1.1, 1.2), which are
// the tasks.
TEST_CASE("a table numbered as a decimal outline: the deepest rows are the tasks", "[heldout][tables]") {
    const Document d = compile_text(
        "序号\t重点任务\t责任单位\t完成时限\n"
        "1\t优化营商环境\t\t\n"
        "1.1\t深化一网通办改革，推动高频事项全程网办。\t市政务服务局\t2024年6月底前\n"
        "1.2\t开展涉企收费专项治理。\t市市场监管局\t2024年9月底前\n"
        "2\t扩大有效投资\t\t\n"
        "2.1\t推进重大项目建设，全年完成投资200亿元以上。\t市发展改革委\t2024年12月底前\n");
    CHECK(d.layout == "column-table");
    CHECK(parts(d) == std::vector<std::string>{"1|优化营商环境", "2|扩大有效投资"});
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[1].label == std::optional<std::string>("1.2"));
    CHECK(d.tasks[1].section_path == std::vector<std::string>{"1"});
    CHECK(d.tasks[2].section_path == std::vector<std::string>{"2"});
    CHECK(d.tasks[2].units.size() == 1);
    REQUIRE(d.tasks[1].deadlines.size() == 1);
    CHECK(d.tasks[1].deadlines[0].date == "2024-09-30");
}

// Circled numbers ① ② as item labels: under a （一） that is only a name they
// are the tasks and the （一） their section; under a 1. that is only a name
// and over one unit line they are its text, as （1） items are.
TEST_CASE("circled numbers number tasks under a named section", "[heldout][headings]") {
    const Document d = compile_text(
        "一、重点任务\n"
        "（一）优化营商环境\n"
        "①深化“一网通办”改革，推动高频事项全程网办。（市政务服务局负责）\n"
        "②开展涉企收费专项治理，坚决纠正乱收费行为。（市市场监管局牵头，市财政局配合）\n"
        "（二）扩大有效投资\n"
        "①推进重大项目建设，全年完成投资200亿元以上。（市发展改革委负责）\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[1].label == std::optional<std::string>("②"));
    CHECK(d.tasks[1].number == std::optional<int>(2));
    CHECK(d.tasks[1].section_path == std::vector<std::string>{"一", "（一）"});
    CHECK(d.tasks[1].units.size() == 2);
    CHECK(d.tasks[2].section_path == std::vector<std::string>{"一", "（二）"});
    const Document sub = compile_text(
        "一、重点任务\n"
        "1.完善应急预案体系\n"
        "①加强应急预案管理，规范编制和修订工作。\n"
        "②推进应急预案演练，完善演练管理制度。\n"
        "（责任单位：市应急管理局）\n"
        "2.健全应急管理体制。推进应急管理办事机构建设。（市应急管理局负责）\n");
    REQUIRE(sub.tasks.size() == 2);
    CHECK(sub.tasks[0].text.find("②推进应急预案演练") != std::string::npos);
}
