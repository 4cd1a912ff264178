#include "out_dir_clean.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "extracted.hpp"
#include "io.hpp"
#include "json.hpp"
#include "sniff.hpp"

namespace qingdan::cli {
namespace {

namespace fs = std::filesystem;

std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    for (size_t b = 0; b < text.size();) {
        size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string line = text.substr(b, e - b);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
        b = e + 1;
    }
    return out;
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> csv_records(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    std::vector<std::vector<std::string>> out(1);
    std::string field;
    bool quoted = false, in_record = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < s.size() && s[i + 1] == '"') field += s[++i];
            else quoted = false;
        } else if (c == '"') {
            quoted = in_record = true;
        } else if (c == ',') {
            out.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out.back().push_back(std::move(field));
            field.clear();
            out.emplace_back();
            in_record = false;
        } else {
            field += c;
            in_record = true;
        }
    }
    if (in_record || !field.empty() || !out.back().empty()) out.back().push_back(std::move(field));
    if (out.back().empty()) out.pop_back();
    return out;
}

// Undoes html_escape() for the characters it writes as entities.
std::string html_unescape(std::string_view s) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    for (size_t i = 0; i < s.size();) {
        bool done = false;
        for (const auto& [ent, c] : kEntities)
            if (s.substr(i, ent.size()) == ent) {
                out += c;
                i += ent.size();
                done = true;
                break;
            }
        if (!done) out += s[i++];
    }
    return out;
}

// The "file" column (the second) of each row after the header: the CSV and
// XLSX indexes are checklist, file, level, items.
std::vector<std::string> second_column(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> out;
    for (size_t r = 1; r < rows.size(); ++r)
        if (rows[r].size() >= 2) out.push_back(rows[r][1]);
    return out;
}

std::vector<std::string> listed_in(const std::string& text, const std::string& format) {
    std::vector<std::string> out;
    if (format == "json") {
        const Json j = Json::parse(text);  // throws on a damaged index
        for (const auto& f : j.at("files")) out.push_back(f.at("file").get<std::string>());
    } else if (format == "csv") {
        out = second_column(csv_records(text));
        // Excel-ready CSV guards a cell that starts like a formula with '.
        for (auto& f : out)
            if (f.size() > 1 && f[0] == '\'' && std::string_view("=+-@").find(f[1]) != std::string_view::npos)
                f.erase(0, 1);
    } else if (format == "md") {  // - [name](<file>) — N 项
        for (const auto& line : split_lines(text)) {
            const size_t b = line.rfind("](<"), e = line.rfind(">)");
            if (line.rfind("- [", 0) == 0 && b != std::string::npos && e != std::string::npos && e > b + 3)
                out.push_back(line.substr(b + 3, e - b - 3));
        }
    } else if (format == "html") {  // <li><a href="file">
        for (const auto& line : split_lines(text)) {
            const size_t b = line.find("<li><a href=\"");
            const size_t e = b == std::string::npos ? b : line.find('"', b + 13);
            if (e != std::string::npos) out.push_back(html_unescape(std::string_view(line).substr(b + 13, e - b - 13)));
        }
    } else if (format == "xlsx") {
        std::vector<std::vector<std::string>> rows;
        for (const auto& line : split_lines(read_xlsx(text).text)) {
            rows.emplace_back();
            for (size_t b = 0;;) {
                const size_t e = line.find('\t', b);
                rows.back().push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
                if (e == std::string::npos) break;
                b = e + 1;
            }
        }
        out = second_column(rows);
    } else {
        throw std::runtime_error("unknown index format `" + format + "`");
    }
    return out;
}

// One ordinary path component named like a checklist file of `ext`.
bool checklist_name(const std::string& name, const std::string& ext) {
    return name.size() > ext.size() && name.ends_with(ext) && name != "index" + ext && name.front() != '.' &&
           name.front() != '-' && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
           name.find('\0') == std::string::npos && name.find("..") == std::string::npos;
}

}  // namespace

std::optional<std::vector<std::string>> previous_index_files(const std::string& dir, const std::string& format) {
    const fs::path index = fs::path(dir) / ("index." + format);
    std::error_code ec;
    if (!fs::is_regular_file(index, ec)) return std::nullopt;
    try {
        return listed_in(read_stream(index.string()), format);
    } catch (const std::exception& e) {
        throw std::runtime_error(index.string() + ": cannot read the previous index (" + e.what() + ")");
    }
}

std::vector<std::string> remove_stale_files(const std::string& dir, const std::vector<std::string>& listed,
                                            const std::vector<std::string>& written, const std::string& format) {
    const std::string ext = "." + format;
    std::vector<std::string> keep;
    for (const auto& w : written) keep.push_back(lower_ascii(w));
    std::sort(keep.begin(), keep.end());
    std::vector<std::string> removed;
    for (const auto& name : listed) {
        if (!checklist_name(name, ext) || std::binary_search(keep.begin(), keep.end(), lower_ascii(name))) continue;
        if (std::find(removed.begin(), removed.end(), name) != removed.end()) continue;
        const fs::path p = fs::path(dir) / name;
        std::error_code ec;
        if (fs::symlink_status(p, ec).type() != fs::file_type::regular) continue;  // gone, a link, a directory
        if (!fs::remove(p, ec) && ec) throw std::runtime_error(p.string() + ": cannot remove: " + ec.message());
        removed.push_back(name);
    }
    return removed;
}

}  // namespace qingdan::cli
