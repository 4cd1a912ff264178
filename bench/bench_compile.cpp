// Compile throughput benchmark.
//   bench_compile generate OUT_DIR [--mb 100]   build a large corpus from data/corpus:
//        Simplified copies (UTF-8) and Traditional copies (OpenCC s2t), each copy
//        with its numbers perturbed so no two files are identical
//   bench_compile run DIR [--binary build/qingdan]
//        compile every file with one Compiler (one core) and report MB/s and peak
//        memory per script, then the wall time of `qingdan compile SEED` per seed
//        (start-up included) when --binary is given: medians of 21 runs, wall and CPU.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <opencc/opencc.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench_common.hpp"
#include "decode.hpp"
#include "json.hpp"
#include "qingdan/pipeline.hpp"

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

using bench::slurp;

std::vector<fs::path> seeds() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(qingdan::default_share_dir() + "/data/corpus")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Changes every ASCII digit run's last digit by `k`, so copies differ.
std::string perturb(std::string s, int k) {
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] >= '0' && s[i] <= '9' && !(s[i + 1] >= '0' && s[i + 1] <= '9')) s[i] = char('0' + (s[i] - '0' + k) % 10);
    return s;
}

long peak_rss_kb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int generate(const fs::path& out, double mb) {
    fs::create_directories(out / "hans");
    fs::create_directories(out / "hant");
    opencc_t s2t = opencc_open("/usr/share/opencc/s2t.json");
    if (s2t == reinterpret_cast<opencc_t>(-1)) {
        std::cerr << "cannot open OpenCC s2t\n";
        return 1;
    }
    std::vector<std::string> hans, hant;
    for (const auto& p : seeds()) {
        hans.push_back(slurp(p));
        char* t = opencc_convert_utf8(s2t, hans.back().data(), hans.back().size());
        hant.emplace_back(t);
        opencc_convert_utf8_free(t);
    }
    opencc_close(s2t);
    const double target = mb * 1024 * 1024;
    double written = 0;
    for (int k = 0; written < target; ++k) {
        for (size_t i = 0; i < hans.size() && written < target; ++i) {
            bool trad = (k % 5) == 4;  // one copy in five is Traditional
            const std::string& src = trad ? hant[i] : hans[i];
            std::string data = perturb(src, k);
            fs::path p = out / (trad ? "hant" : "hans") / fmt::format("{:05d}-{}.txt", k, i);
            std::ofstream(p, std::ios::binary) << data;
            written += static_cast<double>(data.size());
        }
    }
    std::cout << fmt::format("wrote {:.1f} MB to {}\n", written / 1024 / 1024, out.string());
    return 0;
}

struct Figures {
    double bytes = 0, seconds = 0;
    size_t files = 0, tasks = 0;
    double cpu_seconds = 0;  // this thread's CPU time: "per core", and steady on a busy machine
    double emit_cpu_seconds = 0, json_bytes = 0;
};

using bench::cpu_seconds;

Figures compile_dir(const qingdan::Compiler& c, const fs::path& dir) {
    Figures f;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        std::string data = slurp(p);  // I/O outside the timed region
        auto t0 = Clock::now();
        const double c0 = cpu_seconds();
        qingdan::Document d = c.compile(data, p.string());
        f.cpu_seconds += cpu_seconds() - c0;
        f.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
        f.bytes += static_cast<double>(data.size());
        f.tasks += d.tasks.size();
        ++f.files;
        // What `qingdan compile` adds for its output: the qingdan/1 JSON.
        const double e0 = cpu_seconds();
        std::vector<qingdan::Document> one;
        one.push_back(std::move(d));
        f.json_bytes += static_cast<double>(qingdan::write_json(one).size());
        f.emit_cpu_seconds += cpu_seconds() - e0;
    }
    return f;
}

struct StartupFigures {
    double wall_ms = -1;  // median
    double cpu_ms = -1;   // median user + system time of the process
};

// Runs `binary compile SEED -q` `reps` times (spawned directly, no shell;
// output to /dev/null) and returns the medians of its wall and CPU time:
// on a shared machine the CPU time is the steadier figure.
StartupFigures run_binary(const std::string& binary, const fs::path& seed, int reps) {
    std::vector<double> wall, cpu;
    const std::string s = seed.string();
    for (int i = 0; i < reps; ++i) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        std::vector<char*> argv = {const_cast<char*>(binary.c_str()), const_cast<char*>("compile"),
                                   const_cast<char*>(s.c_str()), const_cast<char*>("-q"), nullptr};
        auto t0 = Clock::now();
        pid_t pid = 0;
        const int err = posix_spawn(&pid, binary.c_str(), &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        if (err != 0) return {};
        int status = 0;
        struct rusage ru {};
        if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        cpu.push_back((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                      (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3);
    }
    auto median = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {median(wall), median(cpu)};
}

int run(const fs::path& dir, const std::string& binary) {
    qingdan::Compiler c;
    for (const char* part : {"hans", "hant"}) {
        if (!fs::is_directory(dir / part)) continue;
        Figures f = compile_dir(c, dir / part);
        std::cout << fmt::format("{}: {} files, {:.1f} MB, {} tasks, {:.2f} s wall, {:.1f} MB/s wall, {:.1f} MB/s CPU\n",
                                 part, f.files, f.bytes / 1048576, f.tasks, f.seconds, f.bytes / 1048576 / f.seconds,
                                 f.bytes / 1048576 / f.cpu_seconds);
        std::cout << fmt::format("{}: compile + JSON output ({:.1f} MB of JSON): {:.1f} MB/s CPU\n", part,
                                 f.json_bytes / 1048576, f.bytes / 1048576 / (f.cpu_seconds + f.emit_cpu_seconds));
    }
    std::cout << fmt::format("peak memory (RSS): {:.1f} MB\n", peak_rss_kb() / 1024.0);
    if (binary.empty()) return 0;
    for (const auto& s : seeds()) {
        if (StartupFigures r = run_binary(binary, s, 21); r.wall_ms < 0)
            std::cout << fmt::format("qingdan compile {}: failed\n", s.filename().string());
        else
            std::cout << fmt::format("qingdan compile {}: {:.1f} ms wall, {:.1f} ms CPU (medians of 21, start-up "
                                     "included)\n",
                                     s.filename().string(), r.wall_ms, r.cpu_ms);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"qingdan compile benchmark"};
    app.require_subcommand(1);
    std::string out, dir, binary;
    double mb = 100;
    auto* gen = app.add_subcommand("generate", "Build a large benchmark corpus from data/corpus");
    gen->add_option("out", out, "Output directory")->required();
    gen->add_option("--mb", mb, "Total size in MB");
    auto* r = app.add_subcommand("run", "Measure compile throughput");
    r->add_option("dir", dir, "Directory made by `generate`")->required()->check(CLI::ExistingDirectory);
    r->add_option("--binary", binary, "qingdan binary, to time single-seed runs with start-up");
    CLI11_PARSE(app, argc, argv);
    if (*gen) return generate(out, mb);
    return run(dir, binary);
}
