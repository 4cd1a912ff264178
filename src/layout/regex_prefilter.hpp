// A cheap necessary condition for a regular expression to match, derived
// from its source: most lines a grammar rule is tried on cannot match (a
// heading rule needs 一–十 first, a unit clause needs a parenthesis), and
// rejecting them with a byte search spares the UTF-16 conversion and the
// ICU matcher. The analysis understands a common subset of ICU syntax and
// answers "unknown" for anything else, so a prefilter never rejects a
// subject the regex would match (tests/test_pattern.cpp checks this on the
// corpus).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

struct RegexPrefilter {
    // Every match starts at the beginning of the subject (each top-level
    // alternative begins with `^`; patterns are compiled without MULTILINE).
    bool anchored = false;
    // When anchored: the code points a subject may start with. Empty means
    // no constraint is known.
    std::vector<char32_t> first;
    // Every match ends at the end of the subject (each top-level
    // alternative ends with `$`), and `last` (when not empty) holds the code
    // points such a match can end with.
    bool end_anchored = false;
    std::vector<char32_t> last;
    // Each entry is a set of UTF-8 strings of which a matching subject holds
    // at least one; a subject must satisfy every entry (at most a few, the
    // most selective: long literals before single characters). Empty means
    // no constraint is known.
    std::vector<std::vector<std::string>> required;

    // False when the subject certainly does not match.
    bool may_match(std::string_view subject) const;

    // Analyses an ICU regex source. Never throws; unknown constructs only
    // weaken the result.
    static RegexPrefilter analyse(std::string_view regex);
};

}  // namespace qingdan
