// join_wrapped(): hard wraps, stand-alone cover lines, flattened articles.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "join.hpp"

using qingdan::Line;

namespace {

std::vector<Line> numbered(const std::vector<std::string>& texts, int step = 1) {
    std::vector<Line> out;
    int n = 1;
    for (const auto& t : texts) {
        out.push_back({t, n, n});
        n += step;
    }
    return out;
}

// Ten body lines hard-wrapped at 28 characters, as a GB/T 9704 PDF page.
std::vector<std::string> pdf_body() {
    return {
        "为认真贯彻党中央、国务院关于全面加强知识产权保护的决策部",
        "署，落实全国市场监管工作会议、全国知识产权局局长会议和全",
        "国知识产权保护工作会议有关要求，制定本工作方案。",
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党",
        "的十九大和十九届历次全会精神，认真落实中央经济工作会议精",
        "神，深入落实习近平总书记在中央政治局第二十五次集体学习时",
        "的重要讲话精神，按照党中央、国务院关于全面加强知识产权保",
        "护的决策部署，加强知识产权保护，优化创新环境和营商环境。",
        "各地区贯彻落实《工作方案》情况和工作成效将纳入知识产权行",
        "政保护绩效考核范围，请结合实际抓好贯彻落实，做好总结工作。",
    };
}

}  // namespace

TEST_CASE("join_wrapped: a number cut by the page gets no space", "[join]") {
    auto texts = pdf_body();
    texts.push_back("各管理部门要高度重视，抓好工作落实，于2023年12月1");
    texts.push_back("5日前报送本年度工作总结，电子件同时发送至邮箱zhif");
    texts.push_back("a@cnipa.gov.cn。");
    const auto out = qingdan::join_wrapped(numbered(texts));
    REQUIRE(!out.empty());
    CHECK(out.back().text ==
          "各管理部门要高度重视，抓好工作落实，于2023年12月15日前报送本年度工作总结，"
          "电子件同时发送至邮箱zhifa@cnipa.gov.cn。");
    CHECK(out.back().line_start == 11);
    CHECK(out.back().line_end == 13);
    // The body's paragraphs: short last lines end them.
    CHECK(out[0].text.find("制定本工作方案。") != std::string::npos);
    CHECK(out[0].line_end == 3);
}

TEST_CASE("join_wrapped: English words on soft-wrapped lines keep their space", "[join]") {
    const auto out = qingdan::join_wrapped(
        numbered({"Version of the plan for the year 2023 as adopted by the meeting of all", "departments"}));
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == "Version of the plan for the year 2023 as adopted by the meeting of all departments");
}

TEST_CASE("join_wrapped: cover lines of a web page stay apart", "[join]") {
    // Blank lines between all lines, as web extraction gives them.
    const auto out = qingdan::join_wrapped(numbered(
        {
            "国家知识产权局关于印发《推动知识产权高质量发展年度工作指引（2023）》的通知",
            "政策来源：国家知识产权局 | 发布机构：国家知识产权局 | 发布时间：2023-03-29 |",
            "国知发运字〔2023〕7号",
            "各省、自治区、直辖市和新疆生产建设兵团知识产权局，四川省知识产权服务促进中心：",
            "现将《推动知识产权高质量发展年度工作指引（2023）》印发给你们，请认真组织实施。",
            "国家知识产权局",
            "2023年3月23日",
        },
        2));
    REQUIRE(out.size() == 7);
    CHECK(out[2].text == "国知发运字〔2023〕7号");
    CHECK(out[6].text == "2023年3月23日");
}

TEST_CASE("join_wrapped: a doc number, date or field line is never a continuation", "[join]") {
    const auto out = qingdan::join_wrapped(numbered({
        "各地要会同相关部门，紧扣专项行动方案的目标任务，按照总体部署要求，攻坚克难",
        "京知发〔2024〕12号",
        "推动专利转化运用工作走深走实，切实提高专利转化运用效益",
        "二〇二四年三月二十九日",
        "按照全国知识产权局局长会议的部署，进一步加强统筹协调和督促指导",
        "发布时间：2024-03-29",
    }));
    CHECK(out.size() == 6);
}

TEST_CASE("join_wrapped: a breadcrumb trail never runs into the title below it", "[join]") {
    const auto out = qingdan::join_wrapped(numbered({
        ">> 专题专栏 >> 归档专题 >> 2023市政府重点工作(已归档)",
        "市政府工作报告重点工作责任分解(2023年)",
        "首页 > 政务公开 > 政策文件",
        "池州市贵池区2020年食品安全重点工作安排",
    }));
    REQUIRE(out.size() == 4);
    CHECK(out[1].text == "市政府工作报告重点工作责任分解(2023年)");
    // a sentence that prints >> (OCR noise, a comparison) is not a breadcrumb
    const auto prose = qingdan::join_wrapped(numbered({
        "V1., AD >> = A 1.4 15 .AD .44 面。涉及城市: 结合自身发展需要，出台相应的知识产权强市建设",
        "实施方案。",
    }));
    CHECK(prose.size() == 1);
}

TEST_CASE("join_wrapped: a physical line, not the paragraph so far, decides", "[join]") {
    // The second line ends a sentence-less title; the third must not be glued
    // on because the paragraph before it was joinable.
    const auto out = qingdan::join_wrapped(numbered({
        "国家知识产权局关于印发2022年全国知识产权行政保护工作方案的通知发布",
        "机构",
        "各省、自治区、直辖市知识产权局",
    }));
    REQUIRE(out.size() == 2);
    CHECK(out[0].text == "国家知识产权局关于印发2022年全国知识产权行政保护工作方案的通知发布机构");
}

TEST_CASE("reflow_long_lines cuts a flattened article before running labels", "[join]") {
    std::string body =
        "2023年工作推进计划 为深入实施知识产权强国战略，明确年度重点任务和工作措施，制定本计划。"
        "一、完善知识产权制度 （一）完善法律法规 1.推动完成专利法实施细则修改，推进商标法修改，"
        "完成专利审查指南适应性修改，推进知识产权基础性法律研究论证。（国家知识产权局负责） "
        "2.推进修改著作权法实施条例，推动出台民间文学艺术作品著作权保护条例。（中央宣传部负责） "
        "3.推进反不正当竞争法及相关配套规章的制定和修改。（市场监管总局负责）";
    const auto out = qingdan::reflow_long_lines({{body, 7, 7}});
    REQUIRE(out.size() == 6);
    CHECK(out[1].text == "一、完善知识产权制度");
    CHECK(out[2].text == "（一）完善法律法规");
    CHECK(out[4].text.rfind("2.推进修改", 0) == 0);
    for (const auto& l : out) CHECK(l.line_start == 7);

    SECTION("a sentence that mentions an item number is left whole") {
        std::string s =
            "各地要按照本方案第（一）部分和第1.项的要求，结合实际制定实施细则，明确责任分工和进度安排，"
            "加强统筹协调和督促指导，确保各项任务落到实处，取得实效。对照年度目标任务，"
            "定期开展评估，及时总结推广经验做法，发现问题及时整改，确保按期完成各项工作任务，"
            "不断提升知识产权保护工作水平和社会满意度。 2.相关工作情况于年底前报送。";
        CHECK(qingdan::reflow_long_lines({{s, 3, 3}}).size() == 1);
    }
}
