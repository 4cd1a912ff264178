// XLSX: every visible sheet in workbook order, each row a table row (cells
// joined by '\t'), shared and inline strings resolved, merged cells: the value
// of a horizontal merge across the used columns makes the row a heading line
// (a title row, a section row), a vertical merge repeats its value downwards.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "ooxml.hpp"
#include "sniff.hpp"
#include "xlsx_dates.hpp"

namespace qingdan {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::local;

constexpr int kMaxCols = 512;  // a task sheet has a dozen; XFD1048576 refs are hostile

// "C12" -> {col 2, row 12} (0-based column, 1-based row); {-1, 0} when malformed.
std::pair<int, int> cell_ref(std::string_view r) {
    int col = 0, row = 0;
    std::size_t i = 0;
    for (; i < r.size() && r[i] >= 'A' && r[i] <= 'Z' && col <= kMaxCols; ++i) col = col * 26 + (r[i] - 'A' + 1);
    for (; i < r.size() && r[i] >= '0' && r[i] <= '9' && row < 10'000'000; ++i) row = row * 10 + (r[i] - '0');
    if (col == 0 || row == 0) return {-1, 0};
    return {col - 1, row};
}

// Text of a <si> or <is>: its <t>, or the <t> of every rich-text run <r>
// (phonetic runs <rPh> are ruby glosses, not text).
std::string rich_text(const pugi::xml_node& si) {
    std::string s;
    for (auto c : si.children()) {
        if (local(c) == "t") s += c.text().get();
        else if (local(c) == "r") s += child(c, "t").text().get();
    }
    return s;
}

std::vector<std::string> shared_strings(ZipArchive& zip) {
    std::vector<std::string> out;
    auto doc = ooxml::parse(zip, "xl/sharedStrings.xml", false);
    for (auto si : doc.first_child().children())
        if (local(si) == "si") out.push_back(rich_text(si));
    return out;
}

struct Merge {
    int c0, r0, c1, r1;
};

using Grid = std::map<int, std::map<int, std::string>>;  // row -> col -> text

Grid read_cells(const pugi::xml_node& data, const std::vector<std::string>& strings, const xlsx::DateStyles& dates) {
    Grid g;
    for (auto row : data.children()) {
        if (local(row) != "row") continue;
        for (auto c : row.children()) {
            if (local(c) != "c") continue;
            auto [col, r] = cell_ref(attr(c, "r"));
            if (col < 0 || col >= kMaxCols) continue;
            std::string_view t = attr(c, "t");
            std::string v = child(c, "v").text().get();
            if (t == "s") {
                std::size_t k = static_cast<std::size_t>(std::strtoul(v.c_str(), nullptr, 10));
                v = k < strings.size() ? strings[k] : "";
            } else if (t == "inlineStr") {
                v = rich_text(child(c, "is"));
            } else if (t == "b") {
                v = v == "1" ? "TRUE" : "FALSE";
            } else if (t.empty() || t == "n") {
                // A number shown through its format: 45473 as 2024年6月30日, 0.05 as 5%.
                const std::size_t style = std::strtoul(std::string(attr(c, "s")).c_str(), nullptr, 10);
                std::optional<std::string> shown;
                if (dates.is_date(style)) shown = xlsx::serial_date(v, dates.date1904);
                else if (dates.is_percent(style)) shown = xlsx::percent_text(v);
                if (shown) v = *shown;
            }
            if (!v.empty()) g[r][col] = std::move(v);
        }
    }
    return g;
}

std::vector<Merge> merges(const pugi::xml_node& ws) {
    std::vector<Merge> out;
    for (auto m : child(ws, "mergeCells").children()) {
        std::string_view ref = attr(m, "ref");
        auto colon = ref.find(':');
        if (colon == std::string_view::npos) continue;
        auto [c0, r0] = cell_ref(ref.substr(0, colon));
        auto [c1, r1] = cell_ref(ref.substr(colon + 1));
        if (c0 >= 0 && c1 >= c0 && r1 >= r0 && r1 - r0 < 100000) out.push_back({c0, r0, c1, r1});
    }
    return out;
}

void emit_sheet(const pugi::xml_node& ws, const std::vector<std::string>& strings, const xlsx::DateStyles& dates,
                Extracted& out) {
    Grid g = read_cells(child(ws, "sheetData"), strings, dates);
    int width = 0;
    for (auto& [r, cols] : g)
        if (!cols.empty()) width = std::max(width, cols.rbegin()->first + 1);
    std::set<int> heading_rows;  // one merged cell across the used columns
    for (const Merge& m : merges(ws)) {
        auto it = g.find(m.r0);
        if (it == g.end() || !it->second.count(m.c0)) continue;
        if (m.c0 == 0 && m.c1 + 1 >= width && m.r0 == m.r1) heading_rows.insert(m.r0);
        for (int r = m.r0 + 1; r <= m.r1; ++r) g[r][m.c0] = g[m.r0][m.c0];  // vertical: value holds below
    }
    out.open_table();
    for (auto& [r, cols] : g) {
        if (heading_rows.count(r)) {
            out.line(cols.begin()->second, {.row = r});
            continue;
        }
        std::vector<std::string> cells(static_cast<std::size_t>(width));
        for (auto& [c, v] : cols) cells[static_cast<std::size_t>(c)] = v;
        out.row(cells, {.row = r});
    }
    out.close_table();
}

}  // namespace

Extracted read_xlsx(std::string_view bytes) {
    ZipArchive zip(bytes);
    auto wb = ooxml::parse(zip, "xl/workbook.xml", true);
    auto rels = ooxml::parse(zip, "xl/_rels/workbook.xml.rels", false);
    std::map<std::string, std::string> target;  // r:id -> xl/worksheets/sheetN.xml
    for (auto r : rels.first_child().children()) {
        std::string t(attr(r, "Target"));
        if (!t.empty() && t[0] == '/') t = t.substr(1);
        else t = "xl/" + t;
        target[std::string(attr(r, "Id"))] = t;
    }
    auto strings = shared_strings(zip);
    const std::string_view d1904 = attr(child(wb.first_child(), "workbookPr"), "date1904");
    const auto dates = xlsx::date_styles(ooxml::parse(zip, "xl/styles.xml", false), d1904 == "1" || d1904 == "true");
    Extracted out;
    int sheets = 0;
    for (auto s : child(wb.first_child(), "sheets").children()) {
        std::string name(attr(s, "name"));
        if (attr(s, "state") == "hidden" || attr(s, "state") == "veryHidden") {
            out.diagnostics.push_back({"info", "hidden-sheet", 0, "sheet `" + name + "` is hidden: not read"});
            continue;
        }
        auto it = target.find(std::string(attr(s, "id")));
        if (it == target.end()) continue;
        auto ws = ooxml::parse(zip, it->second, false);
        emit_sheet(ws.first_child(), strings, dates, out);
        ++sheets;
    }
    out.diagnostics.push_back({"info", "xlsx-input", 0, "read as Excel (.xlsx): " + std::to_string(sheets) +
                                                            " sheet(s), " + std::to_string(out.origin.size()) + " rows"});
    return out;
}

}  // namespace qingdan
