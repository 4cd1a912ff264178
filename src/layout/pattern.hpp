// A compiled ICU regex over UTF-8 strings. A prefilter derived from the
// source (regex_prefilter.hpp) rejects most non-matching subjects with a
// byte search; the rest are converted to UTF-16 once per call and matched
// by ICU; groups come back as UTF-8. Not thread-safe: a
// Pattern caches its matcher (one Compiler is used by one thread).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
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

class Pattern {
public:
    static constexpr std::size_t kMaxSubject = 64 * 1024;
    // The counts of this thread since the last call, reset to zero.
    static RegexCapStats take_cap_stats();

    // Throws std::runtime_error with ICU's message on a bad pattern.
    explicit Pattern(std::string_view regex);
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
    const RegexPrefilter& prefilter() const { return filter_; }

    // Tests only: run ICU even when the prefilter rejects a subject, and
    // throw std::logic_error if ICU finds a match there (a prefilter bug).
    static void set_verify_prefilter(bool on);

private:
    bool rejects(std::string_view s) const;

    std::string source_;
    RegexPrefilter filter_;
    std::unique_ptr<icu::RegexPattern> pattern_;
    mutable std::unique_ptr<icu::RegexMatcher> matcher_;
};

}  // namespace qingdan
