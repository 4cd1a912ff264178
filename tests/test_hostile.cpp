// Hostile inputs through the `compile` command as a user runs it (issue 13,
// items 2 and 5): every hostile office fixture ends in a clear error naming
// the file, or in a bounded result; peak memory of the run read with wait4's
// rusage (never a timing); the regex subject cap warns, never silently.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <zip.h>

#include "pattern.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;
using qingdan::test::compiler;
using qingdan::test::kRoot;
using qingdan::test::slurp;

namespace {

const fs::path kHostile = fs::path(kRoot) / "tests/fixtures/office/hostile";

// AddressSanitizer's shadow memory makes RSS meaningless as a bound: the
// memory assertions run in the normal build only (as in test_batch.cpp).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssMeaningful = false;
#else
constexpr bool kRssMeaningful = true;
#endif

struct Temp {
    fs::path path = fs::temp_directory_path() / ("qingdan-hostile-" + std::to_string(::getpid()));
    Temp() { fs::create_directories(path); }
    ~Temp() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// One `qingdan ARGS...` run: exit status, stdout, stderr and its peak RSS.
struct Run {
    int status = -1;  // -1: killed by a signal
    std::string out, err;
    long peak_kb = 0;
};

Run run_cli(const std::vector<std::string>& args, const fs::path& scratch) {
    const fs::path out = scratch / "stdout", err = scratch / "stderr";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(127);
        std::vector<char*> argv{const_cast<char*>("qingdan")};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(QINGDAN_BINARY, argv.data());
        _exit(127);
    }
    int st = 0;
    rusage ru{};
    REQUIRE(wait4(pid, &st, 0, &ru) == pid);
    Run r;
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    r.peak_kb = ru.ru_maxrss;
    return r;
}

// An .xlsx written with libzip (deflated, as Excel writes it): one sheet.
void write_xlsx(const fs::path& path, const std::string& sheet_xml) {
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
         "<sheet name=\"任务清单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet_xml},
    };
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z);
    for (const auto& [name, data] : parts) {
        zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
        REQUIRE(src);
        REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(z) == 0);  // compresses and writes now, while `parts` is alive
}

std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

TEST_CASE("compile on every hostile office fixture: a clear error naming the file, or a bounded result",
          "[hostile][cli]") {
    Temp tmp;
    struct Case {
        const char* file;
        int status;          // the exit status
        const char* expect;  // on stderr: "<file>: error: <code>" (nullptr: none expected)
    };
    // Unreadable inputs exit 3 (README: an input that could not be read);
    // a document read without a task is reported (`no-tasks`), and
    // `compile` still writes it (only `validate` gates on it).
    const std::vector<Case> cases = {
        {"truncated.docx", 3, "error: corrupt-input"},  {"bomb.docx", 3, "error: input-too-large"},
        {"legacy.doc", 3, "error: legacy-format"},      {"slides.pptx", 3, "error: unsupported-format"},
        {"scan.pdf", 3, "error: needs-ocr"},            {"pages10000.pdf", 0, "error: no-tasks"},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        const std::string path = (kHostile / c.file).string();
        Run r = run_cli({"compile", path, "--format", "json"}, tmp.path);
        INFO(r.err);
        CHECK(r.status == c.status);
        CHECK(r.err.find(path + ": " + c.expect) != std::string::npos);
        if (kRssMeaningful) CHECK(r.peak_kb < 512 * 1024);
    }
    // A PDF whose cross-reference table points nowhere: poppler rebuilds
    // it and the page is read, or the file is reported as corrupt.
    Run bad = run_cli({"compile", (kHostile / "bad-xref.pdf").string()}, tmp.path);
    INFO(bad.err);
    CHECK(bad.status != -1);
    CHECK(bad.status != 4);
    CHECK((bad.err.find("error: corrupt-input") != std::string::npos ||
           bad.err.find("info: pdf-input") != std::string::npos || bad.out.find("\"pdf-input\"") != std::string::npos));
    // External entities are never resolved and internal ones never expanded:
    // the document compiles, without /etc/passwd and without the laughs.
    Run xxe = run_cli({"compile", (kHostile / "xxe.docx").string(), "--format", "json"}, tmp.path);
    CHECK(xxe.status == 0);
    CHECK(xxe.out.find("root:") == std::string::npos);
    CHECK(xxe.out.find("aaaaaaaa") == std::string::npos);
    CHECK(xxe.out.find("总体要求") != std::string::npos);
}

TEST_CASE("an XLSX with a million empty rows compiles its tasks within bounded memory", "[hostile][xlsx]") {
    Temp tmp;
    // A task sheet whose formatting reaches row 1,000,000 (a style applied to
    // whole columns): every row below the tasks present, empty, styled.
    std::string sheet = "<?xml version=\"1.0\"?><worksheet "
                        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    sheet += "<row r=\"1\">" + inline_cell("A1", "序号") + inline_cell("B1", "重点任务") +
             inline_cell("C1", "责任单位") + "</row>";
    const std::vector<std::pair<std::string, std::string>> tasks = {
        {"加强知识产权行政保护，严厉打击商标侵权行为。", "国家知识产权局"},
        {"完善专利侵权纠纷行政裁决制度。", "国家知识产权局"},
        {"开展知识产权保护社会满意度调查。", "市场监管总局"},
    };
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const std::string r = std::to_string(i + 2);
        sheet += "<row r=\"" + r + "\">" + inline_cell("A" + r, std::to_string(i + 1)) +
                 inline_cell("B" + r, tasks[i].first) + inline_cell("C" + r, tasks[i].second) + "</row>";
    }
    for (int r = 5; r <= 1'000'000; ++r)
        sheet += "<row r=\"" + std::to_string(r) + "\" spans=\"1:3\" s=\"1\" customFormat=\"1\"/>";
    sheet += "</sheetData></worksheet>";
    const fs::path xlsx = tmp.path / "million.xlsx";
    write_xlsx(xlsx, sheet);
    sheet = std::string();

    Run r = run_cli({"compile", xlsx.string(), "--format", "json"}, tmp.path);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("严厉打击商标侵权行为") != std::string::npos);
    CHECK(r.out.find("开展知识产权保护社会满意度调查") != std::string::npos);
    CHECK(r.out.find("市场监管总局") != std::string::npos);
    INFO("peak RSS " << r.peak_kb / 1024 << " MB");
    // The sheet XML inflates to about 50 MB; its DOM, the rows kept (three)
    // and the pipeline stay well under 512 MB.
    if (kRssMeaningful) CHECK(r.peak_kb < 512 * 1024);
}

TEST_CASE("regex subject cap: a line beyond the cap is read in part, with a warning naming it", "[hostile][regex]") {
    const std::string head = "关于印发工作方案的通知\n\n一、重点任务\n"
                             "1. 加强知识产权行政保护。（国家知识产权局负责）\n";
    const std::string tail = "3. 开展知识产权保护社会满意度调查。（市场监管总局负责）\n";
    std::string long_line = "2. ";
    while (long_line.size() <= Pattern::kMaxSubject + 1000) long_line += "完善专利侵权纠纷行政裁决制度，";
    long_line += "（国家知识产权局负责）\n";

    Document capped = compiler().compile(head + long_line + tail, "long.txt");
    const Diagnostic* warn = nullptr;
    for (const auto& d : capped.diagnostics)
        if (d.code == "line-too-long") warn = &d;
    REQUIRE(warn != nullptr);
    CHECK(warn->severity == "warning");
    CHECK(warn->line == 5);  // the overlong line of the input
    CHECK(warn->message.find(std::to_string(long_line.size() - 1)) != std::string::npos);
    // The lines around it are read as ever.
    bool first = false, last = false;
    for (const auto& t : capped.tasks) {
        first |= t.text.find("加强知识产权行政保护") != std::string::npos;
        last |= t.text.find("满意度调查") != std::string::npos && !t.units.empty();
    }
    CHECK(first);
    CHECK(last);

    // Below the cap: no warning, and the count starts afresh per document.
    Document plain = compiler().compile(head + tail, "short.txt");
    for (const auto& d : plain.diagnostics) CHECK(d.code != "line-too-long");
}
