// DOCX: word/document.xml walked in order — paragraphs (automatic numbering
// resolved, from the paragraph or its style), tables as rows of cells (merged
// cells kept in place), text boxes after the paragraph that anchors them.
// Footnotes, comments, headers and footers are separate parts: not read.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

#include "docx_numbering.hpp"
#include "ooxml.hpp"
#include "sniff.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::local;
using ooxml::val;

constexpr int kMaxDepth = 32;  // nested tables / text boxes: deeper is hostile

struct StyleInfo {
    int num_id = 0;
    int ilvl = 0;
    int outline = -1;  // outline level (0 = Heading 1), -1 = body text
    std::string based_on;
};

// The outline level a style's name gives: `heading 2` (Word stores built-in
// names in English whatever the display language), `标题 2`/`标题2`
// (styles made in a Chinese Word or WPS): 1; -1 for any other name.
int outline_of_name(std::string_view name) {
    std::string n;
    for (char c : name) n += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    for (std::string_view prefix : {"heading", "标题"})
        if (ustr::starts_with(n, prefix)) {
            std::string_view rest = ustr::trim_blanks(std::string_view(n).substr(prefix.size()));
            if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '1';
        }
    return -1;
}

// A label the heading prints itself: 一、 （一） (一) 第一章 第二部分 1. 1、 1．
bool has_own_label(std::string_view t) {
    t = ustr::trim_blanks(t);
    for (std::string_view open : {"（", "("})
        if (ustr::starts_with(t, open)) return true;
    if (ustr::starts_with(t, "第")) {  // 第一章 第二部分 第三节 (not 第三方…)
        std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), 18));
        for (std::string_view unit : {"章", "节", "部分", "篇", "条"})
            if (head.find(unit) != std::string_view::npos) return true;
    }
    std::size_t i = 0, n = 0;
    while (i < t.size()) {
        std::size_t j = i;
        char32_t c = ustr::next(t, j);
        bool digit = (c >= '0' && c <= '9') || std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos;
        if (!digit) break;
        i = j;
        ++n;
    }
    if (n == 0) return false;
    std::string_view rest = t.substr(i);
    for (std::string_view mark : {"、", ".", "．", "）", ")"})
        if (ustr::starts_with(rest, mark)) return true;
    return false;
}

class DocxReader {
public:
    DocxReader(const pugi::xml_node& numbering, const pugi::xml_node& styles) : numbering_(numbering) {
        for (auto s : styles.child("w:styles").children())
            if (local(s) == "style") read_style(s);
    }

    Extracted run(const pugi::xml_node& body) {
        block(body, 0);
        if (labelled_)
            out_.diagnostics.push_back({"info", "docx-heading-levels", 0,
                                        std::to_string(labelled_) +
                                            " heading(s) styled Heading 1-4 print no number: read as 一、/（一）/1./（1） "
                                            "by their outline level"});
        return std::move(out_);
    }

private:
    DocxNumbering numbering_;
    std::map<std::string, StyleInfo> styles_;
    Extracted out_;
    bool paragraphs_seen_ = false;
    std::array<int, 4> headings_{};    // headings met so far, per level (Heading 1 to 4)
    int labelled_ = 0;                 // headings given their level's label

    void read_style(const pugi::xml_node& s) {
        StyleInfo& st = styles_[std::string(attr(s, "styleId"))];
        st.based_on = val(s, "basedOn");
        st.outline = outline_of_name(val(s, "name"));
        if (auto lvl = val(child(s, "pPr"), "outlineLvl"); !lvl.empty()) st.outline = std::atoi(std::string(lvl).c_str());
        auto numpr = child(child(s, "pPr"), "numPr");
        st.num_id = std::atoi(std::string(val(numpr, "numId")).c_str());
        st.ilvl = std::atoi(std::string(val(numpr, "ilvl")).c_str());
    }

    // Body-level content: paragraphs, tables, content controls.
    void block(const pugi::xml_node& parent, int depth) {
        if (depth > kMaxDepth) return;
        for (auto n : parent.children()) {
            auto name = local(n);
            if (name == "p") {
                std::vector<std::string> boxes;
                std::string text = paragraph(n, boxes, depth);
                if (!text.empty() && depth == 0) text = heading_label(child(n, "pPr"), text) + text;
                if (!text.empty()) paragraphs_seen_ = true;
                out_.line(text);
                for (auto& b : boxes) out_.line(b);
            } else if (name == "tbl") {
                table(n, depth);
            } else if (name == "sdt" || name == "customXml") {
                block(child(n, "sdtContent") ? child(n, "sdtContent") : n, depth + 1);
            }
        }
    }

    // A paragraph's outline level: its own w:outlineLvl, else its style's
    // (Heading 1 / 标题 1 = 0), following basedOn; -1 for body text.
    int outline_level(const pugi::xml_node& ppr) const {
        if (auto lvl = val(ppr, "outlineLvl"); !lvl.empty()) return std::atoi(std::string(lvl).c_str());
        std::string style(val(ppr, "pStyle"));
        for (int hops = 0; hops < 10 && !style.empty(); ++hops) {
            auto it = styles_.find(style);
            if (it == styles_.end()) break;
            if (it->second.outline >= 0) return it->second.outline;
            style = it->second.based_on;
        }
        return -1;
    }

    // Headings styled Heading 1 to 4 whose text prints no number: the label
    // their level has in a Chinese official document (GB/T 9704: 一、 （一）
    // 1. （1）), counted as the reader counts them, so the layout reads the
    // same sections and items as in a document that prints its numbers.
    // （一） restarts under each 一、 and （1） under each 1.; the 1. items run
    // on through the document, as the task lists that print them do (the
    // bundled plans number their tasks 1 to 115 across every section). The
    // first paragraph of the document, when styled as a heading of any
    // level (a web page's <h2> saved as Word is Heading 2), is its title.
    std::string heading_label(const pugi::xml_node& ppr, const std::string& text) {
        const int level = outline_level(ppr);
        if (level < 0 || level > 3 || !paragraphs_seen_) return "";
        const int n = ++headings_[static_cast<std::size_t>(level)];
        for (std::size_t deeper = static_cast<std::size_t>(level) + 1; deeper < headings_.size(); ++deeper)
            if (deeper != 2) headings_[deeper] = 0;
        if (has_own_label(text)) return "";
        ++labelled_;
        const std::string numeral = ustr::small_chinese_numeral(n);
        switch (level) {
            case 0: return numeral + "、";
            case 1: return "（" + numeral + "）";
            case 2: return std::to_string(n) + ".";
            default: return "（" + std::to_string(n) + "）";
        }
    }

    // The label of a numbered paragraph: its own numPr, else its style's.
    std::string label(const pugi::xml_node& ppr) {
        auto numpr = child(ppr, "numPr");
        std::string_view id = val(numpr, "numId");
        int ilvl = std::atoi(std::string(val(numpr, "ilvl")).c_str());
        if (id.empty()) {
            std::string style(val(ppr, "pStyle"));
            for (int hops = 0; hops < 10 && !style.empty(); ++hops) {
                auto it = styles_.find(style);
                if (it == styles_.end()) break;
                if (it->second.num_id) {
                    if (!numpr || val(numpr, "ilvl").empty()) ilvl = it->second.ilvl;
                    return numbering_.next(it->second.num_id, ilvl);
                }
                style = it->second.based_on;
            }
            return "";
        }
        return numbering_.next(std::atoi(std::string(id).c_str()), ilvl);
    }

    // A paragraph's text with its number; text boxes inside it go to `boxes`.
    std::string paragraph(const pugi::xml_node& p, std::vector<std::string>& boxes, int depth) {
        std::string text;
        inline_text(p, text, boxes, depth);
        if (text.find_first_not_of(" \t") == std::string::npos) return "";
        return label(child(p, "pPr")) + text;
    }

    void inline_text(const pugi::xml_node& n, std::string& text, std::vector<std::string>& boxes, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local(c);
            if (name == "t") {
                text += c.text().get();
            } else if (name == "tab" || name == "br" || name == "cr") {
                text += ' ';
            } else if (name == "txbxContent") {
                text_box(c, boxes, depth + 1);
            } else if (name == "Fallback" || name == "pPr" || name == "rPr" || name == "del" ||
                       name == "instrText" || name == "footnoteReference" || name == "endnoteReference") {
                // VML duplicate of a text box, properties, deleted revisions, field codes
            } else {
                inline_text(c, text, boxes, depth + 1);
            }
        }
    }

    void text_box(const pugi::xml_node& box, std::vector<std::string>& boxes, int depth) {
        for (auto p : box.children()) {
            if (local(p) != "p") continue;
            std::vector<std::string> inner;
            boxes.push_back(paragraph(p, inner, depth));
            boxes.insert(boxes.end(), inner.begin(), inner.end());
        }
    }

    std::string cell_text(const pugi::xml_node& tc, int depth) {
        std::string text;
        for (auto n : tc.children()) {
            auto name = local(n);
            std::vector<std::string> boxes;
            if (name == "p") {
                join_piece(text, paragraph(n, boxes, depth));
            } else if (name == "tbl" && depth < kMaxDepth) {  // a nested table: its cells in order
                for (auto tr : n.children())
                    for (auto c : tr.children())
                        if (local(c) == "tc") join_piece(text, cell_text(c, depth + 1));
            }
            for (auto& b : boxes) join_piece(text, b);
        }
        return text;
    }

    void table(const pugi::xml_node& tbl, int depth) {
        std::size_t grid = 0;
        for (auto g : child(tbl, "tblGrid").children()) grid += local(g) == "gridCol";
        int row_no = 0;
        std::vector<std::string> above;  // per grid column, the row above (vertical merges)
        out_.open_table();
        for (auto tr : tbl.children()) {
            if (local(tr) != "tr") continue;
            ++row_no;
            std::vector<std::string> cells;
            std::size_t first_span = 0;
            for (auto tc : tr.children()) {
                if (local(tc) != "tc") continue;
                auto pr = child(tc, "tcPr");
                int span = std::max(1, std::atoi(std::string(val(pr, "gridSpan")).c_str()));
                if (cells.empty()) first_span = static_cast<std::size_t>(span);
                auto vm = child(pr, "vMerge");
                // vMerge without val="restart" continues the cell above: the
                // value holds for this row too (a unit merged over its tasks).
                bool cont = vm && attr(vm, "val") != "restart";
                std::size_t col = cells.size();
                cells.push_back(cont ? (col < above.size() ? above[col] : "") : cell_text(tc, depth + 1));
                for (int k = 1; k < span && cells.size() < 256; ++k) cells.emplace_back();
            }
            above = cells;
            // One cell across the whole grid: a section heading row.
            if (grid > 1 && first_span >= grid) out_.line(cells[0], {.row = row_no});
            else out_.row(cells, {.row = row_no});
        }
        out_.close_table();
    }
};

}  // namespace

Extracted read_docx(std::string_view bytes) {
    ZipArchive zip(bytes);
    auto doc = ooxml::parse(zip, "word/document.xml", true);
    auto numbering = ooxml::parse(zip, "word/numbering.xml", false);
    auto styles = ooxml::parse(zip, "word/styles.xml", false);
    auto body = doc.child("w:document").child("w:body");
    if (!body) throw InputError("corrupt-input", "word/document.xml has no w:body");
    DocxReader reader(numbering.child("w:numbering"), styles);
    Extracted out = reader.run(body);
    out.diagnostics.push_back({"info", "docx-input", 0, "read as Word (.docx): " + std::to_string(out.origin.size()) +
                                                             " lines"});
    return out;
}

}  // namespace qingdan
