#include "pattern.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include <unicode/utf16.h>

#include "ustr.hpp"

namespace qingdan {
namespace {

// A subject converted for ICU. The UTF-8 byte offset of every UTF-16 index
// (to cut groups from the UTF-8 text) is made only when a match is
// collected: most subjects are only tested (matches(), a failed find()),
// and writing the offsets cost as much as the conversion.
struct Subject {
    std::string text;  // the UTF-8 subject this was made from
    icu::UnicodeString u16;
    mutable std::vector<int32_t> byte_at;  // [UTF-16 index] -> byte offset; size length + 1
    mutable bool offsets_ready = false;
};

// Walks `s` as UTF-16 code units, fast for ASCII and three-byte (CJK) runs,
// which is nearly all of our text: unit(k, i, cu) for the k-th unit, read
// at byte i. Ill-formed bytes (normalised text has none) become U+FFFD one
// byte at a time. Returns the number of units.
template <class Unit>
int32_t walk_units(std::string_view s, Unit&& unit) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    int32_t k = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            unit(k++, i, static_cast<char16_t>(b));
            ++i;
        } else if (ustr::plain3_at(p + i, n - i)) {
            unit(k++, i, static_cast<char16_t>(ustr::decode3(p + i)));
            i += 3;
        } else {
            size_t j = i;
            const char32_t c = ustr::next(s, j);  // U+FFFD on a bad byte, advancing one
            if (c > 0xFFFF) {  // a surrogate pair (ICU's UTF-16 macros)
                unit(k++, i, static_cast<char16_t>(U16_LEAD(c)));
                unit(k++, i, static_cast<char16_t>(U16_TRAIL(c)));
            } else {
                unit(k++, i, static_cast<char16_t>(c));
            }
            i = j > i ? j : i + 1;
        }
    }
    return k;
}

void convert(std::string_view s, Subject& out) {
    out.text.assign(s.data(), s.size());
    out.offsets_ready = false;
    char16_t* d = out.u16.getBuffer(static_cast<int32_t>(s.size()) + 1);
    const int32_t k = walk_units(s, [d](int32_t at, size_t, char16_t cu) { d[at] = cu; });
    out.u16.releaseBuffer(k);
}

const std::vector<int32_t>& offsets(const Subject& sub) {
    if (!sub.offsets_ready) {
        sub.byte_at.resize(sub.text.size() + 1);
        int32_t* o = sub.byte_at.data();
        const int32_t k = walk_units(sub.text, [o](int32_t at, size_t i, char16_t) { o[at] = static_cast<int32_t>(i); });
        o[k] = static_cast<int32_t>(sub.text.size());
        sub.offsets_ready = true;
    }
    return sub.byte_at;
}

// Segmentation tries several patterns on the same line in a row: convert a
// subject once and reuse it while the next call has the same text.
const Subject& utf16(std::string_view s) {
    thread_local Subject last;
    thread_local bool ready = false;
    if (!ready || s.size() != last.text.size() || s != last.text) {
        convert(s, last);
        ready = true;
    }
    return last;
}

Match collect(icu::RegexMatcher& m, const Subject& sub) {
    const std::vector<int32_t>& byte_at = offsets(sub);
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = m.groupCount();
    Match out;
    out.groups.reserve(n + 1);
    out.begin.reserve(n + 1);
    out.end.reserve(n + 1);
    for (int32_t g = 0; g <= n; ++g) {
        int32_t b = m.start(g, st), e = m.end(g, st);
        if (U_FAILURE(st) || b < 0) {
            st = U_ZERO_ERROR;
            out.groups.emplace_back();
            out.begin.push_back(-1);
            out.end.push_back(-1);
            continue;
        }
        const int ub = byte_at[b], ue = byte_at[e];
        out.begin.push_back(ub);
        out.end.push_back(ue);
        out.groups.emplace_back(sub.text, ub, ue - ub);
    }
    return out;
}

std::atomic<bool> verify_prefilter{false};

thread_local RegexCapStats cap_stats;

// The subject as the matcher sees it: at most kMaxSubject bytes (Pattern).
std::string_view capped(std::string_view s) {
    if (s.size() <= Pattern::kMaxSubject) return s;
    ++cap_stats.capped;
    cap_stats.longest = std::max(cap_stats.longest, s.size());
    return s.substr(0, ustr::floor_boundary(s, Pattern::kMaxSubject));
}

}  // namespace

RegexCapStats Pattern::take_cap_stats() {
    RegexCapStats out = cap_stats;
    cap_stats = {};
    return out;
}

void Pattern::set_verify_prefilter(bool on) { verify_prefilter = on; }

bool Pattern::rejects(std::string_view s) const {
    ensure();
    if (filter_.may_match(s)) return false;
    if (verify_prefilter) {
        matcher_->reset(utf16(s).u16);
        UErrorCode st = U_ZERO_ERROR;
        if (matcher_->find(0, st))
            throw std::logic_error("regex prefilter rejected a matching subject: /" + source_ + "/ on \"" +
                                   std::string(s) + "\"");
    }
    return true;
}

Pattern::Pattern(std::string_view regex) : source_(regex) { ensure(); }

Pattern::Pattern(std::string_view regex, std::string where, LazyTag) : source_(regex), where_(std::move(where)) {}

std::shared_ptr<Pattern> Pattern::lazy(std::string_view regex, std::string where) {
    return std::shared_ptr<Pattern>(new Pattern(regex, std::move(where), LazyTag{}));
}

namespace {
std::atomic<long> n_compiled{0};
}  // namespace

long Pattern::compiled_count() { return n_compiled.load(); }

void Pattern::build() const {
    // call_once: a throwing compile leaves the flag unset, so every later
    // use reports the same error again.
    std::call_once(once_, [this] {
        UErrorCode st = U_ZERO_ERROR;
        UParseError pe;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(source_.data(), source_.size()));
        std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(u, 0, pe, st));
        if (U_FAILURE(st)) {
            const std::string what = "invalid regular expression /" + source_ + "/ (" + u_errorName(st) +
                                     " at offset " + std::to_string(pe.offset) + ")";
            if (where_.empty()) throw std::runtime_error(what);  // eager: load_grammars adds file:line
            throw PatternError(where_ + ": " + what);
        }
        matcher_.reset(pattern->matcher(st));
        pattern_ = std::move(pattern);
        filter_ = RegexPrefilter::analyse(source_);
        n_compiled.fetch_add(1, std::memory_order_relaxed);
        ready_.store(true, std::memory_order_release);
    });
}

Pattern::~Pattern() = default;

std::optional<Match> Pattern::find(std::string_view whole) const {
    const std::string_view s = capped(whole);
    if (rejects(s)) return std::nullopt;
    const Subject& sub = utf16(s);
    matcher_->reset(sub.u16);
    UErrorCode st = U_ZERO_ERROR;
    if (!matcher_->find(0, st) || U_FAILURE(st)) return std::nullopt;
    return collect(*matcher_, sub);
}

bool Pattern::matches(std::string_view whole) const {
    const std::string_view s = capped(whole);
    if (rejects(s)) return false;
    matcher_->reset(utf16(s).u16);
    UErrorCode st = U_ZERO_ERROR;
    return matcher_->find(0, st) && U_SUCCESS(st);
}

std::vector<Match> Pattern::find_all(std::string_view whole) const {
    const std::string_view s = capped(whole);
    if (rejects(s)) return {};
    const Subject& sub = utf16(s);
    matcher_->reset(sub.u16);
    std::vector<Match> out;
    UErrorCode st = U_ZERO_ERROR;
    while (matcher_->find()) {
        out.push_back(collect(*matcher_, sub));
        if (U_FAILURE(st)) break;
    }
    return out;
}

}  // namespace qingdan
