// Layout grammars: the declarative description of one document layout
// (grammars/*.grammar, format in docs/grammars.md).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qingdan {

class Pattern;  // a compiled ICU regular expression (src/pattern.hpp)

struct DetectRule {
    double weight = 0;               // added once per matching line
    std::shared_ptr<Pattern> pattern;
    std::string source;
};

struct Grammar {
    std::string name;
    std::string description;
    std::string path;
    std::string model = "prose";     // "prose" or "table"
    std::string titles = "none";     // "none" or "leading-sentence"
    double detect_cap = 20;          // a rule counts at most this many lines
    std::vector<DetectRule> detect;
    // Every other key (level1, level2, item, actor, unit_clause, preamble,
    // requirements, cell_units ...) compiled once, looked up by name — in a
    // hash table: segmenters look keys up for every line and cell.
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view k) const { return std::hash<std::string_view>{}(k); }
    };
    std::unordered_map<std::string, std::shared_ptr<Pattern>, KeyHash, std::equal_to<>> patterns;
    std::map<std::string, std::string, std::less<>> values;

    const Pattern* pattern(std::string_view key) const;   // nullptr if absent
    std::string value(std::string_view key, std::string fallback = {}) const;
    int int_value(std::string_view key, int fallback) const;
};

// Loads every *.grammar file of the given directories, later directories
// overriding earlier ones by name. Files whose name starts with '_' are
// bases for `extends = ` only, never layouts. Throws std::runtime_error
// "file:line: message" on a malformed file or an invalid regex.
//
// The regexes of files in the first `lazy_dirs` directories (the bundled
// grammars, every rule of which the test suite compiles) are compiled on
// first use (Pattern::lazy): a document touches a fraction of them, and
// compiling all was most of start-up. An invalid regex there is reported,
// with its file:line, by the compile that first uses it. Regexes of the
// other directories (user grammars) are compiled here, so a mistake in
// them stops the run before any document.
std::vector<Grammar> load_grammars(const std::vector<std::string>& dirs, std::size_t lazy_dirs = 0);

}  // namespace qingdan
