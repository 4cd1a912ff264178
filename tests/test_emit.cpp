// The CSV and Markdown emitters: CSV read back by real parsers (Python's csv
// module and a strict RFC 4180 reader below) round-trips every field, the
// --excel variant is safe to open, and document text cannot break the
// Markdown `- [ ]` structure.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>
#include <unistd.h>

#include "checklist.hpp"
#include "emit.hpp"
#include "json.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

// The machine form: English keys, RFC 4180 without BOM (`--lang en --plain`).
EmitOptions plain_en() {
    EmitOptions o;
    o.excel = false;
    o.lang = "en";
    return o;
}

using qingdan::test::kRoot;
using qingdan::test::slurp;

using Rows = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader: records end with LF or CRLF, quoted fields may
// hold anything with "" for a quote; a quote inside an unquoted field or
// text after a closing quote is an error.
Rows parse_csv(std::string_view s) {
    Rows rows;
    std::vector<std::string> rec;
    std::string field;
    size_t i = 0;
    bool any = false;
    auto end_field = [&] {
        rec.push_back(field);
        field.clear();
    };
    while (i < s.size()) {
        any = true;
        if (s[i] == '"') {
            ++i;
            for (;;) {
                if (i >= s.size()) throw std::runtime_error("unterminated quoted field");
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += s[i++];
            }
            if (i < s.size() && s[i] != ',' && s[i] != '\n' && !(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n'))
                throw std::runtime_error("text after a closing quote");
        } else {
            while (i < s.size() && s[i] != ',' && s[i] != '\n' && !(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
                if (s[i] == '"') throw std::runtime_error("quote inside an unquoted field");
                if (s[i] == '\r') throw std::runtime_error("bare CR in an unquoted field");
                field += s[i++];
            }
        }
        if (i >= s.size()) break;
        if (s[i] == ',') {
            end_field();
            ++i;
            continue;
        }
        // record end
        end_field();
        rows.push_back(rec);
        rec.clear();
        any = false;
        i += s[i] == '\r' ? 2 : 1;
    }
    if (any) {
        end_field();
        rows.push_back(rec);
    }
    return rows;
}

std::string python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

fs::path temp_dir(const std::string& tag) {
    fs::path p = fs::temp_directory_path() / ("qingdan-emit-" + tag + "-" + std::to_string(getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

// Python's csv module reads `path` (utf-8-sig: a BOM is skipped) and prints
// the rows as ASCII JSON.
Rows python_csv(const fs::path& path) {
    fs::path script = path.parent_path() / "read_csv.py";
    std::ofstream(script) << "import csv, json, sys\n"
                             "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                             "    rows = list(csv.reader(f, strict=True))\n"
                             "json.dump(rows, sys.stdout, ensure_ascii=True)\n";
    std::string cmd = python() + " '" + script.string() + "' '" + path.string() + "'";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    int st = pclose(p);
    REQUIRE(WIFEXITED(st));
    REQUIRE(WEXITSTATUS(st) == 0);
    Rows rows;
    for (const auto& r : Json::parse(out)) rows.push_back(r.get<std::vector<std::string>>());
    return rows;
}

bool have_python() { return std::system((python() + " -c 'import csv' 2>/dev/null").c_str()) == 0; }

// A document whose every text field is hostile to CSV and Markdown.
Document hostile_document() {
    Document d;
    d.id = "evil,\"doc\"";
    d.source = "dir/evil, \"name\".txt";
    d.title = "标题, with \"quotes\"\nand a newline";
    d.sections.push_back({"一、", 1, 1, {"一"}, "部分,一\n# 假标题", "tasks", {}});
    d.sections.back().span.line_start = d.sections.back().span.line_end = 1;
    const char* texts[] = {
        "含逗号,和\"引号\"以及\n换行\r\n与CRLF",
        "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "+1+2",
        "-3, 负数",
        "@SUM(A1:A2)",
        "\t制表符开头",
        "\r回车开头",
        "正常文本 = 不是公式",
        "\n- [ ] 伪造的条目\n# 伪造的标题\n1. 伪造的有序列表",
        "<script>alert(1)</script> **粗体** [链接](http://x) `代码` | 表格 |",
        "",
    };
    int seq = 0;
    for (const char* text : texts) {
        Task t;
        ++seq;
        t.id = d.id + ":一/" + std::to_string(seq);
        t.seq = seq;
        t.kind = "task";
        t.label = std::to_string(seq) + ".";
        t.number = seq;
        t.section_path = {"一"};
        t.title = seq % 2 ? std::optional<std::string>(std::string("标题,") + text) : std::nullopt;
        t.text = text;
        t.measures.push_back({std::nullopt, text, {}});
        t.units.push_back({"=保护司", "=国家知识产权局知识产权保护司", "lead", "cnipa-internal"});
        t.units.push_back({"a,b", "a,\"b\"", "participant", "other"});
        t.scope.push_back({"province", "各省份\n必做", "mandatory", "省份：各省份必做"});
        t.targets.push_back({"目标,\"引号\"", "m", ">=", 1, "%"});
        t.deadlines.push_back({"2023年底前", "2023-12-31", "by"});
        t.completion = "-年内";
        t.span.line_start = seq * 2;
        t.span.line_end = seq * 2 + 1;
        d.tasks.push_back(t);
    }
    return d;
}

std::string neutralised(const std::string& cell) {
    if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos) return "'" + cell;
    return cell;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

using Run = qingdan::test::ShellRun;

Run run_in_root(const std::string& args) { return qingdan::test::qingdan_in_root(args); }

}  // namespace

TEST_CASE("the strict CSV reader used by these tests rejects malformed CSV", "[emit]") {
    CHECK_THROWS(parse_csv("a,\"b\n"));
    CHECK_THROWS(parse_csv("a,b\"c\n"));
    CHECK_THROWS(parse_csv("\"a\"b,c\n"));
    CHECK(parse_csv("a,\"b,\"\"c\"\"\nd\"\r\ne,\n") == Rows{{"a", "b,\"c\"\nd"}, {"e", ""}});
}

TEST_CASE("csv_field quotes exactly when needed and neutralises formulas for Excel", "[emit]") {
    CHECK(csv_field("plain", false) == "plain");
    CHECK(csv_field("a,b", false) == "\"a,b\"");
    CHECK(csv_field("say \"hi\"", false) == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines", false) == "\"two\nlines\"");
    CHECK(csv_field("=1+1", false) == "=1+1");
    CHECK(csv_field("=1+1", true) == "'=1+1");
    CHECK(csv_field("+1", true) == "'+1");
    CHECK(csv_field("-1", true) == "'-1");
    CHECK(csv_field("@A1", true) == "'@A1");
    CHECK(csv_field("\tx", true) == "'\tx");
    CHECK(csv_field("\rx", true) == "\"'\rx\"");
    CHECK(csv_field("=a,b", true) == "\"'=a,b\"");
    CHECK(csv_field("a=1", true) == "a=1");
    CHECK(csv_field("", true) == "");
    CHECK(csv_record({"a", "b"}, false) == "a,b\n");
    CHECK(csv_record({"a", "b"}, true) == "a,b\r\n");
}

TEST_CASE("CSV has the documented header columns", "[emit]") {
    std::string csv = render_csv({hostile_document()}, plain_en());
    Rows rows = parse_csv(csv);
    REQUIRE(!rows.empty());
    const auto& h = rows.front();
    for (const char* col : {"doc_id", "task_id", "seq", "kind", "section", "number", "title", "lead", "participants",
                            "scope", "targets", "deadlines", "completion", "text", "source"})
        CHECK(std::find(h.begin(), h.end(), col) != h.end());
    CHECK(h == task_csv_header());
}

TEST_CASE("CSV round-trips every field through a strict RFC 4180 reader", "[emit]") {
    Document d = hostile_document();
    std::string csv = render_csv({d}, plain_en());
    CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") != 0);
    Rows rows = parse_csv(csv);
    REQUIRE(rows.size() == d.tasks.size() + 1);
    for (size_t i = 0; i < d.tasks.size(); ++i) {
        INFO("task " << i + 1);
        CHECK(rows[i + 1] == task_csv_cells(d, d.tasks[i]));
        CHECK(rows[i + 1][17] == d.tasks[i].text);  // the text column, verbatim
    }
}

TEST_CASE("CSV round-trips every field through Python's csv module", "[emit]") {
    if (!have_python()) FAIL("python3 is missing: run ./setup.sh");
    fs::path dir = temp_dir("py");
    Document d = hostile_document();
    for (bool excel : {false, true}) {
        INFO("excel " << excel);
        EmitOptions eo = plain_en();
        eo.excel = excel;
        std::string csv = render_csv({d}, eo);
        fs::path file = dir / (excel ? "excel.csv" : "plain.csv");
        std::ofstream(file, std::ios::binary) << csv;
        Rows rows = python_csv(file);
        REQUIRE(rows.size() == d.tasks.size() + 1);
        CHECK(rows[0] == task_csv_header());
        for (size_t i = 0; i < d.tasks.size(); ++i) {
            std::vector<std::string> want = task_csv_cells(d, d.tasks[i]);
            if (excel)
                for (auto& c : want) c = neutralised(c);
            CHECK(rows[i + 1] == want);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("option --excel CSV: BOM, CRLF records, no cell that Excel would evaluate", "[emit]") {
    Document d = hostile_document();
    EmitOptions eo;
    eo.excel = true;
    std::string csv = render_csv({d}, eo);
    REQUIRE(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
    Rows rows = parse_csv(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == d.tasks.size() + 1);
    int neutralised_cells = 0;
    for (const auto& r : rows)
        for (const auto& c : r) {
            INFO("cell " << c);
            REQUIRE((c.empty() || std::string("=+-@\t\r").find(c[0]) == std::string::npos));
            neutralised_cells += !c.empty() && c[0] == '\'';
        }
    CHECK(neutralised_cells > 10);
    // Every record ends with CRLF: outside quoted fields there is no bare LF.
    bool quoted = false;
    for (size_t i = 3; i < csv.size(); ++i) {
        if (csv[i] == '"') quoted = !quoted;
        if (!quoted && csv[i] == '\n') REQUIRE(csv[i - 1] == '\r');
    }
    CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("compile --format csv gives one row per task of the JSON, fields intact", "[emit]") {
    Run js = run_in_root("-q compile data/corpus --format json 2>/dev/null");
    Run cs = run_in_root("-q compile data/corpus --format csv --plain --lang en 2>/dev/null");
    REQUIRE(js.status == 0);
    REQUIRE(cs.status == 0);
    Json j = Json::parse(js.out);
    Rows rows = parse_csv(cs.out);
    REQUIRE(!rows.empty());
    auto col = [&](const char* name) {
        auto it = std::find(rows[0].begin(), rows[0].end(), name);
        REQUIRE(it != rows[0].end());
        return static_cast<size_t>(it - rows[0].begin());
    };
    size_t r = 1;
    for (const auto& d : j["documents"])
        for (const auto& t : d["tasks"]) {
            REQUIRE(r < rows.size());
            CHECK(rows[r][col("doc_id")] == d["id"].get<std::string>());
            CHECK(rows[r][col("task_id")] == t["id"].get<std::string>());
            CHECK(rows[r][col("text")] == t["text"].get<std::string>());
            CHECK(rows[r][col("seq")] == std::to_string(t["seq"].get<int>()));
            CHECK(rows[r][col("source")] ==
                  d["source"].get<std::string>() + ":" + std::to_string(t["span"]["line_start"].get<int>()));
            ++r;
        }
    CHECK(r == rows.size());
}

TEST_CASE("compile --format csv --excel starts with a BOM and uses CRLF", "[emit]") {
    Run cs = run_in_root("-q compile data/corpus --format csv --excel 2>/dev/null");
    REQUIRE(cs.status == 0);
    REQUIRE(cs.out.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(cs.out.find("\r\n") != std::string::npos);
}

TEST_CASE("Markdown: one `- [ ]` item per task, grouped under section headings, source cited", "[emit]") {
    Run md = run_in_root("-q compile data/corpus --format md 2>/dev/null");
    Run js = run_in_root("-q compile data/corpus --format json 2>/dev/null");
    REQUIRE(md.status == 0);
    Json j = Json::parse(js.out);
    auto lines = lines_of(md.out);
    size_t items = 0, tasks = 0, docs = 0, cites = 0;
    for (const auto& l : lines) {
        items += l.rfind("- [ ] ", 0) == 0;
        docs += l.rfind("# ", 0) == 0;
        cites += l.rfind("  - 来源：`", 0) == 0;
    }
    for (const auto& d : j["documents"]) tasks += d["tasks"].size();
    CHECK(items == tasks);
    CHECK(cites == tasks);
    CHECK(docs == j["documents"].size());
    // Every task's source line is cited as `path:line`.
    for (const auto& d : j["documents"])
        for (const auto& t : d["tasks"]) {
            std::string cite(1, '`');  // not "`" + ...: GCC 12 warns falsely (-Wrestrict)
            cite += d["source"].get<std::string>() + ":" + std::to_string(t["span"]["line_start"].get<int>()) + "`";
            CHECK(md.out.find(cite) != std::string::npos);
        }
    // Section headings precede the items.
    CHECK(md.out.find("\n## 一、完善知识产权制度\n") != std::string::npos);
    CHECK(md.out.find("\n### （一）完善知识产权法律法规规章\n") != std::string::npos);
}

TEST_CASE("Markdown: document text cannot add items, headings or HTML", "[emit]") {
    Document d = hostile_document();
    std::string md = render_markdown({d});
    auto lines = lines_of(md);
    size_t items = 0;
    for (const auto& l : lines) {
        items += l.rfind("- [ ] ", 0) == 0;
        INFO(l);
        // Only inside an item: its indented lines or its bold head.
        CHECK((l.find("伪造") == std::string::npos || l.rfind("  ", 0) == 0 || l.rfind("- [ ] **", 0) == 0));
        CHECK(l.find("<script>") == std::string::npos);
    }
    CHECK(items == d.tasks.size());
    // Only the document title and the one section make headings.
    size_t headings = 0;
    for (const auto& l : lines) headings += l.rfind("#", 0) == 0;
    CHECK(headings == 2);
    CHECK(md.find("\\<script\\>") != std::string::npos);
    CHECK(md.find("\\*\\*粗体\\*\\*") != std::string::npos);
    // Escaping keeps the text: unescaping gives it back.
    CHECK(md_inline("a*b") == "a\\*b");
    CHECK(md_inline("x\ny\r\nz") == "x y z");
    CHECK(md_inline("A&B") == "A&amp;B");
    CHECK(md_code("a`b") == "``a`b``");
}

TEST_CASE("emitters are deterministic", "[emit]") {
    Document d = hostile_document();
    CHECK(render_csv({d}, plain_en()) == render_csv({d}, plain_en()));
    CHECK(render_markdown({d}) == render_markdown({d}));
    Run a = run_in_root("-q compile data/corpus --format md 2>/dev/null");
    Run b = run_in_root("-q compile data/corpus --format md 2>/dev/null");
    CHECK(a.out == b.out);
}

// `compile` writes JSON with a streaming writer (src/json_writer.cpp); it
// must give exactly the bytes nlohmann's dump of the model gives, on every
// bundled document and on a document full of characters that need escaping.
TEST_CASE("streamed JSON and JSON Lines equal nlohmann's dump of the same model", "[emit][corpus]") {
    Compiler c;
    std::vector<Document> docs;
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus")) {
        docs.push_back(c.compile(slurp(e.path()), e.path().filename().string()));
    }
    Document hostile = hostile_document();
    hostile.tasks[0].text += std::string("\x01\x1f\x7f\\/\b\f");
    hostile.tasks[1].targets.push_back({"约2.5倍", "增长", "~", 2.5, "倍"});
    hostile.tasks[2].text += "\xff\xfe bad bytes";  // not UTF-8: replaced, as nlohmann does
    hostile.year = 2023;
    docs.push_back(hostile);
    docs.push_back(Document{});  // empty arrays and nulls
    CHECK(write_json(docs) == dump_pretty(to_json(docs)));
    std::string lines;
    for (const auto& d : docs)
        for (const auto& t : d.tasks) {
            Json j = Json{{"doc_id", d.id}};
            const Json task = to_json(t);
            for (auto& [k, v] : task.items()) j[k] = v;
            lines += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        }
    CHECK(write_jsonl(docs) == lines);
    CHECK(write_json({}) == dump_pretty(to_json(std::vector<Document>{})));
}
