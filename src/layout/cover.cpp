// The cover notice (印发通知) and title block: notice title, 发文字号,
// issuer, dates, addressees, where the plan's own text starts.
//
// Reposts rarely keep the whole cover: some start at the 发文字号 or the 主送
// line, some give the metadata as a gov site's rows (`文号:`, `成文日期:`,
// `发布机构 |`), some split the notice title over two lines, and many
// notices do not say 关于印发 at all. So every element is recognised by its
// own shape, independently of the others, within the head of the text (the
// lines before the first heading or item):
//   notice title  `X关于…的通知` (possibly over two lines)
//   metadata row  `文号: …`, `制发日期 | …` — read for values, never a title
//   doc number    `…〔YYYY〕N号` on a line that is not a sentence
//   addressees    a line ending in `：`/`:` followed by a paragraph
//   signature     short issuer line(s) above a bare date line
//   plan title    the line after the signature that reads as a plan title
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <fmt/format.h>

#include "pattern.hpp"
#include "segment.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

std::optional<std::string> iso_date(const std::string& y, const std::string& m, const std::string& d) {
    int yy = std::atoi(y.c_str()), mm = std::atoi(m.c_str()), dd = std::atoi(d.c_str());
    if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return std::nullopt;
    return fmt::format("{:04d}-{:02d}-{:02d}", yy, mm, dd);
}

// An ISO date from the first match of a pattern whose groups 1-3 are y/m/d.
std::optional<std::string> date_in(const Pattern* p, std::string_view s) {
    auto m = p ? p->find(s) : std::nullopt;
    if (!m) return std::nullopt;
    return iso_date(m->groups[1], m->groups[2], m->groups[3]);
}

bool has_any(std::string_view s, std::initializer_list<std::string_view> marks) {
    for (auto m : marks)
        if (s.find(m) != std::string_view::npos) return true;
    return false;
}

// A sentence of running text (a notice paragraph), as opposed to a short
// line of the title block.
bool is_paragraph(std::string_view s) { return has_any(s, {"。", "，", ",", "；"}); }

// Drops the last code point (the final ：or ASCII :), whatever its width.
std::string drop_last_char(std::string_view s) {
    return std::string(s.substr(0, s.empty() ? 0 : ustr::char_start(s, s.size())));
}

// Splits an addressee line at ，；; and , (a 、-list stays one entry: it
// names kinds of bodies, 各省、自治区、直辖市…).
std::vector<std::string> split_addressees(const std::string& s) {
    std::vector<std::string> parts;
    std::string cur;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = ustr::next(s, i);
        if (c == U'，' || c == U'；' || c == U';' || c == U',') {
            if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
            cur.clear();
        } else {
            cur.append(s, at, i - at);
        }
    }
    if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
    return parts;
}

size_t count_of(std::string_view s, std::string_view w) {
    size_t n = 0;
    for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + w.size())) ++n;
    return n;
}

// 《…》, or 〈…〉 as a title inside a quoted notice title prints it.
std::string strip_book_marks(std::string s) {
    if ((ustr::starts_with(s, "《") && ustr::ends_with(s, "》")) || (ustr::starts_with(s, "〈") && ustr::ends_with(s, "〉")))
        s = s.substr(3, s.size() - 6);
    return s;
}

// One piece of a head line. Web copies put several cells in one line
// (`文件号 | … | 制发日期 | …`) and wrap-joining may glue the doc number to
// the addressees; cells are looked at one by one.
struct Piece {
    std::string text;
    size_t line;  // index into the lines
};

class CoverReader {
public:
    CoverReader(const std::vector<Line>& lines, const Grammar& g) : lines_(lines), g_(g) {
        for (const char* k : {"notice_title", "notice_any", "doc_number", "published", "meta_issued",
                              "signature_date", "meta_source", "addressee_line", "skip_line", "meta_row", "plan_title",
                              "title_year_line", "plan_title_end", "issued_plan", "title_furniture", "news_lead", "level1", "level2", "item", "item_paren",
                              "letterhead", "title_issuer"})
            pat_[k] = g.pattern(k);
    }

    Cover read() {
        cut_pieces();
        for (size_t k = 0; k < pieces_.size(); ++k) visit(k);
        choose_title();
        finish();
        return c_;
    }

private:
    const Pattern* p(const std::string& key) const { return pat_.at(key); }
    bool is(const std::string& key, std::string_view s) const { return p(key) && p(key)->matches(s); }

    bool is_numbered(std::string_view s) const {
        return is("level1", s) || is("level2", s) || is("item", s) || is("item_paren", s);
    }

    // The head ends at the first heading or item: the cover never reaches
    // into the plan's numbered text.
    // A notice's own 一、二、三 paragraphs (一、各责任单位要高度重视，…。) come
    // between its addressees and a signature that the plan's title follows:
    // they are the notice's text, and the head runs on to the signature.
    size_t head_end() const {
        const size_t cap = std::min<size_t>(lines_.size(), 60);
        bool addressed = false;
        for (size_t i = 0; i < cap; ++i) {
            const std::string& t = lines_[i].text;
            if (is_numbered(t)) {
                if (!(addressed && is_paragraph(t) && signed_before_plan(i, cap))) return i;
                continue;
            }
            addressed = addressed || (is("addressee_line", t) && !is("meta_row", t));
        }
        return cap;
    }

    // A signature date after line `from` followed closely by the plan's title.
    bool signed_before_plan(size_t from, size_t cap) const {
        for (size_t j = from + 1; j < cap; ++j) {
            if (is_numbered(lines_[j].text) && !is_paragraph(lines_[j].text)) return false;
            if (!is("signature_date", lines_[j].text)) continue;
            for (size_t n = j + 1; n < std::min(cap, j + 5); ++n)
                if (is("plan_title", lines_[n].text)) return true;
            return false;
        }
        return false;
    }

    void add_piece(std::string s, size_t line) {
        s = ustr::trim(s);
        if (!s.empty()) pieces_.push_back({std::move(s), line});
    }

    // A cell may still hold several cover elements glued by wrap-joining
    // (notice title + 发布时间 + doc number + addressees): cut after each
    // leading one.
    void cut_cell(const std::string& cell, size_t line) {
        size_t at = cell.find("的通知");
        if (at != std::string::npos && at + 9 < cell.size()) {
            std::string head = cell.substr(0, at + 9);
            // 为贯彻落实《国务院关于…的通知》: a citation (its 《 unclosed here), not a title
            if (!is_paragraph(head) && head.find("关于") != std::string::npos && head.find("《") == head.rfind("《") &&
                count_of(head, "《") == count_of(head, "》")) {
                add_piece(head, line);
                return cut_cell(cell.substr(at + 9), line);
            }
        }
        for (const char* key : {"published", "doc_number"})
            if (auto m = p(key) ? p(key)->find(cell) : std::nullopt;
                m && m->begin[0] == 0 && static_cast<size_t>(m->end[0]) < cell.size()) {
                add_piece(m->groups[0], line);
                return cut_cell(cell.substr(m->end[0]), line);
            }
        add_piece(cell, line);
    }

    void cut_pieces() {
        end_ = head_end();
        for (size_t i = 0; i < end_; ++i) {
            const std::string& t = lines_[i].text;
            if (t.find('|') == std::string::npos || is("meta_row", t)) {
                // A metadata row is read as a whole (label and value may sit
                // in different cells); its last cell may be glued addressees.
                if (t.find('|') != std::string::npos) {
                    add_piece(t, i);
                    size_t last = t.rfind('|');
                    std::string tail = ustr::trim(t.substr(last + 1));
                    if (is("addressee_line", tail) && !is("meta_row", tail)) add_piece(tail, i);
                } else {
                    cut_cell(t, i);
                }
                continue;
            }
            for (size_t b = 0, e; b <= t.size(); b = e + 1) {
                e = t.find('|', b);
                if (e == std::string::npos) e = t.size();
                cut_cell(t.substr(b, e - b), i);
            }
        }
    }

    const std::string* piece_text(size_t k) const { return k < pieces_.size() ? &pieces_[k].text : nullptr; }

    void mark(size_t k) { last_cover_ = std::max(last_cover_, pieces_[k].line + 1); }

    void visit(size_t k) {
        const std::string& t = pieces_[k].text;
        if (!c_.letterhead && t.find("文件") != std::string::npos)
            if (auto m = p("letterhead") ? p("letterhead")->find(t) : std::nullopt) c_.letterhead = m->groups[1];
        if (consumed_.count(k)) return;
        if (is("skip_line", t)) return;
        if (read_meta(k) || read_notice(k) || read_doc_number(k)) {
            after_element_ = true;
            return;
        }
        const bool read = read_addressees(k) || read_signature(k);
        after_element_ = false;
        if (read) return;
        if (sig_ && !title_) return read_plan_title(k);
        if ((notice_ || !c_.addressees.empty()) && !sig_ && is_paragraph(t))
            notice_text_.push_back({t, lines_[pieces_[k].line].line_start, lines_[pieces_[k].line].line_end});
    }

    // 发布时间：…, 文号: …, 成文日期: …: values only, never a title.
    bool read_meta(size_t k) {
        const std::string& t = pieces_[k].text;
        bool meta = is("meta_row", t);
        auto pub = date_in(p("published"), t);
        auto src = p("meta_source") ? p("meta_source")->find(t) : std::nullopt;
        if (!meta && !pub && !src) return false;
        if (pub && !c_.published) c_.published = pub;
        if (auto d = date_in(p("meta_issued"), t); d && !meta_issued_) meta_issued_ = d;
        if (src && !c_.source) c_.source = src->groups[1];
        if (auto m = p("doc_number") ? p("doc_number")->find(t) : std::nullopt; m && !c_.doc_number)
            c_.doc_number = m->groups[1];
        mark(k);
        return true;
    }

    // X关于…的通知, also split over two lines (关于印发通州区 / …方案的通知).
    bool read_notice(size_t k) {
        if (notice_ || sig_ || !c_.addressees.empty()) return false;
        const std::string& t = pieces_[k].text;
        if (is_paragraph(t) || t.find("关于") == std::string::npos) return false;
        std::string whole = quoted_notice(t);
        size_t used = k;
        if (!ustr::ends_with(whole, "的通知")) {
            const std::string* n = piece_text(k + 1);
            if (!n || is_paragraph(*n) || !ustr::ends_with(*n, "的通知")) return false;
            whole += *n;
            used = k + 1;
        }
        auto m = p("notice_title") ? p("notice_title")->find(whole) : std::nullopt;
        if (m) {
            notice_plan_ = strip_book_marks(m->groups[2]);
        } else if (!(m = p("notice_any") ? p("notice_any")->find(whole) : std::nullopt)) {
            return false;
        }
        notice_ = true;
        c_.notice_title = whole;
        notice_issuer_ = m->groups[1];
        for (size_t j = k; j <= used; ++j) consumed_.insert(j), mark(j);
        return true;
    }

    // A law site's heading quotes the notice, after its doc number maybe:
    // 京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈…〉的通知》.
    std::string quoted_notice(const std::string& t) {
        std::string s = t;
        if (auto m = p("doc_number") ? p("doc_number")->find(s) : std::nullopt;
            m && m->begin[0] == 0 && ustr::starts_with(std::string_view(s).substr(m->end[0]), "《")) {
            if (!c_.doc_number) c_.doc_number = m->groups[1];
            s = s.substr(m->end[0]);
        }
        // Wrap-joining may have glued the site's second copy of it on.
        constexpr std::string_view kEnd = "的通知》";
        const size_t e = s.find(kEnd);
        if (!ustr::starts_with(s, "《") || e == std::string::npos) return t;
        const std::string head = s.substr(0, e + kEnd.size()), rest = s.substr(head.size());
        return rest.empty() || rest == head ? strip_book_marks(head) : t;
    }

    // 国知发运字〔2024〕7号 on a line of its own (not a sentence citing one).
    bool read_doc_number(size_t k) {
        const std::string& t = pieces_[k].text;
        if (is_paragraph(t)) return false;
        auto m = p("doc_number") ? p("doc_number")->find(t) : std::nullopt;
        if (!m) return false;
        if (!c_.doc_number) c_.doc_number = m->groups[1];
        mark(k);
        return true;
    }

    // 各省、自治区、直辖市知识产权局： followed by the notice's first paragraph.
    // Right after another cover element the line may be wrapped (PDF text
    // read unjoined): its pieces up to the one ending in ：/: are joined.
    bool read_addressees(size_t k) {
        const std::string& t = pieces_[k].text;
        if (!c_.addressees.empty() || sig_ || has_any(t, {"。"}) || is("meta_row", t)) return false;
        std::string whole = t;
        size_t last = k;
        while (!is("addressee_line", whole)) {
            const std::string* n = piece_text(last + 1);
            if (!after_element_ || last - k >= 4 || !n || has_any(*n, {"。"}) || is_element(t) || is_element(*n))
                return false;
            whole += *n;
            ++last;
        }
        const std::string* n = piece_text(last + 1);
        if (!n || !is_paragraph(*n)) return false;
        c_.addressees = split_addressees(drop_last_char(whole));
        for (size_t j = k; j <= last; ++j) consumed_.insert(j), mark(j);
        return true;
    }

    // A piece that is a cover element of another kind (or a bare date):
    // never part of a wrapped addressee line.
    bool is_element(std::string_view s) const {
        return is("doc_number", s) || is("meta_row", s) || is("published", s) || is("signature_date", s) ||
               ustr::ends_with(s, "的通知") ||
               (!s.empty() && ustr::length(s) <= 12 && std::isdigit(static_cast<unsigned char>(s[0])));  // 2022-03-23
    }

    // A short line naming a body: no sentence punctuation, no colon.
    bool is_issuer_line(std::string_view s) const {
        return ustr::length(s) >= 2 && ustr::length(s) <= 40 && !is_paragraph(s) &&
               !has_any(s, {"：", ":", "、", "《", "\t"}) && !is("doc_number", s) && !is("meta_row", s) &&
               !ustr::ends_with(s, "的通知");
    }

    static bool is_parenthesised(std::string_view s) {
        return (ustr::starts_with(s, "（") || ustr::starts_with(s, "(")) &&
               (ustr::ends_with(s, "）") || ustr::ends_with(s, ")"));
    }

    // 2024年3月29日 under one or more issuer lines (a （…代章） line may sit
    // between them). Joint issuers on separate lines are joined with 、.
    bool read_signature(size_t k) {
        const std::string& t = pieces_[k].text;
        if (sig_ || !is("signature_date", t)) return false;
        std::vector<std::string> issuers;
        for (size_t j = k; j-- > 0 && issuers.size() < 3;) {
            const std::string& s = pieces_[j].text;
            if (consumed_.count(j)) break;
            if (is_parenthesised(s)) continue;
            if (!is_issuer_line(s)) break;
            issuers.insert(issuers.begin(), s);
        }
        if (issuers.empty()) return false;
        auto m = p("signature_date")->find(t);
        c_.issued = iso_date(m->groups[1], m->groups[2], m->groups[3]);
        std::string joined;
        for (const auto& s : issuers) joined += (joined.empty() ? "" : "、") + s;
        c_.issuer = joined;
        sig_ = k;
        mark(k);
        return true;
    }

    bool is_plan_title(std::string_view s) const {
        if (is_numbered(s) || is("meta_row", s) || s.find('|') != std::string_view::npos) return false;
        return is("plan_title", s) || (!plan_name_.empty() && ustr::squeeze(s) == ustr::squeeze(plan_name_));
    }

    // Line n finishes title t broken over two lines: t ends in a weaker plan
    // word (…重点工作), n is short and ends in the document's kind (…分工方案).
    bool continues_title(const std::string& t, const std::string* n) const {
        return n && !is("plan_title_end", t) && is("plan_title_end", *n) && ustr::length(*n) <= 24 &&
               !is_paragraph(*n) && !is_numbered(*n) && is_plan_title(t + *n);
    }

    // The first line after the signature: the plan's own title, possibly
    // split over two lines and followed by a bare （2024） line.
    void read_plan_title(size_t k) {
        const std::string& t = pieces_[k].text;
        if (is_parenthesised(t) && !is("title_year_line", t)) return;  // （此件公开发布）
        if (plan_name_.empty()) plan_name_ = issued_plan().value_or("");
        size_t used = k;
        std::string title = t;
        // 立山区政府2023年重点工作 / 任务分解和责任分工方案: a title broken over two
        // lines whose first half already reads as one; the notice names the whole.
        if (const std::string* n = piece_text(k + 1);
            n && ((!plan_name_.empty() && ustr::squeeze(t + *n) == ustr::squeeze(plan_name_)) ||
                  (is_plan_title(t) && continues_title(t, n)))) {
            title += *n;
            used = k + 1;
        } else if (!is_plan_title(title)) {
            const std::string* n = piece_text(k + 1);
            if (is_paragraph(t) || ustr::length(t) > 40 || !n || !is_plan_title(t + *n)) {
                title_ = std::string();  // looked: there is none
                return;
            }
            title += *n;
            used = k + 1;
        }
        if (const std::string* y = piece_text(used + 1); y && is("title_year_line", *y)) title += *y, ++used;
        title_ = title;
        for (size_t j = k; j <= used; ++j) consumed_.insert(j), mark(j);
    }

    // The plan the notice issues: 关于印发《Y》的通知, or 现将《Y》印发 in its text.
    std::optional<std::string> issued_plan() const {
        if (notice_plan_) return notice_plan_;
        if (!p("issued_plan")) return std::nullopt;
        for (const auto& l : notice_text_)
            for (const auto& m : p("issued_plan")->find_all(l.text))
                if (is("plan_title", m.groups[1])) return m.groups[1];
        return std::nullopt;
    }

    // 《推动…指引（2020）》解读 / 【摘要】《…》要点 name the plan in 《》.
    std::optional<std::string> quoted_plan(std::string s) const {
        if (ustr::starts_with(s, "【")) {
            size_t e = s.find("】");
            if (e == std::string::npos) return std::nullopt;
            s = ustr::trim(s.substr(e + 3));
        }
        if (!ustr::starts_with(s, "《")) return std::nullopt;
        size_t e = s.find("》");
        if (e == std::string::npos || ustr::length(s.substr(e + 3)) > 6 || is_paragraph(s)) return std::nullopt;
        std::string inner = s.substr(3, e - 3);
        if (!is("plan_title", inner)) return std::nullopt;
        return inner;
    }

    // Without a cover notice: the first line of the head that reads as a
    // plan title; page furniture (政策文件, 当前位置) is never a title.
    void fallback_title() {
        for (size_t k = 0; k < pieces_.size(); ++k) {
            const std::string& t = pieces_[k].text;
            if (consumed_.count(k) || is("skip_line", t) || is("meta_row", t) || is("doc_number", t)) continue;
            if (t.find('\t') != std::string::npos) continue;
            if (auto q = quoted_plan(t)) {
                title_ = *q;
            } else if (is_plan_title(t) && !is_paragraph(t)) {
                title_ = t;
                // A title broken after its issuer's 关于 (湖南省人民政府关于 / 落实…的意见).
                if (const std::string* b = k > 0 ? piece_text(k - 1) : nullptr;
                    b && !consumed_.count(k - 1) && ustr::ends_with(*b, "关于") && !is_paragraph(*b) &&
                    ustr::length(*b) <= 30)
                    title_ = *b + t;
                // A site's short heading over the document's own fuller title
                // (X工作要点实施方案 / X市2017年工作要点实施方案): the fuller one.
                if (const std::string* n = piece_text(k + 1); n && is_plan_title(*n) && !is_paragraph(*n) &&
                                                            ustr::length(*n) > ustr::length(t) && ustr::is_subsequence(t, *n))
                    title_ = *n, ++k;
                else if (const std::string* n = piece_text(k + 1); continues_title(t, n))
                    mark(k), title_ = t + *n, ++k;
            } else {
                continue;
            }
            mark(k);
            return;
        }
    }

    // A page-furniture tail on a title (…工作要点（第2/4页）) is the site's, not the plan's.
    void finish_title() {
        if (!c_.title) return;
        if (auto m = p("title_furniture") ? p("title_furniture")->find(*c_.title) : std::nullopt;
            m && m->begin[0] > 0)
            c_.title = ustr::trim(std::string_view(*c_.title).substr(0, m->begin[0]));
    }

    // A news repost with no title line: 近日，…印发《X》，内容如下。
    void news_lead_title() {
        const Pattern* lead = p("news_lead");
        for (size_t k = 0; lead && k < pieces_.size() && k < 8; ++k)
            if (auto m = lead->find(pieces_[k].text)) {
                title_ = m->groups[1];
                return;
            }
    }

    void choose_title() {
        pick_title();
        finish_title();
    }

    void pick_title() {
        if (title_ && !title_->empty()) {
            c_.title = *title_;
            return;
        }
        if (notice_plan_) {
            c_.title = *notice_plan_;
            return;
        }
        if (auto named = issued_plan()) {
            c_.title = *named;
            return;
        }
        if (notice_) {
            c_.title = c_.notice_title;  // a notice that is itself the document
            return;
        }
        if (!sig_) {
            fallback_title();
            if (!title_ || title_->empty()) news_lead_title();
            if (title_ && !title_->empty()) c_.title = *title_;
        }
    }

    void finish() {
        if (!c_.issuer && !notice_issuer_.empty()) c_.issuer = notice_issuer_;
        // A document that is itself the body's act (X关于…的意见, unsigned on the page).
        if (!c_.issuer && c_.title && p("title_issuer"))
            if (auto m = p("title_issuer")->find(*c_.title)) c_.issuer = m->groups[1];
        if (!c_.issued) c_.issued = meta_issued_;
        // Notice paragraphs count when the notice is complete (signed) or
        // opens with its addressees (a plan has none): otherwise they may be
        // the document's own text.
        if (sig_ || !c_.addressees.empty()) c_.notice_text = notice_text_;
        c_.body_start = std::min(last_cover_, end_);
    }

    const std::vector<Line>& lines_;
    const Grammar& g_;
    std::map<std::string, const Pattern*> pat_;
    std::vector<Piece> pieces_;
    std::set<size_t> consumed_;  // pieces already read as part of an element
    size_t end_ = 0;
    size_t last_cover_ = 0;      // one past the last line read as cover
    Cover c_;
    bool notice_ = false;
    bool after_element_ = false;  // the previous piece was a notice title, doc number or metadata
    std::string notice_issuer_;
    std::optional<std::string> notice_plan_;  // 关于印发《Y》的通知 names Y
    std::string plan_name_;
    std::optional<size_t> sig_;
    std::optional<std::string> title_;        // "" when looked for and absent
    std::optional<std::string> meta_issued_;
    std::vector<Line> notice_text_;
};

}  // namespace

Cover read_cover(const std::vector<Line>& lines, const Grammar& g) { return CoverReader(lines, g).read(); }

}  // namespace qingdan
