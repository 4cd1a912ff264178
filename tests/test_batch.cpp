// Batch runs (issue 14): streaming output byte-identical to the whole-run
// emitters, the same bytes for every -j and input order, bounded memory, the
// CI gate of `validate`, progress only on stderr, and the sharded recipe of
// docs/batch.md.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit.hpp"
#include "support.hpp"

using namespace qingdan;
using namespace qingdan::test;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string out, err;
};

// Runs the binary through the shell from the source tree; stderr captured
// apart from stdout.
Run qd(const std::string& args) {
    static int n = 0;
    std::string errfile = (fs::temp_directory_path() / ("qd-batch-err-" + std::to_string(getpid()) + "-" +
                                                        std::to_string(n++)))
                              .string();
    std::string cmd = "cd " + kRoot + " && " + std::string(QINGDAN_BINARY) + " " + args + " 2>" + errfile;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[65536];
    for (size_t k; (k = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, k);
    int st = pclose(p);
    std::string err = slurp(errfile);
    fs::remove(errfile);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out, err};
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus")) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// A temporary directory removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("qingdan-batch-" + std::to_string(getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

// `copies` copies of each corpus document in `dir` (names kept apart).
void fill(const fs::path& dir, int copies) {
    for (int k = 0; k < copies; ++k)
        for (const auto& f : corpus_files())
            fs::copy_file(f, dir / (std::to_string(k) + "_" + fs::path(f).filename().string()));
}

std::vector<std::string> sorted_lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("streamed compile output is byte-identical to the whole-run emitters", "[batch]") {
    std::vector<Document> docs;
    for (const auto& f : corpus_files()) docs.push_back(compiler().compile(slurp(f), "data/corpus/" + fs::path(f).filename().string()));
    uniquify_ids(docs);
    for (std::string format : {"json", "jsonl", "csv", "md"}) {
        INFO(format);
        Run r = qd("-q compile data/corpus -j 1 --format " + format);
        CHECK(r.status == 0);
        CHECK(r.out == render(docs, format));
    }
    Run plain = qd("-q compile data/corpus -j 2 --format csv --plain --lang en");
    EmitOptions eo;
    eo.excel = false;
    eo.lang = "en";
    CHECK(plain.out == render(docs, "csv", eo));
    // No document at all: the empty array, as before.
    TempDir empty;
    CHECK(qd("-q compile " + empty.path.string()).out == render(std::vector<Document>{}, "json"));
}

TEST_CASE("the output is the same bytes for every -j and, sorted, for every input order", "[batch]") {
    TempDir dir;
    fill(dir.path, 4);
    std::string d = dir.path.string();
    Run one = qd("-q compile " + d + " -j 1 --format json");
    REQUIRE(one.status == 0);
    CHECK(qd("-q compile " + d + " -j 2 --format json").out == one.out);
    CHECK(qd("-q compile " + d + " -j 8 --format json").out == one.out);
    // Files named in reverse order: the same task lines once sorted.
    std::string reversed;
    auto files = corpus_files();
    for (auto it = files.rbegin(); it != files.rend(); ++it) reversed += " " + *it;
    Run fwd = qd("-q compile data/corpus -j 2 --format jsonl");
    Run rev = qd("-q compile" + reversed + " -j 2 --format jsonl");
    CHECK(sorted_lines(fwd.out) == sorted_lines(rev.out));
    CHECK(fwd.out != rev.out);  // the order did change
}

// AddressSanitizer's shadow memory and quarantine make RSS meaningless as a
// bound, so the memory assertion runs in the normal build only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssMeaningful = false;
#else
constexpr bool kRssMeaningful = true;
#endif

TEST_CASE("peak memory is bounded by the largest document, not by their number", "[batch][memory]") {
    if (!kRssMeaningful) {
        WARN("built with AddressSanitizer: RSS includes its shadow memory; the bound is checked in the normal build");
        return;
    }
    TempDir dir;
    fill(dir.path, 60);  // 300 documents
    std::uintmax_t largest = 0, total = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) {
        largest = std::max(largest, e.file_size());
        total += e.file_size();
    }
    for (const char* jobs : {"1", "2"}) {
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
            execl(QINGDAN_BINARY, "qingdan", "compile", dir.path.c_str(), "--format", "json", "-j", jobs,
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        int st = 0;
        rusage ru{};
        REQUIRE(wait4(pid, &st, 0, &ru) == pid);
        REQUIRE(WIFEXITED(st));
        CHECK(WEXITSTATUS(st) == 0);
        const double peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KB
        const double bound_mb = 64.0 + 64.0 * static_cast<double>(largest) / 1e6;
        INFO("-j " << jobs << ": peak " << peak_mb << " MB for " << total / 1e6 << " MB of input; bound "
                   << bound_mb << " MB");
        CHECK(peak_mb < bound_mb);
    }
}

TEST_CASE("validate is a CI gate: no-tasks, --max-warnings, --ignore, --werror, summary", "[batch][gate]") {
    const std::string notice = "tests/fixtures/batch/meeting-notice.txt";
    Run r = qd("validate " + notice);
    CHECK(r.status == 1);
    CHECK(r.err.find("meeting-notice.txt: error: no-tasks:") != std::string::npos);
    CHECK(r.err.find("1 document: 0 ok, 1 with errors; ") != std::string::npos);
    // The code can be waived by name.
    CHECK(qd("validate --ignore no-tasks " + notice).status == 0);

    // The seed corpus has warnings (number-gap and others) but no errors.
    Run seeds = qd("validate data/corpus");
    CHECK(seeds.status == 0);
    size_t w = seeds.err.rfind("; ");  // the summary line is the last
    REQUIRE(w != std::string::npos);
    int warnings = std::stoi(seeds.err.substr(w + 2));
    REQUIRE(warnings > 0);
    CHECK(seeds.err.find("5 documents: 5 ok, 0 with errors; " + std::to_string(warnings) + " warning") !=
          std::string::npos);
    CHECK(qd("validate --werror data/corpus").status == 1);
    CHECK(qd("validate --max-warnings " + std::to_string(warnings) + " data/corpus").status == 0);
    CHECK(qd("validate --max-warnings " + std::to_string(warnings - 1) + " data/corpus").status == 1);

    // -q: errors only; -v: info too.
    Run quiet = qd("-q validate data/corpus " + notice);
    CHECK(quiet.status == 1);
    CHECK(quiet.err.find(": warning: ") == std::string::npos);
    CHECK(quiet.err.find("error: no-tasks") != std::string::npos);
    Run plain = qd("validate data/corpus");
    CHECK(plain.err.find(": info: ") == std::string::npos);
    CHECK(plain.err.find(": warning: ") != std::string::npos);
    // JSON diagnostics: one object per line, no summary.
    Run json = qd("--diagnostics json validate " + notice);
    CHECK(json.err.find("\"code\":\"no-tasks\"") != std::string::npos);
    CHECK(json.err.find("documents:") == std::string::npos);
}

TEST_CASE("a bad -o is a user error naming the path, before any work", "[batch][gate]") {
    Run r = qd("compile data/corpus -o /nonexistent-dir/out.json");
    CHECK(r.status == 3);
    CHECK(r.err.find("/nonexistent-dir/out.json") != std::string::npos);
    CHECK(r.err.find("No such file or directory") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("an input named twice is compiled once, with a warning", "[batch]") {
    const std::string f = "data/corpus/000_83ac722d97caa312.txt";
    Run twice = qd("compile " + f + " ./" + f + " --format jsonl");
    Run once = qd("compile " + f + " --format jsonl");
    CHECK(twice.out == once.out);
    CHECK(twice.err.find("warning: duplicate-input") != std::string::npos);
}

TEST_CASE("progress goes to stderr only, and off a terminal only with --progress", "[batch][progress]") {
    Run silent = qd("-q compile data/corpus --format jsonl");
    CHECK(silent.err.empty());
    Run shown = qd("-q compile data/corpus --format jsonl --progress");
    CHECK(shown.out == silent.out);
    CHECK(shown.err.find("5/5 documents") != std::string::npos);
    CHECK(shown.out.find("documents,") == std::string::npos);
}

TEST_CASE("jsonl shards made by xargs -P concatenate to one run (docs/batch.md)", "[batch][recipe]") {
    TempDir shards;
    std::string bin = QINGDAN_BINARY;
    // The recipe of docs/batch.md: each shard to its own file, then cat in order.
    std::string recipe = "cd " + kRoot + " && find data/corpus -name '*.txt' -print0 | sort -z | "
                         "xargs -0 -n 2 -P 2 sh -c '" + bin + " -q compile --format jsonl -j 1 \"$@\" > " +
                         shards.path.string() + "/$(basename \"$1\").jsonl' _";
    REQUIRE(std::system(recipe.c_str()) == 0);
    std::string joined;
    std::vector<fs::path> parts;
    for (const auto& e : fs::directory_iterator(shards.path)) parts.push_back(e.path());
    std::sort(parts.begin(), parts.end());
    CHECK(parts.size() == 3);
    for (const auto& p : parts) joined += slurp(p);
    CHECK(joined == qd("-q compile data/corpus --format jsonl").out);
}
