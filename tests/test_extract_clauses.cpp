// Responsibility and completion clauses in prose plans: every common shape
// (own line, combined with a deadline, space-separated units, status-only
// parentheses) and the scope a local unit does (not) bind. Snippets are
// written in the style of provincial and national 推进计划 / 实施方案.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "qingdan/pipeline.hpp"

using namespace qingdan;

namespace {

const Compiler& with_layout(const std::string& layout) {
    static Compiler numbered(CompileOptions{{}, "", std::string("numbered-plan")});
    static Compiler work(CompileOptions{{}, "", std::string("work-plan")});
    return layout == "work-plan" ? work : numbered;
}

Document compile(const std::string& text, const std::string& layout = "numbered-plan") {
    return with_layout(layout).compile(text, "snippet.txt");
}

std::vector<std::pair<std::string, std::string>> roles(const Task& t) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& u : t.units) out.emplace_back(u.name, u.role);
    return out;
}

bool has_diagnostic(const Document& d, const std::string& code) {
    for (const auto& x : d.diagnostics)
        if (x.code == code) return true;
    return false;
}

using Roles = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("responsibility clause on its own line after the task", "[clauses]") {
    const Document d = compile(
        "一、重点任务\n"
        "1.推进地理标志立法研究。开展调研论证，形成研究报告。\n"
        "牵头单位：市场监管总局；配合单位：农业农村部、知识产权局\n"
        "2.加强商标审查质量管理。完善审查标准。\n"
        "责任单位：知识产权局\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(roles(d.tasks[0]) ==
          Roles{{"市场监管总局", "lead"}, {"农业农村部", "participant"}, {"知识产权局", "participant"}});
    CHECK(d.tasks[0].text.find("牵头单位") == std::string::npos);
    CHECK(d.tasks[0].text.find("研究报告。") != std::string::npos);
    CHECK(roles(d.tasks[1]) == Roles{{"知识产权局", "responsible"}});
}

TEST_CASE("responsibility clause split over two lines", "[clauses]") {
    const Document d = compile(
        "一、重点任务\n"
        "1.推进植物新品种保护条例修改。\n"
        "牵头单位：农业农村部\n"
        "配合单位：林草局、知识产权局\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(roles(d.tasks[0]) ==
          Roles{{"农业农村部", "lead"}, {"林草局", "participant"}, {"知识产权局", "participant"}});
    CHECK(d.tasks[0].text == "推进植物新品种保护条例修改。");
}

TEST_CASE("unit clause and deadline in one parenthesis", "[clauses]") {
    const Document d = compile(
        "一、完善知识产权制度\n"
        "1. 推进专利法实施细则修改。（国家知识产权局负责，2023年6月底前完成）\n");
    REQUIRE(d.tasks.size() == 1);
    const Task& t = d.tasks[0];
    CHECK(roles(t) == Roles{{"国家知识产权局", "responsible"}});
    REQUIRE(t.completion);
    CHECK(*t.completion == "2023年6月底前完成");
    REQUIRE(t.deadlines.size() == 1);
    CHECK(t.deadlines[0].date == "2023-06-30");
    CHECK(t.deadlines[0].kind == "by");
    CHECK(t.text == "推进专利法实施细则修改。");
}

TEST_CASE("status parenthesis after a unit clause is the completion, not a measure", "[clauses]") {
    const Document d = compile(
        "一、完善知识产权制度\n"
        "1. 推进商标法修改。（市场监管总局负责）（持续推进）\n");
    REQUIRE(d.tasks.size() == 1);
    const Task& t = d.tasks[0];
    CHECK(t.measures.size() == 1);
    CHECK(roles(t) == Roles{{"市场监管总局", "responsible"}});
    REQUIRE(t.completion);
    CHECK(*t.completion == "持续推进");
    CHECK(t.text == "推进商标法修改。");
}

TEST_CASE("completion-only items keep their sentence as text, not as title", "[clauses]") {
    const Document d = compile(
        "一、提高保护工作法治化水平\n"
        "1. 制定民间文学艺术作品著作权保护条例并推动出台。（2025年12月底前完成并持续推进）\n"
        "2. 推进反不正当竞争法修改。（长期坚持）\n"
        "3. 健全商业秘密保护制度。完善配套规定。（2024年底前完成）\n",
        "work-plan");
    REQUIRE(d.tasks.size() == 3);
    CHECK_FALSE(d.tasks[0].title);
    CHECK(d.tasks[0].text == "制定民间文学艺术作品著作权保护条例并推动出台。");
    REQUIRE(d.tasks[0].completion);
    CHECK(*d.tasks[0].completion == "2025年12月底前完成并持续推进");
    REQUIRE(d.tasks[0].deadlines.size() == 1);
    CHECK(d.tasks[0].deadlines[0].date == "2025-12-31");
    CHECK_FALSE(d.tasks[1].title);
    CHECK(*d.tasks[1].completion == "长期坚持");
    // More than a clause follows the first sentence: it stays a title.
    REQUIRE(d.tasks[2].title);
    CHECK(*d.tasks[2].title == "健全商业秘密保护制度");
    CHECK(d.tasks[2].text == "完善配套规定。");
    CHECK(*d.tasks[2].completion == "2024年底前完成");
}

TEST_CASE("a period in parentheses inside a plan name is not a completion", "[clauses]") {
    const Document d = compile(
        "一、完善知识产权制度\n"
        "1. 制定《知识产权保护规划（2021—2025年）》。（知识产权局负责）\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK_FALSE(d.tasks[0].completion);
    CHECK(d.tasks[0].text == "制定《知识产权保护规划（2021—2025年）》。");
}

TEST_CASE("space-separated unit lists are split into known units", "[clauses]") {
    const Document d = compile(
        "一、完善知识产权制度\n"
        "1. 推进反垄断法修订。（市场监管总局 农业农村部 知识产权局 负责）\n"
        "2. 推进国防专利条例修改。（中央军委装备发展部 国防科工局 知识产权局 负责）\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].units.size() == 3);
    CHECK(d.tasks[0].units[0].canonical == "国家市场监督管理总局");
    CHECK(d.tasks[0].units[2].canonical == "国家知识产权局");
    CHECK(d.tasks[1].units.size() == 3);
    CHECK_FALSE(has_diagnostic(d, "unknown-unit"));
}

TEST_CASE("inline 责任单位 clause", "[clauses]") {
    const Document d = compile(
        "一、完善知识产权制度\n"
        "1. 推进著作权法实施条例修改。（责任单位：中央宣传部、司法部）\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(roles(d.tasks[0]) == Roles{{"中央宣传部", "lead"}, {"司法部", "participant"}});
}

TEST_CASE("local departments are responsible units, not scope", "[clauses]") {
    const Document d = compile(
        "二、重点任务\n"
        "1.做好品牌过渡衔接。梳理授权情况，完成衔接工作。（责任单位：省民宗委）\n"
        "2.加强县域保护。开展专项行动。（牵头单位：市市场监管局；配合单位：市公安局、县区政府）\n"
        "3.建设保护中心。（各省、自治区、直辖市知识产权局负责）\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].scope.empty());
    CHECK(d.tasks[1].scope.empty());
    REQUIRE(d.tasks[1].units.size() == 3);
    for (const auto& u : d.tasks[1].units) CHECK(u.level == "local");
    CHECK_FALSE(has_diagnostic(d, "unknown-unit"));
    // A collective local body is a category of localities: it binds them.
    REQUIRE(d.tasks[2].scope.size() == 1);
    CHECK(d.tasks[2].scope[0].tier == "province");
}

TEST_CASE("各县市…要 names the measure's actor", "[clauses]") {
    const Document d = compile(
        "二、工作要点\n"
        "（一）加强组织领导。各县市知识产权局、开发区经贸局要加强组织领导，分解下达任务。\n",
        "work-plan");
    REQUIRE(d.tasks.size() == 1);
    REQUIRE(d.tasks[0].measures.size() == 1);
    REQUIRE(d.tasks[0].measures[0].actor);
    CHECK(*d.tasks[0].measures[0].actor == "各县市知识产权局、开发区经贸局");
}

TEST_CASE("a label line that is prose stays in the text unchanged", "[clauses]") {
    const Document d = compile(
        "一、重点任务\n"
        "1.加强统筹协调。明确分工。\n"
        "责任部门：要按照职责分工抓好落实。\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(d.tasks[0].units.empty());
    CHECK(d.tasks[0].text.find("责任部门：要按照职责分工抓好落实。") != std::string::npos);
    CHECK(d.tasks[0].text.find("（") == std::string::npos);
}

// Mis-decoded pages (GBK read as UTF-8) lose the full stop after a title
// into a run of damage; a single damaged letter inside a name does not end it.
TEST_CASE("a run of decoding damage where the full stop was ends the title", "[clauses]") {
    const Document d = compile(
        "一、实施灾害风险调查工程\n"
        "1.开展气象灾害风险隐患排查。通过灾害风险调查，建立基层数据集。\n"
        "2.开展地震灾害风险调查和重点隐患排查?;就瓿傻丶?j)以上市主城区抗震性能普查。\n"
        "3.开展地质灾害风险调查与隐?排查。完成重点防治区地质灾害详细调查工作。\n"
        "4.推进水旱灾害风险普查，完善?;制度。健全风险数据库管理机制。\n");
    REQUIRE(d.tasks.size() == 4);
    REQUIRE(d.tasks[1].title);
    CHECK(*d.tasks[1].title == "开展地震灾害风险调查和重点隐患排查");
    CHECK(d.tasks[1].text.starts_with(";就瓿傻丶"));
    REQUIRE(d.tasks[2].title);
    CHECK(*d.tasks[2].title == "开展地质灾害风险调查与隐?排查");
    // Damage after a comma is not where a title ends: the 。 is.
    REQUIRE(d.tasks[3].title);
    CHECK(*d.tasks[3].title == "推进水旱灾害风险普查，完善?;制度");
}
