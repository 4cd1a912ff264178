// Column tables (grammars/column-table.grammar, src/segment_columns.cpp):
// task tables whose header row names the columns, as tabbed text, Markdown
// pipe rows (src/pipe_table.cpp) or one cell per line. The main fixtures are
// seed 002 (a numbered plan with `（A、B负责）` clauses) turned into table
// form here, from its own prose compile: the table must give the same tasks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "pipe_table.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using qingdan::test::kRoot;
using qingdan::test::slurp;

using qingdan::test::compiler;

std::string seed(const std::string& prefix) {
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus"))
        if (e.path().filename().string().rfind(prefix, 0) == 0) {
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    FAIL("no seed " << prefix);
    return {};
}

const Document& prose002() {
    static Document d = compiler().compile(seed("002_"), "002.txt");
    return d;
}

// One table row of a task: its cells after the number.
struct Row {
    std::string text, units, completion;
};

// The completion column the table adds (the prose plan has none): every
// other row has a date, so deadlines are checked too.
std::string completion_of(int number) { return number % 2 ? "2022年12月底前" : "持续推进"; }

std::string join_units(const Task& t) {
    std::string out;
    for (const auto& u : t.units) out += (out.empty() ? "" : "、") + u.name;
    return out;
}

// Seed 002 in table form: heading rows and task rows in document order,
// written by the given row writers.
std::string as_table(const std::function<std::string(const std::vector<std::string>&)>& header,
                     const std::function<std::string(const std::string&)>& heading,
                     const std::function<std::string(int, const Row&)>& row) {
    const Document& d = prose002();
    std::string out = "2022年知识产权重点任务分工表\n\n";
    out += header({"序号", "重点任务", "责任单位", "完成时限"});
    size_t s = 0;
    for (const auto& t : d.tasks) {
        for (; s < d.sections.size() && d.sections[s].span.line_start < t.span.line_start; ++s)
            out += heading(d.sections[s].label + d.sections[s].title);
        out += row(*t.number, {t.text, join_units(t), completion_of(*t.number)});
    }
    return out;
}

std::string tabbed() {
    return as_table(
        [](const std::vector<std::string>& h) { return h[0] + "\t" + h[1] + "\t" + h[2] + "\t" + h[3] + "\n"; },
        [](const std::string& s) { return s + "\t\t\t\n"; },
        [](int n, const Row& r) { return std::to_string(n) + "\t" + r.text + "\t" + r.units + "\t" + r.completion + "\n"; });
}

std::string markdown() {
    return as_table(
        [](const std::vector<std::string>& h) {
            return "| " + h[0] + " | " + h[1] + " | " + h[2] + " | " + h[3] + " |\n|---|:---|---|---|\n";
        },
        [](const std::string& s) { return "| " + s + " | | | |\n"; },
        [](int n, const Row& r) {
            return "| " + std::to_string(n) + " | " + r.text + " | " + r.units + " | " + r.completion + " |\n";
        });
}

// A flattened web table: every cell on a line of its own, blank lines between.
std::string one_cell_per_line() {
    return as_table(
        [](const std::vector<std::string>& h) { return h[0] + "\n" + h[1] + "\n" + h[2] + "\n" + h[3] + "\n\n"; },
        [](const std::string& s) { return s + "\n\n"; },
        [](int n, const Row& r) {
            return std::to_string(n) + "\n\n" + r.text + "\n\n" + r.units + "\n\n" + r.completion + "\n\n";
        });
}

// The first `n` code points of s, and the rest.
std::pair<std::string, std::string> cut(const std::string& s, size_t n) {
    size_t i = 0;
    for (size_t k = 0; k < n && i < s.size(); ++k) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return {s.substr(0, i), s.substr(i)};
}

// Tabbed rows whose long task cell wraps: the wrapped part on continuation
// lines, with empty cells around it (`\t…\t\t`) or with no tabs at all.
std::string tabbed_wrapped(bool keep_tabs) {
    return as_table(
        [](const std::vector<std::string>& h) { return h[0] + "\t" + h[1] + "\t" + h[2] + "\t" + h[3] + "\n"; },
        [](const std::string& s) { return s + "\n"; },
        [keep_tabs](int n, const Row& r) {
            auto [head, rest] = cut(r.text, 30);
            std::string out = std::to_string(n) + "\t" + head + "\t" + r.units + "\t" + r.completion + "\n";
            while (!rest.empty()) {
                auto [line, more] = cut(rest, 30);
                out += keep_tabs ? "\t" + line + "\t\t\n" : line + "\n";
                rest = more;
            }
            return out;
        });
}

std::vector<std::string> units_of(const Task& t) {
    std::vector<std::string> out;
    for (const auto& u : t.units) out.push_back(u.canonical + "/" + u.role);
    return out;
}

void check_same_tasks(const std::string& table) {
    const Document& prose = prose002();
    Document d = compiler().compile(table, "table.txt");
    CHECK(d.layout == "column-table");
    REQUIRE(d.tasks.size() == prose.tasks.size());
    for (size_t i = 0; i < d.tasks.size(); ++i) {
        const Task& a = prose.tasks[i];
        const Task& b = d.tasks[i];
        INFO("task " << i + 1 << ": " << b.text);
        CHECK(b.number == a.number);
        CHECK(b.section_path == a.section_path);
        CHECK(!b.title);
        CHECK(b.text == a.text);
        CHECK(units_of(b) == units_of(a));
        REQUIRE(b.completion);
        CHECK(*b.completion == completion_of(*a.number));
        bool dated = std::any_of(b.deadlines.begin(), b.deadlines.end(),
                                 [](const Deadline& x) { return x.date == "2022-12-31"; });
        CHECK(dated == (*a.number % 2 == 1));
    }
}

Document compile(const std::string& text) { return compiler().compile(text, "snippet.txt"); }

}  // namespace

TEST_CASE("seed 002 as a tab-separated table gives the prose plan's tasks", "[tables]") {
    REQUIRE(prose002().tasks.size() > 100);
    check_same_tasks(tabbed());
}

TEST_CASE("seed 002 as Markdown pipe rows gives the prose plan's tasks", "[tables]") {
    check_same_tasks(markdown());
}

TEST_CASE("seed 002 with one table cell per line gives the prose plan's tasks", "[tables]") {
    check_same_tasks(one_cell_per_line());
}

TEST_CASE("seed 002 as a table with wrapped task cells gives the prose plan's tasks", "[tables]") {
    SECTION("continuation lines keep their tabs") { check_same_tasks(tabbed_wrapped(true)); }
    SECTION("continuation lines without tabs") { check_same_tasks(tabbed_wrapped(false)); }
}

TEST_CASE("column table: title, content, lead and supporting unit columns", "[tables]") {
    Document d = compile(
        "2023年知识产权保护重点任务清单\n"
        "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\t成果形式\n"
        "一、强化知识产权行政保护\t\t\t\t\t\t\n"
        "1\t开展专项执法行动\t聚焦重点领域开展执法检查，严厉打击商标侵权行为。\t省市场监管局\t省公安厅、省商务厅\t2023年10月底前\t工作总结\n"
        "2\t加强展会知识产权保护\t完善展会投诉处理机制。\t省知识产权局\t\t持续推进\t\n");
    CHECK(d.layout == "column-table");
    REQUIRE(d.tasks.size() == 2);
    const Task& t = d.tasks[0];
    CHECK(t.number == 1);
    CHECK(t.title == std::optional<std::string>("开展专项执法行动"));
    CHECK(t.section_path == std::vector<std::string>{"一"});
    REQUIRE(t.measures.size() == 2);  // the content and the expected result
    CHECK(t.measures[0].text == "聚焦重点领域开展执法检查，严厉打击商标侵权行为。");
    CHECK(t.measures[1].text == "工作总结");
    REQUIRE(t.units.size() == 3);
    CHECK(t.units[0].name == "省市场监管局");
    CHECK(t.units[0].role == "lead");
    CHECK(t.units[1].name == "省公安厅");
    CHECK(t.units[1].role == "participant");
    CHECK(t.units[2].name == "省商务厅");
    CHECK(t.completion == std::optional<std::string>("2023年10月底前"));
    REQUIRE(t.deadlines.size() == 1);
    CHECK(t.deadlines[0].date == "2023-10-31");
    REQUIRE(d.tasks[1].units.size() == 1);
    CHECK(d.tasks[1].units[0].role == "lead");  // a lone unit in a 牵头单位 column is marked lead
    CHECK(d.tasks[1].scope.empty());  // a province's own departments are not scope
}

TEST_CASE("column table: a lead column printed after the supporting one still leads", "[tables]") {
    Document d = compile(
        "序号\t工作任务\t配合单位\t牵头单位\n"
        "1\t建立知识产权纠纷快速处理机制。\t市司法局、市法院\t市市场监管局\n");
    REQUIRE(d.tasks.size() == 1);
    REQUIRE(d.tasks[0].units.size() == 3);
    CHECK(d.tasks[0].units[0].name == "市市场监管局");
    CHECK(d.tasks[0].units[0].role == "lead");
    CHECK(d.tasks[0].units[1].name == "市司法局");
}

TEST_CASE("column table: stacked cells with a wrapped content cell and a repeated header", "[tables]") {
    Document d = compile(
        "序号\n重点任务\n主要内容\n责任单位\n完成时限\n"
        "1\n推进专利转化运用\n组织高校院所开展存量专利盘点，\n建立可转化专利资源库。\n县科技局、县财政局\n2024年6月底前\n"
        "序号\n重点任务\n主要内容\n责任单位\n完成时限\n"
        "2\n加强知识产权宣传\n开展知识产权宣传周活动。\n县科技局\n年内\n");
    CHECK(d.layout == "column-table");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].title == std::optional<std::string>("推进专利转化运用"));
    CHECK(d.tasks[0].text == "组织高校院所开展存量专利盘点，建立可转化专利资源库。");
    REQUIRE(d.tasks[0].units.size() == 2);
    CHECK(d.tasks[0].units[1].name == "县财政局");
    CHECK(d.tasks[0].completion == std::optional<std::string>("2024年6月底前"));
    CHECK(d.tasks[1].number == 2);
    CHECK(d.tasks[1].completion == std::optional<std::string>("年内"));
}

TEST_CASE("column table: space-separated units are split", "[tables]") {
    Document d = compile(
        "序号\t重点任务\t责任单位\t完成时限\n"
        "1\t推进修改《国防专利条例》。\t中央军委装备发展部 国防科工局 知识产权局\t持续推进\n");
    REQUIRE(d.tasks.size() == 1);
    REQUIRE(d.tasks[0].units.size() == 3);
    CHECK(d.tasks[0].units[2].canonical == "国家知识产权局");
}

TEST_CASE("column table without 序号: a category cell merged over its rows", "[tables]") {
    // 类别 | 任务内容 | 牵头领导 | 责任单位, as county 分工方案 print it: no
    // row numbers, the category printed on its group's first row only, a
    // leader column naming people (no units).
    Document d = compile(
        "某县2024年政府工作报告目标任务分工方案\n"
        "类别\t任务内容\t牵头领导\t责任单位\n"
        "经济发展\t地区生产总值增长6%左右\t王某\t县发展和改革局\n"
        "\t规上工业增加值增长8%\t赵某\t县工业和信息化局、县统计局\n"
        "项目建设\t实施重点项目30个以上\t王某\t县发展和改革局\n");
    CHECK(d.layout == "column-table");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[1].text == "规上工业增加值增长8%");
    CHECK(d.tasks[1].section_path == d.tasks[0].section_path);
    CHECK(d.tasks[2].section_path != d.tasks[0].section_path);
    REQUIRE(d.tasks[1].units.size() == 2);
    CHECK(d.tasks[1].units[0].name == "县工业和信息化局");
    CHECK(d.tasks[1].units[0].role == "lead");
}

TEST_CASE("column table is never chosen for the seeds", "[tables]") {
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus")) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        INFO(e.path().filename().string());
        CHECK(compiler().compile(ss.str(), e.path().filename().string()).layout != "column-table");
    }
}

TEST_CASE("pipe_row_to_tabs reads Markdown table rows", "[tables][normalise]") {
    std::string out = "untouched";
    CHECK(pipe_row_to_tabs("| 1 | 推进商标法修改 | 知识产权局 | 持续推进 |", out));
    CHECK(out == "1\t推进商标法修改\t知识产权局\t持续推进");
    CHECK(pipe_row_to_tabs("  ｜序号｜重点任务｜", out));  // full-width bars
    CHECK(out == "序号\t重点任务");
    CHECK(pipe_row_to_tabs("| 一、完善制度 | | |", out));  // empty cells keep their place
    CHECK(out == "一、完善制度\t\t");
    CHECK(pipe_row_to_tabs("|---|:---:|---:|", out));  // the separator row
    CHECK(out.empty());
    out = "untouched";
    CHECK_FALSE(pipe_row_to_tabs("发布机构|国家知识产权局|||", out));  // a metadata bar
    CHECK_FALSE(pipe_row_to_tabs("| 1 | 推进商标法修改", out));          // not closed
    CHECK_FALSE(pipe_row_to_tabs("|单独一格|", out));                      // one cell
    CHECK_FALSE(pipe_row_to_tabs("推进修订《反垄断法》", out));
    CHECK(out == "untouched");
}

TEST_CASE("column table: a 必做/选做 column of bare words binds the row's localities", "[tables]") {
    Document d = compile(
        "序号\t重点任务\t责任单位\t必做/选做\t完成时限\n"
        "1\t开展专利转化运用专项行动\t各设区市知识产权局\t必做\t2024年12月底前\n"
        "2\t建设知识产权保护中心\t有条件的设区市\t选做\t2024年12月底前\n"
        "3\t完善知识产权公共服务体系\t省知识产权局\t必做\t持续推进\n");
    REQUIRE(d.tasks.size() == 3);
    REQUIRE(d.tasks[0].scope.size() == 1);
    CHECK(d.tasks[0].scope[0].tier == "city");
    CHECK(d.tasks[0].scope[0].who == "各设区市知识产权局");
    CHECK(d.tasks[0].scope[0].obligation == "mandatory");
    REQUIRE(d.tasks[1].scope.size() == 1);
    CHECK(d.tasks[1].scope[0].tier == "city");
    CHECK(d.tasks[1].scope[0].obligation == "optional");
    CHECK(d.tasks[2].scope.empty());  // a named department binds no localities
}
