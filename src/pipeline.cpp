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
#include <unordered_map>
#include <unordered_set>

#include "decode.hpp"
#include "extract.hpp"
#include "grammar.hpp"
#include "html.hpp"
#include "io.hpp"
#include "normalise.hpp"
#include "pattern.hpp"
#include "segment.hpp"
#include "sniff.hpp"
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

}  // namespace

namespace {

// A file found in a directory is read when its extension says text or HTML,
// or when its first bytes say PDF, zip (DOCX/XLSX) or legacy Office — the
// content decides, so a PDF saved without extension is read too. Anything
// else is listed as skipped, with the reason, never dropped silently.
InputFile classify_found(const fs::path& p) {
    if (kSupported.count(p.extension().string())) return {p.string(), ""};
    std::ifstream in(p, std::ios::binary);
    char head[1024];
    in.read(head, sizeof head);
    std::string_view h(head, static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    if (has_office_magic(h)) return {p.string(), ""};
    return {p.string(), "not a supported format (qingdan reads text, HTML, PDF, DOCX and XLSX)"};
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& args) {
    std::vector<InputFile> out;
    for (const auto& a : args) {
        if (a == "-") {
            out.push_back({a, ""});
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<InputFile> found;
            for (const auto& e : fs::directory_iterator(a, ec)) {
                // Hidden files (.DS_Store, .gitkeep) are not documents; subfolders are not walked.
                if (!e.is_regular_file() || e.path().filename().string().rfind('.', 0) == 0) continue;
                found.push_back(classify_found(e.path()));
            }
            std::sort(found.begin(), found.end(), [](const InputFile& x, const InputFile& y) { return x.path < y.path; });
            for (auto& f : found) out.push_back(std::move(f));
        } else if (fs::exists(a, ec)) {
            out.push_back({a, ""});
        } else {
            throw std::runtime_error(a + ": no such file or directory");
        }
    }
    return out;
}

std::string read_input(const std::string& path) {
    // A stream, not a seek-and-size read: pipes, FIFOs, /dev/stdin and
    // <(process substitution) are inputs too (io.hpp).
    return read_stream(path);
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
    std::string data = impl_->opts.data_dir.empty() ? share + "/data" : impl_->opts.data_dir;
    // A grammar or data file that cannot be read (`file:line: message`) is a
    // bad --grammars / --data value: a usage error (exit 2), like a bad option.
    try {
        // The bundled grammars (dirs[0]) compile their regexes on first use.
        impl_->grammars = load_grammars(dirs, 1);
        if (impl_->grammars.empty()) throw std::runtime_error("no grammar found in " + dirs.front());
        impl_->units = UnitGazetteer::load(data + "/units.tsv");
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(e.what());
    }
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

namespace {

// Office inputs: each task's and section's span learns the page and table row
// of its first line (line numbers are those of the extracted text).
void annotate_spans(Document& doc, const Extracted& ex) {
    auto fill = [&](Span& sp) {
        if (sp.line_start < 1 || static_cast<std::size_t>(sp.line_start) > ex.origin.size()) return;
        const auto& o = ex.origin[static_cast<std::size_t>(sp.line_start - 1)];
        if (o.page) sp.page = o.page;
        if (o.row) sp.row = o.row;
    };
    for (auto& t : doc.tasks) fill(t.span);
    for (auto& s : doc.sections) fill(s.span);
}

// A document in which no task is found is an error: a CI gate over a
// folder must fail on it, not pass silently (issue 14).
void note_no_tasks(Document& doc) {
    if (doc.tasks.empty())
        doc.diagnostics.push_back({"error", "no-tasks", 0, "no task found (layout `" + doc.layout + "`)"});
}

// The grammar that reads tables by the columns their header row names.
const Grammar* column_grammar(const std::vector<Grammar>& gs) {
    for (const auto& g : gs)
        if (g.model == "table" && g.pattern("column_number")) return &g;
    return nullptr;
}

// A document whose ingest delivered tables with a header row (DOCX, XLSX,
// PDF, HTML): the tables are column tables whatever the prose around them
// looks like, and the prose is read by the prose layout it shows on its
// own. False (nothing done) when no delivered table has a header row, or
// when the document as a whole reads as another table layout (`detected`:
// that grammar knows its table's own conventions, e.g. task-table's
// actor cells and 局内：/省份： lines).
bool structure_mixed(const Compiler::Impl& impl, const NormalisedText& norm, const std::vector<int>& table_of,
                     size_t detected, Document& doc) {
    const auto& gs = impl.grammars;
    const Grammar* tg = column_grammar(gs);
    if (!tg || (gs[detected].model != "prose" && &gs[detected] != tg)) return false;
    std::vector<TableBlock> tables = header_tables(norm.lines, table_of, *tg);
    if (tables.empty()) return false;
    std::vector<Line> prose;
    for (size_t i = 0, t = 0; i < norm.lines.size(); ++i) {
        while (t < tables.size() && tables[t].end <= i) ++t;
        if (t == tables.size() || i < tables[t].header) prose.push_back(norm.lines[i]);
    }
    size_t gi = detect_layout(prose, gs);
    if (gs[gi].model != "prose") {  // the rest looks like a table: no prose layout of its own
        gi = 0;
        for (size_t k = 0; k < gs.size(); ++k)
            if (gs[k].value("fallback") == "yes") gi = k;
    }
    doc.layout = tg->name;
    doc.diagnostics.push_back({"info", "mixed-layout", static_cast<int>(norm.lines[tables.front().header].line_start),
                               std::to_string(tables.size()) + " table(s) read by their columns (" + tg->name +
                                   "), the text around them as `" + gs[gi].name + "`"});
    Skeleton sk = segment_mixed(norm.lines, tables, gs[gi], *tg);
    extract(sk, gs[gi], impl.units, doc);
    note_no_tasks(doc);
    return true;
}

// Layout detection, segmentation and extraction on normalised lines.
// `table_of`: for office inputs, the delivered table each line is a row of.
void structure(const Compiler::Impl& impl, const NormalisedText& norm, Document& doc,
               const std::vector<int>& table_of = {}) {
    if (norm.lines.empty()) {
        doc.diagnostics.push_back({"warning", "empty-input", 0, "the input holds no text"});
        doc.layout = "none";
        note_no_tasks(doc);
        return;
    }
    const auto& gs = impl.grammars;
    size_t gi = 0;
    if (impl.opts.layout) {
        gi = static_cast<size_t>(std::find_if(gs.begin(), gs.end(), [&](const Grammar& g) {
                                     return g.name == *impl.opts.layout;
                                 }) - gs.begin());
    } else {
        gi = detect_layout(norm.lines, gs);
        if (!table_of.empty() && structure_mixed(impl, norm, table_of, gi, doc)) return;
    }
    doc.layout = gs[gi].name;
    Skeleton sk = segment(norm.lines, gs[gi]);
    extract(sk, gs[gi], impl.units, doc);
    note_no_tasks(doc);
}

// The regex subject cap (pattern.hpp) as a warning on the document that hit
// it, naming its first overlong line: a cut is a degraded reading, never a
// silent one.
void note_capped_subjects(const NormalisedText& norm, Document& doc) {
    RegexCapStats cap = Pattern::take_cap_stats();
    if (cap.capped == 0) return;
    int line = 0;
    std::size_t longest = cap.longest;
    for (const auto& l : norm.lines)
        if (l.text.size() > Pattern::kMaxSubject) {
            line = l.line_start;
            longest = l.text.size();
            break;
        }
    doc.diagnostics.push_back(
        {"warning", "line-too-long", line,
         (line ? "a line of " : "a paragraph of ") + std::to_string(longest) + " bytes: the patterns read only its first " +
             std::to_string(Pattern::kMaxSubject) + " bytes (" + std::to_string(cap.capped) +
             " pattern searches cut short), so tasks further along it may be missed; break the text into lines"});
}

// structure() with the regex cap counted for this document alone.
void structure_capped(const Compiler::Impl& impl, const NormalisedText& norm, Document& doc,
                      const std::vector<int>& table_of) {
    (void)Pattern::take_cap_stats();  // this thread's count starts at zero
    structure(impl, norm, doc, table_of);
    note_capped_subjects(norm, doc);
}

}  // namespace

Document Compiler::compile(std::string_view bytes, const std::string& source) const {
    Document doc;
    doc.source = source;
    doc.id = slug(source);
    doc.sha256 = sha256_hex(bytes);
    // The content decides the format, never the file name (docs/formats.md).
    Sniffed kind = sniff(bytes);  // throws InputError for a damaged zip
    if (kind.format != Format::text) {
        Extracted ex = read_office(bytes, kind);  // throws InputError
        doc.encoding = "UTF-8";
        NormalisedText norm = normalise(ex.text);
        doc.script = norm.script;
        doc.diagnostics = std::move(ex.diagnostics);
        doc.diagnostics.insert(doc.diagnostics.end(), norm.diagnostics.begin(), norm.diagnostics.end());
        std::vector<int> table_of;  // per normalised line: the table it is a row of
        for (const Line& l : norm.lines) {
            const auto k = static_cast<std::size_t>(l.line_start);
            table_of.push_back(k >= 1 && k <= ex.origin.size() ? ex.origin[k - 1].table : 0);
        }
        structure_capped(*impl_, norm, doc, table_of);
        annotate_spans(doc, ex);
        return doc;
    }
    DecodedText decoded = decode(bytes);  // throws DecodeError for binary input
    doc.encoding = decoded.encoding;
    // A saved web page becomes text first; its lines are then mapped back to
    // the lines of the HTML source, so spans point into the file as given.
    std::optional<HtmlText> page;
    if (looks_like_html(decoded.utf8)) page = html_to_text(decoded.utf8);
    NormalisedText norm = normalise(page ? std::string_view(page->text) : std::string_view(decoded.utf8));
    std::vector<int> table_of;  // a page's data tables, per normalised line (before the lines are mapped)
    if (page)
        for (const Line& l : norm.lines) {
            const auto k = static_cast<std::size_t>(l.line_start);
            table_of.push_back(k >= 1 && k <= page->table.size() ? page->table[k - 1] : 0);
        }
    if (page) map_to_source(norm, *page);
    doc.script = norm.script;
    doc.diagnostics = std::move(decoded.diagnostics);
    if (page) doc.diagnostics.insert(doc.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
    doc.diagnostics.insert(doc.diagnostics.end(), norm.diagnostics.begin(), norm.diagnostics.end());
    structure_capped(*impl_, norm, doc, table_of);
    return doc;
}

bool IdAssigner::assign(Document& d) {
    std::string base = d.id, id = base;
    ++lookups_;
    if (seen_.count(id)) {
        int& k = next_suffix_.try_emplace(base, 2).first->second;
        do id = base + "-" + std::to_string(k++), ++lookups_;
        while (seen_.count(id));
    }
    const bool renamed = id != base;
    if (renamed) {
        // Task ids read back from JSON need not start with the document's
        // id: those keep their own id under the new prefix.
        for (auto& t : d.tasks) {
            bool prefixed = t.id.size() >= base.size() && t.id.compare(0, base.size(), base) == 0 &&
                            (t.id.size() == base.size() || t.id[base.size()] == ':');
            t.id = prefixed ? id + t.id.substr(base.size()) : id + ":" + t.id;
        }
        d.diagnostics.push_back({"info", "id-renamed", 0,
                                 "document id `" + base + "` is taken by an earlier input: renamed `" + id + "`"});
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
