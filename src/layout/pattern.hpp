// A compiled ICU regex over UTF-8 strings. A prefilter derived from the
// source (regex_prefilter.hpp) rejects most non-matching subjects with a
// byte search; the rest are converted to UTF-16 once per call and matched
// by ICU; groups come back as UTF-8. Not thread-safe: a
// Pattern caches its matcher (one Compiler is used by one thread).
//
// A lazy Pattern (Pattern::lazy) compiles its regex and prefilter on first
// use: ICU's RegexPattern::compile (its \p{…} sets above all) was most of a
// Compiler's start-up, and a document uses a fraction of the grammars'
// rules. The first use is guarded by std::call_once, so even a Pattern
// shared between threads is compiled exactly once; matching itself still
// uses the one cached matcher (see above).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "regex_prefilter.hpp"

namespace qingdan {

struct Match {
    std::vector<std::string> groups;  // [0] whole match, then groups ("" if unmatched)
    std::vector<int> begin;           // UTF-8 byte offsets of each group, -1 if unmatched
    std::vector<int> end;
    const std::string& operator[](size_t i) const { return groups[i]; }
};

// Regex subject cap: a line (or a joined paragraph) longer than this is
// matched on its first kMaxSubject bytes only (cut on a character boundary).
// A real paragraph of the genre is a few thousand bytes; a megabyte on one
// line (a table saved without line breaks, a minified page) would make every
// pattern scan, and lazy or backtracking patterns rescan, the whole line for
// each of the hundreds of patterns tried per line. The cap is never silent:
// each cut is counted per thread, and the pipeline turns the count into a
// `line-too-long` warning on the document (pipeline.cpp).
struct RegexCapStats {
    std::size_t capped = 0;   // subjects cut since the last take()
    std::size_t longest = 0;  // bytes of the longest subject cut
};

// A lazily compiled pattern found invalid on first use: a broken bundled
// grammar is a fault of the installation, not of the document being
// compiled, so it is a logic_error (the CLI reports it as an internal
// error, exit 4, naming the grammar's file:line).
class PatternError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

class Pattern {
public:
    static constexpr std::size_t kMaxSubject = 64 * 1024;
    // The counts of this thread since the last call, reset to zero.
    static RegexCapStats take_cap_stats();

    // Compiles now. Throws std::runtime_error with ICU's message on a bad
    // pattern.
    explicit Pattern(std::string_view regex);
    // Compiled on first use (find, matches, find_all, prefilter, compile);
    // a bad pattern then throws PatternError "WHERE: invalid regular
    // expression ..." from that call. `where` is "file:line" for messages.
    static std::shared_ptr<Pattern> lazy(std::string_view regex, std::string where);
    ~Pattern();
    Pattern(const Pattern&) = delete;
    Pattern& operator=(const Pattern&) = delete;

    // Search anywhere (use ^ to anchor).
    std::optional<Match> find(std::string_view s) const;
    // Every non-overlapping match.
    std::vector<Match> find_all(std::string_view s) const;
    // Whether find() would match, without cutting out the groups.
    bool matches(std::string_view s) const;
    const std::string& source() const { return source_; }
    const RegexPrefilter& prefilter() const {
        ensure();
        return filter_;
    }
    // Compiles a lazy pattern now (no-op when compiled): throws as above.
    void compile() const { ensure(); }
    bool compiled() const { return ready_.load(std::memory_order_acquire); }
    // Patterns compiled so far in this process (tests, start-up measures).
    static long compiled_count();

    // Tests only: run ICU even when the prefilter rejects a subject, and
    // throw std::logic_error if ICU finds a match there (a prefilter bug).
    static void set_verify_prefilter(bool on);

private:
    struct LazyTag {};
    Pattern(std::string_view regex, std::string where, LazyTag);
    bool rejects(std::string_view s) const;
    // The fast path is one acquire load; the first call compiles under
    // std::call_once (other threads wait for it).
    void ensure() const {
        if (!ready_.load(std::memory_order_acquire)) build();
    }
    void build() const;

    std::string source_;
    std::string where_;  // "file:line" of a lazy pattern, for its error
    mutable std::once_flag once_;
    mutable std::atomic<bool> ready_{false};
    mutable RegexPrefilter filter_;
    mutable std::unique_ptr<icu::RegexPattern> pattern_;
    mutable std::unique_ptr<icu::RegexMatcher> matcher_;
};

}  // namespace qingdan
