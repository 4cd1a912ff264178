// Page furniture: page numbers, web navigation and footers, inline widgets
// and repeated table headers (see furniture.hpp and docs/normalisation.md).
#include "furniture.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "normalise.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

using namespace std::string_view_literals;

using ustr::ends_with;
using ustr::starts_with;

// ---------------------------------------------------------------------------
// Page furniture

// Column-header words (任务清单 落实举措 责任部门 ...): data/table_header_words.txt,
// compiled in by CMakeLists.txt (qingdan_word_table).
constexpr std::string_view kHeaderWords[] = {
#include "table_header_words.inc"
};

bool is_dash(char32_t cp) {
    return cp == '-' || cp == '_' || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
           cp == 0x2012 || cp == 0x2500 || cp == 0xFF0D || cp == 0xFE63 || cp == 0xB7 ||
           cp == 0x2022 || cp == 0x2212 || cp == 0x30FC;
}

// Parses ASCII digits at s[i..]; returns count (0 if none) and the value.
std::size_t digits_at(std::string_view s, std::size_t i, long* value) {
    std::size_t k = i;
    long v = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k - i < 6) {
        v = v * 10 + (s[k] - '0');
        ++k;
    }
    if (value) *value = v;
    return k - i;
}

// Greedy segmentation of a squeezed line into header words; empty when it
// is not made only of them.
std::vector<std::string_view> header_words(std::string_view squeezed) {
    std::vector<std::string_view> words;
    std::string_view r = squeezed;
    while (!r.empty()) {
        std::string_view best;
        for (auto w : kHeaderWords)
            if (w.size() > best.size() && starts_with(r, w)) best = w;
        if (best.empty()) return {};
        words.push_back(best);
        r.remove_prefix(best.size());
    }
    return words;
}

}  // namespace

namespace furniture {

// The kept header line: its words separated by one space, or by tabs when
// the original separated its cells by tabs.
std::string render_table_header(std::string_view raw) {
    // A tabbed row keeps its cells, empty ones too: a name spanning two
    // columns (责任单位 over 牵头单位 | 配合单位) leaves one empty, and the
    // rows below must still line up. Each cell is read whole (序 号 -> 序号).
    if (raw.find('\t') != std::string_view::npos) {
        std::string out;
        for (std::size_t b = 0;;) {
            const std::size_t e = std::min(raw.find('\t', b), raw.size());
            out += normalise_chars(ustr::squeeze(raw.substr(b, e - b)));
            if (e == raw.size()) break;
            out.push_back('\t');
            b = e + 1;
        }
        while (!out.empty() && out.back() == '\t') out.pop_back();  // nothing to line up after the last name
        return out;
    }
    std::string squeezed = ustr::squeeze(raw);
    const std::string chars = normalise_chars(squeezed);  // one line: no '\n' to split at
    const char sep = raw.find('\t') != std::string_view::npos ? '\t' : ' ';
    std::string out;
    for (auto w : header_words(chars)) {
        if (!out.empty()) out.push_back(sep);
        out += w;
    }
    return out;
}

std::vector<std::string_view> table_header_words(std::string_view text, std::size_t min_words) {
    std::vector<std::string_view> words;
    std::string_view r = text;
    while (!r.empty()) {
        if (std::size_t w = ustr::space_at(r, 0)) {
            r.remove_prefix(w);
            continue;
        }
        std::size_t best = 0;
        for (auto w : kHeaderWords)
            if (w.size() > best && starts_with(r, w)) best = w.size();
        if (best == 0) return {};
        words.push_back(r.substr(0, best));
        r.remove_prefix(best);
    }
    if (words.size() < min_words) words.clear();
    return words;
}

bool is_page_number(std::string_view line) {
    if (line.size() > 60) return false;
    {
        std::string_view t = ustr::trim_blanks(line);
        if (t.empty()) return false;
        const char32_t f = ustr::first(t);
        if (!(is_dash(f) || (f >= '0' && f <= '9') || f == U'第' || f == U'共' || f == 'P' ||
              f == 'p'))
            return false;
    }
    std::string s = ustr::squeeze(line);
    if (s.empty() || s.size() > 40) return false;
    std::string_view v = s;
    // — 12 —, - 12 -, ·12·
    {
        std::size_t i = 0, lead = 0;
        while (i < v.size()) {
            std::size_t j = i;
            if (!is_dash(ustr::next(v, j))) break;
            i = j;
            ++lead;
        }
        long num = 0;
        std::size_t nd = digits_at(v, i, &num);
        if (lead > 0 && nd >= 1 && nd <= 4) {
            std::size_t k = i + nd, trail = 0;
            while (k < v.size()) {
                std::size_t j = k;
                if (!is_dash(ustr::next(v, j))) break;
                k = j;
                ++trail;
            }
            if (trail > 0 && k == v.size()) return true;
        }
    }
    // 第 3 页, 第3页 共12页, 第3页/共12页, 共12页 第3页
    {
        std::string_view r = v;
        int parts = 0;
        while (!r.empty()) {
            if (starts_with(r, "第"sv) || starts_with(r, "共"sv))
                r.remove_prefix(3);
            else
                break;
            std::size_t nd = digits_at(r, 0, nullptr);
            if (nd == 0 || nd > 4) return false;
            r.remove_prefix(nd);
            if (!starts_with(r, "页"sv)) return false;
            r.remove_prefix(3);
            ++parts;
            for (std::string_view sep : {","sv, "，"sv, "/"sv, "、"sv}) {
                if (starts_with(r, sep)) {
                    r.remove_prefix(sep.size());
                    break;
                }
            }
        }
        if (parts > 0 && r.empty()) return true;
    }
    // 3/12
    {
        long a = 0, b = 0;
        std::size_t na = digits_at(v, 0, &a);
        if (na >= 1 && na <= 4 && na < v.size() && v[na] == '/') {
            std::size_t nb = digits_at(v, na + 1, &b);
            if (nb >= 1 && nb <= 4 && na + 1 + nb == v.size() && a >= 1 && a <= b) return true;
        }
    }
    // Page 3, Page 3 of 12
    {
        std::string low;
        for (char c : v) low.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        if (starts_with(low, "page")) {
            std::size_t i = 4;
            std::size_t nd = digits_at(low, i, nullptr);
            if (nd > 0) {
                i += nd;
                if (i == low.size()) return true;
                if (low.compare(i, 2, "of") == 0) {
                    std::size_t nd2 = digits_at(low, i + 2, nullptr);
                    if (nd2 > 0 && i + 2 + nd2 == low.size()) return true;
                }
            }
        }
    }
    return false;
}

// Navigation words of saved web pages.
bool is_nav_line(std::string_view line) {
    if (line.size() > 120) return false;
    {
        std::string_view t = ustr::trim_blanks(line);
        if (t.empty()) return false;
        const char32_t f = ustr::first(t);
        if (std::u32string_view(U"打关返收加分字扫【[大中小默首微Q标在下").find(f) ==
            std::u32string_view::npos)
            return false;
    }
    static constexpr std::array<std::string_view, 20> kStrong = {
        "打印"sv,   "打印本页"sv, "打印此页"sv, "打印文章"sv, "关闭"sv,     "关闭窗口"sv, "关闭本页"sv,
        "返回顶部"sv, "收藏"sv,   "加入收藏"sv, "分享"sv,     "分享到"sv,   "字号"sv,     "字体"sv,
        "扫一扫"sv, "【打印】"sv, "【关闭】"sv, "【关闭窗口】"sv, "【打印本页】"sv, "打印正文"sv,
    };
    static constexpr std::array<std::string_view, 12> kWeak = {
        "大"sv,   "中"sv,   "小"sv,     "默认"sv, "返回"sv,   "首页"sv,
        "微信"sv, "微博"sv, "QQ空间"sv, "标准"sv, "在手机上打开"sv, "下载"sv,
    };
    // Tokenise on spaces, tabs, |, ｜, 【】, [], ：, :, ·
    std::vector<std::string_view> tokens;
    std::size_t i = 0, start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) tokens.push_back(line.substr(start, end - start));
    };
    while (i < line.size()) {
        std::size_t j = i;
        char32_t cp = ustr::next(line, j);
        bool sep = cp == ' ' || cp == '\t' || cp == '|' || cp == 0xFF5C || cp == 0x3010 ||
                   cp == 0x3011 || cp == '[' || cp == ']' || cp == 0xFF1A || cp == ':' ||
                   cp == 0xB7 || cp == '/';
        if (sep) {
            flush(i);
            start = j;
        }
        i = j;
    }
    flush(line.size());
    if (tokens.empty()) return false;
    bool strong = false;
    for (auto t : tokens) {
        if (std::find(kStrong.begin(), kStrong.end(), t) != kStrong.end()) {
            strong = true;
        } else if (std::find(kWeak.begin(), kWeak.end(), t) == kWeak.end()) {
            return false;
        }
    }
    return strong;
}

bool is_footer_line(std::string_view line) {
    if (line.size() > 300 || ends_with(line, "。"sv) || ustr::length(line) > 100) return false;
    // One pass over the line; keys are compared only where their first
    // character occurs.
    bool has_bar = false, nav_word = false;
    auto owner_key = [](std::string_view r, std::string_view key) {
        if (!starts_with(r, key)) return false;
        std::string_view after = r.substr(key.size());
        return after.empty() || starts_with(after, "："sv) || starts_with(after, ":"sv) ||
               starts_with(after, " "sv) || starts_with(after, "©"sv);
    };
    std::size_t i = 0;
    while (i < line.size()) {
        std::string_view r = line.substr(i);
        const char32_t cp = ustr::next(line, i);
        switch (cp) {
            case '|': case U'｜': has_bar = true; break;
            case 'I': if (starts_with(r, "ICP备"sv) || starts_with(r, "ICP证"sv)) return true; break;
            case 'C': if (starts_with(r, "Copyright"sv) || starts_with(r, "COPYRIGHT"sv)) return true; break;
            case U'©': return true;
            case U'公': if (starts_with(r, "公网安备"sv)) return true; break;
            case U'网':
                if (starts_with(r, "网站标识码"sv) || owner_key(r, "网站管理"sv)) return true;
                if (starts_with(r, "网站地图"sv)) nav_word = true;
                break;
            case U'版':
                if (owner_key(r, "版权所有"sv)) return true;
                if (starts_with(r, "版权声明"sv)) nav_word = true;
                break;
            case U'主': if (owner_key(r, "主办单位"sv)) return true; break;
            case U'承': if (owner_key(r, "承办单位"sv)) return true; break;
            case U'技': if (owner_key(r, "技术支持"sv)) return true; break;
            case U'维': if (owner_key(r, "维护单位"sv)) return true; break;
            case U'联': if (starts_with(r, "联系我们"sv)) nav_word = true; break;
            case U'隐': if (starts_with(r, "隐私声明"sv)) nav_word = true; break;
            case U'免': if (starts_with(r, "免责声明"sv)) nav_word = true; break;
            case U'使': if (starts_with(r, "使用帮助"sv)) nav_word = true; break;
            default: break;
        }
    }
    if (nav_word && !has_bar) {
        // A lone 联系我们 / 网站地图 ... line.
        std::string_view t = ustr::trim_blanks(line);
        for (std::string_view key : {"联系我们"sv, "网站地图"sv, "版权声明"sv, "隐私声明"sv,
                                     "免责声明"sv, "使用帮助"sv})
            if (t == key) return true;
    }
    return nav_word && has_bar;
}

// Strips `字号：大 中 小` (with or without 【】) from inside a line, and a
// trailing `分享：`. Returns true when something was removed.
bool strip_inline_furniture(std::string& line) {
    bool changed = false;
    for (std::string_view key : {"字号"sv, "字体"sv}) {
        std::size_t p;
        while ((p = line.find(key)) != std::string::npos) {
            std::size_t b = p, e = p + key.size();
            if (b >= 3 && line.compare(b - 3, 3, "【") == 0) b -= 3;
            else if (b >= 1 && line[b - 1] == '[') b -= 1;
            std::string_view rest(line.data() + e, line.size() - e);
            std::size_t k = 0;
            if (starts_with(rest, "："sv)) k = 3;
            else if (starts_with(rest, ":"sv)) k = 1;
            int sizes = 0;
            for (;;) {
                while (k < rest.size() && rest[k] == ' ') ++k;
                std::string_view r = rest.substr(k);
                if (starts_with(r, "大"sv) || starts_with(r, "中"sv) || starts_with(r, "小"sv)) {
                    k += 3;
                    ++sizes;
                } else {
                    break;
                }
            }
            if (sizes < 3) break;
            std::string_view r = rest.substr(k);
            if (starts_with(r, "】"sv)) k += 3;
            else if (starts_with(r, "]"sv)) k += 1;
            line.erase(b, e + k - b);
            changed = true;
        }
    }
    std::string_view t = ustr::trim_blanks(line);
    for (std::string_view tail : {"分享："sv, "分享:"sv, "分享到："sv, "分享到:"sv}) {
        if (ends_with(t, tail) && t.size() > tail.size()) {
            line.resize(static_cast<std::size_t>(t.data() - line.data()) + t.size() - tail.size());
            changed = true;
            break;
        }
    }
    if (changed) {
        std::string_view tt = ustr::trim_blanks(line);
        line = std::string(tt);
    }
    return changed;
}

bool is_related_links(std::string_view line) {
    if (line.size() > 40) return false;
    std::string s = ustr::squeeze(line);
    return s == "相关链接" || s == "相关链接：" || s == "相关链接:" || s == "友情链接" ||
           s == "友情链接：" || s == "相关链接>>" || s == "【相关链接】";
}


}  // namespace furniture

using namespace furniture;

bool is_table_header(std::string_view line) {
    if (line.size() > 200) return false;
    // Cheap rejection: the first character must start some header word.
    std::string_view t = ustr::trim_blanks(line);
    if (t.empty()) return false;
    // The header words' first characters, decoded once (every line is asked).
    static const std::vector<char32_t> kFirsts = [] {
        std::vector<char32_t> v;
        for (auto w : kHeaderWords) v.push_back(ustr::first(w));
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    if (!std::binary_search(kFirsts.begin(), kFirsts.end(), ustr::first(t))) return false;
    // Words separated by spaces/tabs (normalised text): no allocation.
    {
        std::string_view r = t;
        int words = 0;
        bool ok = true;
        while (!r.empty()) {
            while (!r.empty() && (r.front() == ' ' || r.front() == '\t')) r.remove_prefix(1);
            if (r.empty()) break;
            std::size_t best = 0;
            for (auto w : kHeaderWords)
                if (w.size() > best && starts_with(r, w)) best = w.size();
            if (best == 0) {
                ok = false;
                break;
            }
            r.remove_prefix(best);
            ++words;
        }
        if (ok) return words >= 2;
        if (t.find(' ') == std::string_view::npos) return false;
    }
    return header_words(ustr::squeeze(line)).size() >= 2;
}

bool is_page_furniture(std::string_view line) {
    std::string_view t = ustr::trim_blanks(line);
    if (t.empty()) return false;
    if (is_page_number(t) || is_nav_line(t) || is_footer_line(t)) return true;
    std::string copy(t);
    if (strip_inline_furniture(copy)) return ustr::trim_blanks(copy).empty() || is_nav_line(copy);
    return false;
}

}  // namespace qingdan

namespace qingdan::furniture {

std::string merge_header_rows(std::string_view upper, std::string_view lower) {
    auto cells = [](std::string_view row) {
        std::vector<std::string_view> out;
        for (std::size_t b = 0;;) {
            const std::size_t e = std::min(row.find('\t', b), row.size());
            out.push_back(row.substr(b, e - b));
            if (e == row.size()) return out;
            b = e + 1;
        }
    };
    const auto a = cells(upper), b = cells(lower);
    std::string out;
    for (std::size_t c = 0; c < std::max(a.size(), b.size()); ++c) {
        if (c > 0) out.push_back('\t');
        out += c < b.size() && !b[c].empty() ? b[c] : c < a.size() ? a[c] : std::string_view();
    }
    return out;
}

}  // namespace qingdan::furniture
