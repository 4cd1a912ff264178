// DOCX: word/document.xml walked in order — paragraphs (automatic numbering
// resolved, from the paragraph or its style), tables as rows of cells (merged
// cells kept in place), text boxes after the paragraph that anchors them.
// Footnotes, comments, headers and footers are separate parts: not read.
#include <cstdlib>
#include <map>

#include "docx_numbering.hpp"
#include "ooxml.hpp"
#include "sniff.hpp"

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
    std::string based_on;
};

class DocxReader {
public:
    DocxReader(const pugi::xml_node& numbering, const pugi::xml_node& styles) : numbering_(numbering) {
        for (auto s : styles.child("w:styles").children())
            if (local(s) == "style") read_style(s);
    }

    Extracted run(const pugi::xml_node& body) {
        block(body, 0);
        return std::move(out_);
    }

private:
    DocxNumbering numbering_;
    std::map<std::string, StyleInfo> styles_;
    Extracted out_;

    void read_style(const pugi::xml_node& s) {
        StyleInfo& st = styles_[std::string(attr(s, "styleId"))];
        st.based_on = val(s, "basedOn");
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
                out_.line(text);
                for (auto& b : boxes) out_.line(b);
            } else if (name == "tbl") {
                table(n, depth);
            } else if (name == "sdt" || name == "customXml") {
                block(child(n, "sdtContent") ? child(n, "sdtContent") : n, depth + 1);
            }
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
