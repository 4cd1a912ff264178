#include "docx_numbering.hpp"

#include <cstdlib>

#include "ooxml.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {

int to_int(std::string_view s, int fallback) {
    if (s.empty()) return fallback;
    return std::atoi(std::string(s).c_str());
}

std::string roman(int v, bool upper) {
    static const std::pair<int, const char*> k[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                    {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                    {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (auto [n, s] : k)
        while (v >= n && out.size() < 32) {
            out += s;
            v -= n;
        }
    if (upper)
        for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string letters(int v, bool upper) {
    if (v < 1) return "";
    // Word repeats the letter: a..z, aa..zz
    std::string out(static_cast<std::size_t>((v - 1) / 26 + 1), static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26));
    return out;
}

}  // namespace

std::string DocxNumbering::format(int v, const std::string& fmt) {
    if (fmt == "decimal" || fmt == "decimalZero") return (fmt == "decimalZero" && v < 10 ? "0" : "") + std::to_string(v);
    if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
        fmt == "taiwaneseCounting" || fmt == "chineseLegalSimplified" || fmt == "ideographDigital") {
        std::string s = v >= 1 && v <= 99 ? ustr::small_chinese_numeral(v) : std::to_string(v);
        return s;
    }
    if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
        std::string out;
        for (char c : std::to_string(v)) ustr::append(out, U'０' + static_cast<char32_t>(c - '0'));
        return out;
    }
    if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
        if (v >= 1 && v <= 20) {
            std::string out;
            ustr::append(out, U'①' + static_cast<char32_t>(v - 1));
            return out;
        }
        return std::to_string(v);
    }
    if (fmt == "ideographTraditional" && v >= 1 && v <= 10) {
        static const char32_t tian[] = U"甲乙丙丁戊己庚辛壬癸";
        std::string out;
        ustr::append(out, tian[v - 1]);
        return out;
    }
    if (fmt == "upperRoman" || fmt == "lowerRoman") return roman(v, fmt == "upperRoman");
    if (fmt == "upperLetter" || fmt == "lowerLetter") return letters(v, fmt == "upperLetter");
    if (fmt == "none" || fmt == "bullet") return "";
    return std::to_string(v);
}

DocxNumbering::DocxNumbering(const pugi::xml_node& root) {
    using namespace ooxml;
    for (auto n : root.children()) {
        if (local(n) == "abstractNum") {
            auto& levels = abstract_[to_int(attr(n, "abstractNumId"), -1)];
            levels.resize(9);
            for (auto l : n.children()) {
                if (local(l) != "lvl") continue;
                int i = to_int(attr(l, "ilvl"), 0);
                if (i < 0 || i > 8) continue;
                Level& lv = levels[static_cast<std::size_t>(i)];
                lv.start = to_int(val(l, "start"), 1);
                if (auto f = val(l, "numFmt"); !f.empty()) lv.fmt = f;
                lv.text = val(l, "lvlText");
                if (auto s = val(l, "suff"); !s.empty()) lv.suffix = s;
                // lvlRestart 0 = never restart; N = restart after level N (1-based)
                if (auto r = val(l, "lvlRestart"); !r.empty()) lv.restart_after = to_int(r, 0) - 1;
            }
        } else if (local(n) == "num") {
            Num& num = nums_[to_int(attr(n, "numId"), -1)];
            num.abstract_id = to_int(val(n, "abstractNumId"), -1);
            for (auto o : n.children())
                if (local(o) == "lvlOverride")
                    if (auto s = val(o, "startOverride"); !s.empty())
                        num.start_override[to_int(attr(o, "ilvl"), 0)] = to_int(s, 1);
        }
    }
}

std::string DocxNumbering::next(int num_id, int ilvl) {
    auto nit = nums_.find(num_id);
    if (num_id <= 0 || ilvl < 0 || ilvl > 8 || nit == nums_.end()) return "";
    Num& num = nit->second;
    auto ait = abstract_.find(num.abstract_id);
    if (ait == abstract_.end()) return "";
    const auto& levels = ait->second;
    auto& count = counters_[num.abstract_id];
    count.resize(9, 0);
    // A w:num with a start override restarts the list the first time it is used.
    if (!num.override_applied) {
        num.override_applied = true;
        for (auto [lvl, start] : num.start_override)
            if (lvl >= 0 && lvl <= 8) count[static_cast<std::size_t>(lvl)] = start - 1;
    }
    auto i = static_cast<std::size_t>(ilvl);
    count[i] = count[i] == 0 ? levels[i].start : count[i] + 1;
    for (std::size_t k = i + 1; k < 9; ++k)
        if (static_cast<int>(i) <= levels[k].restart_after) count[k] = 0;
    if (levels[i].fmt == "bullet" || levels[i].fmt == "none") return "";
    std::string out;
    const std::string& t = levels[i].text;
    for (std::size_t p = 0; p < t.size(); ++p) {
        if (t[p] == '%' && p + 1 < t.size() && t[p + 1] >= '1' && t[p + 1] <= '9') {
            auto k = static_cast<std::size_t>(t[p + 1] - '1');
            int v = count[k] ? count[k] : levels[k].start;
            out += format(v, levels[k].fmt);
            ++p;
        } else {
            out += t[p];
        }
    }
    // "1." before text reads "1. text" (Word puts a tab there); CJK labels need no space.
    if (!out.empty() && static_cast<unsigned char>(out.back()) < 0x80 && levels[i].suffix != "nothing") out += ' ';
    return out;
}

}  // namespace qingdan
