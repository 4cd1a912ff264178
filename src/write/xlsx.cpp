// XLSX writer on libxlsxwriter (Debian libxlsxwriter-dev). The library
// writes to a file, so the workbook is built in a private temporary file
// and its bytes returned: the caller writes them atomically like any other
// output (or refuses a terminal).
#include "xlsx.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>

#include "emit.hpp"
#include "ustr.hpp"

namespace qingdan {

namespace {

bool forbidden_in_sheet_name(char32_t c) {
    return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20;
}

// At most `max` UTF-16 units (Excel's measure), cut on a code point.
std::string cut_utf16(std::string_view s, size_t max) {
    size_t i = 0, units = 0;
    while (i < s.size()) {
        size_t j = i;
        char32_t c = ustr::next(s, j);
        size_t u = c > 0xFFFF ? 2 : 1;
        if (units + u > max) break;
        units += u;
        i = j;
    }
    return std::string(s.substr(0, i));
}

std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string clean_sheet_name(std::string_view name) {
    std::string out;
    size_t i = 0;
    while (i < name.size()) {
        char32_t c = ustr::next(name, i);
        ustr::append(out, forbidden_in_sheet_name(c) || c == 0xFFFD ? U'_' : c);
    }
    while (!out.empty() && out.front() == '\'') out.erase(0, 1);
    out = cut_utf16(out, 31);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    // Excel reserves "History" for its own sheet.
    if (out.empty() || lower_ascii(out) == "history") out = "Sheet" + out;
    return out;
}

// Display width of a line: CJK and full-width forms take two columns.
double text_width(std::string_view line) {
    double w = 0;
    size_t i = 0;
    while (i < line.size()) {
        char32_t c = ustr::next(line, i);
        bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                    (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
        w += wide ? 2.1 : 1.1;
    }
    return w;
}

double cell_width(std::string_view cell) {
    double w = 0;
    size_t start = 0;
    while (start <= cell.size()) {
        size_t end = cell.find('\n', start);
        if (end == std::string_view::npos) end = cell.size();
        w = std::max(w, text_width(cell.substr(start, end - start)));
        start = end + 1;
    }
    return w;
}

// Fitted width: the widest line of the header and the cells, between a
// floor that keeps the filter button clear and a ceiling past which the
// text wraps (task texts).
std::vector<double> fitted_widths(const XlsxSheet& s) {
    std::vector<double> w(s.header.size(), 0);
    for (size_t c = 0; c < s.header.size(); ++c) w[c] = cell_width(s.header[c]) + 3;  // filter button
    for (const auto& row : s.rows)
        for (size_t c = 0; c < row.size() && c < w.size(); ++c) w[c] = std::max(w[c], cell_width(row[c]) + 1);
    for (auto& x : w) x = std::clamp(x, 6.0, 60.0);
    return w;
}

bool plain_integer(const std::string& s) {
    if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Excel caps a cell at 32,767 characters; longer texts are cut (on a code
// point) rather than failing the whole workbook.
std::string excel_cell(const std::string& s) { return s.size() <= 32000 ? s : cut_utf16(s, 32000 / 3) + "…"; }

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* cell = nullptr;
    lxw_format* link = nullptr;
    lxw_format* del = nullptr;
    lxw_format* ins = nullptr;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xDDEBF7);
    format_set_border(f.header, LXW_BORDER_THIN);
    f.cell = workbook_add_format(wb);
    format_set_text_wrap(f.cell);
    format_set_align(f.cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.cell, LXW_BORDER_THIN);
    f.link = workbook_add_format(wb);
    format_set_text_wrap(f.link);
    format_set_align(f.link, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.link, LXW_BORDER_THIN);
    format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f.link, LXW_COLOR_BLUE);
    f.del = workbook_add_format(wb);
    format_set_font_strikeout(f.del);
    format_set_font_color(f.del, 0xC00000);
    f.ins = workbook_add_format(wb);
    format_set_underline(f.ins, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f.ins, 0x007A33);
    return f;
}

void write_rich(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::vector<XlsxRun>& runs, const Formats& f) {
    std::vector<lxw_rich_string_tuple> tuples;
    std::vector<std::string> texts;
    texts.reserve(runs.size());
    for (const auto& run : runs) {
        if (run.text.empty()) continue;
        texts.push_back(run.text);
        lxw_format* fmt = run.style == XlsxRun::Style::Deleted ? f.del : run.style == XlsxRun::Style::Inserted ? f.ins
                                                                                                              : nullptr;
        tuples.push_back({fmt, texts.back().data()});
    }
    // A rich string needs two runs at least; fewer is plain text.
    if (tuples.size() < 2) {
        worksheet_write_string(ws, r, c, texts.empty() ? "" : excel_cell(texts.front()).c_str(), f.cell);
        return;
    }
    std::vector<lxw_rich_string_tuple*> ptrs;
    for (auto& t : tuples) ptrs.push_back(&t);
    ptrs.push_back(nullptr);
    if (worksheet_write_rich_string(ws, r, c, ptrs.data(), f.cell) != LXW_NO_ERROR) {
        std::string all;
        for (const auto& t : texts) all += t;
        worksheet_write_string(ws, r, c, excel_cell(all).c_str(), f.cell);
    }
}

void progress_validation(lxw_worksheet* ws, lxw_row_t last_row, lxw_col_t col, std::string_view lang) {
    static std::string values[3];
    values[0] = label("progress", "not started", lang);
    values[1] = label("progress", "in progress", lang);
    values[2] = label("progress", "done", lang);
    const char* list[] = {values[0].c_str(), values[1].c_str(), values[2].c_str(), nullptr};
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = const_cast<char**>(list);
    v.ignore_blank = LXW_VALIDATION_ON;
    worksheet_data_validation_range(ws, 1, col, std::max<lxw_row_t>(last_row, 1), col, &v);
}

void print_setup(lxw_worksheet* ws, lxw_col_t cols) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_set_footer(ws, "&C&P / &N");
    worksheet_fit_to_pages(ws, 1, 0);  // all columns on the page width, as many pages down as needed
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    (void)cols;
}

void write_sheet(lxw_workbook* wb, const XlsxSheet& s, const std::string& name, const Formats& f,
                 std::string_view lang) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw std::runtime_error("xlsx: cannot add sheet `" + name + "`");
    std::vector<std::string> header = s.header;
    if (s.progress_column) header.push_back(label("col", "progress", lang));
    XlsxSheet sized = s;
    sized.header = header;
    std::vector<double> widths = fitted_widths(sized);
    auto cols = static_cast<lxw_col_t>(header.size());
    for (lxw_col_t c = 0; c < cols; ++c) worksheet_set_column(ws, c, c, widths[c], f.cell);
    for (lxw_col_t c = 0; c < cols; ++c) worksheet_write_string(ws, 0, c, header[c].c_str(), f.header);
    for (size_t r = 0; r < s.rows.size(); ++r) {
        auto row = static_cast<lxw_row_t>(r + 1);
        for (size_t c = 0; c < s.rows[r].size() && c < cols; ++c) {
            const std::string& v = s.rows[r][c];
            if (plain_integer(v))
                worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), std::stod(v), f.cell);
            else
                worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), excel_cell(v).c_str(), f.cell);
        }
        if (r < s.links.size() && !s.links[r].empty() && !s.rows[r].empty()) {
            std::string url = "internal:'" + s.links[r] + "'!A1";
            worksheet_write_url_opt(ws, row, 0, url.c_str(), f.link, excel_cell(s.rows[r][0]).c_str(), nullptr);
        }
    }
    for (const auto& x : s.rich)
        write_rich(ws, static_cast<lxw_row_t>(x.row + 1), static_cast<lxw_col_t>(x.col), x.runs, f);
    auto last = static_cast<lxw_row_t>(s.rows.size());
    worksheet_freeze_panes(ws, 1, 0);
    if (cols > 0) worksheet_autofilter(ws, 0, 0, last, cols - 1);
    if (s.progress_column) progress_validation(ws, last, cols - 1, lang);
    print_setup(ws, cols);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::vector<std::string> safe_sheet_names(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    std::vector<std::string> seen;  // lower-cased
    for (const auto& n : names) {
        std::string base = clean_sheet_name(n);
        std::string name = base;
        for (int k = 2; std::find(seen.begin(), seen.end(), lower_ascii(name)) != seen.end(); ++k) {
            std::string suffix = "~" + std::to_string(k);
            name = cut_utf16(base, 31 - suffix.size()) + suffix;
        }
        seen.push_back(lower_ascii(name));
        out.push_back(name);
    }
    return out;
}

std::string render_xlsx(const std::vector<XlsxSheet>& sheets, std::string_view lang) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "qingdan-xlsx-XXXXXX").string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    close(fd);
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } guard{tmpl};
    lxw_workbook* wb = workbook_new(tmpl.c_str());
    if (!wb) throw std::runtime_error("xlsx: cannot create workbook");
    Formats f = make_formats(wb);
    std::vector<std::string> names;
    for (const auto& s : sheets) names.push_back(s.name);
    names = safe_sheet_names(names);
    try {
        for (size_t i = 0; i < sheets.size(); ++i) write_sheet(wb, sheets[i], names[i], f, lang);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
    return slurp(tmpl);
}

}  // namespace qingdan
