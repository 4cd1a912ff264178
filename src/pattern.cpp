#include "pattern.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "ustr.hpp"

namespace qingdan {
namespace {

// Groups are cut from the UTF-8 subject itself: every group boundary (a
// UTF-16 index into the converted subject) is mapped to a byte offset in
// one forward walk, instead of converting each group back from UTF-16.
Match collect(icu::RegexMatcher& m, std::string_view s) {
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = m.groupCount();
    std::vector<int32_t> b16(n + 1, -1), e16(n + 1, -1);
    std::vector<int32_t> marks;
    for (int32_t g = 0; g <= n; ++g) {
        int32_t b = m.start(g, st), e = m.end(g, st);
        if (U_FAILURE(st) || b < 0) {
            st = U_ZERO_ERROR;
            continue;
        }
        b16[g] = b;
        e16[g] = e;
        marks.push_back(b);
        marks.push_back(e);
    }
    std::sort(marks.begin(), marks.end());
    marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
    std::vector<int> bytes(marks.size());
    size_t byte = 0;
    int32_t u16 = 0;
    for (size_t k = 0; k < marks.size(); ++k) {
        while (u16 < marks[k] && byte < s.size()) u16 += ustr::next(s, byte) > 0xFFFF ? 2 : 1;
        bytes[k] = static_cast<int>(byte);
    }
    auto offset = [&](int32_t idx16) {
        return bytes[std::lower_bound(marks.begin(), marks.end(), idx16) - marks.begin()];
    };
    Match out;
    for (int32_t g = 0; g <= n; ++g) {
        if (b16[g] < 0) {
            out.groups.emplace_back();
            out.begin.push_back(-1);
            out.end.push_back(-1);
            continue;
        }
        int ub = offset(b16[g]), ue = offset(e16[g]);
        out.begin.push_back(ub);
        out.end.push_back(ue);
        out.groups.emplace_back(s.substr(ub, ue - ub));
    }
    return out;
}

// Segmentation tries several patterns on the same line in a row: convert a
// subject to UTF-16 once and reuse it while the next call has the same text.
const icu::UnicodeString& utf16(std::string_view s) {
    thread_local std::string last;
    thread_local icu::UnicodeString converted;
    if (s.size() != last.size() || s != last || (s.empty() && converted.length() != 0)) {
        last.assign(s.data(), s.size());
        converted = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    }
    return converted;
}

std::atomic<bool> verify_prefilter{false};

}  // namespace

void Pattern::set_verify_prefilter(bool on) { verify_prefilter = on; }

bool Pattern::rejects(std::string_view s) const {
    if (filter_.may_match(s)) return false;
    if (verify_prefilter) {
        matcher_->reset(utf16(s));
        UErrorCode st = U_ZERO_ERROR;
        if (matcher_->find(0, st))
            throw std::logic_error("regex prefilter rejected a matching subject: /" + source_ + "/ on \"" +
                                   std::string(s) + "\"");
    }
    return true;
}

Pattern::Pattern(std::string_view regex) : source_(regex), filter_(RegexPrefilter::analyse(regex)) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(regex.data(), regex.size()));
    pattern_.reset(icu::RegexPattern::compile(u, 0, pe, st));
    if (U_FAILURE(st))
        throw std::runtime_error("invalid regular expression /" + source_ + "/ (" + u_errorName(st) +
                                 " at offset " + std::to_string(pe.offset) + ")");
    matcher_.reset(pattern_->matcher(st));
}

Pattern::~Pattern() = default;

std::optional<Match> Pattern::find(std::string_view s) const {
    if (rejects(s)) return std::nullopt;
    const icu::UnicodeString& u = utf16(s);
    matcher_->reset(u);
    UErrorCode st = U_ZERO_ERROR;
    if (!matcher_->find(0, st) || U_FAILURE(st)) return std::nullopt;
    return collect(*matcher_, s);
}

std::vector<Match> Pattern::find_all(std::string_view s) const {
    if (rejects(s)) return {};
    const icu::UnicodeString& u = utf16(s);
    matcher_->reset(u);
    std::vector<Match> out;
    UErrorCode st = U_ZERO_ERROR;
    while (matcher_->find() ) {
        out.push_back(collect(*matcher_, s));
        if (U_FAILURE(st)) break;
    }
    return out;
}

}  // namespace qingdan
