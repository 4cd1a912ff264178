// `compile` on real documents: golden files, determinism, schema validity,
// and focused tests of the segmentation and extraction rules on real snippets.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emit.hpp"
#include "extract.hpp"
#include "grammar.hpp"
#include "json.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using qingdan::test::kRoot;

using qingdan::test::slurp;

std::vector<std::string> corpus() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus")) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

using qingdan::test::compiler;

Document compile_text(const std::string& text, const std::string& name = "snippet.txt") {
    return compiler().compile(text, name);
}

Document compile_file(const std::string& path) {
    // Sources are named relative to the project root, as the CLI would show them.
    return compiler().compile(slurp(path), fs::relative(path, kRoot).string());
}

const Task* find_task(const Document& d, const std::string& needle) {
    for (const auto& t : d.tasks)
        if (t.text.find(needle) != std::string::npos || (t.title && t.title->find(needle) != std::string::npos))
            return &t;
    return nullptr;
}

std::vector<std::string> canonicals(const Task& t) {
    std::vector<std::string> out;
    for (const auto& u : t.units) out.push_back(u.canonical + "/" + u.role);
    return out;
}

using Run = qingdan::test::ShellRun;

Run run(const std::string& args) { return qingdan::test::shell(std::string(QINGDAN_BINARY) + " " + args); }

}  // namespace

// Each document's whole JSON against tests/golden/<dir>/<stem>.json.
static void check_goldens(const std::vector<std::string>& paths, const std::string& dir) {
    const bool update = std::getenv("QINGDAN_UPDATE_GOLDEN") != nullptr;
    for (const auto& path : paths) {
        std::string got = render_json({compile_file(path)});
        std::string golden = kRoot + "/tests/golden/" + dir + "/" + fs::path(path).stem().string() + ".json";
        if (update) {
            std::ofstream(golden, std::ios::binary) << got;
            continue;
        }
        INFO("golden file " << golden << " (regenerate with QINGDAN_UPDATE_GOLDEN=1 after reviewing the change)");
        REQUIRE(fs::exists(golden));
        CHECK(got == slurp(golden));
    }
}

TEST_CASE("every bundled document compiles to its reviewed golden JSON", "[compile][golden]") {
    check_goldens(corpus(), "compile");
}

// Real pages of other issuers (copied from ../shared/wild; see
// tests/fixtures/wild/README.md): the whole output, reviewed line by line.
TEST_CASE("wild documents compile to their reviewed golden JSON", "[compile][golden][wild]") {
    std::vector<std::string> paths;
    for (const auto& e : fs::directory_iterator(kRoot + "/tests/fixtures/wild"))
        if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    REQUIRE(paths.size() >= 5);
    check_goldens(paths, "wild");
}

TEST_CASE("two runs give byte-identical output", "[compile]") {
    for (const auto& path : corpus()) {
        Compiler other;
        std::string a = render_json({compile_file(path)});
        std::string b = render_json({other.compile(slurp(path), fs::relative(path, kRoot).string())});
        CHECK(a == b);
    }
}

TEST_CASE("JSON output validates against docs/schema/qingdan-1.schema.json", "[compile][schema]") {
    // Debian's python3-jsonschema (installed by setup.sh) does the validation.
    if (std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null") != 0) {
        FAIL("python3-jsonschema is missing: run ./setup.sh");
    }
    fs::path out = fs::temp_directory_path() / "qingdan-schema-test.json";
    Run r = run("compile " + kRoot + "/data/corpus -q -o " + out.string());
    REQUIRE(r.status == 0);
    std::string cmd = "/usr/bin/python3 -c \"import json,jsonschema,sys; "
                      "s=json.load(open(sys.argv[1])); d=json.load(open(sys.argv[2])); "
                      "jsonschema.validate(d, s)\" " +
                      kRoot + "/docs/schema/qingdan-1.schema.json " + out.string();
    CHECK(std::system(cmd.c_str()) == 0);
    fs::remove(out);
}

TEST_CASE("layout detection picks the grammar each seed was written in", "[compile][layout]") {
    std::map<std::string, std::string> want = {
        {"000", "task-table"}, {"001", "work-plan"}, {"002", "numbered-plan"}, {"003", "task-table"}, {"004", "guidance"}};
    for (const auto& path : corpus()) {
        Document d = compile_file(path);
        CHECK(d.layout == want[fs::path(path).filename().string().substr(0, 3)]);
    }
}

TEST_CASE("numbered plan: unit parentheses, first unit leads", "[compile][units]") {
    Document d = compile_text(
        "一、完善知识产权制度\n\n（一）完善知识产权法律法规规章\n\n"
        "1. 推进修改《国防专利条例》。（中央军委装备发展部、国防科工局、知识产权局负责）\n\n"
        "2. 研究制定大数据、人工智能等新领域新业态知识产权保护规则。（中央宣传部、知识产权局按职责分工负责）\n\n"
        "3. 研究建立健全符合知识产权审判规律的特别程序法律制度。（最高人民法院负责）\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(canonicals(d.tasks[0]) == std::vector<std::string>{"中央军委装备发展部/lead", "国家国防科技工业局/participant",
                                                             "国家知识产权局/participant"});
    CHECK(canonicals(d.tasks[1]) == std::vector<std::string>{"中共中央宣传部/lead", "国家知识产权局/participant"});
    CHECK(canonicals(d.tasks[2]) == std::vector<std::string>{"最高人民法院/responsible"});
    // The task text drops the unit clause; the measure keeps it as printed.
    CHECK(d.tasks[0].text == "推进修改《国防专利条例》。");
    CHECK(d.tasks[0].section_path == std::vector<std::string>{"一", "（一）"});
    CHECK(d.tasks[2].id == "snippet:一/（一）/3");
}

TEST_CASE("other responsibility phrasings: 牵头/参与, 牵头单位：…；参与单位：…", "[compile][units]") {
    Document d = compile_text(
        "一、完善制度\n\n1. 推进修订《反垄断法》。（市场监管总局牵头，农业农村部、知识产权局参与）\n\n"
        "2. 制定规划（2021—2025年）。（牵头单位：知识产权局；参与单位：教育部）\n");
    CHECK(d.layout == "numbered-plan");
    REQUIRE(d.tasks.size() == 2);
    CHECK(canonicals(d.tasks[0]) == std::vector<std::string>{"国家市场监督管理总局/lead", "农业农村部/participant",
                                                             "国家知识产权局/participant"});
    // A parenthesis that is not a unit clause stays in the text.
    CHECK(d.tasks[1].text == "制定规划（2021—2025年）。");
    CHECK(canonicals(d.tasks[1]) == std::vector<std::string>{"国家知识产权局/lead", "教育部/participant"});
}

TEST_CASE("guidance: each clause is a measure with its own units", "[compile][units]") {
    Document d = compile_text(
        "二、坚持质量导向\n\n"
        "(二) 落实知识产权高质量发展指标要求。继续严厉打击非正常专利申请行为。（保护司、专利局审业部负责）"
        "全领域深化打击商标恶意注册行为，重点治理商标囤积。（商标局负责）各地要树牢高质量发展理念。（各地方知识产权局负责）\n");
    REQUIRE(d.tasks.size() == 1);
    const Task& t = d.tasks[0];
    CHECK(t.title == std::optional<std::string>("落实知识产权高质量发展指标要求"));
    CHECK(t.label == std::optional<std::string>("(二)"));
    CHECK(t.number == std::optional<int>(2));
    REQUIRE(t.measures.size() == 3);
    CHECK(t.measures[2].actor == std::optional<std::string>("各地"));
    CHECK(canonicals(t) == std::vector<std::string>{"国家知识产权局知识产权保护司/lead",
                                                   "国家知识产权局专利局审查业务管理部/participant",
                                                   "国家知识产权局商标局/participant", "各地方知识产权局/participant"});
    // A local unit binds the provinces.
    REQUIRE(t.scope.size() == 1);
    CHECK(t.scope[0].tier == "province");
    CHECK(t.scope[0].obligation == "mandatory");
}

TEST_CASE("a （一） line is a section when bare, an item when it carries a paragraph", "[compile][segment]") {
    Document d = compile_text(
        "二、主要任务\n\n（一）夯实工作基础\n\n1. 强化检查考核评估和满意度调查。制定实施推进计划。\n\n"
        "三、工作要求\n\n(一) 加强组织领导。各地区要高度重视，精心组织实施。\n\n(二) 加强业务指导。继续开展案卷评查工作。\n");
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].kind == "task");
    CHECK(d.tasks[0].section_path == std::vector<std::string>{"二", "（一）"});
    CHECK(d.tasks[1].kind == "requirement");
    CHECK(d.tasks[1].label == std::optional<std::string>("(一)"));
    CHECK(d.tasks[1].measures[0].actor == std::optional<std::string>("各地区"));
    CHECK(d.tasks[2].title == std::optional<std::string>("加强业务指导"));
}

TEST_CASE("a requirements part without items is one unlabelled requirement", "[compile][segment]") {
    Document d = compile_text(
        "一、总体要求\n\n（二）主要目标。发明专利审查周期压减到16个月，结案准确率达93%以上。\n\n"
        "二、工作要求\n\n各省、自治区、直辖市知识产权管理部门要高度重视，于2023年12月15日前报送。\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(d.tasks[0].kind == "requirement");
    CHECK_FALSE(d.tasks[0].label);
    CHECK_FALSE(d.tasks[0].number);
    REQUIRE(d.tasks[0].deadlines.size() == 1);
    CHECK(d.tasks[0].deadlines[0].date == "2023-12-15");
    // Goals of the preamble stay out of the tasks.
    CHECK(d.goals.size() == 2);
}

TEST_CASE("cover notice: metadata, addressees, reporting deadlines, scope inheritance", "[compile][cover]") {
    Document d = compile_file(kRoot + "/data/corpus/001_d6aba352ee8e7e22.txt");
    CHECK(d.title == std::optional<std::string>("2022年全国知识产权行政保护工作方案"));
    CHECK(d.doc_number == std::optional<std::string>("国知发保字〔2022〕5号"));
    CHECK(d.issuer == std::optional<std::string>("国家知识产权局"));
    CHECK(d.issued == std::optional<std::string>("2022-01-20"));
    CHECK(d.published == std::optional<std::string>("2022-01-24"));
    CHECK(d.year == std::optional<int>(2022));
    REQUIRE(d.addressees.size() == 1);
    REQUIRE(d.deadlines.size() == 2);
    CHECK(d.deadlines[0].date == "2022-02-28");
    CHECK(d.deadlines[1].date == "2022-12-01");
    REQUIRE(d.tasks.size() == 18);
    for (const auto& t : d.tasks) {
        CHECK(t.units.empty());
        REQUIRE(t.scope.size() == 1);  // every task binds the addressed provinces
        CHECK(t.scope[0].tier == "province");
    }
    // The website footer and the preamble never become tasks.
    CHECK_FALSE(find_task(d, "京ICP备"));
    CHECK_FALSE(find_task(d, "坚持以习近平新时代"));
}

TEST_CASE("flattened PDF table: wrapped cells, page breaks inside a row", "[compile][table]") {
    Document d = compile_file(kRoot + "/data/corpus/003_be8e79e834ab801c.txt");
    REQUIRE(d.tasks.size() == 19);
    const Task& t1 = d.tasks[0];
    CHECK(t1.title == std::optional<std::string>("高标准落实《关于强化知识产权保护的意见》"));
    CHECK(t1.completion == std::optional<std::string>("年内有阶段性成果"));
    REQUIRE(t1.measures.size() == 2);
    CHECK(t1.measures[0].actor == std::optional<std::string>("国家知识产权局"));
    CHECK(t1.measures[1].actor == std::optional<std::string>("各地区"));
    // Row 2 continues on the next page: its 各地区/有关地区 measures and scope.
    const Task& t2 = d.tasks[1];
    CHECK(t2.measures.size() == 3);
    CHECK(t2.scope.size() == 2);
    // Row 11: text after the page header goes back to the measures column.
    const Task* t11 = find_task(d, "识产权军民融合试点工作");
    REQUIRE(t11);
    CHECK(t11->number == std::optional<int>(11));
    CHECK(t11->scope.size() == 3);
    // Row 14: a unit list wrapped over five lines.
    CHECK(d.tasks[13].units.size() == 5);
    CHECK(d.tasks[13].units[0].role == "lead");
}

TEST_CASE("tabbed PDF table: centred numbers, lost and corrupt numbers repaired", "[compile][table][numbering]") {
    Document d = compile_file(kRoot + "/data/corpus/000_83ac722d97caa312.txt");
    REQUIRE(d.tasks.size() == 19);
    CHECK(d.tasks[7].label == std::optional<std::string>("0."));
    CHECK(d.tasks[7].number == std::optional<int>(8));
    CHECK_FALSE(d.tasks[13].label);
    CHECK(d.tasks[13].number == std::optional<int>(14));
    // Duplicated printed numbers are kept, with distinct ids.
    CHECK(d.tasks[10].number == std::optional<int>(10));
    CHECK(d.tasks[10].id != d.tasks[9].id);
    auto count = [&](const std::string& code) {
        return std::count_if(d.diagnostics.begin(), d.diagnostics.end(),
                             [&](const Diagnostic& x) { return x.code == code; });
    };
    CHECK(count("duplicate-number") == 2);
    CHECK(count("number-repaired") == 2);
    // The measures printed above the centred number belong to its row.
    CHECK(d.tasks[0].title == std::optional<std::string>("建立《纲要》和《规划》落实的衔接机制"));
    CHECK(d.tasks[0].text.find("充分发挥国务院知识产权战略实施工作部际联席会议机制作用") != std::string::npos);
    CHECK(d.tasks[0].scope.size() == 3);
}

TEST_CASE("numbering repair follows the sequence", "[compile][numbering]") {
    auto make = [](std::vector<std::optional<int>> printed) {
        std::vector<Task> ts;
        for (size_t i = 0; i < printed.size(); ++i) {
            Task t;
            t.seq = static_cast<int>(i) + 1;
            t.number = printed[i];
            if (printed[i]) t.label = std::to_string(*printed[i]) + ".";
            ts.push_back(t);
        }
        return ts;
    };
    Document doc;
    doc.id = "d";
    auto ts = make({1, 2, 0, 4, std::nullopt, 6, 6, 8});
    number_tasks(ts, std::vector<bool>(ts.size(), false), doc);
    std::vector<int> got;
    for (const auto& t : ts) got.push_back(t.number.value_or(-1));
    CHECK(got == std::vector<int>{1, 2, 3, 4, 5, 6, 6, 8});
    CHECK(ts[6].id == "d:6~2");
    std::vector<std::string> codes;
    for (const auto& x : doc.diagnostics) codes.push_back(x.code);
    CHECK(codes == std::vector<std::string>{"number-repaired", "number-repaired", "duplicate-number", "number-gap"});
}

TEST_CASE("grammar files: errors name file and line", "[compile][grammar]") {
    fs::path dir = fs::temp_directory_path() / "qingdan-bad-grammar";
    fs::create_directories(dir);
    std::ofstream(dir / "broken.grammar") << "name = broken\n\nitem = ^(\\d+[.\n";
    try {
        load_grammars({dir.string()});
        FAIL("a bad regex must be rejected");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("broken.grammar:3:") != std::string::npos);
    }
    // Given to the CLI, the broken file is a bad option value: a usage error
    // (exit 2) naming file and line, not an internal one.
    const std::string good = kRoot + "/data/corpus/002_07740394ff6dd330.txt";
    Run r = run("compile --grammars " + dir.string() + " " + good + " 2>&1 >/dev/null");
    CHECK(r.status == 2);
    CHECK(r.out.find("broken.grammar:3:") != std::string::npos);
    fs::path data = fs::temp_directory_path() / "qingdan-bad-data";
    fs::create_directories(data);
    for (const auto& e : fs::directory_iterator(kRoot + "/data"))
        if (e.is_regular_file()) fs::copy_file(e.path(), data / e.path().filename(), fs::copy_options::overwrite_existing);
    std::ofstream(data / "unit_phrasing.tsv", std::ios::app) << "no-such-kind\tfoo\n";
    r = run("compile --data " + data.string() + " " + good + " 2>&1 >/dev/null");
    CHECK(r.status == 2);
    CHECK(r.out.find("unit_phrasing.tsv:") != std::string::npos);
    CHECK(r.out.find("unknown kind 'no-such-kind'") != std::string::npos);
    fs::remove_all(data);
    fs::remove_all(dir);
}

TEST_CASE("CLI: exit codes, bad inputs, forced layout", "[compile][cli]") {
    fs::path dir = fs::temp_directory_path() / "qingdan-cli-test";
    fs::create_directories(dir);
    std::ofstream(dir / "binary.txt", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    std::ofstream(dir / "empty.txt");
    std::string good = kRoot + "/data/corpus/002_07740394ff6dd330.txt";

    Run r = run("compile " + (dir / "binary.txt").string() + " " + good + " -q 2>/dev/null");
    CHECK(r.status == 3);
    CHECK(r.out.find("\"numbered-plan\"") != std::string::npos);  // the good input is still written

    r = run("compile " + (dir / "empty.txt").string() + " -q 2>/dev/null");
    CHECK(r.status == 0);
    CHECK(r.out.find("\"tasks\": []") != std::string::npos);

    CHECK(run("compile /nonexistent/file.txt 2>/dev/null").status == 3);
    CHECK(run("compile --format xml " + good + " 2>/dev/null").status == 2);
    CHECK(run("frobnicate 2>/dev/null").status == 2);
    CHECK(run("compile --layout no-such-layout " + good + " 2>/dev/null").status == 2);

    r = run("compile --layout work-plan " + good + " -q");
    CHECK(r.out.find("\"layout\": \"work-plan\"") != std::string::npos);

    r = run("grammars");
    for (const char* g : {"numbered-plan", "work-plan", "guidance", "task-table"}) CHECK(r.out.find(g) != std::string::npos);

    CHECK(run("validate " + good + " -q 2>/dev/null").status == 0);
    CHECK(run("validate --strict " + kRoot + "/data/corpus/000_83ac722d97caa312.txt 2>/dev/null").status == 1);
    r = run("compile " + kRoot + "/data/corpus/000_83ac722d97caa312.txt --diagnostics json 2>&1 >/dev/null");
    CHECK(r.out.find("\"code\"") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("JSON Lines: one task per line with doc_id", "[compile][jsonl]") {
    Document d = compile_file(kRoot + "/data/corpus/002_07740394ff6dd330.txt");
    std::string out = render_jsonl({d});
    size_t lines = std::count(out.begin(), out.end(), '\n');
    CHECK(lines == d.tasks.size());
    Json first = Json::parse(out.substr(0, out.find('\n')));
    CHECK(first["doc_id"] == d.id);
    CHECK(first["seq"] == 1);
}

TEST_CASE("JSON round trip through documents_from_json", "[compile][json]") {
    for (const auto& path : corpus()) {
        Document d = compile_file(path);
        std::string a = render_json({d});
        std::string b = render_json(documents_from_json(Json::parse(a)));
        CHECK(a == b);
    }
}

// A qingdan/1 document whose integer fields hold numbers no int can (found
// by fuzz_json: converting 2e+49 to int is undefined behaviour) or a
// fraction is refused like a field of the wrong type, with its name.
TEST_CASE("JSON input: integer fields out of range are refused and never converted", "[compile][json]") {
    auto with_number = [](const std::string& n) {
        return Json::parse(R"({"schema":"qingdan/1","documents":[{"id":"a","tasks":[{"id":"a-1","number":)" + n +
                           R"(,"text":"推进工作。"}]}]})");
    };
    for (const char* bad : {"2e49", "-2e49", "3000000000", "1.5"}) {
        INFO(bad);
        try {
            (void)documents_from_json(with_number(bad));
            FAIL("accepted");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("number") != std::string::npos);
        }
    }
    auto docs = documents_from_json(with_number("12"));
    REQUIRE(docs.size() == 1);
    REQUIRE(docs[0].tasks.size() == 1);
    CHECK(docs[0].tasks[0].number == std::optional<int>(12));
    CHECK(documents_from_json(with_number("12.0"))[0].tasks[0].number == std::optional<int>(12));
}
