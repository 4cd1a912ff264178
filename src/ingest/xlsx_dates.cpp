// Dates in XLSX cells: see xlsx_dates.hpp.
#include "xlsx_dates.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "ooxml.hpp"

namespace qingdan::xlsx {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::local;

// Days since 1970-01-01 as a civil date (H. Hinnant's algorithm).
void civil(long z, long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<long>(yoe) + era * 400 + (m <= 2);
}

}  // namespace

bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    if (code.empty()) return false;
    // Fields outside quoted text, [colour]/[locale] brackets and \-escapes.
    bool quoted = false, bracket = false, year_or_day = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '[') bracket = true;
        else if (c == ']') bracket = false;
        else if (bracket) continue;
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'e') year_or_day = true;
    }
    return year_or_day;
}

bool is_percent_format(int id, std::string_view code) {
    if (id == 9 || id == 10) return true;
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (code[i] == '"') quoted = !quoted;
        else if (!quoted && code[i] == '\\') ++i;
        else if (!quoted && code[i] == '%') return true;
    }
    return false;
}

std::optional<std::string> percent_text(std::string_view value) {
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v) || std::abs(v) > 1e12)
        return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g%%", v * 100);  // at most six digits: no binary noise (0.07 * 100)
    return std::string(buf);
}

DateStyles date_styles(const pugi::xml_document& styles, bool date1904) {
    DateStyles out;
    out.date1904 = date1904;
    auto root = styles.first_child();
    std::map<int, std::string> custom;  // numFmtId -> formatCode
    for (auto f : child(root, "numFmts").children())
        if (local(f) == "numFmt")
            custom[std::atoi(std::string(attr(f, "numFmtId")).c_str())] = std::string(attr(f, "formatCode"));
    for (auto xf : child(root, "cellXfs").children()) {
        if (local(xf) != "xf") continue;
        const int id = std::atoi(std::string(attr(xf, "numFmtId")).c_str());
        auto it = custom.find(id);
        const std::string_view code = it == custom.end() ? std::string_view() : std::string_view(it->second);
        out.date.push_back(is_date_format(id, code));
        out.percent.push_back(is_percent_format(id, code));
        if (out.date.size() >= 65536) break;  // Excel's own limit on styles
    }
    return out;
}

std::optional<std::string> serial_date(std::string_view value, bool date1904) {
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || !(v >= 1 && v < 2958466)) return std::nullopt;
    const long days = static_cast<long>(std::floor(v));
    // Excel's 1900 system counts a 29 February 1900 that never was: serial
    // 61 is 1 March 1900, day 0 being 30 December 1899 from there on.
    const long unix_days = date1904 ? days - 24107 : days < 61 ? days - 25568 : days - 25569;
    long y = 0;
    unsigned m = 0, d = 0;
    civil(unix_days, y, m, d);
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

}  // namespace qingdan::xlsx
