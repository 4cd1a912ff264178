// Loader for grammars/*.grammar: `key = value` lines, '#' comments,
// `extends = _base` to inherit a base file, `detect = WEIGHT : REGEX`.
#include "grammar.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "pattern.hpp"

namespace qingdan {
namespace fs = std::filesystem;

namespace {

// Keys whose value is plain text, not a regex.
const std::set<std::string, std::less<>> kValueKeys = {
    "name", "description", "model", "titles", "extends", "detect_cap", "narrow_cell", "row_start",
    "cell_split_hint", "fallback"};

std::string trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

struct RawEntry {
    std::string key, value, file;
    int line;
    bool lazy = false;  // from a bundled file: regex compiled on first use
};

std::vector<RawEntry> read_entries(const fs::path& path, bool lazy) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot read grammar file", path.string()));
    std::vector<RawEntry> out;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        size_t eq = t.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: expected `key = value`", path.string(), n));
        std::string key = trim(t.substr(0, eq));
        std::string value = trim(t.substr(eq + 1));
        if (key.empty()) throw std::runtime_error(fmt::format("{}:{}: empty key", path.string(), n));
        out.push_back({key, value, path.string(), n, lazy});
    }
    return out;
}

// Grammars extending the same base, and detection rules repeated across
// grammars, share one compiled Pattern: compiling ICU regexes (and
// analysing them for the prefilter) is most of start-up.
using PatternCache = std::map<std::string, std::shared_ptr<Pattern>, std::less<>>;

// A pattern first met in a lazy file stays lazy even when an eager
// (user) file repeats it: the user file's copy is compiled on the spot.
std::shared_ptr<Pattern> compiled(PatternCache& cache, const std::string& source, const RawEntry& e) {
    auto it = cache.find(source);
    if (it != cache.end()) {
        try {
            if (!e.lazy) it->second->compile();
        } catch (const PatternError& ex) {
            throw std::runtime_error(ex.what());  // reported like any bad regex of a user file
        }
        return it->second;
    }
    auto p = e.lazy ? Pattern::lazy(source, fmt::format("{}:{}", e.file, e.line)) : std::make_shared<Pattern>(source);
    cache.emplace(source, p);
    return p;
}

void apply(Grammar& g, const RawEntry& e, PatternCache& cache) {
    try {
        if (e.key == "detect") {
            size_t colon = e.value.find(':');
            if (colon == std::string::npos) throw std::runtime_error("detect needs `WEIGHT : REGEX`");
            DetectRule r;
            r.weight = std::stod(trim(e.value.substr(0, colon)));
            r.source = trim(e.value.substr(colon + 1));
            r.pattern = compiled(cache, r.source, e);
            g.detect.push_back(std::move(r));
        } else if (kValueKeys.count(e.key)) {
            g.values[e.key] = e.value;
            if (e.key == "name") g.name = e.value;
            else if (e.key == "description") g.description = e.value;
            else if (e.key == "model") g.model = e.value;
            else if (e.key == "titles") g.titles = e.value;
            else if (e.key == "detect_cap") g.detect_cap = std::stod(e.value);
        } else if (e.value.empty()) {
            g.patterns.erase(e.key);  // `key =` switches an inherited rule off
        } else {
            g.patterns[e.key] = compiled(cache, e.value, e);
        }
    } catch (const std::runtime_error& ex) {
        throw std::runtime_error(fmt::format("{}:{}: {}", e.file, e.line, ex.what()));
    } catch (const std::logic_error&) {
        throw std::runtime_error(fmt::format("{}:{}: bad number in `{}`", e.file, e.line, e.value));
    }
}

struct FoundFile {
    fs::path path;
    bool lazy = false;  // in one of the first `lazy_dirs` directories
};
using Files = std::map<std::string, FoundFile>;

// Resolves `extends` chains (bases first) among the files found.
void build(Grammar& g, const Files& files, const FoundFile& file, int depth, PatternCache& cache) {
    if (depth > 8) throw std::runtime_error(file.path.string() + ": `extends` chain too deep");
    auto entries = read_entries(file.path, file.lazy);
    for (const auto& e : entries) {
        if (e.key != "extends") continue;
        auto it = files.find(e.value);
        if (it == files.end())
            throw std::runtime_error(fmt::format("{}:{}: unknown base grammar `{}`", e.file, e.line, e.value));
        build(g, files, it->second, depth + 1, cache);
    }
    for (const auto& e : entries)
        if (e.key != "extends") apply(g, e, cache);
}

}  // namespace

const Pattern* Grammar::pattern(std::string_view key) const {
    auto it = patterns.find(key);
    return it == patterns.end() ? nullptr : it->second.get();
}

std::string Grammar::value(std::string_view key, std::string fallback) const {
    auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}

int Grammar::int_value(std::string_view key, int fallback) const {
    auto it = values.find(key);
    if (it == values.end()) return fallback;
    try {
        return std::stoi(it->second);
    } catch (const std::logic_error&) {
        return fallback;
    }
}

std::vector<Grammar> load_grammars(const std::vector<std::string>& dirs, std::size_t lazy_dirs) {
    Files files;  // stem -> file; later dirs override
    for (std::size_t di = 0; di < dirs.size(); ++di) {
        const std::string& d = dirs[di];
        std::error_code ec;
        if (!fs::is_directory(d, ec)) throw std::runtime_error(d + ": not a grammar directory");
        std::vector<fs::path> found;
        for (const auto& ent : fs::directory_iterator(d))
            if (ent.path().extension() == ".grammar") found.push_back(ent.path());
        std::sort(found.begin(), found.end());
        for (const auto& p : found) files[p.stem().string()] = {p, di < lazy_dirs};
    }
    std::vector<Grammar> out;
    PatternCache cache;
    for (const auto& [stem, file] : files) {
        if (stem.empty() || stem[0] == '_') continue;
        const fs::path& path = file.path;
        Grammar g;
        build(g, files, file, 0, cache);
        g.path = path.string();
        if (g.name.empty()) g.name = stem;
        if (g.model != "prose" && g.model != "table")
            throw std::runtime_error(path.string() + ": model must be `prose` or `table`");
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace qingdan
