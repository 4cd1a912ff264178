// Stage 2: decoded UTF-8 -> normalised lines (see docs/normalisation.md).
//
//   normalise()       T->S when the text is Traditional (t2s.cpp), then per
//                     line: character normalisation (normalise_chars, here),
//                     page furniture dropped (furniture.cpp), blank lines
//                     dropped; every line keeps its original 1-based number.
//   join_wrapped()    is in join_wrapped.cpp.
//
// Everything here is hand-written over UTF-8 (no regex): the pipeline has to
// run at tens of MB/s.
#include "normalise.hpp"
#include "gloss.hpp"

#include <algorithm>
#include <cstring>

#include "furniture.hpp"
#include "pipe_table.hpp"
#include "t2s.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

using namespace std::string_view_literals;

using ustr::ends_with;
using ustr::starts_with;
using ustr::contains;

// ---------------------------------------------------------------------------
// Character classes for the spacing rules

enum class Cls : unsigned char {
    None,   // start of line / cell
    Cjk,    // Han, kana, hangul, CJK and general punctuation, full-width forms
    Digit,  // ASCII digit
    Tight,  // ASCII punctuation that hugs Chinese text: : ; , ( ) ! ? %
    Other,  // letters, other ASCII punctuation, anything else
};

inline Cls classify(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9') return Cls::Digit;
        switch (cp) {
            case ':': case ';': case ',': case '(': case ')': case '!': case '?': case '%':
                return Cls::Tight;
            default:
                return Cls::Other;
        }
    }
    if ((cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x31FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
        (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0x2010 && cp <= 0x205E) || cp == 0xB7)
        return Cls::Cjk;
    return Cls::Other;
}

// A space between `a` and `b` is PDF letter-spacing or extraction noise.
inline bool drop_space_between(Cls a, Cls b) {
    if (a == Cls::Cjk) return b == Cls::Cjk || b == Cls::Digit || b == Cls::Tight;
    if (b == Cls::Cjk) return a == Cls::Digit || a == Cls::Tight;
    return false;
}

// Character mapping. Returns 0 to drop the character, ' ' for a space.
inline char32_t map_char(char32_t cp) {
    if (cp < 0x80) {
        if (cp == '\t' || cp >= 0x20) return cp == 0x7F ? 0 : cp;
        if (cp == '\v') return ' ';
        return 0;  // other C0 controls, incl. \f (pdftotext page breaks) and \r
    }
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'A';
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    if (cp == 0xFF05) return '%';  // ％: targets are printed `93%`
    // Small form variants (U+FE50..FE6B: ﹐﹑﹒﹔﹕…, some sites and input
    // methods print `1﹒` and `牵头单位﹕`): the full-width punctuation they
    // stand for, so numbering, clause and label rules see one form.
    if (cp >= 0xFE50 && cp <= 0xFE6B) {
        static constexpr char32_t small_forms[] = {
            U'，', U'、', U'．', 0,    U'；', U'：', U'？', U'！', 0,    U'（', U'）', U'｛',
            U'｝', U'〔', U'〕', U'＃', U'＆', U'＊', U'＋', U'－', U'＜', U'＞', U'＝', 0,
            U'＼', U'＄', '%',   U'＠'};
        const char32_t m = small_forms[cp - 0xFE50];
        return m != 0 ? m : cp;
    }
    if (cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return ' ';
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD ||
        (cp >= 0x80 && cp <= 0x9F))
        return 0;  // zero-width characters, soft hyphen, C1 controls
    return cp;
}

// ---------------------------------------------------------------------------
// Spaces in front of numbering labels. A space between Han characters is
// letter-spacing noise, except where it is the only trace of a label:
//  - `一 完善知识产权制度`: a level-1 heading whose 、 was lost (line start);
//  - a flattened article (one very long line, line breaks lost in PDF or web
//    extraction): `…制定本计划。 一 完善… （一）… 10. 研究…` keeps the space
//    before each inline label so that reflow_long_lines() can cut there.

bool is_cn_numeral_cp(char32_t c) {
    switch (c) {
        case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
        case U'八': case U'九': case U'十':
            return true;
        default:
            return false;
    }
}

// `line[i]` (raw text) opens a numbering label: 一、 / 一␣X, （一）/(一),
// 1. 1． 1、 1) 1）(not 2.5), 附件.
bool label_ahead(std::string_view line, std::size_t i) {
    std::string_view r = line.substr(i);
    if (starts_with(r, "附件"sv)) return true;
    std::size_t k = 0;
    int n = 0;
    while (k < r.size() && n < 4) {
        std::size_t j = k;
        if (!is_cn_numeral_cp(ustr::next(r, j))) break;
        k = j;
        ++n;
    }
    if (n > 0 && n <= 3) {
        if (starts_with(r.substr(k), "、"sv)) return true;
        std::size_t j = k, sp = 0;
        for (;; ++sp) {  // spaces, ideographic spaces
            if (j < r.size() && r[j] == ' ') {
                ++j;
            } else if (starts_with(r.substr(j), "\u3000"sv)) {
                j += 3;
            } else {
                break;
            }
        }
        return sp > 0 && j < r.size() && ustr::is_han(ustr::first(r.substr(j)));
    }
    if (n > 0) return false;
    if (starts_with(r, "（"sv) || starts_with(r, "("sv)) {
        std::size_t j = starts_with(r, "("sv) ? 1 : 3;
        std::size_t m = 0;
        while (j < r.size() && m < 4) {
            std::size_t t = j;
            if (!is_cn_numeral_cp(ustr::next(r, t))) break;
            j = t;
            ++m;
        }
        return m > 0 && m <= 3 && (starts_with(r.substr(j), "）"sv) || starts_with(r.substr(j), ")"sv));
    }
    std::size_t d = 0;
    while (d < r.size() && d < 4 && r[d] >= '0' && r[d] <= '9') ++d;
    if (d == 0 || d > 3) return false;
    std::size_t j = d;
    while (j < r.size() && r[j] == ' ') ++j;
    std::string_view after = r.substr(j);
    if (starts_with(after, "．"sv) || starts_with(after, "、"sv) || starts_with(after, "）"sv)) return true;
    if (starts_with(after, "."sv) || starts_with(after, ")"sv))
        return !(after.size() > 1 && after[1] >= '0' && after[1] <= '9');
    return false;
}

// True when `out` so far ends in a run of one to three Chinese numerals
// that opens the line or, in a flattened line (`mid_line`), follows a
// space, 。, ； or ）: a heading label `一 完善…` whose 、 was lost.
bool ends_in_heading_numeral(std::string_view s, bool mid_line) {
    std::size_t end = s.size(), n = 0;
    while (end > 0 && n < 4) {
        std::size_t b = ustr::char_start(s, end);
        std::size_t t = b;
        if (!is_cn_numeral_cp(ustr::next(s, t))) break;
        end = b;
        ++n;
    }
    if (n == 0 || n > 3) return false;
    if (end == 0) return true;
    if (!mid_line) return false;
    std::string_view before = s.substr(0, end);
    return ends_with(before, " "sv) || ends_with(before, "。"sv) || ends_with(before, "；"sv) ||
           ends_with(before, "）"sv);
}

// True when `s` ends in a level-1 heading `一、工作要求` (short, no sentence
// punctuation) that opens the line or follows a space, 。, ； or ）: in a
// flattened line the space after it is where the heading's line ended
// (`五、工作要求 各省…`).
bool ends_in_heading(std::string_view s) {
    std::size_t end = s.size();
    for (int n = 0; n <= 40 && end > 0; ++n) {
        std::size_t b = ustr::char_start(s, end);
        std::size_t t = b;
        const char32_t c = ustr::next(s, t);
        if (c == U'、') return n >= 2 && ends_in_heading_numeral(s.substr(0, b), true);
        if (c == ' ' || c == U'。' || c == U'；' || c == U'：' || c == ':' || c == U'？' || c == U'！') return false;
        end = b;
    }
    return false;
}

// Lines at least this long (code points) are flattened articles.
constexpr std::size_t kFlattenedLine = 200;

// One line (no '\n'): character normalisation and spacing.
void normalise_line_chars(std::string_view line, std::string& out) {
    // Output is written through a raw pointer. Every mapping keeps or
    // shrinks the byte count (a kept space stands for at least one consumed
    // space) except an ill-formed byte, which grows to a 3-byte U+FFFD: the
    // slow path makes room before writing.
    out.resize(line.size() + 16);
    char* o = out.data();
    bool pending_space = false;
    Cls prev = Cls::None;
    std::size_t i = 0;
    const std::size_t n = line.size();
    const bool flattened = n >= kFlattenedLine && ustr::length(line) >= kFlattenedLine;
    // A space that would be dropped survives in front of a label (see
    // label_ahead): after a heading numeral at the line start, or anywhere
    // in a flattened line.
    auto keep_space = [&](std::size_t at) {
        if (flattened && (label_ahead(line, at) || ends_in_heading(std::string_view(
                                                        out.data(), static_cast<std::size_t>(o - out.data())))))
            return true;
        return prev == Cls::Cjk && ustr::is_han(ustr::first(line.substr(at))) &&
               ends_in_heading_numeral(std::string_view(out.data(), static_cast<std::size_t>(o - out.data())),
                                       flattened);
    };
    while (i < n) {
        const auto b = static_cast<unsigned char>(line[i]);
        // Fast path: printable ASCII other than space and '*'. (Both fast
        // paths leave the room check to the slow path unless room is short:
        // an ill-formed byte earlier may have used up the slack.)
        if (b > 0x20 && b < 0x7F && b != '*' && out.data() + out.size() - o >= 8) {
            const Cls cls = classify(b);
            if (pending_space) {
                if (!drop_space_between(prev, cls) || keep_space(i)) *o++ = ' ';
                pending_space = false;
            }
            *o++ = static_cast<char>(b);
            prev = cls;
            ++i;
            continue;
        }
        // Fast path: a CJK unified ideograph (U+4E00..U+9FFF, lead byte
        // E4..E9), most of every line, or the CJK punctuation that is kept
        // as printed (、。「」《》 U+3001..303F; ！（），：；？ and the like in
        // U+FF01..FF1F, not ％ or full-width digits): kept as is, class Cjk.
        if (((b >= 0xE4 && b <= 0xE9) || b == 0xE3 || b == 0xEF) && i + 2 < n &&
            out.data() + out.size() - o >= 8) {
            const auto* q = reinterpret_cast<const unsigned char*>(line.data()) + i;
            const unsigned char b1 = q[1], b2 = q[2];
            const char32_t cp = ustr::decode3(q);
            const bool kept = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3001 && cp <= 0x303F) ||
                              (cp >= 0xFF01 && cp <= 0xFF0F && cp != 0xFF05) || (cp >= 0xFF1A && cp <= 0xFF1F);
            if (ustr::is_trail(b1) && ustr::is_trail(b2) && kept) {
                if (pending_space) {
                    if (!drop_space_between(prev, Cls::Cjk) || keep_space(i)) *o++ = ' ';
                    pending_space = false;
                }
                *o++ = static_cast<char>(b);
                *o++ = static_cast<char>(b1);
                *o++ = static_cast<char>(b2);
                prev = Cls::Cjk;
                i += 3;
                continue;
            }
        }
        if (b == '*' && i + 1 < n && line[i + 1] == '*') {  // leaked markdown emphasis
            i += 2;
            continue;
        }
        if (static_cast<std::size_t>(out.data() + out.size() - o) < 8) {
            const std::size_t used = static_cast<std::size_t>(o - out.data());
            out.resize(out.size() * 2 + 16);
            o = out.data() + used;
        }
        const std::size_t start = i;
        const char32_t raw = ustr::next(line, i);
        const char32_t cp = map_char(raw);
        if (cp == 0) continue;
        if (cp == ' ') {
            if (prev != Cls::None) pending_space = true;
            continue;
        }
        if (cp == '\t') {
            *o++ = '\t';
            pending_space = false;
            prev = Cls::None;
            continue;
        }
        const Cls cls = classify(cp);
        if (pending_space) {
            if (!drop_space_between(prev, cls) || keep_space(start)) *o++ = ' ';
            pending_space = false;
        }
        if (cp == raw && raw != 0xFFFD) {
            for (std::size_t k = start; k < i; ++k) *o++ = line[k];
        } else {
            std::string tmp;
            ustr::append(tmp, cp);
            for (char ch : tmp) *o++ = ch;
        }
        prev = cls;
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    // Trailing empty table cells.
    while (!out.empty() && out.back() == '\t') out.pop_back();
    // `109 . 深入推进` -> `109. 深入推进`: a label's number split from its dot.
    std::size_t d = 0;
    while (d < out.size() && d < 4 && out[d] >= '0' && out[d] <= '9') ++d;
    if (d > 0 && d < out.size() && out[d] == ' ') {
        std::size_t k = d;
        while (k < out.size() && out[k] == ' ') ++k;
        std::string_view rest(out.data() + k, out.size() - k);
        if (starts_with(rest, "."sv) || starts_with(rest, "．"sv) || starts_with(rest, "、"sv)) {
            if (!(rest.size() > 1 && rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9'))
                out.erase(d, k - d);
        }
    }
}


}  // namespace

// ---------------------------------------------------------------------------
// Public API

std::string normalise_chars(std::string_view s) {
    std::string out, line;
    out.reserve(s.size());
    std::size_t pos = 0;
    for (;;) {
        std::size_t e = s.find('\n', pos);
        std::string_view part = s.substr(pos, e == std::string_view::npos ? s.npos : e - pos);
        normalise_line_chars(part, line);
        out += line;
        if (e == std::string_view::npos) break;
        out.push_back('\n');
        pos = e + 1;
    }
    return out;
}

NormalisedText normalise(std::string_view utf8) {
    NormalisedText result;
    // Pinyin glosses (工(gōng)業) go first: they would split words for
    // the script test and for every pattern after it (gloss.cpp).
    std::string unglossed;
    if (may_hold_glosses(utf8)) {
        unglossed = strip_glosses(utf8);
        utf8 = unglossed;
    }
    std::string converted;
    if (looks_traditional(utf8)) {
        result.script = "Hant";
        converted = to_simplified(utf8);
        utf8 = converted;
        const std::string& engine = to_simplified_engine();
        if (engine == "none") {
            result.diagnostics.push_back({"warning", "no-t2s", 0,
                                          "the text is Traditional Chinese but no converter "
                                          "(OpenCC or ICU) could be loaded; left unconverted"});
        }
    }

    std::vector<Line>& lines = result.lines;
    std::string text;
    bool header_seen = false;
    std::size_t header_at = 0;  // the header line's index in `lines`
    TableRowReader rows;
    int line_no = 0;
    std::size_t pos = 0;
    const std::size_t n = utf8.size();
    while (pos < n) {
        // Lines end at LF, CRLF or a lone CR (decode() already made them LF).
        std::size_t e = pos;
        if (const void* lf = std::memchr(utf8.data() + pos, '\n', n - pos))
            e = static_cast<std::size_t>(static_cast<const char*>(lf) - utf8.data());
        else
            e = n;
        if (const void* cr = std::memchr(utf8.data() + pos, '\r', e - pos))
            e = static_cast<std::size_t>(static_cast<const char*>(cr) - utf8.data());
        std::string_view raw = utf8.substr(pos, e - pos);
        ++line_no;
        if (e < n && utf8[e] == '\r' && e + 1 < n && utf8[e + 1] == '\n') ++e;
        pos = e + 1;
        std::string piped;  // a table row (`| a | b |`, `a  b  c`, `a |`) read as `a\tb` (pipe_table.cpp)
        if (rows.read(raw, piped)) raw = piped;

        normalise_line_chars(raw, text);
        if (text.empty()) continue;
        if (is_table_header(text)) {
            // Repeats of the header (a new page's) are furniture; a second
            // header row right under the first names its sub-columns.
            const bool under = header_seen && header_at + 1 == lines.size() && lines.back().line_end + 1 == line_no;
            if (under && raw.find('\t') != std::string_view::npos && lines.back().text.find('\t') != std::string::npos) {
                lines.back().text = furniture::merge_header_rows(lines.back().text, furniture::render_table_header(raw));
                lines.back().line_end = line_no;
            }
            if (header_seen) continue;
            header_seen = true;
            header_at = lines.size();
            text = furniture::render_table_header(raw);
        } else {
            if (furniture::is_page_number(text) || furniture::is_nav_line(text) || furniture::is_footer_line(text)) continue;
            if (text.size() <= 200 &&
                (contains(text, "字号"sv) || contains(text, "字体"sv) || contains(text, "分享"sv)) &&
                furniture::strip_inline_furniture(text)) {
                if (text.empty() || furniture::is_nav_line(text)) continue;
            }
        }
        lines.push_back({text, line_no, line_no});
    }

    // 相关链接 and the short link lines after it, to the end (or to the first
    // long line, which is content again). One pass, in place.
    std::size_t w = 0;
    for (std::size_t k = 0; k < lines.size();) {
        if (furniture::is_related_links(lines[k].text)) {
            ++k;
            while (k < lines.size() &&
                   (ustr::length(lines[k].text) <= 40 || furniture::is_footer_line(lines[k].text)))
                ++k;
            continue;
        }
        if (w != k) lines[w] = std::move(lines[k]);
        ++w;
        ++k;
    }
    lines.resize(w);
    return result;
}

}  // namespace qingdan
