// Dates in XLSX cells (private to the ingest stage). Excel stores a date as
// a number of days (a serial) and shows it through the cell's number
// format; a task sheet's 完成时限 column read as 45473 would lose its
// deadline. Which styles show dates, and the serial as the date it shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace qingdan::xlsx {

// Per cell style (an index into xl/styles.xml's cellXfs): does it show a date?
struct DateStyles {
    std::vector<bool> date;
    std::vector<bool> percent;  // shows a percentage: 0.05 as 5%
    bool date1904 = false;      // the workbook counts days from 1904 (workbookPr date1904)
    bool is_date(std::size_t style) const { return style < date.size() && date[style]; }
    bool is_percent(std::size_t style) const { return style < percent.size() && percent[style]; }
};

// The styles of `styles` (the parsed xl/styles.xml, maybe empty).
DateStyles date_styles(const pugi::xml_document& styles, bool date1904);

// A number format that shows a date: a built-in date id (14-17, 22, 27-36,
// 50-58: the CJK ones among them) or a format code with a year or day field
// outside its quoted text (yyyy年m月d日, yyyy/m/d, m月d日).
bool is_date_format(int id, std::string_view code);

// A number format that shows a percentage: built-in 9 and 10, or a code
// with a % outside its quoted text.
bool is_percent_format(int id, std::string_view code);

// A fraction as the percentage the sheet shows: 0.055 -> `5.5%`; none when
// the value is no number.
std::optional<std::string> percent_text(std::string_view value);

// A serial as the date a Chinese sheet shows: `2024年6月30日`; none when the
// value is no number or out of range.
std::optional<std::string> serial_date(std::string_view value, bool date1904);

}  // namespace qingdan::xlsx
