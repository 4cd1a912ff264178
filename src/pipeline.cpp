// The straight line: decode -> (HTML -> text) -> normalise -> detect layout -> segment ->
// extract -> resolve units. Resources are loaded once per Compiler.
#include "qingdan/pipeline.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "decode.hpp"
#include "extract.hpp"
#include "grammar.hpp"
#include "html.hpp"
#include "normalise.hpp"
#include "segment.hpp"
#include "units.hpp"

namespace qingdan {
namespace fs = std::filesystem;

std::string default_share_dir() {
    // Installed layout first, then the source tree this binary was built from.
    if (const char* env = std::getenv("QINGDAN_SHARE"); env && *env) return env;
    if (fs::is_directory(fs::path(QINGDAN_INSTALL_SHARE) / "grammars")) return QINGDAN_INSTALL_SHARE;
    return QINGDAN_SOURCE_SHARE;
}

namespace {

const std::set<std::string> kSupported = {".txt", ".text", ".md", ".htm", ".html"};

std::string slug(const std::string& path) {
    if (path == "-") return "stdin";
    std::string stem = fs::path(path).stem().string();
    std::string out;
    for (unsigned char c : stem) out += (std::isalnum(c) || c >= 0x80 || c == '-' || c == '_') ? char(c) : '-';
    return out.empty() ? "doc" : out;
}

// A document in which no task is found is an error: a CI gate over a
// folder must fail on it, not pass silently (issue 14).
void note_no_tasks(Document& doc) {
    if (doc.tasks.empty())
        doc.diagnostics.push_back({"error", "no-tasks", 0, "no task found (layout `" + doc.layout + "`)"});
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& args) {
    std::vector<InputFile> out;
    for (const auto& a : args) {
        if (a == "-") {
            out.push_back({a});
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::directory_iterator(a, ec))
                if (e.is_regular_file() && kSupported.count(e.path().extension().string()))
                    found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            for (auto& f : found) out.push_back({std::move(f)});
        } else if (fs::exists(a, ec)) {
            out.push_back({a});
        } else {
            throw std::runtime_error(a + ": no such file or directory");
        }
    }
    return out;
}

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::string data;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size > 0) data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in && !in.eof()) throw std::runtime_error(path + ": read error");
    return data;
}

struct Compiler::Impl {
    CompileOptions opts;
    std::vector<Grammar> grammars;
    UnitGazetteer units;
};

Compiler::Compiler(CompileOptions opts) : impl_(std::make_unique<Impl>()) {
    impl_->opts = std::move(opts);
    std::string share = default_share_dir();
    std::vector<std::string> dirs = {share + "/grammars"};
    for (const auto& d : impl_->opts.grammar_dirs) dirs.push_back(d);
    impl_->grammars = load_grammars(dirs);
    if (impl_->grammars.empty()) throw std::runtime_error("no grammar found in " + dirs.front());
    std::string data = impl_->opts.data_dir.empty() ? share + "/data" : impl_->opts.data_dir;
    impl_->units = UnitGazetteer::load(data + "/units.tsv");
    if (impl_->opts.layout) {
        auto& g = impl_->grammars;
        if (std::none_of(g.begin(), g.end(), [&](const Grammar& x) { return x.name == *impl_->opts.layout; }))
            throw std::invalid_argument("unknown layout `" + *impl_->opts.layout + "` (see `qingdan grammars`)");
    }
}

Compiler::~Compiler() = default;

std::vector<GrammarInfo> Compiler::grammars() const {
    std::vector<GrammarInfo> out;
    for (const auto& g : impl_->grammars) out.push_back({g.name, g.description, g.path});
    return out;
}

Document Compiler::compile(std::string_view bytes, const std::string& source) const {
    Document doc;
    doc.source = source;
    doc.id = slug(source);
    doc.sha256 = sha256_hex(bytes);
    DecodedText decoded = decode(bytes);  // throws DecodeError for binary input
    doc.encoding = decoded.encoding;
    // A saved web page becomes text first; its lines are then mapped back to
    // the lines of the HTML source, so spans point into the file as given.
    std::optional<HtmlText> page;
    if (looks_like_html(decoded.utf8)) page = html_to_text(decoded.utf8);
    NormalisedText norm = normalise(page ? std::string_view(page->text) : std::string_view(decoded.utf8));
    if (page) map_to_source(norm, *page);
    doc.script = norm.script;
    doc.diagnostics = std::move(decoded.diagnostics);
    if (page) doc.diagnostics.insert(doc.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
    doc.diagnostics.insert(doc.diagnostics.end(), norm.diagnostics.begin(), norm.diagnostics.end());
    if (norm.lines.empty()) {
        doc.diagnostics.push_back({"warning", "empty-input", 0, "the input holds no text"});
        doc.layout = "none";
        note_no_tasks(doc);
        return doc;
    }
    const auto& gs = impl_->grammars;
    size_t gi = 0;
    if (impl_->opts.layout) {
        gi = static_cast<size_t>(std::find_if(gs.begin(), gs.end(), [&](const Grammar& g) {
                                     return g.name == *impl_->opts.layout;
                                 }) - gs.begin());
    } else {
        gi = detect_layout(norm.lines, gs);
    }
    doc.layout = gs[gi].name;
    Skeleton sk = segment(norm.lines, gs[gi]);
    extract(sk, gs[gi], impl_->units, doc);
    note_no_tasks(doc);
    return doc;
}

bool IdAssigner::assign(Document& d) {
    std::string base = d.id, id = base;
    for (int k = 2; seen_.count(id); ++k) id = base + "-" + std::to_string(k);
    bool renamed = id != base;
    if (renamed) {
        for (auto& t : d.tasks) t.id = id + t.id.substr(base.size());
        d.id = id;
    }
    seen_.insert(id);
    return renamed;
}

void uniquify_ids(std::vector<Document>& docs) {
    IdAssigner ids;
    for (auto& d : docs) ids.assign(d);
}

}  // namespace qingdan
