#include "regex_prefilter.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include "ustr.hpp"

namespace qingdan {
namespace {

using CpSet = std::vector<char32_t>;  // sorted, unique
// Larger sets (\p{Han}, negated classes, .) are not worth a prefilter.
constexpr int32_t kMaxSet = 1024;
// More alternative strings than this make a required-literal test slower
// than it is worth.
constexpr size_t kMaxRequired = 16;

void add_sorted(CpSet& into, const CpSet& more) {
    CpSet out;
    std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(out));
    into.swap(out);
}

using AnySet = std::vector<std::string>;
// At most this many sets are tested per subject.
constexpr size_t kMaxConjuncts = 3;

// What one element, sequence or alternation contributes.
struct Info {
    bool nullable = true;       // can match the empty string
    bool transparent = false;   // zero-width assertion: skipped for first sets
    bool anchor = false;        // ^ or \A
    bool end_anchor = false;    // ends with $ (\z, \Z)
    std::optional<CpSet> first;                   // nullopt: unknown
    std::optional<CpSet> last;                    // the set the last consumed code point is in
    std::vector<AnySet> req;  // every match holds one string of each set
    std::optional<char32_t> literal;              // exactly one literal code point
};

// ICU's expansion of a set expression such as "[\s]" or "[\p{Nd}]",
// or nullopt when it is too large to be a useful filter.
std::optional<CpSet> icu_set_uncached(const std::string& expr) {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString::fromUTF8(expr), st);
    if (U_FAILURE(st) || set.size() > kMaxSet || set.size() == 0) return std::nullopt;
    CpSet out;
    for (int32_t r = 0; r < set.getRangeCount(); ++r)
        for (UChar32 c = set.getRangeStart(r); c <= set.getRangeEnd(r); ++c) out.push_back(c);
    return out;
}

// ICU regex's \s and \d (UnicodeSet syntax has neither); \s is taken as the
// union of its documented and implemented definitions: a superset is safe.
std::string shorthand(char c) { return c == 's' ? "[\\t\\n\\f\\r\\p{Z}\\p{WhiteSpace}]" : "[\\p{Nd}]"; }

// Every grammar rule uses \s and \d: expand each expression once.
std::optional<CpSet> icu_set(const std::string& expr) {
    static std::mutex mu;
    static std::map<std::string, std::optional<CpSet>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(expr);
    if (it == cache.end()) it = cache.emplace(expr, icu_set_uncached(expr)).first;
    return it->second;
}

std::vector<std::string> as_strings(const CpSet& set) {
    std::vector<std::string> out;
    for (char32_t c : set) {
        std::string s;
        ustr::append(s, c);
        out.push_back(std::move(s));
    }
    return out;
}

// Recursive-descent reader of the ICU syntax subset. Anything it does not
// understand sets `failed_`, and the caller then gives up on the pattern.
class Analyser {
public:
    explicit Analyser(std::string_view s) : s_(s) {}

    std::optional<Info> run() {
        Info info = alternation();
        if (failed_ || i_ != s_.size()) return std::nullopt;
        return info;
    }

private:
    std::string_view s_;
    size_t i_ = 0;
    bool failed_ = false;

    bool at_end() const { return i_ >= s_.size(); }
    char peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

    Info alternation() {
        std::vector<Info> alts{sequence()};
        while (!failed_ && peek() == '|') {
            ++i_;
            alts.push_back(sequence());
        }
        if (alts.size() == 1) return alts[0];
        Info out;
        out.anchor = true;
        out.end_anchor = true;
        out.nullable = false;
        out.first = CpSet{};
        out.last = CpSet{};
        // Each alternative contributes its most selective set; their union
        // holds in every match.
        AnySet any;
        bool known = true;
        for (const Info& a : alts) {
            out.anchor = out.anchor && a.anchor;
            out.end_anchor = out.end_anchor && a.end_anchor;
            out.nullable = out.nullable || a.nullable;
            if (out.first && a.first) add_sorted(*out.first, *a.first);
            else out.first.reset();
            if (out.last && a.last) add_sorted(*out.last, *a.last);
            else out.last.reset();
            if (a.req.empty()) known = false;
            else any.insert(any.end(), a.req[0].begin(), a.req[0].end());
        }
        if (out.nullable) {
            out.first.reset();
            out.last.reset();
        }
        if (known && any.size() <= kMaxRequired) out.req = {any};
        return out;
    }

    Info sequence() {
        std::vector<Info> elems;
        while (!failed_ && !at_end() && peek() != '|' && peek() != ')') elems.push_back(quantified());
        return combine(elems);
    }

    // First set: union over the leading elements up to the first one that
    // must consume. Requirement: the most selective consuming element, with
    // runs of single literals merged into one string (关于印发).
    static Info combine(const std::vector<Info>& elems) {
        Info out;
        out.anchor = !elems.empty() && elems[0].anchor;
        out.nullable = std::all_of(elems.begin(), elems.end(), [](const Info& e) { return e.nullable; });
        if (!out.nullable) {
            CpSet first;
            for (const Info& e : elems) {
                if (e.transparent || e.anchor) continue;
                if (!e.first) break;
                add_sorted(first, *e.first);
                if (!e.nullable) {
                    out.first = std::move(first);
                    break;
                }
            }
        }
        // Last set: the same from the other end, across a trailing $.
        out.end_anchor = !elems.empty() && elems.back().end_anchor;
        if (!out.nullable) {
            CpSet last;
            for (auto e = elems.rbegin(); e != elems.rend(); ++e) {
                if (e->transparent || e->anchor) continue;
                if (!e->last) break;
                add_sorted(last, *e->last);
                if (!e->nullable) {
                    out.last = std::move(last);
                    break;
                }
            }
        }
        if (elems.size() == 1) out.literal = elems[0].literal;
        std::vector<AnySet> candidates;
        std::string run;
        auto flush = [&] {
            if (!run.empty()) candidates.push_back({run});
            run.clear();
        };
        for (const Info& e : elems) {
            if (e.transparent || e.anchor) continue;  // zero-width: a run goes on across it
            if (e.literal) {
                ustr::append(run, *e.literal);
                continue;
            }
            flush();
            if (!e.nullable) candidates.insert(candidates.end(), e.req.begin(), e.req.end());
        }
        flush();
        std::stable_sort(candidates.begin(), candidates.end(), better);
        if (candidates.size() > kMaxConjuncts) candidates.resize(kMaxConjuncts);
        out.req = std::move(candidates);
        return out;
    }

    // More selective first: a longer shortest string (a two-character word
    // is rarer than any one character), then fewer alternatives.
    static bool better(const AnySet& a, const AnySet& b) {
        auto shortest = [](const AnySet& v) {
            size_t n = SIZE_MAX;
            for (const auto& s : v) n = std::min(n, s.size());
            return n;
        };
        if (shortest(a) != shortest(b)) return shortest(a) > shortest(b);
        return a.size() < b.size();
    }

    Info quantified() {
        Info e = atom();
        if (failed_) return e;
        int min = 1;
        bool quantified = true;
        char c = peek();
        if (c == '*' || c == '?') {
            min = 0;
            ++i_;
        } else if (c == '+') {
            ++i_;
        } else if (c == '{') {
            size_t close = s_.find('}', i_);
            if (close == std::string_view::npos) return fail();
            std::string body(s_.substr(i_ + 1, close - i_ - 1));
            if (body.empty() || !std::isdigit(static_cast<unsigned char>(body[0]))) return fail();
            min = std::atoi(body.c_str());
            i_ = close + 1;
        } else {
            quantified = false;
        }
        if (!quantified) return e;
        if (peek() == '?' || peek() == '+') ++i_;  // lazy or possessive
        if (e.transparent || e.anchor) return e;
        e.end_anchor = false;
        e.literal.reset();  // a quantified literal is not a run member
        if (min == 0) {
            e.nullable = true;
            e.req.clear();
        }
        return e;
    }

    Info fail() {
        failed_ = true;
        return {};
    }

    static Info consuming(std::optional<CpSet> set) {
        Info e;
        e.nullable = false;
        if (set && set->size() <= kMaxRequired) e.req = {as_strings(*set)};
        e.last = set;
        e.first = std::move(set);
        return e;
    }

    static Info literal(char32_t c) {
        Info e = consuming(CpSet{c});
        e.literal = c;
        return e;
    }

    static Info zero_width(bool anchor = false, bool end_anchor = false) {
        Info e;
        e.transparent = !anchor;
        e.anchor = anchor;
        e.end_anchor = end_anchor;
        return e;
    }

    Info atom() {
        char c = peek();
        switch (c) {
        case '^': ++i_; return zero_width(true);
        case '$': ++i_; return zero_width(false, true);
        case '.': ++i_; return consuming(std::nullopt);
        case '[': return char_class();
        case '(': return group();
        case '\\': return escape();
        case '*': case '+': case '?': case '{': case '}': case ']': case ')': return fail();
        default: return literal(ustr::next(s_, i_));
        }
    }

    Info group() {
        ++i_;  // (
        enum { Capture, Lookaround } kind = Capture;
        if (peek() == '?') {
            char k = peek(1);
            if (k == ':' || k == '>') {
                i_ += 2;
            } else if (k == '=' || k == '!') {
                i_ += 2;
                kind = Lookaround;
            } else if (k == '<' && (peek(2) == '=' || peek(2) == '!')) {
                i_ += 3;
                kind = Lookaround;
            } else if (k == '<') {  // (?<name>...)
                size_t close = s_.find('>', i_);
                if (close == std::string_view::npos) return fail();
                i_ = close + 1;
            } else {
                return fail();  // inline flags (?i) and the like change matching
            }
        }
        Info inner = alternation();
        if (failed_ || peek() != ')') return fail();
        ++i_;
        if (kind == Lookaround) return zero_width();
        inner.literal.reset();
        if (inner.anchor) {  // (?:^|\t): the group as a whole is not an anchor
            inner.anchor = false;
            inner.first.reset();
        }
        return inner;
    }

    Info escape() {
        ++i_;  // backslash
        if (at_end()) return fail();
        char c = s_[i_];
        switch (c) {
        case 't': ++i_; return literal('\t');
        case 'n': ++i_; return literal('\n');
        case 'r': ++i_; return literal('\r');
        case 'f': ++i_; return literal('\f');
        case 'A': ++i_; return zero_width(true);
        case 'z': case 'Z': ++i_; return zero_width(false, true);
        case 'b': case 'B': case 'G': ++i_; return zero_width();
        case 's': case 'd': ++i_; return consuming(icu_set(shorthand(c)));
        case 'p': case 'P': {
            size_t close = s_.find('}', i_);
            if (peek(1) != '{' || close == std::string_view::npos) return fail();
            std::string expr = "[\\" + std::string(s_.substr(i_, close + 1 - i_)) + "]";
            i_ = close + 1;
            return consuming(icu_set(expr));
        }
        case 'S': case 'D': case 'w': case 'W': case 'h': case 'H': case 'v': case 'V': case 'X': case 'R':
            ++i_;
            return consuming(std::nullopt);
        default:
            break;
        }
        if (std::isalnum(static_cast<unsigned char>(c))) return fail();  // \x \u \N \Q \k \1 ...
        return literal(ustr::next(s_, i_));  // escaped punctuation
    }

    // A class of literals, ranges and \s \d \p{..}; negation, nesting and
    // set operations are left unknown (but still consume one character).
    Info char_class() {
        ++i_;  // [
        if (peek() == '^' || peek() == ']' || peek() == '[') return skip_class();
        CpSet set;
        bool known = true;
        while (!failed_ && !at_end() && peek() != ']') {
            if (peek() == '[' || (peek() == '&' && peek(1) == '&') || (peek() == '-' && peek(1) == '-'))
                return skip_class();
            std::optional<CpSet> item = class_item();
            if (failed_) return {};
            if (!item) {
                known = false;
                continue;
            }
            if (peek() == '-' && peek(1) != ']' && item->size() == 1) {
                ++i_;
                std::optional<CpSet> hi = class_item();
                if (failed_ || !hi || hi->size() != 1 || (*hi)[0] < (*item)[0]) return fail();
                if ((*hi)[0] - (*item)[0] > static_cast<char32_t>(kMaxSet)) {
                    known = false;
                    continue;
                }
                CpSet range;
                for (char32_t x = (*item)[0]; x <= (*hi)[0]; ++x) range.push_back(x);
                add_sorted(set, range);
                continue;
            }
            add_sorted(set, *item);
        }
        if (at_end()) return fail();
        ++i_;  // ]
        if (!known || set.size() > static_cast<size_t>(kMaxSet)) return consuming(std::nullopt);
        return consuming(std::move(set));
    }

    std::optional<CpSet> class_item() {
        if (peek() != '\\') return CpSet{ustr::next(s_, i_)};
        ++i_;
        if (at_end()) {
            failed_ = true;
            return std::nullopt;
        }
        char c = s_[i_];
        switch (c) {
        case 't': ++i_; return CpSet{'\t'};
        case 'n': ++i_; return CpSet{'\n'};
        case 'r': ++i_; return CpSet{'\r'};
        case 'f': ++i_; return CpSet{'\f'};
        case 's': case 'd': ++i_; return icu_set(shorthand(c));
        case 'p': case 'P': {
            size_t close = s_.find('}', i_);
            if (peek(1) != '{' || close == std::string_view::npos) {
                failed_ = true;
                return std::nullopt;
            }
            std::string expr = "[\\" + std::string(s_.substr(i_, close + 1 - i_)) + "]";
            i_ = close + 1;
            return icu_set(expr);
        }
        default:
            break;
        }
        if (std::isalnum(static_cast<unsigned char>(c))) {
            failed_ = true;
            return std::nullopt;
        }
        return CpSet{ustr::next(s_, i_)};
    }

    // Skips a class this reader does not model, honouring nesting/escapes.
    Info skip_class() {
        int depth = 1;
        if (peek() == '^') ++i_;
        if (peek() == ']') ++i_;  // a leading ] is literal
        while (!at_end() && depth > 0) {
            char c = s_[i_];
            if (c == '\\') i_ += 2;
            else {
                if (c == '[') ++depth;
                if (c == ']') --depth;
                ++i_;
            }
        }
        if (depth != 0) return fail();
        return consuming(std::nullopt);
    }
};

bool starts_with_any(std::string_view subject, const std::vector<char32_t>& first) {
    return !subject.empty() && std::binary_search(first.begin(), first.end(), ustr::first(subject));
}

// $ also matches before a line terminator that ends the subject: then the
// code point before it is not known here, and the test is skipped.
bool ends_with_any(std::string_view subject, const std::vector<char32_t>& last) {
    if (subject.empty()) return false;
    const char32_t c = ustr::last(subject);
    if ((c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029) return true;
    return std::binary_search(last.begin(), last.end(), c);
}

// Searches for a literal by its last byte: in CJK text every third byte is
// a lead byte E4–E9, so std::string_view::find (memchr on the first byte)
// stops at most characters, while a given trailing byte (80–BF) is rare.
bool contains(std::string_view subject, std::string_view lit) {
    const size_t k = lit.size() - 1;
    if (subject.size() <= k) return false;
    const char* p = subject.data() + k;
    const char* const end = subject.data() + subject.size();
    while (p < end) {
        p = static_cast<const char*>(std::memchr(p, static_cast<unsigned char>(lit[k]), end - p));
        if (!p) return false;
        if (std::memcmp(p - k, lit.data(), k) == 0) return true;
        ++p;
    }
    return false;
}

// The byte pairs a subject holds, as a set of 4096 keyed by the low six
// bits of both bytes (exact for the trail bytes of CJK text): a literal
// with a pair the subject lacks cannot occur in it. Detection, segmentation
// and extraction try dozens of literals on each line, most of them absent;
// a memchr per literal and line cost more than all the regex matching.
// The set of the last subject is kept per thread and reused while the
// subject is the same text (the patterns of a line are tried in a row).
class PairSet {
public:
    static const PairSet& of(std::string_view s) {
        thread_local PairSet last;
        if (!last.ready_ || s.size() != last.text_.size() || s != last.text_) last.build(s);
        return last;
    }

    // False when `lit` (two bytes or more) certainly does not occur.
    bool may_hold(std::string_view lit) const {
        for (size_t i = 0; i + 1 < lit.size(); ++i)
            if (!test(key(lit[i], lit[i + 1]))) return false;
        return true;
    }

private:
    static unsigned key(char a, char b) {
        return (static_cast<unsigned>(static_cast<unsigned char>(a) & 63u) << 6) |
               (static_cast<unsigned char>(b) & 63u);
    }
    bool test(unsigned k) const { return stamp_[k] == gen_; }
    // A byte per pair, stamped with the subject's generation: a store per
    // byte of the subject and no clearing (a bitmap's read-modify-write
    // chain cost five times as much), the table wiped once in 255 subjects.
    void build(std::string_view s) {
        text_.assign(s.data(), s.size());
        if (++gen_ == 0) {
            stamp_.fill(0);
            gen_ = 1;
        }
        const uint8_t g = gen_;  // a local: the stores below could alias a member
        uint8_t* st = stamp_.data();
        for (size_t i = 0; i + 1 < s.size(); ++i) st[key(s[i], s[i + 1])] = g;
        ready_ = true;
    }

    std::string text_;
    std::array<uint8_t, 4096> stamp_{};
    uint8_t gen_ = 0;
    bool ready_ = false;
};

}  // namespace

bool RegexPrefilter::may_match(std::string_view subject) const {
    if (anchored && !first.empty() && !starts_with_any(subject, first)) return false;
    if (end_anchored && !last.empty() && !ends_with_any(subject, last)) return false;
    const PairSet* pairs = required.empty() ? nullptr : &PairSet::of(subject);
    for (const auto& any : required) {
        bool found = false;
        for (const auto& r : any)
            if (pairs->may_hold(r) && contains(subject, r)) {
                found = true;
                break;
            }
        if (!found) return false;
    }
    return true;
}

RegexPrefilter RegexPrefilter::analyse(std::string_view regex) {
    RegexPrefilter out;
    std::optional<Info> info = Analyser(regex).run();
    if (!info) return out;
    out.anchored = info->anchor;
    if (out.anchored && info->first) out.first = *info->first;
    out.end_anchored = info->end_anchor;
    if (out.end_anchored && info->last) out.last = *info->last;
    for (AnySet any : info->req) {
        std::sort(any.begin(), any.end());
        any.erase(std::unique(any.begin(), any.end()), any.end());
        // An empty string would make the set vacuous; so would a huge set.
        if (any.empty() || std::find(any.begin(), any.end(), "") != any.end() || any.size() > kMaxRequired)
            continue;
        out.required.push_back(std::move(any));
    }
    return out;
}

}  // namespace qingdan
