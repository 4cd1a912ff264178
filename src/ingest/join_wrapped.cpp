// Stage 2b: joining lines wrapped inside a sentence back into paragraphs
// (see docs/normalisation.md, "Joining wrapped lines"). Used by the prose
// model and `qingdan text`; the table model works on the unjoined lines.
//
// Hand-written over UTF-8 (no regex), like normalise.cpp.
#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "join.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

using namespace std::string_view_literals;

using ustr::ends_with;
using ustr::starts_with;
using ustr::contains;


// ---------------------------------------------------------------------------
// join_wrapped helpers

bool is_cn_numeral(char32_t cp) {
    return std::u32string_view(U"一二三四五六七八九十百零〇两").find(cp) != std::u32string_view::npos;
}

// End of the run of Chinese or ASCII numerals at s[i] (一二, 12); `*n` gets
// its length in characters.
std::size_t numeral_run_end(std::string_view s, std::size_t i, std::size_t* n) {
    std::size_t k = i;
    while (k < s.size()) {
        std::size_t j = k;
        const char32_t d = ustr::next(s, j);
        if (!(is_cn_numeral(d) || (d >= '0' && d <= '9'))) break;
        k = j;
        ++*n;
    }
    return k;
}

bool starts_with_label(std::string_view s) {
    s = ustr::trim_blanks(s);
    if (s.empty()) return false;
    std::size_t i = 0;
    char32_t c = ustr::next(s, i);
    if (is_cn_numeral(c)) {  // 一、
        while (i < s.size()) {
            std::size_t j = i;
            char32_t d = ustr::next(s, j);
            if (!is_cn_numeral(d)) break;
            i = j;
        }
        return starts_with(s.substr(i), "、"sv);
    }
    if (c == U'（' || c == U'(') {  // （一） (一) （1） (1)
        std::size_t n = 0;
        const std::size_t k = numeral_run_end(s, i, &n);
        if (n == 0 || n > 4 || k >= s.size()) return false;
        std::size_t j = k;
        char32_t close = ustr::next(s, j);
        return close == U'）' || close == U')';
    }
    if (c >= '0' && c <= '9') {  // 1. 1． 1、 (not 2.5, not 2022年)
        std::size_t k = 0;
        while (k < s.size() && k < 4 && s[k] >= '0' && s[k] <= '9') ++k;
        while (k < s.size() && s[k] == ' ') ++k;
        std::string_view r = s.substr(k);
        if (starts_with(r, "."sv)) return !(r.size() > 1 && r[1] >= '0' && r[1] <= '9');
        return starts_with(r, "．"sv) || starts_with(r, "、"sv);
    }
    if (c >= 0x2460 && c <= 0x2473) return true;  // ①..⑳
    if (c == U'第') {                             // 第一条 / 第三章
        std::size_t n = 0;
        const std::size_t k = numeral_run_end(s, i, &n);
        if (n == 0 || k >= s.size()) return false;
        std::size_t j = k;
        char32_t unit = ustr::next(s, j);
        return unit == U'条' || unit == U'章' || unit == U'节' || unit == U'部';
    }
    return starts_with(s, "——"sv) || starts_with(s, "附件"sv);
}

std::string_view strip_closing_quotes(std::string_view s) {
    for (;;) {
        s = ustr::trim_blanks(s);
        bool stripped = false;
        for (std::string_view q : {"”"sv, "’"sv, "」"sv, "』"sv, "\""sv}) {
            if (ends_with(s, q)) {
                s.remove_suffix(q.size());
                stripped = true;
            }
        }
        if (!stripped) return s;
    }
}

bool ends_sentence(std::string_view s) {
    s = strip_closing_quotes(s);
    if (s.empty()) return true;
    char32_t c = ustr::last(s);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == '!' ||
        c == '?' || c == ';' || c == ':' || c == U'…')
        return true;
    if (c == U'）' || c == ')') {
        // （条法司负责） closes a task; other parentheses need not.
        std::size_t open = 0;
        std::size_t a = s.rfind("（"sv), b = s.rfind('(');
        if (a != std::string_view::npos) open = a;
        if (b != std::string_view::npos && b > open) open = b;
        std::string_view inside = s.substr(open);
        return contains(inside, "负责"sv) || contains(inside, "牵头"sv);
    }
    return false;
}

bool ends_with_title_noun(std::string_view s) {
    s = ustr::trim_blanks(s);
    // A law site's heading quotes the title: 《…关于印发〈…〉的通知》.
    if (ends_with(s, "》"sv)) s.remove_suffix("》"sv.size());
    // drop a trailing （2023） / (2023)
    if (ends_with(s, "）"sv) || ends_with(s, ")"sv)) {
        std::size_t open = s.rfind("（"sv);
        if (open == std::string_view::npos) open = s.rfind('(');
        if (open != std::string_view::npos && s.size() - open <= 14) s = s.substr(0, open);
    }
    static constexpr std::array<std::string_view, 18> kNouns = {
        "通知"sv, "方案"sv, "计划"sv, "清单"sv, "指引"sv, "意见"sv, "纲要"sv, "规划"sv, "办法"sv,
        "要点"sv, "规定"sv, "细则"sv, "报告"sv, "决定"sv, "公告"sv, "通报"sv, "函"sv,   "指南"sv,
    };
    for (auto n : kNouns)
        if (ends_with(s, n)) return true;
    return false;
}

bool ends_with_issuer(std::string_view s) {
    s = ustr::trim_blanks(s);
    for (auto n : {"局"sv, "办公室"sv, "委员会"sv, "政府"sv, "部"sv, "院"sv, "厅"sv, "委"sv,
                   "会议"sv, "中心"sv, "代章）"sv})
        if (ends_with(s, n)) return true;
    return false;
}

bool ends_with_continuation(std::string_view s) {
    s = ustr::trim_blanks(s);
    char32_t c = ustr::last(s);
    return c == U'，' || c == U'、' || c == ',' || c == U'（' || c == '(' || c == U'《' ||
           c == U'“' || c == '-' || c == U'—';
}

// A heading, a title, a signature or a date line: never continued by the next.
bool title_like(std::string_view s) {
    if (ends_with_continuation(s)) return false;
    std::size_t n = ustr::length(ustr::trim_blanks(s));
    if (n <= 20) return true;
    if (starts_with_label(s) && n <= 40) return true;
    if (ends_with_title_noun(s) && n <= 60) return true;
    if (ends_with_issuer(s) && n <= 30) return true;
    return false;
}

bool ascii_alnum(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool has_tab(const Line& l) { return l.text.find('\t') != std::string::npos; }

// ---------------------------------------------------------------------------
// Lines that stand alone: a cover notice's doc number, a date, a web page's
// metadata bar or table row, a `键：值` field. They are paragraphs of their
// own whatever comes before or after them.

// 国知发运字〔2024〕7号 / 京政发[2023]4号 (the whole line).
bool is_doc_number_line(std::string_view s) {
    s = ustr::trim_blanks(s);
    if (!ends_with(s, "号"sv) || ustr::length(s) > 30) return false;
    s.remove_suffix(3);
    std::size_t k = s.size();
    while (k > 0 && ascii_digit(static_cast<unsigned char>(s[k - 1]))) --k;
    if (k == s.size() || s.size() - k > 4) return false;
    s = ustr::trim_blanks(s.substr(0, k));
    char32_t close = ustr::last(s);
    if (close != U'〕' && close != U']' && close != U'］' && close != U'）' && close != U')' &&
        close != U'】')
        return false;
    const std::size_t open = ustr::char_start(s, s.size());  // the closing bracket's first byte
    std::size_t y = open;
    while (y > 0 && ascii_digit(static_cast<unsigned char>(s[y - 1]))) --y;
    return open - y == 4 && y > 0;
}

// 2024年3月29日 / 二〇二四年三月二十九日 (the whole line, spaces allowed).
bool is_date_line(std::string_view s) {
    s = ustr::trim_blanks(s);
    if (!ends_with(s, "日"sv) || ustr::length(s) > 16) return false;
    int parts = 0;  // 年 月 日 seen in order
    bool number = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = ustr::next(s, i);
        if (ascii_digit(c) || is_cn_numeral(c)) {
            number = true;
        } else if ((c == U'年' && parts == 0) || (c == U'月' && parts == 1) ||
                   (c == U'日' && parts == 2)) {
            if (!number) return false;
            number = false;
            ++parts;
        } else if (c != ' ') {
            return false;
        }
    }
    return parts == 3;
}

// `发布机构 | 国家知识产权局 |` / `来源:… | 发布时间:… |`: web metadata bars
// and tables flattened to text keep their cell separators.
bool is_pipe_row(std::string_view s) { return contains(s, "|"sv) || contains(s, "｜"sv); }

// `发布时间：2022-01-24`, `牵头单位：A；配合单位：B`: a short key of 2-6 Han
// characters and a colon opening a line is a field, not a wrapped sentence.
bool is_field_line(std::string_view s) {
    s = ustr::trim_blanks(s);
    std::size_t i = 0, han = 0;
    while (i < s.size()) {
        std::size_t j = i;
        char32_t c = ustr::next(s, j);
        if (c == U'：' || c == ':') return han >= 2 && han <= 6 && j < s.size();
        if (!ustr::is_han(c)) return false;
        ++han;
        i = j;
    }
    return false;
}

// A web page's breadcrumb trail (首页 >> 专题专栏 >> 归档专题): page
// furniture, whose last crumb must not swallow the title below it.
bool is_breadcrumb(std::string_view s) {
    for (std::string_view p : {"。"sv, "，"sv, ","sv, "；"sv, "\t"sv})
        if (contains(s, p)) return false;  // a sentence or a table row (OCR noise may print >>)
    int arrows = 0;
    for (std::string_view a : {">"sv, "＞"sv, "»"sv})
        for (std::size_t k = s.find(a); k != std::string_view::npos; k = s.find(a, k + a.size())) ++arrows;
    return arrows >= 2;
}

// cur cannot continue the line before it.
bool starts_paragraph(std::string_view cur) {
    return starts_with_label(cur) || is_doc_number_line(cur) || is_date_line(cur) ||
           is_pipe_row(cur) || is_field_line(cur) || is_breadcrumb(cur);
}

// Nothing can continue prev (the last physical line of a paragraph).
bool closes_paragraph(std::string_view prev) {
    return ends_sentence(prev) || is_doc_number_line(prev) || is_date_line(prev) ||
           is_pipe_row(prev) || is_breadcrumb(prev);
}

// ---------------------------------------------------------------------------
// Line-width evidence. Text extracted from a PDF is hard-wrapped: most lines
// are as long as the page allows (28 characters on a GB/T 9704 page), and a
// paragraph's last line is shorter. A web page's lines are paragraphs of any
// length. A document whose lines cluster just below one width is
// hard-wrapped at that width; then a line about that long was cut by the
// page, wherever it stops, and a clearly shorter one ends its paragraph.

struct Shape {
    bool by_columns = false;  // widths measured in columns (Han = 2) or code points
    int full = 0;             // typical full line; 0 = not hard-wrapped
    int tol = 0;              // how much shorter a full line may be
};

// Display columns: East Asian wide characters count 2, the rest 1.
int columns(std::string_view s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = ustr::next(s, i);
        n += (c >= 0x1100 && (ustr::is_han(c) || (c >= 0x2E80 && c <= 0xA4CF) ||
                              (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xFE30 && c <= 0xFE4F) ||
                              (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
                              (c >= 0x2000 && c <= 0x206F && c != 0x2002)))
                 ? 2
                 : 1;
    }
    return n;
}

int width(const Shape& sh, std::string_view s) {
    return sh.by_columns ? columns(s) : static_cast<int>(ustr::length(s));
}

// Best band [W - tol, W] over the widths; fills `sh` when it holds at least
// half of the measured lines, at least 8 of them, and almost none is longer.
double fit_width(const std::vector<int>& widths, int tol, int min_full, Shape& sh) {
    constexpr int kCap = 600;
    std::vector<int> hist(kCap + 2, 0);
    for (int w : widths) ++hist[std::min(w, kCap + 1)];
    int best = 0, best_n = 0, in_band = 0;
    for (int w = 1; w <= kCap; ++w) {
        in_band += hist[w];
        if (w - tol - 1 >= 0) in_band -= hist[w - tol - 1];
        if (in_band > best_n) best_n = in_band, best = w;
    }
    int longer = 0;
    for (int w : widths) longer += w > best + tol / 2;
    const int n = static_cast<int>(widths.size());
    if (best < min_full || best_n < 8 || best_n * 2 < n || longer * 10 > n) return 0.0;
    sh.full = best;
    sh.tol = tol;
    return static_cast<double>(best_n) / n;
}

Shape document_shape(const std::vector<Line>& lines) {
    std::vector<int> cps, cols;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (has_tab(lines[k])) continue;
        int n = static_cast<int>(ustr::length(lines[k].text));
        if (n >= 10) {
            cps.push_back(n);
            cols.push_back(columns(lines[k].text));
        }
    }
    Shape sh;
    // A PDF page wraps by width (a digit is half a Han character); a text
    // re-wrapped by a program wraps by count. Keep the measure that fits.
    Shape by_cp = sh, by_col = sh;
    by_col.by_columns = true;
    double a = fit_width(cps, 2, 20, by_cp);
    double b = fit_width(cols, 4, 40, by_col);
    if (a == 0.0 && b == 0.0) return sh;
    return b > a ? by_col : by_cp;
}

// ---------------------------------------------------------------------------
// Joining

constexpr std::size_t kShortLine = 40;  // code points

bool blank_line_between(const Line& prev, const Line& cur) {
    return cur.line_start > prev.line_end + 1;
}

// May `cur` continue the paragraph whose last physical line is `prev`?
bool continues(const Shape& sh, std::string_view prev, const Line& prev_line, const Line& cur) {
    if (has_tab(prev_line) || has_tab(cur)) return false;
    if (starts_paragraph(cur.text) || closes_paragraph(prev)) return false;
    if (ends_with_continuation(prev)) return true;
    if (sh.full > 0) {
        int w = width(sh, prev);
        if (w < sh.full - sh.tol) return false;   // a paragraph's last line
        if (w <= sh.full + sh.tol / 2) return true;  // cut by the page
    }
    if (title_like(prev)) return false;
    // A blank line after a short line without a comma (a title, a heading,
    // a signature that the rules above did not recognise) ends the paragraph. After a long
    // line cut mid-sentence it is an artefact of web extraction, which puts a
    // blank line after every line, wrapped or not.
    if (blank_line_between(prev_line, cur))
        return ustr::length(ustr::trim_blanks(prev)) > kShortLine || contains(prev, "，"sv) ||
               contains(prev, ","sv);
    return true;
}

// The ASCII word around a break point (`zhif` + `a@cnipa.gov.cn`) looks like
// an e-mail address or a URL.
bool is_address_word(std::string_view left, std::string_view right) {
    auto word_char = [](char c) {
        return ascii_alnum(static_cast<unsigned char>(c)) || c == '@' || c == '.' || c == '/' ||
               c == ':' || c == '_' || c == '-' || c == '%' || c == '?' || c == '=' || c == '&';
    };
    std::size_t b = left.size();
    while (b > 0 && word_char(left[b - 1])) --b;
    std::size_t e = 0;
    while (e < right.size() && word_char(right[e])) ++e;
    std::string word = std::string(left.substr(b)) + std::string(right.substr(0, e));
    return contains(word, "@"sv) || contains(word, "://"sv) || starts_with(word, "www."sv);
}

// Joining `cur` to a paragraph ending in `prev`: a space between two ASCII
// words (English text wraps at spaces) but not inside a number, a date or an
// address cut by the page (`于2023年12月1` + `5日前`).
bool space_at_join(const Shape& sh, std::string_view prev, std::string_view cur) {
    char32_t a = ustr::last(prev), b = ustr::first(cur);
    if (!ascii_alnum(a) || !ascii_alnum(b)) return false;
    if (is_address_word(prev, cur)) return false;
    int w = sh.full > 0 ? width(sh, prev) : 0;
    bool cut_by_page = sh.full > 0 && w >= sh.full - sh.tol && w <= sh.full + sh.tol / 2;
    if (cut_by_page && (ascii_digit(a) || ascii_digit(b))) return false;
    return true;
}

// ---------------------------------------------------------------------------
// Reflowing text that lost its line breaks. A web repost can put a whole
// article on one line: `…制定本计划。 一 完善… （一）… 1.…。 2.…`. Such a
// line is cut before its inline labels so that the segmenters see headings
// and items at line starts. Only labels after a space, `。`, `；` or `）`
// count, and only when their numbering runs on (1. then 2., 一 then 二), so
// a sentence that merely mentions `1.` or `（一）` is left whole.

constexpr std::size_t kLongLine = 200;  // code points; shorter lines are paragraphs

enum class LabelKind : int { Level1 = 0, Paren = 1, Arabic = 2, Annex = 3 };

struct InlineLabel {
    std::size_t at;  // byte offset of the label
    LabelKind kind;
    int value;  // 0 for 附件
};

// Reads a run of Chinese numerals at s[i]; returns its value (0: none).
int cn_numeral_at(std::string_view s, std::size_t& i) {
    std::size_t k = i;
    int n = 0;
    while (k < s.size() && n < 3) {
        std::size_t j = k;
        char32_t c = ustr::next(s, j);
        if (!is_cn_numeral(c)) break;
        k = j;
        ++n;
    }
    int v = n ? ustr::small_chinese_number(s.substr(i, k - i)) : 0;
    if (v) i = k;
    return v;
}

// The label starting at s[i], if any.
std::optional<InlineLabel> label_at(std::string_view s, std::size_t i) {
    std::size_t k = i;
    if (starts_with(s.substr(i), "附件"sv)) return InlineLabel{i, LabelKind::Annex, 0};
    if (int v = cn_numeral_at(s, k)) {  // 一、 / 一␣完善…
        if (starts_with(s.substr(k), "、"sv)) return InlineLabel{i, LabelKind::Level1, v};
        if (k < s.size() && s[k] == ' ') {
            std::size_t j = k + 1;
            if (j < s.size() && ustr::is_han(ustr::next(s, j))) return InlineLabel{i, LabelKind::Level1, v};
        }
        return std::nullopt;
    }
    char32_t c = ustr::next(s, k);
    if (c == U'（' || c == U'(') {  // （一）
        int v = cn_numeral_at(s, k);
        if (!v || k >= s.size()) return std::nullopt;
        char32_t close = ustr::next(s, k);
        if (close == U'）' || close == U')') return InlineLabel{i, LabelKind::Paren, v};
        return std::nullopt;
    }
    if (ascii_digit(c) && starts_with_label(s.substr(i, 16))) {  // 1. 1． 1、 (not 2.5)
        return InlineLabel{i, LabelKind::Arabic, std::atoi(std::string(s.substr(i, 4)).c_str())};
    }
    return std::nullopt;
}

// Labels preceded by a space, 。, ； or ）, in order.
std::vector<InlineLabel> inline_labels(std::string_view s) {
    std::vector<InlineLabel> found;
    char32_t before = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (i > 0 && (before == ' ' || before == U'。' || before == U'；' || before == U'）' ||
                      before == ')')) {
            if (auto l = label_at(s, i)) found.push_back(*l);
        }
        before = ustr::next(s, i);
    }
    return found;
}

// Numbering state carried through the document: the last value seen at
// each level (level-1, （一）, 1.), and whether a higher label opened since
// (so the level may restart at 1 or run on through the document, as
// plans that number their items 1..N across sections do).
struct Numbering {
    std::array<int, 3> last = {0, 0, 0};
    std::array<bool, 3> restart = {false, false, false};

    void see(const InlineLabel& l) {
        int k = static_cast<int>(l.kind);
        last[k] = l.value;
        restart[k] = false;
        for (int below = k + 1; below < 3; ++below) restart[below] = true;
    }
};

// Keeps the labels whose numbering runs on. A label may continue the run
// of its level by one, start it at 1 (when none ran yet or a higher label
// opened since), or open a run whose next member follows in the line. The
// state runs on from the lines before, so a piece `… 二、…` cut from the
// middle of a long line continues the `一、` of an earlier line.
std::vector<InlineLabel> consistent_labels(std::string_view s, const std::vector<InlineLabel>& all,
                                           Numbering& num) {
    if (auto lead = label_at(s, 0); lead && lead->kind != LabelKind::Annex) num.see(*lead);
    std::vector<InlineLabel> kept;
    for (std::size_t n = 0; n < all.size(); ++n) {
        const InlineLabel& l = all[n];
        if (l.kind == LabelKind::Annex) {
            kept.push_back(l);
            continue;
        }
        int k = static_cast<int>(l.kind);
        bool next_follows = false;
        for (std::size_t m = n + 1; m < all.size() && !next_follows; ++m)
            next_follows = all[m].kind == l.kind && all[m].value == l.value + 1;
        const int last = num.last[k];
        const bool fresh = last == 0 || num.restart[k];
        bool ok = (last > 0 && l.value == last + 1) || (fresh && l.value == 1) || (fresh && next_follows);
        if (!ok) continue;
        kept.push_back(l);
        num.see(l);
    }
    return kept;
}

// Where a level-1 heading piece `五、工作要求 各省…` ends: at the first space
// after a short title without sentence punctuation (normalise keeps that
// space in flattened lines); npos when the piece is the heading alone.
std::size_t heading_end(std::string_view piece) {
    std::size_t i = 0;
    if (!cn_numeral_at(piece, i)) return std::string_view::npos;
    if (starts_with(piece.substr(i), "、"sv)) i += 3;
    while (i < piece.size() && piece[i] == ' ') ++i;
    const std::size_t title = i;
    for (int n = 0; i < piece.size() && n <= 40; ++n) {
        if (piece[i] == ' ') return i > title ? i : std::string_view::npos;
        const char32_t c = ustr::next(piece, i);
        if (c == U'。' || c == U'；' || c == U'：' || c == ':' || c == U'！' || c == U'？')
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

// Appends `l` to `out`, cut before its inline labels when it is a flattened
// article (long, and at least two labels whose numbering runs on, or one
// continuing the numbering of the lines before).
void reflow_line(const Line& l, std::vector<Line>& out, Numbering& num) {
    std::string_view s = l.text;
    if (ustr::length(s) < kLongLine || has_tab(l)) {
        if (auto lead = label_at(s, 0); lead && lead->kind != LabelKind::Annex) num.see(*lead);
        out.push_back(l);
        return;
    }
    const Numbering before = num;
    const auto cuts = consistent_labels(s, inline_labels(s), num);
    const bool continues = cuts.size() == 1 && cuts[0].kind != LabelKind::Annex &&
                           before.last[static_cast<int>(cuts[0].kind)] > 0;
    if (cuts.size() < 2 && !continues) {
        out.push_back(l);
        return;
    }
    std::size_t from = 0;
    auto emit = [&](std::size_t to) {
        std::string_view piece = ustr::trim_blanks(s.substr(from, to - from));
        if (piece.empty()) return;
        if (auto lead = label_at(piece, 0); lead && lead->kind == LabelKind::Level1) {
            const std::size_t e = heading_end(piece);
            if (e != std::string_view::npos) {  // the heading, then its paragraph
                out.push_back({std::string(piece.substr(0, e)), l.line_start, l.line_end});
                piece = ustr::trim_blanks(piece.substr(e));
            }
        }
        out.push_back({std::string(piece), l.line_start, l.line_end});
    };
    for (const auto& c : cuts) {
        emit(c.at);
        from = c.at;
    }
    emit(s.size());
}

}  // namespace

std::vector<Line> reflow_long_lines(const std::vector<Line>& lines) {
    std::vector<Line> out;
    out.reserve(lines.size());
    Numbering num;
    for (const Line& l : lines) reflow_line(l, out, num);
    return out;
}

std::vector<Line> join_wrapped(const std::vector<Line>& raw) {
    const std::vector<Line> lines = reflow_long_lines(raw);
    const Shape sh = document_shape(lines);
    std::vector<Line> out;
    out.reserve(lines.size());
    const Line* prev = nullptr;  // the last physical line
    for (const Line& l : lines) {
        if (prev && continues(sh, prev->text, *prev, l)) {
            Line& p = out.back();
            if (space_at_join(sh, prev->text, l.text)) p.text.push_back(' ');
            p.text += l.text;
            p.line_end = l.line_end;
        } else {
            out.push_back(l);
        }
        prev = &l;
    }
    return out;
}

}  // namespace qingdan
