// The cover notice read element by element (src/cover.cpp): reposts that
// start at the doc number or the addressees, site metadata rows, notices
// that do not say 关于印发, split notice titles, ASCII colons, joint issuers.
// Snippets are written in the genre's style from the bundled seeds' covers.
#include <catch2/catch.hpp>

#include <algorithm>

#include "grammar.hpp"
#include "normalise.hpp"
#include "qingdan/pipeline.hpp"
#include "segment.hpp"
#include "support.hpp"

using namespace qingdan;

namespace {

Document compile(const std::string& text) { return qingdan::test::compiler().compile(text, "cover.txt"); }

const std::string kWorkPlanBody =
    "一、重点任务\n"
    "1.强化行政保护。各地要加大执法力度，提升保护效能。\n"
    "2.完善工作机制。各地要健全协作机制，形成工作合力。\n";

bool valid_utf8_no_fffd(const std::string& s) { return s.find("\xEF\xBF\xBD") == std::string::npos; }

}  // namespace

TEST_CASE("cover: a repost starting at the doc number keeps every element", "[cover]") {
    Document d = compile(
        "国知发运字〔2024〕7号\n"
        "各省、自治区、直辖市和新疆生产建设兵团知识产权局：\n"
        "现将《推动知识产权高质量发展年度工作指引（2024）》印发给你们，请结合实际认真组织实施。\n"
        "国家知识产权局\n"
        "2024年3月29日\n"
        "推动知识产权高质量发展年度工作指引\n"
        "（2024）\n" +
        kWorkPlanBody);
    CHECK(d.doc_number == std::optional<std::string>("国知发运字〔2024〕7号"));
    CHECK(d.issuer == std::optional<std::string>("国家知识产权局"));
    CHECK(d.issued == std::optional<std::string>("2024-03-29"));
    CHECK(d.title == std::optional<std::string>("推动知识产权高质量发展年度工作指引（2024）"));
    CHECK(d.year == std::optional<int>(2024));
    REQUIRE(d.addressees.size() == 1);
    CHECK(d.addressees[0] == "各省、自治区、直辖市和新疆生产建设兵团知识产权局");
    // The addressees feed the scope of tasks that name no unit.
    REQUIRE(d.tasks.size() == 2);
    for (const auto& t : d.tasks) {
        REQUIRE(t.scope.size() == 1);
        CHECK(t.scope[0].tier == "province");
    }
}

TEST_CASE("cover: a repost starting at the addressees, 代章 line under the issuer", "[cover]") {
    Document d = compile(
        "中央宣传部、最高人民法院、公安部、司法部、市场监管总局、知识产权局：\n"
        "经国务院知识产权战略实施工作部际联席会议同意，现将《知识产权强国建设纲要和“十四五”规划实施年度推进计划》印发给你们，请认真贯彻执行。\n"
        "特此通知。\n"
        "国务院知识产权战略实施工作部际联席会议办公室\n"
        "（国家知识产权局代章）\n"
        "2021年12月27日\n"
        "知识产权强国建设纲要和“十四五”规划实施年度推进计划\n"
        "一、完善知识产权制度\n"
        "1.推进修订《商标代理管理办法》。（市场监管总局、知识产权局负责）\n");
    CHECK(d.title == std::optional<std::string>("知识产权强国建设纲要和“十四五”规划实施年度推进计划"));
    CHECK(d.issuer == std::optional<std::string>("国务院知识产权战略实施工作部际联席会议办公室"));
    CHECK(d.issued == std::optional<std::string>("2021-12-27"));
    CHECK(d.year == std::nullopt);
    REQUIRE(d.addressees.size() == 1);
    CHECK(d.addressees[0].find("知识产权局") != std::string::npos);
    CHECK(d.tasks.size() == 1);
}

TEST_CASE("cover: an addressee line ending in an ASCII colon keeps its last character", "[cover]") {
    Document d = compile(
        "国家知识产权局关于印发《2022年全国知识产权行政保护工作方案》的通知\n"
        "各省、自治区、直辖市知识产权局,四川省知识产权服务促进中心:\n"
        "现将《2022年全国知识产权行政保护工作方案》印发给你们,请结合实际抓好贯彻落实。\n"
        "国家知识产权局\n"
        "2022年1月20日\n"
        "2022年全国知识产权行政保护工作方案\n" +
        kWorkPlanBody);
    REQUIRE(d.addressees.size() == 2);
    CHECK(d.addressees[0] == "各省、自治区、直辖市知识产权局");
    CHECK(d.addressees[1] == "四川省知识产权服务促进中心");
    for (const auto& a : d.addressees) CHECK(valid_utf8_no_fffd(a));
    CHECK(d.year == std::optional<int>(2022));
}

TEST_CASE("cover: site metadata rows are read for values and are never the title", "[cover]") {
    Document d = compile(
        "索引号: 000000000/2023-00001 分类: 市场监管\n"
        "发布机构: 某区人民政府 文号: 某政发〔2023〕4号\n"
        "成文日期: 2023-02-17 发布日期: 2023-02-18\n"
        "区政府关于印发某区知识产权保护示范区\n"
        "建设工作方案(2022-2025年)的通知\n"
        "区各委办局,区各直属单位:\n"
        "《某区知识产权保护示范区建设工作方案(2022-2025年)》已经区人民政府常务会议讨论通过,现印发给你们,请认真组织实施。\n"
        "某市某区人民政府\n"
        "2023年2月17日\n"
        "(此件公开发布)\n"
        "某区知识产权保护示范区建设\n"
        "工作方案(2022-2025年)\n" +
        kWorkPlanBody);
    CHECK(d.doc_number == std::optional<std::string>("某政发〔2023〕4号"));
    CHECK(d.published == std::optional<std::string>("2023-02-18"));
    CHECK(d.issued == std::optional<std::string>("2023-02-17"));
    CHECK(d.issuer == std::optional<std::string>("某市某区人民政府"));  // the signature, not 区政府
    CHECK(d.title == std::optional<std::string>("某区知识产权保护示范区建设工作方案(2022-2025年)"));
    CHECK(d.year == std::nullopt);  // a multi-year plan
    REQUIRE(d.addressees.size() == 2);
    CHECK(d.addressees[1] == "区各直属单位");
}

TEST_CASE("cover: pipe-separated metadata with 制发日期 and no signature", "[cover]") {
    Document d = compile(
        "发布机构 | 国家知识产权局 | ||\n"
        "文件号 | 国知发运字〔2025〕16号 | 制发日期 | 2025-05-21 |\n"
        "各省、自治区、直辖市知识产权局:\n"
        "各地要紧扣专项行动的目标任务，加快构建专利转化运用生态。现就有关事项通知如下。\n" +
        kWorkPlanBody);
    CHECK(d.doc_number == std::optional<std::string>("国知发运字〔2025〕16号"));
    CHECK(d.issued == std::optional<std::string>("2025-05-21"));
    CHECK(d.title == std::nullopt);  // never 发布机构|国家知识产权局
    REQUIRE(d.addressees.size() == 1);
    CHECK(d.addressees[0] == "各省、自治区、直辖市知识产权局");
}

TEST_CASE("cover: metadata cells with the label's colon and then the value cell", "[cover]") {
    // 发布日期: | 2020-04-09 08:44 — a site table flattened to cells; an empty
    // 成文日期 cell before it lends it no date.
    Document d = compile(
        "成文日期: | 发布日期: | 2020-04-09 08:44 | |\n"
        "来源: | 某区人民政府办公室 | |\n"
        "各乡镇人民政府、街道办事处,区政府各部门:\n"
        "现将有关事项通知如下。\n" +
        kWorkPlanBody);
    CHECK(d.published == std::optional<std::string>("2020-04-09"));
    CHECK(d.issued == std::nullopt);
    CHECK(d.issuer == std::optional<std::string>("某区人民政府办公室"));
}

TEST_CASE("cover: a law site's heading quotes the notice title after its doc number", "[cover]") {
    // 京政办发〔2016〕26号《…关于印发〈Y〉的通知》 and the page's own copy of the
    // quoted title under it (wrap-joining glues the two): the notice is read
    // once, its issuer and the plan it issues, 〈〉 dropped like 《》.
    Document d = compile(
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "各区人民政府,市政府各委、办、局,各市属机构:\n"
        "现印发给你们,请结合实际认真贯彻落实。\n" +
        kWorkPlanBody);
    CHECK(d.doc_number == std::optional<std::string>("京政办发〔2016〕26号"));
    CHECK(d.issuer == std::optional<std::string>("北京市人民政府办公厅"));
    CHECK(d.title == std::optional<std::string>("北京市2016年政务公开工作要点"));
    REQUIRE(d.addressees.size() == 3);
}

TEST_CASE("cover: a notice that does not say 关于印发, its reporting deadline", "[cover]") {
    Document d = compile(
        "国务院知识产权战略实施工作部际联席会议办公室关于\n"
        "做好2019年地方知识产权战略实施工作要点编制的通知\n"
        "国知战联办〔2018〕24号\n"
        "各省、自治区、直辖市知识产权局：\n"
        "为深入实施国家知识产权战略，现组织开展工作要点编制工作。具体要求如下：\n"
        "请于2019年1月20日前将工作要点表报联席会议办公室。\n"
        "特此通知。\n"
        "附件：2019年地方知识产权战略实施工作要点表\n"
        "国务院知识产权战略实施工作部际联席会议办公室\n"
        "2018年12月27日\n");
    CHECK(d.doc_number == std::optional<std::string>("国知战联办〔2018〕24号"));
    CHECK(d.issuer == std::optional<std::string>("国务院知识产权战略实施工作部际联席会议办公室"));
    CHECK(d.issued == std::optional<std::string>("2018-12-27"));
    CHECK(d.title == std::optional<std::string>(
                         "国务院知识产权战略实施工作部际联席会议办公室关于做好2019年地方知识产权战略实施工作要点编制的通知"));
    CHECK(d.year == std::optional<int>(2019));
    REQUIRE(d.addressees.size() == 1);
    REQUIRE(d.deadlines.size() == 1);
    CHECK(d.deadlines[0].date == "2019-01-20");
}

TEST_CASE("cover: joint issuers are kept apart with 、", "[cover]") {
    Document d = compile(
        "江苏省人民政府 国家知识产权局关于印发共建知识产权强省实施方案的通知\n"
        "江苏省各市人民政府，省各委办厅局：\n"
        "现将《江苏省人民政府 国家知识产权局共建知识产权强省实施方案》印发给你们，请认真组织实施。\n"
        "江苏省人民政府 国家知识产权局\n"
        "2022年9月1日\n"
        "江苏省人民政府 国家知识产权局共建知识产权强省实施方案\n" +
        kWorkPlanBody);
    CHECK(d.issuer == std::optional<std::string>("江苏省人民政府、国家知识产权局"));
    CHECK(d.title == std::optional<std::string>("江苏省人民政府国家知识产权局共建知识产权强省实施方案"));
}

TEST_CASE("cover: without a notice, web furniture is never the title", "[cover]") {
    Document d = compile(
        "政策文件\n"
        "当前位置:首页>政策文件\n"
        "【摘要】《推动知识产权高质量发展年度工作指引(2020)》要点\n" +
        kWorkPlanBody);
    CHECK(d.title == std::optional<std::string>("推动知识产权高质量发展年度工作指引(2020)"));
    CHECK(d.year == std::optional<int>(2020));

    Document none = compile("政策文件\n当前位置:首页\n" + kWorkPlanBody);
    CHECK(none.title == std::nullopt);
    CHECK(none.tasks.size() == 2);
}

TEST_CASE("cover: elements glued into one line by wrap-joining are read one by one", "[cover]") {
    Document d = compile(
        "国家知识产权局关于印发2022年全国知识产权行政保护工作方案的通知发布时间：2022-01-24国知发保字〔2022〕5号"
        "各省、自治区、直辖市和新疆生产建设兵团知识产权局：\n"
        "为加强知识产权保护，国家知识产权局制定《2022年全国知识产权行政保护工作方案》，现予以印发，请抓好贯彻落实。\n"
        "国家知识产权局\n"
        "2022年1月20日\n"
        "2022年全国知识产权行政保护工作方案\n" +
        kWorkPlanBody);
    CHECK(d.doc_number == std::optional<std::string>("国知发保字〔2022〕5号"));
    CHECK(d.published == std::optional<std::string>("2022-01-24"));
    CHECK(d.title == std::optional<std::string>("2022年全国知识产权行政保护工作方案"));
    CHECK(d.issued == std::optional<std::string>("2022-01-20"));
    REQUIRE(d.addressees.size() == 1);
    CHECK(d.addressees[0] == "各省、自治区、直辖市和新疆生产建设兵团知识产权局");
}

TEST_CASE("cover: read_cover on unjoined lines (table layouts) joins a wrapped addressee line", "[cover]") {
    auto grammars = load_grammars({std::string(QINGDAN_SOURCE_DIR) + "/grammars"});
    auto g = std::find_if(grammars.begin(), grammars.end(), [](const Grammar& x) { return x.name == "task-table"; });
    REQUIRE(g != grammars.end());
    std::vector<Line> lines;
    for (const char* t : {"国知发运字〔2023〕7号", "各省、自治区、直辖市知识产权局，四川", "省知识产权服务促进中心，各地方有关中心:",
                          "现将《推动知识产权高质量发展年度工作指引（2023）》，印发给你们，请结合实际认真组织",
                          "实施。", "国家知识产权局", "2023年3月23日", "推动知识产权高质量发展年度工作指引（2023）",
                          "一、总体要求"})
        lines.push_back({t, int(lines.size()) + 1, int(lines.size()) + 1});
    Cover c = read_cover(lines, *g);
    REQUIRE(c.addressees.size() == 3);
    CHECK(c.addressees[1] == "四川省知识产权服务促进中心");
    CHECK(c.addressees[2] == "各地方有关中心");
    CHECK(c.doc_number == std::optional<std::string>("国知发运字〔2023〕7号"));
    CHECK(c.issued == std::optional<std::string>("2023-03-23"));
    CHECK(c.title == std::optional<std::string>("推动知识产权高质量发展年度工作指引（2023）"));
    CHECK(c.body_start == 8);  // the plan's text starts after its title
}
