// Files like a careful Unix tool (issue 13): streams, modes, temporary files,
// staged output directories, and honest exit codes for output-side failures.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

fs::path scratch(const std::string& tag) {
    fs::path p = fs::temp_directory_path() / ("qingdan-io-" + tag + "-" + std::to_string(getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

std::vector<std::string> temp_leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(".qd-", 0) == 0) out.push_back(e.path().filename().string());
    return out;
}

struct Run {
    int status;
    std::string out, err;
};

// Runs a shell command line (bash: process substitution, redirections),
// capturing stdout and stderr.
Run sh(const std::string& line, const fs::path& dir) {
    const std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
    std::string cmd = "bash -c '" + line + "' >" + out + " 2>" + err;
    int st = std::system(cmd.c_str());
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, test::slurp(out), test::slurp(err)};
}

const std::string kQ = QINGDAN_BINARY;
const std::string kSeed = test::kRoot + "/data/corpus/001_d6aba352ee8e7e22.txt";

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("read_stream: pipes and FIFOs are read as streams, a directory is an error", "[io]") {
    fs::path d = scratch("read");
    fs::path fifo = d / "fifo";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int fd = ::open(fifo.c_str(), O_WRONLY);
        const char msg[] = "一、总体要求\n";
        (void)!::write(fd, msg, sizeof msg - 1);
        ::close(fd);
        _exit(0);
    }
    CHECK(read_stream(fifo.string()) == "一、总体要求\n");
    waitpid(child, nullptr, 0);
    CHECK_THROWS_WITH(read_stream(d.string()), Catch::Contains("Is a directory"));
    CHECK_THROWS_WITH(read_stream((d / "missing").string()), Catch::Contains("No such file"));
    fs::remove_all(d);
}

TEST_CASE("write_file_atomic keeps the target's mode, else honours the umask, long names fit", "[io]") {
    fs::path d = scratch("mode");
    fs::path t = d / "out.json";
    write_file_atomic(t.string(), "a");
    CHECK(mode_of(t) == (0666 & ~[] { mode_t m = umask(0); umask(m); return m; }()));
    REQUIRE(::chmod(t.c_str(), 0600) == 0);
    write_file_atomic(t.string(), "b");
    CHECK(mode_of(t) == 0600);
    CHECK(test::slurp(t) == "b");
    // A 240-byte name: the temporary name must not exceed NAME_MAX.
    fs::path longname = d / (std::string(236, 'x') + ".csv");
    write_file_atomic(longname.string(), "c");
    CHECK(test::slurp(longname) == "c");
    CHECK(temp_leftovers(d).empty());
    CHECK_THROWS_AS(write_file_atomic((d / "no" / "such" / "dir.json").string(), "x"), OutputError);
    fs::remove_all(d);
}

TEST_CASE("umask 077 is honoured by -o", "[io][cli]") {
    fs::path d = scratch("umask");
    Run r = sh("umask 077; " + kQ + " compile -q " + kSeed + " -o " + (d / "o.json").string(), d);
    CHECK(r.status == 0);
    CHECK(mode_of(d / "o.json") == 0600);
    fs::remove_all(d);
}

TEST_CASE("a killed run's temporary file is removed when the same target is next written", "[io]") {
    fs::path d = scratch("stale");
    fs::path t = d / "out.json";
    // A child that dies by SIGKILL in the middle of a write: it leaves its
    // temporary file (no handler runs on SIGKILL).
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The file a write in progress has, named as io.cpp names it; the
        // process then dies without running any handler.
        std::string name = temp_name_prefix(t.filename().string()) + std::to_string(getpid()) + "-abcdef";
        std::ofstream(d / name) << std::string(1 << 20, 'x');
        raise(SIGKILL);
    }
    int st = 0;
    waitpid(child, &st, 0);
    REQUIRE(WIFSIGNALED(st));
    REQUIRE(temp_leftovers(d).size() == 1);
    write_file_atomic(t.string(), "new");
    CHECK(temp_leftovers(d).empty());
    CHECK(test::slurp(t) == "new");
    fs::remove_all(d);
}

TEST_CASE("SIGTERM during a staged write removes the temporary directory", "[io]") {
    fs::path d = scratch("sigterm");
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        signal(SIGTERM, SIG_DFL);  // not the test framework's handler: die of it
        StagedDir s((d / "lists").string());
        write_file_atomic(s.path() + "/a.md", "x");
        raise(SIGTERM);
        _exit(0);
    }
    int st = 0;
    waitpid(child, &st, 0);
    CHECK(WIFSIGNALED(st));
    CHECK(temp_leftovers(d).empty());
    CHECK_FALSE(fs::exists(d / "lists"));
    fs::remove_all(d);
}

TEST_CASE("StagedDir: an uncommitted run leaves the previous files whole, commit replaces them", "[io]") {
    fs::path d = scratch("staged");
    fs::path out = d / "lists";
    fs::create_directories(out);
    std::ofstream(out / "a.md") << "old a";
    std::ofstream(out / "mine.txt") << "not ours";
    {
        StagedDir s(out.string());
        write_file_atomic(s.path() + "/a.md", "half");
        // no commit: a failure half-way (the destructor cleans up)
    }
    CHECK(test::slurp(out / "a.md") == "old a");
    CHECK(temp_leftovers(out).empty());
    {
        StagedDir s(out.string());
        write_file_atomic(s.path() + "/a.md", "new a");
        write_file_atomic(s.path() + "/index.md", "index");
        s.commit();
    }
    CHECK(test::slurp(out / "a.md") == "new a");
    CHECK(test::slurp(out / "index.md") == "index");
    CHECK(test::slurp(out / "mine.txt") == "not ours");
    CHECK(temp_leftovers(out).empty());
    // A new directory is renamed into place whole.
    {
        StagedDir s((d / "fresh" / "x").string());
        write_file_atomic(s.path() + "/b.md", "b");
        s.commit();
    }
    CHECK(test::slurp(d / "fresh" / "x" / "b.md") == "b");
    CHECK_THROWS_AS(StagedDir((out / "a.md").string()), OutputError);  // a file, not a directory
    fs::remove_all(d);
}

TEST_CASE("exit codes: output-side failures exit 3 with the path and the reason", "[io][cli]") {
    fs::path d = scratch("exit");
    for (const char* sub : {"compile -q", "text", "checklist -q --by unit", "units -q"}) {
        INFO(sub);
        Run r = sh(kQ + " " + sub + " " + kSeed + " > /dev/full", d);
        CHECK(r.status == 3);
        CHECK_THAT(r.err, Catch::Contains("standard output") && Catch::Contains("No space left on device"));
    }
    Run r = sh(kQ + " compile -q " + kSeed + " -o " + (d / "missing" / "o.json").string(), d);
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Catch::Contains("missing/o.json") && Catch::Contains("No such file or directory"));
    std::ofstream(d / "file") << "x";
    r = sh(kQ + " checklist -q --by unit " + kSeed + " --out-dir " + (d / "file").string(), d);
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Catch::Contains("Not a directory"));
    // A reader that goes away (`| head`) is not an error message.
    r = sh(kQ + " compile -q " + kSeed + " | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", d);
    CHECK(r.err.find("error") == std::string::npos);
    fs::remove_all(d);
}

TEST_CASE("standard input: closed or a directory is an error, named twice is an error, pipes work", "[io][cli]") {
    fs::path d = scratch("stdin");
    Run r = sh(kQ + " compile -q - <&-", d);
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Catch::Contains("standard input"));
    r = sh(kQ + " compile -q - < /tmp", d);
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Catch::Contains("Is a directory"));
    r = sh(kQ + " compile -q - - < " + kSeed, d);
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Catch::Contains("more than once"));
    CHECK(r.out.find("stdin-2") == std::string::npos);
    r = sh(kQ + " compile -q <(cat " + kSeed + ")", d);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"tasks\""));
    r = sh("cat " + kSeed + " | " + kQ + " compile -q /dev/stdin", d);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"tasks\""));
    fs::remove_all(d);
}

TEST_CASE("option --out-dir: a run that fails half-way leaves the previous checklists whole", "[io][cli]") {
    fs::path d = scratch("staged-cli");
    const fs::path out = d / "lists";
    auto snapshot = [&] {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::directory_iterator(out)) files[e.path().filename().string()] = test::slurp(e.path());
        return files;
    };
    // A first run: one document's checklists by unit.
    Run first = sh(kQ + " checklist -q --by unit " + kSeed + " --format md --out-dir " + out.string(), d);
    REQUIRE(first.status == 0);
    const auto before = snapshot();
    REQUIRE(before.count("index.md"));
    // The second run, on every bundled document, cannot write more than 4 KB
    // to any file (`ulimit -f`, SIGXFSZ ignored so write(2) fails with
    // EFBIG, as on a full disk): it fails after some files are written.
    Run second = sh("trap \"\" XFSZ; ulimit -f 4; " + kQ + " checklist -q --by unit " + test::kRoot +
                        "/data/corpus --format md --out-dir " + out.string(),
                    d);
    INFO(second.err);
    CHECK(second.status == 3);
    CHECK_THAT(second.err, Catch::Contains(out.string() + "/") && Catch::Contains(".md: write failed: File too large"));
    CHECK(second.err.find(".qd-") == std::string::npos);  // named as the file it was to be, not the staging one
    // The previous checklists, every byte, and no staging directory left.
    CHECK(snapshot() == before);
    CHECK(temp_leftovers(out).empty());
    CHECK(temp_leftovers(d).empty());
    // Without the limit the same run replaces them.
    Run third = sh(kQ + " checklist -q --by unit " + test::kRoot + "/data/corpus --format md --out-dir " + out.string(), d);
    CHECK(third.status == 0);
    CHECK(snapshot() != before);
    CHECK(temp_leftovers(out).empty());
    fs::remove_all(d);
}
