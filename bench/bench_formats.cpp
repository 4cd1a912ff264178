// Office-format ingestion throughput, per core (docs/performance.md).
//   bench_formats [DIR] [--reps 5]
// For every PDF, DOCX and XLSX file in DIR (default tests/fixtures/office,
// the bundled documents made into each form by make_fixtures.py), times on
// one thread, with the thread's CPU clock:
//   ingest   sniff + the format's reader (read_office: poppler / libzip +
//            pugixml -> text lines and table rows)
//   compile  the whole of Compiler::compile (ingest, normalise, layout,
//            extraction)
// and reports per kind of file (`.para.pdf`, `.table.docx`, ...) and per
// format: files, MB of input, pages (a PDF's own; for a DOCX/XLSX the pages
// of LibreOffice's PDF of the same file, when it lies beside it), CPU
// seconds, MB/s and pages/s. Each file is run `reps` times, the median
// taken; file reading is outside the timed region.
#include <algorithm>
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

#include "bench_common.hpp"
#include "extracted.hpp"
#include "qingdan/pipeline.hpp"
#include "sniff.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using bench::cpu_seconds;
using bench::slurp;

// The page count a PDF reader reports (`read as PDF: N page(s)`), 0 if none.
int pages_of(const Extracted& ex) {
    for (const auto& d : ex.diagnostics)
        if (d.code == "pdf-input") return std::atoi(d.message.c_str() + d.message.find(':') + 1);
    return 0;
}

// `001_x.para.pdf` -> `.para.pdf`
std::string kind_of(const fs::path& p) {
    std::string name = p.filename().string();
    auto dot = name.find('.');
    return dot == std::string::npos ? name : name.substr(dot);
}

template <class F>
double median_cpu(int reps, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const double c0 = cpu_seconds();
        f();
        t.push_back(cpu_seconds() - c0);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

struct Row {
    int files = 0, pages = 0;
    double bytes = 0, ingest = 0, compile = 0;
    double paged_ingest = 0, paged_compile = 0;  // of the files whose pages are known
};

void print(const std::string& name, const Row& r) {
    std::string pages = r.pages ? fmt::format("{:5d} pages  {:7.0f} pages/s", r.pages, r.pages / r.paged_ingest) : "";
    std::cout << fmt::format("{:<14} {:2d} files {:6.2f} MB  ingest {:6.3f} s CPU {:6.2f} MB/s  {}\n", name, r.files,
                             r.bytes / 1048576, r.ingest, r.bytes / 1048576 / r.ingest, pages);
    std::cout << fmt::format("{:<14}                     compile {:6.3f} s CPU {:6.2f} MB/s{}\n", "", r.compile,
                             r.bytes / 1048576 / r.compile,
                             r.pages ? fmt::format("  {:7.0f} pages/s", r.pages / r.paged_compile) : "");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"qingdan office-format ingestion benchmark"};
    std::string dir = default_share_dir() + "/tests/fixtures/office";
    int reps = 5;
    app.add_option("dir", dir, "Folder of PDF/DOCX/XLSX files")->check(CLI::ExistingDirectory);
    app.add_option("--reps", reps, "Runs per file (the median is taken)")->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);

    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    Compiler compiler;
    std::map<std::string, Row> by_kind, by_format;
    for (const auto& p : files) {
        const std::string bytes = slurp(p);
        Sniffed kind;
        try {
            kind = sniff(bytes);
        } catch (const InputError& e) {
            std::cout << fmt::format("{}: {}: {}\n", p.filename().string(), e.code(), e.what());
            continue;
        }
        const char* format = kind.format == Format::pdf    ? "PDF"
                             : kind.format == Format::docx ? "DOCX"
                             : kind.format == Format::xlsx ? "XLSX"
                                                           : nullptr;
        if (!format) continue;
        int pages = 0;
        double ingest = 0, compile = 0;
        try {
            ingest = median_cpu(reps, [&] { pages = pages_of(read_office(bytes, kind)); });
            compile = median_cpu(reps, [&] { (void)compiler.compile(bytes, p.string()); });
        } catch (const InputError& e) {  // a hostile file: not a throughput figure
            std::cout << fmt::format("{}: {}: {}\n", p.filename().string(), e.code(), e.what());
            continue;
        }
        if (kind.format != Format::pdf) {  // the pages of the same file printed by LibreOffice
            fs::path pdf = p;
            pdf.replace_extension(".pdf");
            if (fs::exists(pdf)) {
                std::string pb = slurp(pdf);
                pages = pages_of(read_office(pb, sniff(pb)));
            }
        }
        for (Row* r : {&by_kind[kind_of(p)], &by_format[format]}) {
            ++r->files;
            r->pages += pages;
            r->bytes += static_cast<double>(bytes.size());
            r->ingest += ingest;
            r->compile += compile;
            if (pages) r->paged_ingest += ingest, r->paged_compile += compile;
        }
    }
    std::cout << fmt::format("{} (median of {} runs per file, one thread, thread CPU time)\n", dir, reps);
    for (const auto& [k, r] : by_kind) print(k, r);
    std::cout << "per format:\n";
    for (const auto& [k, r] : by_format) print(k, r);
    return 0;
}
