// Document metadata from real pages of other issuers (issue 11, item 5):
// pinyin glosses injected into words, 文号 of any issuer and printed with
// spaces, years from the 文号 or the cited documents, page furniture glued
// to titles, news reposts, citations that look like notice titles, and the
// scope a document states (or does not). Snippets follow the shapes of
// ../shared/wild (国务院办公厅, 许昌市, 官渡区, 湘西州, 广东省, 省教育厅 pages).
#include <catch2/catch.hpp>

#include "gloss.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

using namespace qingdan;

namespace {

Document compile(const std::string& text) { return qingdan::test::compiler().compile(text, "wild.txt"); }

}  // namespace

TEST_CASE("gloss: pinyin after a character is removed, other brackets stay", "[cover][gloss]") {
    CHECK(strip_glosses("湘西自治州2020年深化“放管服”改革優(yōu)化營商環(huán)境工作計劃") ==
          "湘西自治州2020年深化“放管服”改革優化營商環境工作計劃");
    CHECK(strip_glosses("池州市貴池區(qū)2020年食品安全重點工作安排") == "池州市貴池區2020年食品安全重點工作安排");
    CHECK(strip_glosses("工（gōng）業和信息化部") == "工業和信息化部");
    CHECK(strip_glosses("工(gong1)业") == "工业");
    // not glosses: numbering, notes, letters without a tone, text after Latin
    CHECK(strip_glosses("(一)加强统筹") == "(一)加强统筹");
    CHECK(strip_glosses("实施方案(试行)") == "实施方案(试行)");
    CHECK(strip_glosses("附件(a)") == "附件(a)");
    CHECK(strip_glosses("5G(gōng)") == "5G(gōng)");
    CHECK(strip_glosses("区卫生健康委(区市场监管局)") == "区卫生健康委(区市场监管局)");
    CHECK(strip_glosses("") == "");
    CHECK(strip_glosses("區(qū") == "區(qū");  // unclosed: left as printed
    CHECK_FALSE(may_hold_glosses("全部是汉字，没有括号。"));
}

TEST_CASE("cover: a glossed Traditional title and 文号 read clean", "[cover][gloss]") {
    Document d = compile(
        "州政發(fā)〔2020〕5號(hào)\n"
        "湘西自治州人民政府關於印發(fā)湘西自治州2020年深化“放管服”改革優(yōu)化營商環(huán)境工作計劃的通知\n"
        "各縣市人民政府，州人民政府各工作部門：\n"
        "現將《湘西自治州2020年深化“放管服”改革優(yōu)化營商環(huán)境工作計劃》印發給你們，請認真貫徹執行。\n"
        "一、加大簡政放權力度\n"
        "1.推動政務服務導則落實。全面落實政務服務事項清單。（州政務服務中心負責）\n");
    CHECK(d.title == std::optional<std::string>("湘西自治州2020年深化“放管服”改革优化营商环境工作计划"));
    CHECK(d.doc_number == std::optional<std::string>("州政发〔2020〕5号"));
    CHECK(d.year == std::optional<int>(2020));
}

TEST_CASE("cover: the year of a page with no year in its title", "[cover]") {
    // 国务院办公厅: a notice title without a year, the year in its 文号
    Document sc = compile(
        "国办函〔2014〕31号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "经国务院同意，现将有关政策措施分工通知如下。\n"
        "一、完善国家粮食安全保障体系\n"
        "1.抓紧构建新形势下的国家粮食安全战略。（发展改革委、农业部牵头）\n");
    CHECK(sc.doc_number == std::optional<std::string>("国办函〔2014〕31号"));
    CHECK(sc.year == std::optional<int>(2014));
    // 许昌市: a 文号 printed with spaces and square brackets
    Document xc = compile(
        "许政 [2020] 20号\n"
        "各县(市、区)人民政府，市人民政府各部门：\n"
        "现将《政府工作报告》提出的重点工作任务予以分解。各责任单位要于每季度末向市政府报告进展情况，年底前向市政府报告全年落实情况。\n"
        "一、抓好常态化疫情防控\n"
        "1.完善常态化疫情防控举措。\n"
        "责任单位：市卫生健康委\n");
    CHECK(xc.year == std::optional<int>(2020));
    REQUIRE(xc.deadlines.size() == 1);
    CHECK(xc.deadlines[0].date == "2020-12-31");
    // 官渡区: no cover at all; the opening paragraph cites the city's 文号
    Document gd = compile(
        "为加快推进供给侧结构性改革，根据《昆明市人民政府关于印发昆明市稳增长促发展若干政策措施的通知》（昆政发〔2016〕13号），结合实际，特制定如下政策措施。\n"
        "一、提高投资项目审批效率\n"
        "1.精简项目审批手续。加快建立“中介超市”，5月底前实现我区中介超市上线运行。（区政务服务局牵头，区发改局配合）\n");
    CHECK(gd.year == std::optional<int>(2016));
    REQUIRE(gd.tasks.size() == 1);
    REQUIRE(gd.tasks[0].deadlines.size() == 1);
    CHECK(gd.tasks[0].deadlines[0].date == "2016-05-31");
}

TEST_CASE("cover: site furniture around titles, news reposts, cited notices", "[cover]") {
    Document page = compile(
        "省教育厅2023年工作要点（第2/4页）\n"
        "一、全面加强党的建设\n"
        "1.深入学习贯彻党的二十大精神。（厅机关党委牵头）\n");
    CHECK(page.title == std::optional<std::string>("省教育厅2023年工作要点"));

    Document news = compile(
        "近日，广东省委办公厅、省政府办公厅印发《广东省自然灾害防治能力建设行动方案》，内容如下。\n"
        "一、工作目标。到2021年，9项重点工程建设目标基本完成，工程防御能力显著增强。\n"
        "二、重点任务\n"
        "1.开展气象灾害风险隐患排查。建立精细可用的基层气象防灾减灾数据集。\n");
    CHECK(news.title == std::optional<std::string>("广东省自然灾害防治能力建设行动方案"));
    REQUIRE(news.goals.size() == 1);
    CHECK(news.goals[0].value == 9);
    CHECK(news.goals[0].unit == "项");

    // 为贯彻落实《国务院关于印发…的通知》 cites a notice: neither title nor issuer
    Document cited = compile(
        "各市、州、县人民政府，省政府各部门：\n"
        "为贯彻落实《国务院关于印发大气污染防治行动计划的通知》（国发〔2013〕37号），结合我省实际，提出如下实施意见。\n"
        "一、工作目标\n"
        "到2017年，全省可吸入颗粒物年均浓度较2012年下降12%。\n");
    CHECK(cited.issuer == std::nullopt);
    CHECK(cited.title == std::nullopt);
}

TEST_CASE("scope: only where the document binds localities", "[cover][scope]") {
    // 国务院办公厅 to provinces AND ministries: its tasks bind no locality
    Document sc = compile(
        "国办发〔2024〕29号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "《深化医药卫生体制改革2024年重点工作任务》已经国务院同意，现印发给你们，请结合实际，认真组织实施。\n"
        "一、加强医改组织领导\n"
        "（一）加强医改工作统筹协调。推动地方各级政府进一步落实全面深化医改责任。\n"
        "（二）因地制宜学习推广三明医改经验。各地要按照“腾空间、调结构、保衔接”的路径推进改革。\n");
    for (const auto& t : sc.tasks) CHECK(t.scope.empty());
    // a collective local unit that only assists is no obligation
    Document gd = compile(
        "一、加快推进项目建设\n"
        "1.加强项目谋划储备。编制完成三年滚动投资计划。（区发改局牵头，区财政局、各街道办事处配合）\n");
    REQUIRE(gd.tasks.size() == 1);
    CHECK(gd.tasks[0].scope.empty());
    // …but one that does the task is
    Document ip = compile(
        "一、重点任务\n"
        "1.完善统计监测。各地要充分利用各类统计数据。（各地方知识产权局负责）\n"
        "2.加强宣传。做好宣传解读。（办公室负责）\n");
    REQUIRE(ip.tasks.size() == 2);
    REQUIRE(ip.tasks[0].scope.size() == 1);
    CHECK(ip.tasks[0].scope[0].obligation == "mandatory");
    CHECK(ip.tasks[1].scope.empty());
}

TEST_CASE("cover: breadcrumbs, download pages, progress sheets and the plan a notice issues", "[cover]") {
    // A breadcrumb trail's last crumb never takes the title under it, and a
    // site's 信息来源 names the issuer of a title that names no place.
    Document crumb = compile(
        "当前位置:首页\n"
        ">> 专题专栏 >> 归档专题 >> 2023市政府重点工作(已归档)\n"
        "市政府工作报告重点工作责任分解(2023年)\n"
        "时间:2023-07-11 17:01 浏览次数: 信息来源: 丽水市政府\n"
        "一、全市经济社会发展主要预期目标\n"
        "1.生产总值增长6%以上。\n"
        "责任单位:市发改委\n");
    CHECK(crumb.title == std::optional<std::string>("市政府工作报告重点工作责任分解(2023年)"));
    CHECK(crumb.year == std::optional<int>(2023));
    REQUIRE(crumb.issuer);
    CHECK(crumb.issuer->find("丽水市") == 0);

    // …but a title that names its place is that place's plan, whatever sub-office's site carries it.
    Document placed = compile(
        "池州市贵池区2020年食品安全重点工作安排\n"
        "来源:贵池区杏花村街道办事处 发布时间:2020-06-04 10:38\n"
        "一、年度重点任务\n"
        "1.实施风险评估和标准贯宣专项行动。完善食品安全标准管理制度。（区卫生健康委负责）\n");
    CHECK(placed.issuer == std::nullopt);

    // A download page: the file name and the site's short heading, then the document's own title.
    Document dl = compile(
        "潍坊政务公开工作要点实施方案.docx\n"
        "- 上传时间:2022-12-15\n"
        "潍坊政务公开工作要点实施方案\n"
        "潍坊市2017年政务公开工作要点实施方案\n"
        "一、以政务公开助力稳增长\n"
        "(一)加强预期引导\n"
        "围绕我市经济社会发展形势及时宣传解读。\n"
        "市发改委牵头落实\n");
    CHECK(dl.title == std::optional<std::string>("潍坊市2017年政务公开工作要点实施方案"));
    CHECK(dl.year == std::optional<int>(2017));

    // A progress sheet is titled …推进情况.
    Document sheet = compile(
        "2023年区政府重点民生实事项目推进情况(1-11月)\n"
        "序号 | 主要任务 | 牵头单位 |\n"
        "1 | 新增达标小区210个。 | 城管局 |\n");
    CHECK(sheet.title == std::optional<std::string>("2023年区政府重点民生实事项目推进情况(1-11月)"));

    // The notice cites other documents before the one it issues.
    Document notice = compile(
        "菏政办字〔2023〕1号\n"
        "各县区人民政府,市政府各部门:\n"
        "为深入贯彻落实《国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见》(国发〔2022〕18号)和"
        "《山东省人民政府办公厅关于印发<国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见>分工落实方案的通知》,"
        "经市政府同意,现将《菏泽市深化新旧动能转换推动绿色低碳高质量发展分工落实方案》(以下简称《方案》)印发给你们,请认真贯彻实施。\n"
        "1. 形成一批可复制可推广的成功经验。(牵头单位:市发展改革委)\n");
    CHECK(notice.title == std::optional<std::string>("菏泽市深化新旧动能转换推动绿色低碳高质量发展分工落实方案"));
}
