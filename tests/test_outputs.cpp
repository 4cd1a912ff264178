// Outputs for people (issue 15): XLSX read back by openpyxl, HTML parsed by
// gumbo (and rendered and printed to PDF by headless Chromium when it is
// installed), the Chinese CSV and Markdown goldens, the diff's Markdown,
// the unit-shape filter and the command line's messages.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <gumbo.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "diff.hpp"
#include "json.hpp"
#include "support.hpp"
#include "unit_shape.hpp"
#include "xlsx.hpp"

namespace fs = std::filesystem;
using namespace qingdan;
using qingdan::test::kRoot;
using qingdan::test::slurp;

namespace {

using Run = qingdan::test::ShellRun;

Run sh(const std::string& cmd) { return qingdan::test::shell(cmd); }

// The built qingdan, from the project root (sources print relative).
Run qd(const std::string& args) { return sh("cd '" + kRoot + "' && '" + std::string(QINGDAN_BINARY) + "' " + args); }

fs::path temp_dir(const std::string& tag) {
    fs::path p = fs::temp_directory_path() / ("qingdan-outputs-" + tag + "-" + std::to_string(getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

// Debian's python3 with python3-openpyxl; a pyenv python may lack it.
std::string openpyxl_python() {
    for (const char* py : {"/usr/bin/python3", "python3"})
        if (std::system((std::string(py) + " -c 'import openpyxl' >/dev/null 2>&1").c_str()) == 0) return py;
    return "";
}

const std::string k2020 = "data/corpus/003_be8e79e834ab801c.txt";
const std::string k2022 = "data/corpus/000_83ac722d97caa312.txt";

// ---- gumbo ------------------------------------------------------------------

struct Html {
    GumboOutput* out;
    explicit Html(const std::string& s) : out(gumbo_parse_with_options(&kGumboDefaultOptions, s.data(), s.size())) {}
    ~Html() { gumbo_destroy_output(&kGumboDefaultOptions, out); }
    Html(const Html&) = delete;
    Html& operator=(const Html&) = delete;
};

std::string attr(const GumboNode* n, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : "";
}

void walk(const GumboNode* n, const std::function<void(const GumboNode*)>& f) {
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
    if (n->type == GUMBO_NODE_ELEMENT) f(n);
    const GumboVector& kids = n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), f);
}

int count_tag(const Html& h, GumboTag tag, const char* type = nullptr) {
    int n = 0;
    walk(h.out->root, [&](const GumboNode* e) {
        if (e->v.element.tag == tag && (!type || attr(e, "type") == type)) ++n;
    });
    return n;
}

size_t json_items(const std::string& json) {
    size_t n = 0;
    Json j = Json::parse(json);
    for (const auto& c : j["checklists"]) n += c["items"].size();
    return n;
}

// Headless Chromium renders `html` and prints it to PDF; the PDF's size, or
// -1 when Chromium failed.
long print_to_pdf(const fs::path& html, const fs::path& dir) {
    fs::path pdf = dir / "out.pdf";
    fs::path profile = dir / "chromium-profile";
    fs::create_directories(profile);
    std::string cmd = "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic "
                      "--no-first-run --disable-background-networking --disable-component-update --disable-sync "
                      "--user-data-dir='" + profile.string() + "' --print-to-pdf='" + pdf.string() + "' 'file://" +
                      html.string() + "' >/dev/null 2>&1";
    std::system(cmd.c_str());
    if (!fs::exists(pdf)) return -1;
    return static_cast<long>(fs::file_size(pdf));
}

}  // namespace

// ---- XLSX ---------------------------------------------------------------------

TEST_CASE("safe_sheet_names: Excel's rules, unique ignoring case", "[outputs][xlsx]") {
    auto n = safe_sheet_names({"a/b:c", "'引号'", "", "ABC", "abc", std::string(40, 'x'), std::string(40, 'x'),
                               "国家知识产权局知识产权保护司、国家知识产权局知识产权运用促进司和条法司", "History"});
    CHECK(n[0] == "a_b_c");
    CHECK(n[1] == "引号");
    CHECK(n[2] == "Sheet");
    CHECK(n[3] == "ABC");
    CHECK(n[4] == "abc~2");
    CHECK(n[5] == std::string(31, 'x'));
    CHECK(n[6] == std::string(29, 'x') + "~2");
    CHECK(n[7] == "国家知识产权局知识产权保护司、国家知识产权局知识产权运用促进司");  // 31 characters
    CHECK(n[8] == "SheetHistory");
}

TEST_CASE("checklist --format xlsx reads back with openpyxl: header, rows, freeze, filter, drop-down",
          "[outputs][xlsx]") {
    std::string py = openpyxl_python();
    if (py.empty()) {
        WARN("python3 with openpyxl is missing (apt-get install python3-openpyxl): XLSX read-back skipped");
        return;
    }
    fs::path dir = temp_dir("xlsx");
    fs::path xlsx = dir / "units.xlsx";
    Run w = qd("-q checklist data/corpus --by unit --format xlsx -o '" + xlsx.string() + "' 2>/dev/null");
    REQUIRE(w.status == 0);
    Run js = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    size_t items = json_items(js.out);
    std::ofstream(dir / "read.py") << R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
index = wb.worksheets[0]
print("index", index.title, index.max_row - 1, index["A1"].value, index["D1"].value)
rows = 0
for ws in wb.worksheets[1:]:
    rows += ws.max_row - 1
    header = [c.value for c in ws[1]]
    vals = [dv.formula1 for dv in ws.data_validations.dataValidation]
    ok = (ws.freeze_panes == "A2" and ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
          and header[-1] == "完成情况" and '"未开始,推进中,已完成"' in vals
          and ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize in ("9", 9)
          and ws.print_title_rows is not None and "&P" in (ws.oddFooter.center.text or ""))
    if not ok:
        print("bad sheet", ws.title, ws.freeze_panes, ws.auto_filter.ref, header[-1], vals,
              ws.page_setup.orientation, ws.page_setup.paperSize, ws.print_title_rows)
print("header", ",".join(str(h) for h in [c.value for c in wb.worksheets[1][1]]))
print("rows", rows)
print("sheets", len(wb.worksheets) - 1)
)PY";
    Run r = sh(py + " '" + (dir / "read.py").string() + "' '" + xlsx.string() + "' 2>&1");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("bad sheet") == std::string::npos);
    CHECK(r.out.find("header 序号,角色,文件标题,年度,章节标题,标号,任务,任务内容,牵头单位,配合单位,范围,完成时限,") !=
          std::string::npos);
    CHECK(r.out.find("rows " + std::to_string(items) + "\n") != std::string::npos);
    size_t lists = Json::parse(js.out)["checklists"].size();
    CHECK(r.out.find("sheets " + std::to_string(lists) + "\n") != std::string::npos);
    CHECK(r.out.find("index 目录 " + std::to_string(lists) + " 单位 工作表") != std::string::npos);

    // The diff as a workbook: 概览, 新增, 删除, 变更 with old and new side by side.
    fs::path dx = dir / "diff.xlsx";
    Run d = qd("-q diff " + k2020 + " " + k2022 + " --format xlsx -o '" + dx.string() + "' 2>/dev/null");
    CHECK(d.status == 1);
    Run dj = qd("-q diff " + k2020 + " " + k2022 + " --format json --summary 2>/dev/null");
    Json s = Json::parse(dj.out)["summary"];
    std::ofstream(dir / "diff.py") << R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("|".join(ws.title for ws in wb.worksheets))
for ws in wb.worksheets[1:]:
    print(ws.title, ws.max_row - 1, ws.freeze_panes)
print("changed-header", ",".join(str(c.value) for c in wb["变更"][1]))
)PY";
    Run rd = sh(py + " '" + (dir / "diff.py").string() + "' '" + dx.string() + "' 2>&1");
    INFO(rd.out);
    CHECK(rd.out.rfind("概览|新增|删除|变更\n", 0) == 0);
    CHECK(rd.out.find("新增 " + std::to_string(s["added"].get<int>()) + " A2") != std::string::npos);
    CHECK(rd.out.find("删除 " + std::to_string(s["removed"].get<int>()) + " A2") != std::string::npos);
    CHECK(rd.out.find("变更 " + std::to_string(s["changed"].get<int>()) + " A2") != std::string::npos);
    CHECK(rd.out.find("changed-header 变更项,相似度,原编号,新编号,原任务,新任务,原任务内容,新任务内容,") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("XLSX is never written to a terminal", "[outputs][xlsx][cli]") {
    // `script` gives the command a terminal as stdout.
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        WARN("script(1) is missing: terminal refusal not tested");
        return;
    }
    Run r = sh("cd '" + kRoot + "' && script -qec \"'" + std::string(QINGDAN_BINARY) +
               "' -q checklist data/corpus --by unit --format xlsx\" /dev/null 2>&1");
    CHECK(r.out.find("XLSX is a binary file; write it with -o FILE") != std::string::npos);
    CHECK(r.out.find("PK") == std::string::npos);
}

// ---- HTML -----------------------------------------------------------------------

TEST_CASE("checklist --format html: one self-contained page, a checkbox per task, a contents list",
          "[outputs][html]") {
    Run js = qd("-q checklist data/corpus --by province --province 江苏 --format json 2>/dev/null");
    Run h = qd("-q checklist data/corpus --by province --province 江苏 --format html 2>/dev/null");
    REQUIRE(h.status == 0);
    size_t items = json_items(js.out);
    REQUIRE(items > 10);
    Html doc(h.out);
    CHECK(count_tag(doc, GUMBO_TAG_INPUT, "checkbox") == static_cast<int>(items));
    CHECK(count_tag(doc, GUMBO_TAG_SCRIPT) == 0);
    CHECK(count_tag(doc, GUMBO_TAG_LINK) == 0);
    CHECK(count_tag(doc, GUMBO_TAG_IMG) == 0);
    CHECK(count_tag(doc, GUMBO_TAG_NAV) == 1);
    CHECK(count_tag(doc, GUMBO_TAG_SECTION) == 1);
    CHECK(h.out.find("break-before: page") != std::string::npos);
    CHECK(h.out.find("@media print") != std::string::npos);
    CHECK(h.out.find("<th>必做/选做</th>") != std::string::npos);
    CHECK(h.out.find("<span id=\"count-tasks\">" + std::to_string(items) + "</span>") != std::string::npos);
    // No resource from elsewhere: no src= or href= but the page's own anchors.
    walk(doc.out->root, [](const GumboNode* e) {
        std::string href = attr(e, "href"), src = attr(e, "src");
        CHECK((href.empty() || href[0] == '#'));
        CHECK(src.empty());
    });

    Run all = qd("-q checklist data/corpus --by unit --format html 2>/dev/null");
    Run allj = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    Html d2(all.out);
    CHECK(count_tag(d2, GUMBO_TAG_INPUT, "checkbox") == static_cast<int>(json_items(allj.out)));
    CHECK(count_tag(d2, GUMBO_TAG_SECTION) == static_cast<int>(Json::parse(allj.out)["checklists"].size()));
}

TEST_CASE("diff --format html: counts at the top, old and new side by side with <del>/<ins>", "[outputs][html]") {
    Run h = qd("-q diff " + k2020 + " " + k2022 + " --format html 2>/dev/null");
    CHECK(h.status == 1);
    Run dj = qd("-q diff " + k2020 + " " + k2022 + " --format json --summary 2>/dev/null");
    Json s = Json::parse(dj.out)["summary"];
    Html doc(h.out);
    CHECK(count_tag(doc, GUMBO_TAG_SCRIPT) == 0);
    CHECK(count_tag(doc, GUMBO_TAG_DEL) > 0);
    CHECK(count_tag(doc, GUMBO_TAG_INS) > 0);
    int pairs = 0;
    walk(doc.out->root, [&](const GumboNode* e) {
        if (e->v.element.tag == GUMBO_TAG_TR && attr(e, "class") == "pair") ++pairs;
    });
    CHECK(pairs == s["changed"].get<int>());
    for (const char* k : {"added", "removed", "changed", "unchanged"})
        CHECK(h.out.find(std::string("data-count=\"") + k + "\">" + std::to_string(s[k].get<int>()) + "<") !=
              std::string::npos);
    CHECK(h.out.find("id=\"counts\"") < h.out.find("id=\"added\""));
}

TEST_CASE("headless Chromium renders the province checklist and prints it to PDF", "[outputs][html][chromium]") {
    if (!fs::exists("/usr/bin/chromium")) {
        WARN("/usr/bin/chromium is missing (apt-get install chromium): browser rendering skipped");
        return;
    }
    fs::path dir = temp_dir("chromium");
    fs::path html = dir / "江苏.html";
    REQUIRE(qd("-q checklist data/corpus --by province --province 江苏 --format html -o '" + html.string() +
               "' 2>/dev/null")
                .status == 0);
    // The DOM as Chromium builds it: one checkbox per task.
    fs::path profile = dir / "dom-profile";
    Run dom = sh("timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                 "--disable-background-networking --disable-component-update --disable-sync --user-data-dir='" +
                 profile.string() + "' --dump-dom 'file://" + html.string() + "' 2>/dev/null");
    Run js = qd("-q checklist data/corpus --by province --province 江苏 --format json 2>/dev/null");
    size_t boxes = 0;
    for (size_t at = 0; (at = dom.out.find("type=\"checkbox\"", at)) != std::string::npos; ++at) ++boxes;
    CHECK(boxes == json_items(js.out));
    long pdf = print_to_pdf(html, dir);
    CHECK(pdf > 10000);
    fs::path diff = dir / "diff.html";
    qd("-q diff " + k2020 + " " + k2022 + " --format html -o '" + diff.string() + "' 2>/dev/null");
    fs::remove(dir / "out.pdf");
    CHECK(print_to_pdf(diff, dir) > 10000);
    fs::remove_all(dir);
}

// ---- Markdown diff --------------------------------------------------------------

TEST_CASE("diff Markdown renders on GitHub: <del>/<ins> instead of wdiff markup, per-unit view", "[outputs][diff]") {
    Run md = qd("-q diff " + k2020 + " " + k2022 + " 2>/dev/null");
    CHECK(md.status == 1);
    CHECK(md.out.find("[-") == std::string::npos);
    CHECK(md.out.find("{+") == std::string::npos);
    CHECK(md.out.find("<ins>") != std::string::npos);
    CHECK(md.out.find("<del>") != std::string::npos);
    Run by = qd("-q diff " + k2020 + " " + k2022 + " --by unit 2>/dev/null");
    CHECK(by.out.find("## 按单位 By unit") != std::string::npos);
    CHECK(by.out.find("### 国家知识产权局知识产权保护司\n\n新增 ") != std::string::npos);
    CHECK(md.out.find("## 按单位") == std::string::npos);
}

TEST_CASE("punctuation width alone is not an edit, a field on one side only is not a change", "[outputs][diff]") {
    CHECK(same_text("目标：提升质量（试行）", "目标:提升质量(试行)"));
    CHECK_FALSE(same_text("目标：提升质量", "目标：提高质量"));
    Task a, b;
    a.id = "a";
    b.id = "b";
    a.text = "完善制度：推进修订（专利法）";
    b.text = "完善制度:推进修订(专利法)";
    a.title = "完善制度";
    a.completion = "年内完成";
    TaskPair p = compare_tasks(a, b);
    CHECK_FALSE(p.text_changed);
    CHECK_FALSE(p.title_changed);       // no title on the new side
    CHECK_FALSE(p.completion_changed);  // no completion on the new side
    CHECK(p.changes().empty());
    b.text += "加强执法。";
    auto edits = diff_text(a.text, b.text);
    REQUIRE(edits.size() == 2);
    CHECK(edits[1].op == TextEdit::Op::Insert);
    CHECK(edits[1].text == "加强执法。");
}

// ---- only real units --------------------------------------------------------------

TEST_CASE("fragments of damaged text are not units, checklist files or diff leads", "[outputs][units]") {
    UnitShape shape = UnitShape::load(kRoot + "/data/unit_suffixes.txt");
    for (const char* yes : {"国家知识产权局", "江苏省知识产权局", "某某市场监管所", "区政府", "某某街道", "科技部火炬中心",
                            "国务院办公厅（秘书局）", "有关部门", "县人民代表大会"})
        CHECK(shape.looks_like_organisation(yes));
    for (const char* no : {"规范中心运行", "保持速维权中心布局", "强化\"一站式\"服务。坐份", "召开座谈会", "局"})
        CHECK_FALSE(shape.looks_like_organisation(no));

    Run list = qd("checklist data/corpus --by unit --format json 2>&1 >/dev/null");
    CHECK(list.out.find("warning: not-a-unit: `规范中心运行` is in no gazetteer") != std::string::npos);
    Run js = qd("-q checklist data/corpus --by unit --format json 2>/dev/null");
    const Json parsed = Json::parse(js.out);  // named: a range-for over a temporary's member dangles
    for (const auto& c : parsed["checklists"]) {
        CHECK(c["unit"] != "规范中心运行");
        CHECK(c["unit"] != "保持速维权中心布局");
    }
    fs::path dir = temp_dir("units");
    REQUIRE(qd("-q checklist data/corpus --by unit --format md --out-dir '" + dir.string() + "' 2>/dev/null").status ==
            0);
    CHECK_FALSE(fs::exists(dir / "规范中心运行.md"));
    fs::remove_all(dir);
}

// ---- command line -------------------------------------------------------------------

TEST_CASE("bare qingdan lists the commands and exits 2", "[outputs][cli]") {
    Run r = qd("2>&1");
    CHECK(r.status == 2);
    for (const char* c : {"compile", "validate", "text", "grammars", "checklist", "units", "diff"})
        CHECK(r.out.find(std::string("  ") + c + " ") != std::string::npos);
}

TEST_CASE("unknown commands and options get a did-you-mean", "[outputs][cli]") {
    Run r = qd("compil data/corpus 2>&1");
    CHECK(r.status == 2);
    CHECK(r.out.find("qingdan: error: unknown command `compil`; did you mean `compile`?") != std::string::npos);
    Run d = qd("dif a b 2>&1");
    CHECK(d.out.find("did you mean `diff`?") != std::string::npos);
    Run far = qd("frobnicate 2>&1");
    CHECK(far.status == 2);
    CHECK(far.out.find("unknown command `frobnicate`") != std::string::npos);
    CHECK(far.out.find("did you mean") == std::string::npos);
    Run o = qd("compile data/corpus --fromat csv 2>&1");
    CHECK(o.status == 2);
    CHECK(o.out.find("qingdan compile: error: unknown option `--fromat`; did you mean `--format`?") !=
          std::string::npos);
    Run q = qd("-q checklist data/corpus --by unit --provinc 江苏 2>&1");
    CHECK(q.out.find("did you mean `--province`?") != std::string::npos);
}

TEST_CASE("version flags -V and --version, every command's --help has defaults, examples and exit codes", "[outputs][cli]") {
    CHECK(qd("-V").out.rfind("qingdan ", 0) == 0);
    CHECK(qd("--version").out == qd("-V").out);
    for (const char* c : {"compile", "validate", "text", "grammars", "checklist", "units", "diff"}) {
        INFO(c);
        Run h = qd(std::string(c) + " --help");
        CHECK(h.status == 0);
        CHECK(h.out.find("Examples:\n  qingdan ") != std::string::npos);
        CHECK(h.out.find("Exit status:\n  0 ") != std::string::npos);
    }
    CHECK(qd("checklist --help").out.find("=csv") != std::string::npos);
    CHECK(qd("diff --help").out.find("=md") != std::string::npos);
    CHECK(qd("diff --help").out.find("=0.13") != std::string::npos);
    // Options that do nothing for a command are not offered.
    CHECK(qd("grammars --help").out.find("--layout") == std::string::npos);
    CHECK(qd("text --help").out.find("--lang") == std::string::npos);
}

TEST_CASE("man page, completions and schemas ship and install", "[outputs][cli]") {
    if (std::system("command -v man >/dev/null 2>&1") == 0) {
        Run m = sh("MANWIDTH=100 man -l '" + kRoot + "/docs/qingdan.1' 2>/dev/null | col -b");
        for (const char* c : {"compile", "checklist", "diff", "QINGDAN_SHARE", "EXIT STATUS"})
            CHECK(m.out.find(c) != std::string::npos);
    } else {
        CHECK(slurp(kRoot + "/docs/qingdan.1").find(".SH COMMANDS") != std::string::npos);
    }
    CHECK(sh("bash -n '" + kRoot + "/completions/qingdan.bash' 2>&1").status == 0);
    CHECK(slurp(kRoot + "/completions/_qingdan").rfind("#compdef qingdan", 0) == 0);
    std::string cmake = slurp(kRoot + "/CMakeLists.txt");
    CHECK(cmake.find("completions/qingdan.bash") != std::string::npos);
    CHECK(cmake.find("docs/qingdan.1") != std::string::npos);
    // Every property of the new schemas says what it is.
    for (const char* f : {"qingdan-checklist-1.schema.json", "qingdan-units-1.schema.json"}) {
        INFO(f);
        Json s = Json::parse(slurp(kRoot + "/docs/schema/" + f));
        std::function<void(const Json&)> check = [&](const Json& j) {
            if (!j.is_object()) return;
            if (j.contains("properties"))
                for (auto& [k, v] : j["properties"].items()) {
                    INFO(k);
                    CHECK(v.contains("description"));
                    check(v);
                }
            for (const char* sub : {"items", "$defs"})
                if (j.contains(sub)) {
                    if (std::string(sub) == "$defs")
                        for (auto& [k, v] : j[sub].items()) check(v);
                    else
                        check(j[sub]);
                }
        };
        check(s);
    }
}
