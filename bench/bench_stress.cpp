// bench_stress: the pathological inputs of issue 13, each run in a child
// process so that its time and peak memory are its own. Regressions show up
// as numbers (docs/performance.md), not as a timed test.
//   bench_stress [--scale S] [--only NAME]
// S multiplies every input size (default 1: the sizes the issue reported).
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checklist.hpp"
#include "diff.hpp"
#include "normalise.hpp"
#include "qingdan/pipeline.hpp"
#include "units.hpp"

using namespace qingdan;

namespace {

std::string slurp(const std::string& path) { return read_input(path); }

std::string repeat(const std::string& s, size_t bytes) {
    std::string out;
    out.reserve(bytes + s.size());
    while (out.size() < bytes) out += s;
    return out;
}

struct Case {
    std::string name, input;
    std::function<void(double scale)> run;
};

const std::string kHead = "关于印发工作方案的通知\n\n一、重点任务\n";

std::vector<Case> cases(const std::string& share) {
    const std::string seed = slurp(share + "/data/corpus/002_07740394ff6dd330.txt");
    auto& compiler = *new Compiler();  // shared by the children (fork)
    std::vector<Case> out;
    out.push_back({"duplicate-numbers", "16,000 items all numbered `1.`", [&](double s) {
                       std::string t = kHead;
                       for (int i = 0; i < int(16000 * s); ++i) t += "1. 推进工作。\n";
                       (void)compiler.compile(t, "dup.txt");
                   }});
    out.push_back({"big-numbers", "items 1..20,000 (numbers >= 1000)", [&](double s) {
                       std::string t = kHead;
                       for (int i = 1; i <= int(20000 * s); ++i) t += std::to_string(i) + ". 推进工作。\n";
                       Document d = compiler.compile(t, "num.txt");
                       if (d.tasks.empty() || d.tasks.back().number != int(20000 * s)) std::_Exit(2);
                   }});
    out.push_back({"repeated-headings", "100,000 heading lines", [&](double s) {
                       (void)compiler.compile("关于印发工作方案的通知\n\n" +
                                                  repeat("一、重点任务\n（一）完善制度\n", size_t(100000 * s / 2) * 40),
                                              "h.txt");
                   }});
    out.push_back({"seed-repeated-10mb", "seed 002 repeated to 10 MB", [&, seed](double s) {
                       (void)compiler.compile(repeat(seed, size_t(10e6 * s)), "rep.txt");
                   }});
    out.push_back({"same-file-names", "20,000 documents named x.txt", [&, seed](double s) {
                       Document d = compiler.compile(seed.substr(0, 3000), "a/x.txt");
                       std::vector<Document> docs(size_t(20000 * s), d);
                       uniquify_ids(docs);
                   }});
    out.push_back({"traditional-one-line", "176 KB Traditional table on one line", [&](double s) {
                       std::string line = "| 序號 | 任務 | 責任單位 | 完成時限 |";
                       for (int i = 1; line.size() < size_t(176 * 1024 * s); ++i)
                           line += "| " + std::to_string(i) + " | 推進知識產權保護工作，完善制度 | 市場監管總局、知識產權局 | 2022年6月底前 |";
                       (void)compiler.compile(line + "\n", "trad.txt");
                   }});
    out.push_back({"diff-4mb", "diff of two 4 MB documents", [&, seed](double s) {
                       Document a = compiler.compile(repeat(seed, size_t(4e6 * s)), "old.txt");
                       Document b = compiler.compile(repeat(seed, size_t(4e6 * s)), "new.txt");
                       (void)render_diff_json(diff_documents(a, b));
                   }});
    out.push_back({"checklist-province-json", "checklist --by province --format json, 149 KB", [&, seed](double s) {
                       std::vector<Document> docs{compiler.compile(repeat(seed, size_t(149 * 1024 * s)), "p.txt")};
                       UnitGazetteer gz = UnitGazetteer::load(default_share_dir() + "/data/units.tsv");
                       std::vector<const Province*> ps;
                       for (const auto& p : gz.provinces()->all()) ps.push_back(&p);
                       (void)render_checklists(checklists_by_province(docs, ps, {}, gz.provinces()), docs, "json", {});
                   }});
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"qingdan stress cases: time and peak memory of each pathological input"};
    double scale = 1.0;
    std::string only;
    app.add_option("--scale", scale, "Multiply every input size");
    app.add_option("--only", only, "Run only this case");
    CLI11_PARSE(app, argc, argv);
    std::printf("| case | input | wall s | CPU s | peak RSS MB | status |\n|---|---|---:|---:|---:|---|\n");
    for (const auto& c : cases(default_share_dir())) {
        if (!only.empty() && c.name != only) continue;
        auto t0 = std::chrono::steady_clock::now();
        pid_t pid = fork();
        if (pid == 0) {
            c.run(scale);
            std::_Exit(0);
        }
        int st = 0;
        rusage ru{};
        wait4(pid, &st, 0, &ru);
        double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        double cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
        std::printf("| %s | %s | %.2f | %.2f | %.0f | %s |\n", c.name.c_str(), c.input.c_str(), wall, cpu,
                    double(ru.ru_maxrss) / 1024.0, WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ok" : "FAILED");
        std::fflush(stdout);
    }
    return 0;
}
