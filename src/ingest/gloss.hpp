// Reading aids some sites inject into the words of a page: a pinyin gloss
// after a character (工(gōng)業, 貴池區(qū)). They are not part of the text.
#pragma once

#include <string>
#include <string_view>

namespace qingdan {

// Removes every parenthesised pinyin syllable that directly follows a Han
// character: "(gōng)" / "（gōng）" / "(gong1)". A gloss is 1–6 lower-case
// Latin letters (ü and the tone-marked vowels included) carrying a tone
// (a tone-marked vowel or a final digit 1–5); anything else in brackets
// after a character — (一), (试行), (a) — is text and stays. Line breaks
// are untouched, so line numbers still point into the input.
std::string strip_glosses(std::string_view utf8);

// True when `utf8` holds a gloss (memchr-based search, stops at the first),
// so strip_glosses copies only the pages that have one.
bool may_hold_glosses(std::string_view utf8);

}  // namespace qingdan
