// Stage 1b: HTML -> text lines with a map back to the HTML source lines
// (see docs/normalisation.md, "HTML", and include/qingdan/html.hpp).
//
// gumbo parses the page as a browser would (HTML5 tree construction: implied
// and misnested tags repaired, entities decoded, text outside table cells
// moved in front of the table). The tree is then walked once:
//   - text and whitespace go into the current line, runs of ASCII whitespace
//     (and NBSP) collapsing into one space, as a browser renders them;
//   - block elements (p, div, h1-h6, li, br, blockquote ...) end lines;
//   - a data table gives one line per row, cells joined by '\t';
//   - script, style, head, nav, hidden elements and page chrome (navigation
//     bars, footers found by tag, role, class or id) give nothing.
// Every character remembers the source line it came from (gumbo's position
// of its text node plus the newlines before it in that node), so each output
// line knows the first and last source line it covers.
#include "html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

namespace qingdan {
namespace {

// ---------------------------------------------------------------------------
// Sniffing (ASCII only: works on UTF-8 text and on raw GBK/Big5 bytes alike)

constexpr std::size_t kSniffBytes = 4096;
constexpr std::size_t kCharsetBytes = 8192;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// s[i..] starts with `p` (lowercase), ignoring ASCII case.
bool ieq_at(std::string_view s, std::size_t i, std::string_view p) {
    if (i > s.size() || s.size() - i < p.size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k)
        if (lower(s[i + k]) != p[k]) return false;
    return true;
}

std::size_t ifind(std::string_view s, std::string_view p, std::size_t from) {
    for (std::size_t i = from; i + p.size() <= s.size(); ++i)
        if (ieq_at(s, i, p)) return i;
    return std::string_view::npos;
}

// Skips a UTF-8 BOM, whitespace, comments and <?xml ...?> declarations.
std::size_t skip_prolog(std::string_view s) {
    std::size_t i = 0;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    for (;;) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (s.compare(i, 4, "<!--") == 0) {
            std::size_t end = s.find("-->", i + 4);
            if (end == std::string_view::npos) return s.size();
            i = end + 3;
        } else if (s.compare(i, 2, "<?") == 0) {
            std::size_t end = s.find('>', i + 2);
            if (end == std::string_view::npos) return s.size();
            i = end + 1;
        } else {
            return i;
        }
    }
}

// The tag name at s[i] == '<' (lowercased, letters and digits), "" when none;
// `*closing` tells `</name`.
std::string tag_name_at(std::string_view s, std::size_t i, bool* closing) {
    *closing = false;
    std::size_t k = i + 1;
    if (k < s.size() && s[k] == '/') {
        *closing = true;
        ++k;
    }
    std::string name;
    while (k < s.size() && name.size() < 12) {
        char c = lower(s[k]);
        if ((c >= 'a' && c <= 'z') || (name.size() > 0 && c >= '0' && c <= '9')) {
            name.push_back(c);
            ++k;
        } else {
            break;
        }
    }
    if (name.empty()) return {};
    if (k < s.size() && !(is_space(s[k]) || s[k] == '>' || s[k] == '/')) return {};
    return name;
}

bool is_block_tag_name(const std::string& n) {
    static const std::array<std::string_view, 18> kNames = {
        "p",  "div", "br", "table", "tr", "td", "th", "li", "ul",
        "ol", "h1",  "h2", "h3",    "h4", "h5", "h6", "section", "article"};
    return std::find(kNames.begin(), kNames.end(), n) != kNames.end();
}

}  // namespace

bool looks_like_html(std::string_view text) {
    std::string_view w = text.substr(0, kSniffBytes);
    std::size_t i = skip_prolog(w);
    const bool starts_with_tag = i < w.size() && w[i] == '<';
    if (starts_with_tag) {
        if (ieq_at(w, i, "<!doctype html")) return true;
        bool closing;
        std::string first = tag_name_at(w, i, &closing);
        if (!closing && (first == "html" || first == "head" || first == "body" || first == "meta"))
            return true;
    }
    int openings = 0, br = 0, closings = 0;
    for (std::size_t k = w.find('<'); k != std::string_view::npos; k = w.find('<', k + 1)) {
        bool closing;
        std::string n = tag_name_at(w, k, &closing);
        if (n.empty() || !is_block_tag_name(n)) continue;
        if (closing) {
            if (n == "p" || n == "div" || n == "td" || n == "tr") ++closings;
        } else if (n == "br") {
            ++br;
        } else {
            ++openings;
        }
    }
    if (starts_with_tag) return openings + br >= 3;
    return openings >= 6 && closings >= 2;
}

std::string html_meta_charset(std::string_view bytes) {
    std::string_view w = bytes.substr(0, kCharsetBytes);
    for (std::size_t m = ifind(w, "<meta", 0); m != std::string_view::npos; m = ifind(w, "<meta", m + 5)) {
        std::size_t end = w.find('>', m);
        std::string_view tag = w.substr(m, end == std::string_view::npos ? w.size() - m : end - m);
        for (std::size_t c = ifind(tag, "charset", 0); c != std::string_view::npos;
             c = ifind(tag, "charset", c + 7)) {
            std::size_t k = c + 7;
            while (k < tag.size() && is_space(tag[k])) ++k;
            if (k >= tag.size() || tag[k] != '=') continue;
            ++k;
            while (k < tag.size() && (is_space(tag[k]) || tag[k] == '"' || tag[k] == '\'')) ++k;
            std::string label;
            while (k < tag.size() && label.size() < 40) {
                char ch = tag[k];
                if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                    ch == '-' || ch == '_' || ch == '.' || ch == ':') {
                    label.push_back(lower(ch));
                    ++k;
                } else {
                    break;
                }
            }
            if (!label.empty()) return label;
        }
        if (end == std::string_view::npos) break;
    }
    return {};
}

int HtmlText::first_source_line(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > source.size()) return line;
    return source[static_cast<std::size_t>(line) - 1].first;
}

int HtmlText::last_source_line(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > source.size()) return line;
    return source[static_cast<std::size_t>(line) - 1].last;
}

void map_to_source(NormalisedText& norm, const HtmlText& html) {
    for (auto& l : norm.lines) {
        int first = html.first_source_line(l.line_start);
        int last = html.last_source_line(l.line_end);
        l.line_start = first;
        l.line_end = std::max(first, last);
    }
    for (auto& d : norm.diagnostics)
        if (d.line > 0) d.line = html.first_source_line(d.line);
}

namespace {

// ---------------------------------------------------------------------------
// Lines under construction

struct Piece {
    std::string text;
    int first = 0;  // source lines
    int last = 0;
    int table = 0;  // the data table the line is a row of (1-based), 0 outside
};

// Collects inline text into the current line; flush() ends the line (an
// empty line is never emitted: blank lines mean nothing downstream).
class LineBuilder {
public:
    explicit LineBuilder(std::vector<Piece>& out) : out_(out) {}

    void space() {
        if (!cur_.text.empty()) pending_space_ = true;
    }

    // Text of one node, starting on source line `line`.
    void text(std::string_view s, int line, bool pre) {
        std::size_t i = 0;
        while (i < s.size()) {
            char c = s[i];
            bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
                        static_cast<unsigned char>(s[i + 1]) == 0xA0;
            if (is_space(c) || nbsp) {
                if (c == '\n') {
                    if (pre)
                        flush();
                    else
                        space();
                    ++line;
                } else if (pre) {
                    put(c == '\t' ? std::string_view("\t") : std::string_view(" "), line);
                } else {
                    space();
                }
                i += nbsp ? 2 : 1;
                continue;
            }
            std::size_t j = i + 1;
            while (j < s.size() && !is_space(s[j]) &&
                   !(static_cast<unsigned char>(s[j]) == 0xC2 && j + 1 < s.size() &&
                     static_cast<unsigned char>(s[j + 1]) == 0xA0))
                ++j;
            put(s.substr(i, j - i), line);
            i = j;
        }
    }

    void flush() {
        pending_space_ = false;
        if (cur_.text.empty()) return;
        out_.push_back(std::move(cur_));
        cur_ = Piece{};
    }

    // A finished line (a table row).
    void push(Piece p) {
        flush();
        out_.push_back(std::move(p));
    }

private:
    void put(std::string_view bytes, int line) {
        if (pending_space_) {
            cur_.text.push_back(' ');
            pending_space_ = false;
        }
        if (cur_.text.empty()) {
            cur_.first = cur_.last = line;
        } else {
            cur_.first = std::min(cur_.first, line);
            cur_.last = std::max(cur_.last, line);
        }
        cur_.text.append(bytes);
    }

    std::vector<Piece>& out_;
    Piece cur_;
    bool pending_space_ = false;
};

// ---------------------------------------------------------------------------
// The tree walk

constexpr int kMaxDepth = 400;             // deeper nesting is flattened (no recursion)
constexpr std::size_t kChromeMaxBytes = 600;  // page chrome is short
constexpr std::size_t kBreadcrumbMaxBytes = 200;

const GumboVector& children_of(const GumboNode* n) {
    static const GumboVector kNone = {nullptr, 0, 0};
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
    return kNone;
}

const GumboNode* child(const GumboVector& v, unsigned i) { return static_cast<const GumboNode*>(v.data[i]); }

bool is_element(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
    return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

int int_attr(const GumboNode* n, const char* name, int def, int lo, int hi) {
    std::string_view v = attr(n, name);
    std::size_t i = 0;
    while (i < v.size() && is_space(v[i])) ++i;
    if (i >= v.size() || v[i] < '0' || v[i] > '9') return def;
    long x = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9' && x < 1000000) x = x * 10 + (v[i++] - '0');
    return static_cast<int>(std::clamp<long>(x, lo, hi));
}

// Bytes of non-space text in the subtree, counting stops at `limit`.
std::size_t text_bytes(const GumboNode* root, std::size_t limit) {
    std::size_t n = 0;
    std::vector<const GumboNode*> stack = {root};
    while (!stack.empty() && n < limit) {
        const GumboNode* x = stack.back();
        stack.pop_back();
        if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_CDATA) {
            for (const char* p = x->v.text.text; *p; ++p) n += !is_space(*p);
            continue;
        }
        const GumboVector& ch = children_of(x);
        for (unsigned i = 0; i < ch.length; ++i) stack.push_back(child(ch, i));
    }
    return n;
}

bool contains_tag(const GumboNode* root, std::initializer_list<GumboTag> tags) {
    std::vector<const GumboNode*> stack;
    const GumboVector& top = children_of(root);
    for (unsigned i = 0; i < top.length; ++i) stack.push_back(child(top, i));
    while (!stack.empty()) {
        const GumboNode* x = stack.back();
        stack.pop_back();
        if (!is_element(x)) continue;
        if (std::find(tags.begin(), tags.end(), x->v.element.tag) != tags.end()) return true;
        const GumboVector& ch = children_of(x);
        for (unsigned i = 0; i < ch.length; ++i) stack.push_back(child(ch, i));
    }
    return false;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// class / id words that name page chrome (navigation bars, breadcrumbs, footers).
bool chrome_name(std::string_view value) {
    static const std::array<std::string_view, 18> kWords = {
        "nav",     "navbar",  "navigation", "menu",     "breadcrumb", "breadcrumbs",
        "crumb",   "crumbs",  "position",   "location", "footer",     "foot",
        "sidebar", "topbar",  "toolbar",    "share",    "copyright",  "skiplink"};
    std::string v = lowered(value);
    std::size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && !((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9'))) ++i;
        std::size_t j = i;
        while (j < v.size() && ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= '0' && v[j] <= '9'))) ++j;
        if (j > i && std::find(kWords.begin(), kWords.end(), std::string_view(v).substr(i, j - i)) != kWords.end())
            return true;
        i = j;
    }
    return false;
}

// The first `max` bytes of the subtree's text, leading whitespace skipped
// (looks at no more than 64 nodes).
std::string leading_text(const GumboNode* root, std::size_t max) {
    std::string out;
    std::vector<const GumboNode*> stack = {root};
    for (int visited = 0; !stack.empty() && out.size() < max && visited < 64; ++visited) {
        const GumboNode* x = stack.back();
        stack.pop_back();
        if (x->type == GUMBO_NODE_TEXT) {
            for (const char* p = x->v.text.text; *p && out.size() < max; ++p)
                if (!out.empty() || !is_space(*p)) out.push_back(*p);
            continue;
        }
        if (!is_element(x)) continue;
        const GumboVector& ch = children_of(x);
        for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
    }
    return out;
}

// A breadcrumb trail: 当前位置：首页 > 政务公开 ...
bool breadcrumb_text(std::string_view s) {
    for (std::string_view p : {"当前位置", "您现在的位置", "您当前的位置", "您的位置", "当前所在位置"}) {
        if (s.substr(0, p.size()) != p) continue;
        std::string_view rest = s.substr(p.size());
        while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
        return rest.substr(0, 1) == ":" || rest.substr(0, 3) == "：";
    }
    return false;
}

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML:
        case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT:
        case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
            return true;
        default:
            return false;
    }
}

struct Ctx {
    bool pre = false;         // inside <pre>: line breaks and spaces kept
    bool in_article = false;  // inside article/main/section: header/footer are content
    int depth = 0;
};

class Walker {
public:
    std::string title;
    int deep_line = 0;
    int tables = 0;  // data tables seen so far  // source line of the first subtree flattened for depth

    void node(const GumboNode* n, LineBuilder& lb, Ctx ctx) {
        switch (n->type) {
            case GUMBO_NODE_DOCUMENT:
                children(n, lb, ctx);
                return;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
                lb.text(n->v.text.text, static_cast<int>(n->v.text.start_pos.line), ctx.pre);
                return;
            case GUMBO_NODE_WHITESPACE:
                if (ctx.pre)
                    lb.text(n->v.text.text, static_cast<int>(n->v.text.start_pos.line), true);
                else
                    lb.space();
                return;
            case GUMBO_NODE_COMMENT:
                return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                element(n, lb, ctx);
                return;
        }
    }

private:
    void children(const GumboNode* n, LineBuilder& lb, Ctx ctx) {
        const GumboVector& ch = children_of(n);
        for (unsigned i = 0; i < ch.length; ++i) node(child(ch, i), lb, ctx);
    }

    void element(const GumboNode* n, LineBuilder& lb, Ctx ctx) {
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_HEAD) {
            read_title(n);
            return;
        }
        if (dropped(n, ctx)) return;
        if (ctx.depth >= kMaxDepth) {
            if (!deep_line) deep_line = std::max(1, static_cast<int>(n->v.element.start_pos.line));
            flat(n, lb, ctx);
            return;
        }
        if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
            lb.flush();
            return;
        }
        Ctx c = ctx;
        ++c.depth;
        if (t == GUMBO_TAG_TABLE) {
            table(n, lb, c);
            return;
        }
        if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_XMP || t == GUMBO_TAG_PLAINTEXT)
            c.pre = true;
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_SECTION) c.in_article = true;
        const bool block = is_block(t);
        if (block) lb.flush();
        children(n, lb, c);
        if (block) lb.flush();
    }

    static bool dropped(const GumboNode* n, const Ctx& ctx) {
        switch (n->v.element.tag) {
            case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
            case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TITLE: case GUMBO_TAG_IFRAME:
            case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
            case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
            case GUMBO_TAG_VIDEO: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
            case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV: case GUMBO_TAG_MAP:
            case GUMBO_TAG_DATALIST: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
                return true;
            default:
                break;
        }
        if (n->type == GUMBO_NODE_TEMPLATE) return true;
        if (has_attr(n, "hidden")) return true;
        if (!attr(n, "style").empty()) {
            std::string style;
            for (char c : attr(n, "style"))
                if (!is_space(c)) style.push_back(lower(c));
            if (style.find("display:none") != std::string::npos ||
                style.find("visibility:hidden") != std::string::npos)
                return true;
        }
        // Page chrome by tag, role, class or id: only when short (a wrapper
        // whose name happens to contain `nav` must not swallow the document).
        bool chrome = false;
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_ASIDE) chrome = true;
        if ((t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER) && !ctx.in_article) chrome = true;
        std::string role = lowered(attr(n, "role"));
        if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "search" ||
            role == "menu" || role == "menubar" || role == "toolbar")
            chrome = true;
        if (chrome_name(attr(n, "class")) || chrome_name(attr(n, "id"))) chrome = true;
        if (chrome) return text_bytes(n, kChromeMaxBytes) < kChromeMaxBytes;
        // A breadcrumb trail (当前位置：首页 > …), whatever it is called; shorter still.
        return is_block(t) && t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML &&
               breadcrumb_text(leading_text(n, 24)) && text_bytes(n, kBreadcrumbMaxBytes) < kBreadcrumbMaxBytes;
    }

    void read_title(const GumboNode* head) {
        const GumboVector& ch = children_of(head);
        for (unsigned i = 0; i < ch.length && title.empty(); ++i) {
            const GumboNode* x = child(ch, i);
            if (tag_of(x) != GUMBO_TAG_TITLE) continue;
            std::vector<Piece> pieces;
            LineBuilder tb(pieces);
            const GumboVector& tc = children_of(x);
            for (unsigned k = 0; k < tc.length; ++k)
                if (child(tc, k)->type == GUMBO_NODE_TEXT) tb.text(child(tc, k)->v.text.text, 1, false);
            tb.flush();
            if (!pieces.empty()) title = pieces.front().text;
        }
    }

    // Pathologically deep nesting: the subtree's text as one run, no recursion.
    static void flat(const GumboNode* root, LineBuilder& lb, const Ctx& ctx) {
        std::vector<const GumboNode*> stack = {root};
        while (!stack.empty()) {
            const GumboNode* x = stack.back();
            stack.pop_back();
            if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_CDATA) {
                lb.text(x->v.text.text, static_cast<int>(x->v.text.start_pos.line), ctx.pre);
                continue;
            }
            if (x->type == GUMBO_NODE_WHITESPACE) {
                lb.space();
                continue;
            }
            if (!is_element(x) || dropped(x, ctx)) continue;
            if (is_block(x->v.element.tag) || x->v.element.tag == GUMBO_TAG_BR) lb.space();
            const GumboVector& ch = children_of(x);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
    }

    // A table holding another table, a heading or a form lays out the page
    // rather than tabulating data.
    static bool layout_table(const GumboNode* n) {
        if (lowered(attr(n, "role")) == "presentation") return true;
        return contains_tag(n, {GUMBO_TAG_TABLE, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
                                GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_FORM});
    }

    void table(const GumboNode* n, LineBuilder& lb, Ctx ctx) {
        lb.flush();
        if (layout_table(n)) {
            children(n, lb, ctx);  // rows and cells are plain blocks
            lb.flush();
            return;
        }
        const GumboVector& ch = children_of(n);
        std::vector<int> span_left;  // per column: rows still covered by a rowspan
        const int id = ++tables;
        for (unsigned i = 0; i < ch.length; ++i) {
            const GumboNode* x = child(ch, i);
            switch (tag_of(x)) {
                case GUMBO_TAG_CAPTION:
                    node(x, lb, ctx);
                    break;
                case GUMBO_TAG_THEAD:
                case GUMBO_TAG_TBODY:
                case GUMBO_TAG_TFOOT: {
                    span_left.clear();  // a rowspan ends with its row group
                    const GumboVector& rows = children_of(x);
                    for (unsigned r = 0; r < rows.length; ++r)
                        if (tag_of(child(rows, r)) == GUMBO_TAG_TR) row(child(rows, r), lb, ctx, span_left, id);
                    break;
                }
                case GUMBO_TAG_TR:
                    row(x, lb, ctx, span_left, id);
                    break;
                default:
                    break;  // colgroup, script, comments
            }
        }
        lb.flush();
    }

    struct Cell {
        std::size_t col = 0;
        std::vector<Piece> lines;
    };

    // One row: line k joins the k-th line of every cell with tabs, so a row
    // of multi-paragraph cells reads like a tabbed PDF table.
    void row(const GumboNode* tr, LineBuilder& lb, Ctx ctx, std::vector<int>& span_left, int table_id) {
        std::vector<Cell> cells;
        std::size_t col = 0;
        const GumboVector& ch = children_of(tr);
        for (unsigned i = 0; i < ch.length; ++i) {
            const GumboNode* td = child(ch, i);
            GumboTag t = tag_of(td);
            if (t != GUMBO_TAG_TD && t != GUMBO_TAG_TH) continue;
            while (col < span_left.size() && span_left[col] > 0) ++col;
            Cell cell;
            cell.col = col;
            if (!dropped(td, ctx)) {
                LineBuilder cb(cell.lines);
                Ctx c = ctx;
                ++c.depth;
                children(td, cb, c);
                cb.flush();
            }
            int colspan = int_attr(td, "colspan", 1, 1, 1000);
            int rowspan = int_attr(td, "rowspan", 1, 0, 65534);
            if (rowspan == 0) rowspan = 65534;  // to the end of the row group
            if (span_left.size() < col + static_cast<std::size_t>(colspan))
                span_left.resize(col + static_cast<std::size_t>(colspan), 0);
            for (int k = 0; k < colspan; ++k) span_left[col + static_cast<std::size_t>(k)] = rowspan;
            col += static_cast<std::size_t>(colspan);
            cells.push_back(std::move(cell));
        }
        for (int& v : span_left)
            if (v > 0) --v;
        std::size_t height = 0;
        for (const auto& c : cells) height = std::max(height, c.lines.size());
        for (std::size_t k = 0; k < height; ++k) {
            Piece p;
            p.table = table_id;
            std::size_t tabs = 0;
            for (const auto& c : cells) {
                if (k >= c.lines.size()) continue;
                const Piece& cp = c.lines[k];
                for (; tabs < c.col; ++tabs) p.text.push_back('\t');
                if (p.first == 0) {
                    p.first = cp.first;
                    p.last = cp.last;
                } else {
                    p.first = std::min(p.first, cp.first);
                    p.last = std::max(p.last, cp.last);
                }
                p.text += cp.text;
            }
            if (p.first != 0) lb.push(std::move(p));
        }
    }
};

struct OutputCloser {
    void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

HtmlText html_to_text(std::string_view utf8) {
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;  // parse errors are not reported: do not collect them
    std::unique_ptr<GumboOutput, OutputCloser> out(
        gumbo_parse_with_options(&opts, utf8.data(), utf8.size()));
    if (!out) throw std::runtime_error("the HTML parser failed (out of memory?)");
    std::vector<Piece> pieces;
    LineBuilder lb(pieces);
    Walker w;
    w.node(out->document, lb, Ctx{});
    lb.flush();

    HtmlText h;
    h.title = std::move(w.title);
    std::size_t bytes = 0;
    for (const auto& p : pieces) bytes += p.text.size() + 1;
    h.text.reserve(bytes);
    h.source.reserve(pieces.size());
    h.table.reserve(pieces.size());
    for (const auto& p : pieces) {
        h.text += p.text;
        h.text += '\n';
        h.source.push_back({p.first, p.last});
        h.table.push_back(p.table);
    }
    if (w.deep_line)  // a cap, never silent
        h.diagnostics.push_back({"warning", "deep-nesting", w.deep_line,
                                 fmt::format("elements nested deeper than {} levels: their text is read as one run",
                                             kMaxDepth)});
    int source_lines = 1 + static_cast<int>(std::count(utf8.begin(), utf8.end(), '\n'));
    h.diagnostics.push_back(
        {"info", "html-input", 0,
         fmt::format("HTML page converted to text ({} lines from {} source lines); line numbers "
                     "are those of the HTML source",
                     pieces.size(), source_lines)});
    return h;
}

}  // namespace qingdan
