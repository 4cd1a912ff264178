#include "gloss.hpp"

#include "ustr.hpp"

namespace qingdan {
namespace {

// Tone-marked vowels of Hanyu Pinyin (and ü with tone).
constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ";

bool is_toned(char32_t c) { return kToned.find(c) != std::u32string_view::npos; }
bool is_pinyin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || c == U'ü' || is_toned(c); }
bool is_open(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close(char32_t c) { return c == U')' || c == U'）'; }

// Length in bytes of a gloss starting at `i` (an opening bracket), 0 if none.
size_t gloss_at(std::string_view s, size_t i) {
    size_t j = i;
    if (!is_open(ustr::next(s, j))) return 0;
    int letters = 0;
    bool tone = false;
    while (j < s.size()) {
        size_t k = j;
        char32_t c = ustr::next(s, k);
        if (is_close(c)) {
            return letters >= 1 && tone ? k - i : 0;
        }
        if (c >= U'1' && c <= U'5' && letters > 0) {
            tone = true;  // gong1: a tone digit ends the syllable
            size_t m = k;
            if (m < s.size() && is_close(ustr::next(s, m))) return m - i;
            return 0;
        }
        if (!is_pinyin_letter(c) || ++letters > 6) return 0;
        tone = tone || is_toned(c);
        j = k;
    }
    return 0;
}

// The Han character ending at byte `i`, if any (glossed words are CJK, so a
// three- or four-byte sequence).
bool han_before(std::string_view s, size_t i) {
    if (i == 0) return false;
    size_t e = ustr::char_start(s, i);
    return ustr::is_han(ustr::next(s, e)) && e == i;
}

}  // namespace

bool may_hold_glosses(std::string_view s) {
    // True at the first real gloss, so strip_glosses (which copies the
    // text) runs only on the pages that have one. The brackets are found
    // with memchr-based searches: a byte loop over every page cost more
    // than the rest of the line normalisation.
    constexpr std::string_view kWideOpen = "\xEF\xBC\x88";  // （
    for (size_t i = s.find('('); i != std::string_view::npos; i = s.find('(', i + 1))
        if (han_before(s, i) && gloss_at(s, i)) return true;
    for (size_t i = s.find(kWideOpen); i != std::string_view::npos; i = s.find(kWideOpen, i + 3))
        if (han_before(s, i) && gloss_at(s, i)) return true;
    return false;
}

std::string strip_glosses(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t copied = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const bool ascii_open = s[i] == '(';
        const bool wide_open = s.compare(i, 3, "\xEF\xBC\x88") == 0;  // （
        if (!ascii_open && !wide_open) continue;
        if (!han_before(s, i)) continue;
        if (size_t n = gloss_at(s, i)) {
            out.append(s.substr(copied, i - copied));
            copied = i + n;
            i = copied - 1;
        }
    }
    out.append(s.substr(copied));
    return out;
}

}  // namespace qingdan
