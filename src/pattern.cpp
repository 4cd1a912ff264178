#include "pattern.hpp"

#include <atomic>
#include <stdexcept>

namespace qingdan {
namespace {

// UTF-16 index -> UTF-8 byte offset, by walking the UTF-16 string.
int utf8_offset(const icu::UnicodeString& u, int32_t idx16) {
    int bytes = 0;
    for (int32_t i = 0; i < idx16;) {
        UChar32 c = u.char32At(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        i += U16_LENGTH(c);
    }
    return bytes;
}

Match collect(icu::RegexMatcher& m, const icu::UnicodeString& subject) {
    UErrorCode st = U_ZERO_ERROR;
    Match out;
    int32_t n = m.groupCount();
    for (int32_t g = 0; g <= n; ++g) {
        int32_t b = m.start(g, st), e = m.end(g, st);
        if (U_FAILURE(st) || b < 0) {
            out.groups.emplace_back();
            out.begin.push_back(-1);
            out.end.push_back(-1);
            st = U_ZERO_ERROR;
            continue;
        }
        std::string s;
        subject.tempSubStringBetween(b, e).toUTF8String(s);
        int ub = utf8_offset(subject, b);
        out.begin.push_back(ub);
        out.end.push_back(ub + static_cast<int>(s.size()));
        out.groups.push_back(std::move(s));
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
    return collect(*matcher_, u);
}

std::vector<Match> Pattern::find_all(std::string_view s) const {
    if (rejects(s)) return {};
    const icu::UnicodeString& u = utf16(s);
    matcher_->reset(u);
    std::vector<Match> out;
    UErrorCode st = U_ZERO_ERROR;
    while (matcher_->find() ) {
        out.push_back(collect(*matcher_, u));
        if (U_FAILURE(st)) break;
    }
    return out;
}

}  // namespace qingdan
