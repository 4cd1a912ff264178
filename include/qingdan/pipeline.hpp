// The whole pipeline: decode -> normalise -> detect layout -> segment ->
// extract -> resolve units, with the resources (grammars, gazetteers) it uses.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

struct CompileOptions {
    std::vector<std::string> grammar_dirs;  // extra user grammars (--grammars)
    std::string data_dir;                   // "" = the installed/bundled data/
    std::optional<std::string> layout;      // --layout NAME forces a grammar
};

struct GrammarInfo {
    std::string name;
    std::string description;
    std::string path;
};

// One input as named on the command line, after expanding directories.
struct InputFile {
    std::string path;     // "-" for standard input
    std::string skipped;  // non-empty: found in a directory but not read, and why
};

// Expands directories (sorted; every file in them: text/HTML by extension,
// PDF/DOCX/XLSX by content, the rest listed with `skipped` set), keeps "-".
// Named files are always taken: compile sniffs their content. Throws
// std::runtime_error for a path that does not exist.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& args);

// Reads a whole file ("-" = stdin). Throws std::runtime_error on I/O errors.
std::string read_input(const std::string& path);

// The directory holding grammars/ and data/ (source tree or install prefix).
std::string default_share_dir();

class Compiler {
public:
    explicit Compiler(CompileOptions opts = {});
    ~Compiler();
    Compiler(const Compiler&) = delete;
    Compiler& operator=(const Compiler&) = delete;

    // Compiles raw input bytes of any supported format (text, HTML, PDF, DOCX,
    // XLSX: sniffed by content). Throws DecodeError for binary input and
    // InputError (ingest/extracted.hpp, with a diagnostic code) for an office
    // file that cannot be read: scanned or encrypted PDF, legacy .doc/.wps,
    // unsupported or damaged container.
    Document compile(std::string_view bytes, const std::string& source) const;

    std::vector<GrammarInfo> grammars() const;

    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

// Makes document ids unique within one run (appends -2, -3 ...).
void uniquify_ids(std::vector<Document>& docs);

// The same, one document at a time in input order, for runs that stream
// (issue 14). Returns whether `doc` was renamed (it then carries an
// id-renamed info diagnostic). A counter per id, not a search from -2 for
// every repeat: 20,000 inputs with the same file name stay linear.
class IdAssigner {
public:
    bool assign(Document& doc);
    // Ids looked up so far: the work done, which the scaling tests count
    // (a linear renaming looks up about one id per document).
    size_t lookups() const { return lookups_; }
private:
    size_t lookups_ = 0;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::string, int> next_suffix_;
};

}  // namespace qingdan
