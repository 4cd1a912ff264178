// A compiled ICU regex over UTF-8 strings. A prefilter derived from the
// source (regex_prefilter.hpp) rejects most non-matching subjects with a
// byte search; the rest are converted to UTF-16 once per call and matched
// by ICU; groups come back as UTF-8. Not thread-safe: a
// Pattern caches its matcher (one Compiler is used by one thread).
#pragma once

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

class Pattern {
public:
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
