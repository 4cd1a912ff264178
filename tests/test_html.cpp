// Stage 1b: saved web pages (src/html.cpp). Unit tests of the converter, the
// charset a page declares, and end to end: bundled seeds (data/corpus) wrapped
// into realistic pages must compile to exactly what their plain text gives,
// with every span pointing at the page's own lines.
#include <catch2/catch.hpp>

#include <opencc/SimpleConverter.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "decode.hpp"
#include "emit.hpp"
#include "html.hpp"
#include "normalise.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using qingdan::test::kRoot;

using qingdan::test::slurp;

fs::path seed_path(const std::string& prefix) {
    for (const auto& e : fs::directory_iterator(fs::path(kRoot) / "data" / "corpus"))
        if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
    FAIL("no corpus file " << prefix);
    return {};
}

std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(),
                                static_cast<int32_t>(utf8.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) FAIL("ucnv_convert: " << u_errorName(err));
    std::string out(static_cast<std::size_t>(need), '\0');
    err = U_ZERO_ERROR;
    ucnv_convert(charset, "UTF-8", out.data(), need, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
    REQUIRE(U_SUCCESS(err));
    return out;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == '\n') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The converted text's lines, with "first-last:" source ranges when `lines`.
std::string dump(const HtmlText& h, bool lines = false) {
    std::string out;
    std::size_t k = 0;
    for (const auto& l : split_lines(h.text)) {
        if (lines)
            out += std::to_string(h.source.at(k).first) + "-" + std::to_string(h.source.at(k).last) + ":";
        out += l + "\n";
        ++k;
    }
    return out;
}

std::string convert(const std::string& html) { return dump(html_to_text(html)); }

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out.push_back(c);
    }
    // Old CMSs write typographic quotes as entities.
    for (auto [from, to] : {std::pair<std::string, std::string>{"“", "&ldquo;"}, {"”", "&rdquo;"}}) {
        for (std::size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size()))
            out.replace(p, from.size(), to);
    }
    return out;
}

bool han_lead(unsigned char c) { return c >= 0xE4 && c <= 0xE9; }

// A byte offset near the middle of `s` between two Han characters, or npos.
std::size_t han_break(const std::string& s) {
    for (std::size_t p = s.size() / 2; p + 3 <= s.size(); ++p) {
        if ((static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) continue;
        if (p >= 3 && han_lead(static_cast<unsigned char>(s[p - 3])) && han_lead(static_cast<unsigned char>(s[p])))
            return p;
    }
    return std::string::npos;
}

// A seed wrapped into a page the way government sites publish it. first[i] and
// last[i] are the page lines that plain line i (1-based) ended up on.
struct Page {
    std::string html;
    std::vector<int> first, last;
};

struct PageBuilder {
    std::vector<std::string> out;
    void add(const std::string& l) { out.push_back(l); }
    int next_line() const { return static_cast<int>(out.size()) + 1; }
};

void page_head(PageBuilder& b, const std::string& charset) {
    b.add("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
          "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">");
    b.add("<html xmlns=\"http://www.w3.org/1999/xhtml\">");
    b.add("<head>");
    if (charset == "http-equiv")
        b.add("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\" />");
    else
        b.add("<meta charset=\"" + charset + "\">");
    b.add("<title>通知公告 - 国家知识产权局</title>");
    b.add("<style type=\"text/css\">p { text-indent: 2em; line-height: 2; }</style>");
    b.add("<script>var _hmt = _hmt || []; document.write('<p>不是正文</p>');</script>");
    b.add("</head>");
    b.add("<body>");
    b.add("<div class=\"top-nav\"><ul>");
    b.add("  <li><a href=\"/\">首页</a></li><li><a href=\"/col/col1.html\">机构</a></li>");
    b.add("  <li><a href=\"/col/col2.html\">政务公开</a></li><li><a href=\"/col/col3.html\">新闻发布</a></li>");
    b.add("</ul></div>");
    b.add("<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a>政务公开</a> &gt; 通知公告</div>");
    b.add("<div class=\"pages-date\" style=\"display:none\">2022-01-04 09:00</div>");
    b.add("<div class=\"article TRS_Editor\">");
}

void page_foot(PageBuilder& b) {
    b.add("</div>");
    b.add("<div class=\"share\">分享到：<a>微信</a> <a>微博</a></div>");
    b.add("<div class=\"footer\">");
    b.add("<p>版权所有：国家知识产权局 | 网站标识码：bm09000001</p>");
    b.add("<p>京ICP备06034799号 &nbsp; 京公网安备11010802024316号</p>");
    b.add("</div>");
    b.add("<script type=\"text/javascript\">if (a < b && c > d) { document.write(\"<div>广告</div>\"); }</script>");
    b.add("</body>");
    b.add("</html>");
}

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

// One <p> per line (blank lines as <p>&nbsp;</p>); every third long line is
// broken across two source lines between two Han characters (a source line
// break inside a paragraph is not a line break).
Page paragraphs_page(const std::string& plain, const std::string& charset = "utf-8") {
    PageBuilder b;
    page_head(b, charset);
    Page p;
    const auto lines = split_lines(plain);
    p.first.assign(lines.size() + 1, 0);
    p.last.assign(lines.size() + 1, 0);
    int long_lines = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        const int at = b.next_line();
        p.first[i + 1] = p.last[i + 1] = at;
        if (l.find_first_not_of(" \t") == std::string::npos) {
            b.add("<p>&nbsp;</p>");
            continue;
        }
        std::size_t cut = l.size() > 60 && ++long_lines % 3 == 1 ? han_break(l) : std::string::npos;
        if (cut != std::string::npos) {
            b.add("<p style=\"text-indent:2em;\"><span style=\"font-family:仿宋_GB2312;\">" + escape(l.substr(0, cut)));
            b.add("    " + escape(l.substr(cut)) + "</span></p>");
            p.last[i + 1] = at + 1;
        } else {
            b.add("<p>" + escape(l) + "</p>");
        }
    }
    page_foot(b);
    p.html = join(b.out);
    return p;
}

// Tabbed lines become the rows of a real <table> (a line without a tab, a
// row of one cell spanning the table); lines before the first tab are <p>.
Page table_page(const std::string& plain) {
    PageBuilder b;
    page_head(b, "utf-8");
    Page p;
    const auto lines = split_lines(plain);
    p.first.assign(lines.size() + 1, 0);
    p.last.assign(lines.size() + 1, 0);
    bool in_table = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        const bool tabbed = l.find('\t') != std::string::npos;
        if (tabbed && !in_table) {
            b.add("<table border=\"1\" cellspacing=\"0\" class=\"MsoNormalTable\"><tbody>");
            in_table = true;
        }
        const int at = b.next_line();
        p.first[i + 1] = p.last[i + 1] = at;
        if (l.find_first_not_of(" \t") == std::string::npos) {
            b.add(in_table ? "<tr><td colspan=\"3\">&nbsp;</td></tr>" : "<p>&nbsp;</p>");
            continue;
        }
        if (!in_table) {
            b.add("<p>" + escape(l) + "</p>");
        } else if (!tabbed) {
            b.add("<tr><td colspan=\"3\"><p class=\"MsoNormal\">" + escape(l) + "</p></td></tr>");
        } else {
            std::string row = "<tr>";
            std::size_t from = 0;
            for (;;) {
                std::size_t tab = l.find('\t', from);
                std::string cell = l.substr(from, tab == std::string::npos ? std::string::npos : tab - from);
                row += "<td valign=\"top\"><p class=\"MsoNormal\"><span lang=\"EN-US\">" + escape(cell) +
                       "<o:p></o:p></span></p></td>";
                if (tab == std::string::npos) break;
                from = tab + 1;
            }
            b.add(row + "</tr>");
        }
    }
    if (in_table) b.add("</tbody></table>");
    page_foot(b);
    p.html = join(b.out);
    return p;
}

using qingdan::test::compiler;

// What the plain-text document becomes when every line is mapped to the page:
// spans and diagnostic lines through first/last, the `html-input` diagnostic
// after the decoder's ones.
Document expected_from_plain(Document d, const Page& p, const Document& got) {
    auto first = [&](int l) { return l > 0 && static_cast<std::size_t>(l) < p.first.size() ? p.first[l] : l; };
    auto last = [&](int l) { return l > 0 && static_cast<std::size_t>(l) < p.last.size() ? p.last[l] : l; };
    for (auto& t : d.tasks) t.span.line_start = first(t.span.line_start), t.span.line_end = last(t.span.line_end);
    for (auto& s : d.sections) s.span.line_start = first(s.span.line_start), s.span.line_end = last(s.span.line_end);
    for (auto& x : d.diagnostics) x.line = first(x.line);
    auto html_diag = std::find_if(got.diagnostics.begin(), got.diagnostics.end(),
                                  [](const Diagnostic& x) { return x.code == "html-input"; });
    REQUIRE(html_diag != got.diagnostics.end());
    CHECK(html_diag->severity == "info");
    auto pos = std::find_if(d.diagnostics.begin(), d.diagnostics.end(), [](const Diagnostic& x) {
        return x.code != "decode-replaced" && x.code != "truncated-input";
    });
    d.diagnostics.insert(pos, *html_diag);
    d.source = got.source;
    d.id = got.id;
    d.sha256 = got.sha256;
    d.encoding = got.encoding;
    return d;
}

std::string task_list(const Document& d) {
    std::string out;
    for (const auto& t : d.tasks) {
        out += t.id + " | " + (t.title ? *t.title : "-") + " |";
        for (const auto& u : t.units) out += " " + u.canonical + "/" + u.role;
        out += "\n";
    }
    return out;
}

void check_page_compiles_like_plain(const std::string& prefix, const Page& page, const std::string& bytes) {
    const fs::path path = seed_path(prefix);
    const Document plain = compiler().compile(slurp(path), "seed.txt");
    const Document got = compiler().compile(bytes, "seed.html");
    INFO(prefix << ": " << plain.tasks.size() << " plain tasks, " << got.tasks.size() << " from the page");
    REQUIRE(plain.tasks.size() > 0);
    CHECK(got.layout == plain.layout);
    CHECK(task_list(got) == task_list(plain));
    // Everything else too, with spans pointing at the page's lines.
    const Document want = expected_from_plain(plain, page, got);
    CHECK(render_json({got}) == render_json({want}));
}

}  // namespace

// ---------------------------------------------------------------------------
// Sniffing and declared charsets

TEST_CASE("html sniffing: pages and fragments yes, plain text and markdown no", "[html]") {
    CHECK(looks_like_html("<!DOCTYPE html>\n<html><body><p>x</p></body></html>"));
    CHECK(looks_like_html("<!doctype HTML><title>x</title>"));
    CHECK(looks_like_html("\xEF\xBB\xBF  <html lang=\"zh\">"));
    CHECK(looks_like_html("<?xml version=\"1.0\"?>\n<!-- saved -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
    CHECK(looks_like_html("<meta charset=\"gb2312\">\n<p>一</p>"));
    CHECK(looks_like_html("<div class=\"a\"><p>通知</p><p>正文</p></div>"));
    CHECK(looks_like_html("<p>一、总体要求</p>\n<p>二、主要任务</p>\n<br>"));
    CHECK(looks_like_html("通知\n<p>一</p><p>二</p><p>三</p><div>四</div><p>五</p><p>六</p>"));

    CHECK_FALSE(looks_like_html(""));
    CHECK_FALSE(looks_like_html("一、总体要求\n\n（一）主要目标。"));
    CHECK_FALSE(looks_like_html("<p>"));
    CHECK_FALSE(looks_like_html("<span>一</span>"));
    CHECK_FALSE(looks_like_html("| 任务 | 部门 |\n|---|---|\n| 一<br>二 | 保护司<br>条法司 |\n| 三<br>四 | 局<br> |\n"));
    CHECK_FALSE(looks_like_html("说明：正文中的 <p> 标签和 <div> 标签不会出现。<br> 也不会。"));
    for (const auto& e : fs::directory_iterator(fs::path(kRoot) / "data" / "corpus")) {
        INFO(e.path());
        CHECK_FALSE(looks_like_html(slurp(e.path())));
    }
    // Raw GBK bytes sniff too (only ASCII is looked at).
    CHECK(looks_like_html(encode("<html><head><meta charset=\"gbk\"></head><body><p>知识产权</p>", "GB18030")));
}

TEST_CASE("html meta charset: both declarations, any case and quoting", "[html]") {
    CHECK(html_meta_charset("<html><head><meta charset=\"gb2312\">") == "gb2312");
    CHECK(html_meta_charset("<META CHARSET=GBK>") == "gbk");
    CHECK(html_meta_charset("<meta charset='Big5' />") == "big5");
    CHECK(html_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />") == "gb2312");
    CHECK(html_meta_charset("<meta content=\"text/html;charset = GB18030\" http-equiv=\"Content-Type\">") ==
          "gb18030");
    CHECK(html_meta_charset("<meta name=\"keywords\" content=\"知识产权\"><meta charset=\"utf-8\">") == "utf-8");
    CHECK(html_meta_charset("<html><head><title>charset=gbk</title></head>") == "");
    CHECK(html_meta_charset("<meta name=\"description\" content=\"x\">") == "");
    CHECK(html_meta_charset("") == "");
}

// ---------------------------------------------------------------------------
// The converter

TEST_CASE("html blocks end lines, whitespace inside a block collapses", "[html]") {
    CHECK(convert("<p>一、总体要求</p><p>（一）主要\n      目标</p>") == "一、总体要求\n（一）主要 目标\n");
    CHECK(convert("<div>甲<span>乙</span><b>丙</b></div><div><div>丁</div>戊</div>") == "甲乙丙\n丁\n戊\n");
    CHECK(convert("<h1>标题</h1><h2>副标题</h2><ul><li>一</li><li>二</li></ul><blockquote>引</blockquote>"
                  "<section>节</section><article>文</article>") == "标题\n副标题\n一\n二\n引\n节\n文\n");
    CHECK(convert("<p>  a   b\t\tc  </p>") == "a b c\n");
    // Empty blocks give no blank lines.
    CHECK(convert("<p></p><p> </p><div><p>x</p></div><p>&nbsp;</p>") == "x\n");
    // Inline elements do not break lines.
    CHECK(convert("<p>国家<a href=\"#\">知识产权局</a><font color=red>负责</font></p>") == "国家知识产权局负责\n");
    // Word exports: <o:p> and friends are inline.
    CHECK(convert("<p class=MsoNormal><span lang=EN-US>2022<o:p></o:p></span>年</p>") == "2022年\n");
}

TEST_CASE("html br and hr end lines", "[html]") {
    CHECK(convert("<p>第一行<br>第二行<br/>第三行<br><br>第四行</p>") == "第一行\n第二行\n第三行\n第四行\n");
    CHECK(convert("<div>上<hr>下</div>") == "上\n下\n");
    CHECK(convert("一<br>\n二") == "一\n二\n");
}

TEST_CASE("html tables: one line per row, cells joined by tabs", "[html]") {
    const std::string t =
        "<table>\n"
        "<tr><th>任务清单</th><th>落实举措</th><th>执行部门</th></tr>\n"
        "<tr><td>1.高标准落实</td><td><p>国家知识产权局：加快制定。</p><p>各地区要认真落实。</p></td>"
        "<td>局内：保护司</td></tr>\n"
        "<tr><td colspan=\"3\">二、提升质量</td></tr>\n"
        "<tr><td rowspan=\"2\">2.提升审查质量</td><td>国家知识产权局：压减周期。</td><td>局内：审查司</td></tr>\n"
        "<tr><td>各地区：做好配合。</td><td>局内：保护司</td></tr>\n"
        "<tr><td></td><td>  </td><td></td></tr>\n"
        "<tr><td>3.<br>推进</td><td>举措</td></tr>\n"
        "</table>";
    CHECK(convert(t) ==
          "任务清单\t落实举措\t执行部门\n"
          "1.高标准落实\t国家知识产权局：加快制定。\t局内：保护司\n"
          "\t各地区要认真落实。\n"
          "二、提升质量\n"
          "2.提升审查质量\t国家知识产权局：压减周期。\t局内：审查司\n"
          "\t各地区：做好配合。\t局内：保护司\n"
          "3.\t举措\n"
          "推进\n");
    // Source lines: the row of a rowspan continuation is its own line.
    HtmlText h = html_to_text(t);
    REQUIRE(h.source.size() == 8);
    CHECK(h.source[0].first == 2);
    CHECK(h.source[5].first == 6);
    // Text around a table is not part of its rows.
    CHECK(convert("前<table><tr><td>a</td><td>b</td></tr></table>后") == "前\na\tb\n后\n");
    // colspan keeps later columns in place.
    CHECK(convert("<table><tr><td colspan=2>a</td><td>c</td></tr><tr><td>x</td><td>y</td><td>z</td></tr></table>") ==
          "a\t\tc\nx\ty\tz\n");
    // Absurd spans are clamped as browsers do (colspan 1000, rowspan 65534).
    CHECK(convert("<table><tr><td colspan=99999999 rowspan=99999999>a</td></tr><tr><td>b</td></tr></table>") ==
          "a\n" + std::string(1000, '\t') + "b\n");
}

TEST_CASE("html layout tables: cells are blocks", "[html]") {
    // A table holding another table (or a heading) lays out the page.
    const std::string page =
        "<table width=\"100%\"><tr><td>"
        "<h1>关于印发工作方案的通知</h1><p>各省知识产权局：</p><p>现印发给你们。</p>"
        "<table><tr><td>任务</td><td>部门</td></tr></table>"
        "</td></tr></table>";
    CHECK(convert(page) == "关于印发工作方案的通知\n各省知识产权局：\n现印发给你们。\n任务\t部门\n");
    CHECK(convert("<table role=\"presentation\"><tr><td>左</td><td>右</td></tr></table>") == "左\n右\n");
}

TEST_CASE("html entities are decoded, &nbsp, is a space", "[html]") {
    CHECK(convert("<p>&lt;专利法&gt; &amp; &quot;商标&quot; &#x4E2D;&#22269; &ldquo;十四五&rdquo;</p>") ==
          "<专利法> & \"商标\" 中国 “十四五”\n");
    CHECK(convert("<p>&nbsp;&nbsp;&nbsp;&nbsp;各地区：&nbsp;认真落实&nbsp;&nbsp;</p>") == "各地区： 认真落实\n");
    CHECK(convert("<p>a\xC2\xA0\xC2\xA0" "b</p>") == "a b\n");
    // U+3000 is content: normalise() deals with it.
    CHECK(convert("<p>\xE3\x80\x80\xE3\x80\x80为贯彻落实</p>") == "\xE3\x80\x80\xE3\x80\x80为贯彻落实\n");
}

TEST_CASE("html script, style, head, navigation and hidden content are dropped", "[html]") {
    const std::string page =
        "<html><head><title>页面标题</title><style>p{color:red}</style>"
        "<script>document.write('<p>脚本</p>')</script></head><body>"
        "<noscript><p>请启用脚本</p></noscript>"
        "<nav><a>首页</a><a>政务公开</a></nav>"
        "<header><div class=\"logo\">国家知识产权局</div></header>"
        "<div id=\"menu\"><a>机构</a></div>"
        "<div class=\"breadcrumb\">当前位置：首页</div>"
        "<ul role=\"navigation\"><li>栏目</li></ul>"
        "<p hidden>隐藏</p><p style=\"DISPLAY: none\">也隐藏</p>"
        "<article><header><h1>正文标题</h1></header><p>正文。</p><footer>（国家知识产权局代章）</footer></article>"
        "<aside>相关文件</aside>"
        "<template><p>模板</p></template><iframe src=\"x\"></iframe>"
        "<select><option>部委网站</option></select>"
        "<footer><p>版权所有：国家知识产权局</p></footer>"
        "<script src=\"stat.js\"></script>"
        "</body></html>";
    HtmlText h = html_to_text(page);
    CHECK(dump(h) == "正文标题\n正文。\n（国家知识产权局代章）\n");
    CHECK(h.title == "页面标题");
    // A long block is content whatever its class says.
    std::string long_text;
    for (int i = 0; i < 60; ++i) long_text += "加强知识产权保护。";
    CHECK(convert("<div class=\"nav-content\"><p>" + long_text + "</p></div>") == long_text + "\n");
    // Breadcrumbs by their words, whatever their class.
    CHECK(convert("<div class=\"dqwz\">当前位置：<a>首页</a> &gt; <a>通知公告</a></div><p>正文。</p>") == "正文。\n");
    CHECK(convert("<p>当前位置的确定。</p>") == "当前位置的确定。\n");  // content, not a trail

}

TEST_CASE("html pre keeps its lines and spaces", "[html]") {
    HtmlText h = html_to_text("<p>前</p>\n<pre>\n一、总体要求\n  1.  第一项\n\n二、工作要求</pre>\n<p>后</p>");
    CHECK(dump(h, true) == "1-1:前\n3-3:一、总体要求\n4-4:  1.  第一项\n6-6:二、工作要求\n7-7:后\n");
}

TEST_CASE("html line map: each output line knows its source lines", "[html]") {
    const std::string page =
        "<html>\n"                               // 1
        "<body>\n"                               // 2
        "<p>第一段</p>\n"                        // 3
        "<p>第二段\n"                            // 4
        "跨行\n"                                 // 5
        "结束</p><p>同行</p>\n"                  // 6
        "<div>\n\n甲<br>\n乙</div>\n"            // 7-10
        "</body></html>\n";
    HtmlText h = html_to_text(page);
    CHECK(dump(h, true) == "3-3:第一段\n4-6:第二段 跨行 结束\n6-6:同行\n9-9:甲\n10-10:乙\n");
    CHECK(h.first_source_line(2) == 4);
    CHECK(h.last_source_line(2) == 6);
    CHECK(h.first_source_line(0) == 0);
    CHECK(h.first_source_line(99) == 99);

    // normalise() + map_to_source(): lines and diagnostics point at the page.
    NormalisedText n = normalise(h.text);
    n.diagnostics.push_back({"info", "test", 2, "x"});
    map_to_source(n, h);
    REQUIRE(n.lines.size() == 5);
    CHECK(n.lines[1].text == "第二段跨行结束");
    CHECK(n.lines[1].line_start == 4);
    CHECK(n.lines[1].line_end == 6);
    CHECK(n.lines[4].line_start == 10);
    CHECK(n.diagnostics.back().line == 4);
    // join_wrapped keeps the ranges.
    auto joined = join_wrapped(n.lines);
    REQUIRE_FALSE(joined.empty());
    CHECK(joined.front().line_start == 3);
}

TEST_CASE("html odd input: fragments, broken markup, deep nesting", "[html]") {
    CHECK(convert("") == "");
    CHECK(convert("只有文字") == "只有文字\n");
    CHECK(convert("<p>未闭合<p>第二段<div>块") == "未闭合\n第二段\n块\n");
    CHECK(convert("<table><tr><td>a<td>b</table>表后") == "a\tb\n表后\n");
    CHECK(convert("<p>注释<!-- <p>不是</p> -->之后</p>") == "注释之后\n");
    CHECK(convert("<p><![CDATA[x]]>y</p>") != "");
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "深处";
    CHECK(convert(deep) == "深处\n");
    std::string deep_tables;
    for (int i = 0; i < 300; ++i) deep_tables += "<table><tr><td>";
    deep_tables += "格";
    CHECK(convert(deep_tables) == "格\n");
}

// ---------------------------------------------------------------------------
// Charset: a page's <meta> decides when the bytes are not UTF-8

TEST_CASE("decode honours a GBK or Big5 page's meta charset", "[html][decode]") {
    const std::string body = "<body><p>各地区要认真落实。</p></body></html>";
    for (std::string meta : {"<meta charset=\"gb2312\">", "<meta charset=gbk>",
                             "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"}) {
        std::string page = "<html><head>" + meta + "</head>" + body;
        DecodedText d = decode(encode(page, "GB18030"));
        INFO(meta);
        CHECK(d.encoding == "GB18030");
        CHECK(d.utf8 == page);
        CHECK(d.diagnostics.empty());
    }
    // Very short pages: the byte statistics alone read these Big5 ones as
    // GB18030; the declaration decides.
    for (std::string text : {"國務", "1. 推進", "國家知識產權局"}) {
        const std::string page = "<html><head><meta charset=\"big5\"></head><body><p>" + text + "</p></body></html>";
        DecodedText b = decode(encode(page, "Big5"));
        INFO(text);
        CHECK(b.encoding == "Big5");
        CHECK(b.utf8 == page);
    }
    {
        const std::string page = "<html><head><meta charset=\"gb2312\"></head><body><p>知识产权</p></body></html>";
        DecodedText g = decode(encode(page, "GB18030"));
        CHECK(g.encoding == "GB18030");
        CHECK(g.utf8 == page);
        // But bytes that are valid UTF-8 stay UTF-8 whatever the page says
        // (知识 in GBK is D6 AA CA B6: two well-formed UTF-8 sequences).
        const std::string tiny = "<html><head><meta charset=\"gb2312\"></head><body><p>知识</p></body></html>";
        CHECK(decode(encode(tiny, "GB18030")).encoding == "UTF-8");
    }
    // A page declaring gbk whose bytes are valid UTF-8 is UTF-8 (re-saved pages).
    const std::string resaved = "<html><head><meta charset=\"gbk\"></head>" + body;
    CHECK(decode(resaved).encoding == "UTF-8");
    // Plain text is not affected by a charset= that is not in a page.
    const std::string plain = "charset=big5\n国家知识产权局：推动修订专利法。\n";
    CHECK(decode(encode(plain, "GB18030")).encoding == "GB18030");
}

TEST_CASE("decode: every line of a seed as a short GBK or Big5 page is read right", "[html][decode]") {
    opencc::SimpleConverter s2t("s2t.json");
    std::ifstream in(seed_path("002"));
    std::string line;
    int total = 0, gb_ok = 0, b5_ok = 0, gb_guess = 0, b5_guess = 0;
    while (std::getline(in, line)) {
        if (line.size() < 20) continue;
        ++total;
        for (bool big5 : {false, true}) {
            const std::string text = big5 ? s2t.Convert(line) : line;
            const char* cs = big5 ? "Big5" : "GB18030";
            const std::string head = std::string("<html><head><meta charset=\"") + (big5 ? "big5" : "gbk") + "\">";
            const std::string body = "</head><body><p>" + text + "</p></body></html>";
            DecodedText d = decode(encode(head + body, cs));
            (big5 ? b5_ok : gb_ok) += d.encoding == cs && d.utf8 == decode_as(encode(head + body, cs), cs).utf8;
            // The same page without the declaration: the statistics guess.
            DecodedText g = decode(encode("<html><head>" + body, cs));
            (big5 ? b5_guess : gb_guess) += g.encoding == cs;
        }
    }
    INFO("without <meta>: GB18030 " << gb_guess << "/" << total << ", Big5 " << b5_guess << "/" << total);
    REQUIRE(total > 50);
    CHECK(gb_ok == total);
    CHECK(b5_ok == total);
}

// ---------------------------------------------------------------------------
// End to end: seeds as saved web pages compile like their plain text

TEST_CASE("a seed saved as a web page compiles like its plain text (numbered plan 002)", "[html][compile]") {
    const std::string plain = slurp(seed_path("002"));
    Page p = paragraphs_page(plain);
    check_page_compiles_like_plain("002", p, p.html);
}

TEST_CASE("a seed saved as a web page compiles like its plain text (flattened table 003)", "[html][compile]") {
    const std::string plain = slurp(seed_path("003"));
    Page p = paragraphs_page(plain);
    check_page_compiles_like_plain("003", p, p.html);
}

TEST_CASE("the other seeds saved as web pages compile like their plain text", "[html][compile]") {
    for (std::string prefix : {"001", "004"}) {
        Page p = paragraphs_page(slurp(seed_path(prefix)));
        check_page_compiles_like_plain(prefix, p, p.html);
    }
}

TEST_CASE("a tabbed table seed as an HTML <table> compiles like its plain text (000)", "[html][compile]") {
    const std::string plain = slurp(seed_path("000"));
    Page p = table_page(plain);
    check_page_compiles_like_plain("000", p, p.html);
}

TEST_CASE("a GBK-encoded page with a meta charset compiles like the plain text", "[html][compile][decode]") {
    const std::string plain = slurp(seed_path("002"));
    for (std::string charset : {"gb2312", "http-equiv"}) {
        INFO(charset);
        Page p = paragraphs_page(plain, charset);
        const std::string bytes = encode(p.html, "GB18030");
        REQUIRE(bytes != p.html);
        check_page_compiles_like_plain("002", p, bytes);
        CHECK(compiler().compile(bytes, "seed.html").encoding == "GB18030");
    }
}

TEST_CASE("spans of a compiled page point at the page's paragraphs", "[html][compile]") {
    Page p = paragraphs_page(slurp(seed_path("002")));
    Document d = compiler().compile(p.html, "page.html");
    const auto lines = split_lines(p.html);
    REQUIRE(d.tasks.size() > 50);
    for (const auto& t : d.tasks) {
        INFO(t.id);
        REQUIRE(t.span.line_start >= 1);
        REQUIRE(static_cast<std::size_t>(t.span.line_end) <= lines.size());
        const std::string& l = lines[static_cast<std::size_t>(t.span.line_start) - 1];
        CHECK(l.rfind("<p", 0) == 0);
        if (t.number) CHECK(l.find(std::to_string(*t.number)) != std::string::npos);
    }
}

TEST_CASE("fixture pages: qingdan text and compile on saved web pages", "[html][cli]") {
    const std::string dir = kRoot + "/tests/fixtures/html/";
    auto run = [](const std::string& args) {
        std::string cmd = std::string(QINGDAN_BINARY) + " " + args;
        FILE* f = popen(cmd.c_str(), "r");
        REQUIRE(f);
        std::string out;
        char buf[4096];
        for (std::size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
        int st = pclose(f);
        return std::make_pair(WIFEXITED(st) ? WEXITSTATUS(st) : -1, out);
    };
    for (std::string name : {"notice", "task-table"}) {
        INFO(name);
        auto [status, out] = run("text --lines " + dir + name + ".html");
        CHECK(status == 0);
        CHECK(out == slurp(dir + name + ".expected.txt"));
    }
    // Standard input has no extension: the content is sniffed.
    auto [status, out] = run("compile -q --format jsonl - < " + dir + "task-table.html");
    CHECK(status == 0);
    CHECK(std::count(out.begin(), out.end(), '\n') == 3);
    CHECK(out.find("国家知识产权局知识产权保护司") != std::string::npos);
}
