// XLSX workbooks for people who work in Excel or WPS (libxlsxwriter):
// one table per sheet with a frozen, filterable header, wrapped cells,
// column widths fitted to Chinese text and a print set-up (A4 landscape,
// header row on every page, page numbers in the footer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

// One run of a cell shown in several styles (a text diff).
struct XlsxRun {
    enum class Style { Plain, Deleted, Inserted };
    Style style = Style::Plain;
    std::string text;
};

struct XlsxSheet {
    std::string name;  // made safe and unique by render_xlsx (see safe_sheet_names)
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    // A trailing 完成情况 column whose cells offer 未开始 / 推进中 / 已完成.
    bool progress_column = false;
    // Per row: the name of a sheet that column A links to ("" for none).
    std::vector<std::string> links;
    // Cells shown as styled runs instead of their text: {row, column, runs}.
    struct Rich {
        size_t row = 0, col = 0;
        std::vector<XlsxRun> runs;
    };
    std::vector<Rich> rich;
};

// Sheet names Excel accepts, pairwise distinct ignoring case: []:*?/\ become
// _, no leading or trailing ', at most 31 UTF-16 units, "Sheet" for an empty
// name, clashes get ~2, ~3 ... in order.
std::vector<std::string> safe_sheet_names(const std::vector<std::string>& names);

// The bytes of a workbook holding `sheets` in order; `lang` ("zh" or "en")
// names the progress column and its values. Throws std::runtime_error when
// the library fails.
std::string render_xlsx(const std::vector<XlsxSheet>& sheets, std::string_view lang);

}  // namespace qingdan
