// --out-dir: safe file names from whatever a document calls a unit, one
// file per checklist plus an index, every file written atomically and only
// inside the directory.
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "checklist.hpp"
#include "html_page.hpp"
#include "io.hpp"
#include "json.hpp"
#include "ustr.hpp"
#include "xlsx.hpp"

namespace qingdan {

namespace {

namespace fs = std::filesystem;

bool unsafe(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0)) return true;  // C0, DEL, C1, NBSP
    switch (cp) {
    case '/': case '\\': case ':': case '*': case '?': case '"': case '<': case '>': case '|': case ' ':
    case 0x3000: case 0xFEFF: case 0xFFFE: case 0xFFFF:
        return true;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200F) return true;  // spaces, zero-width, LRM/RLM
    if (cp >= 0x2028 && cp <= 0x202F) return true;  // line/paragraph separators, bidi embeddings
    if (cp >= 0x205F && cp <= 0x206F) return true;  // bidi isolates, invisible operators
    if (cp >= 0xFFF9 && cp <= 0xFFFB) return true;  // interlinear annotation
    if (cp == 0x2215 || cp == 0x2044 || cp == 0xFF0F || cp == 0xFF3C) return true;  // slash look-alikes
    return false;
}

// The longest prefix of `s` (valid UTF-8) within `max` bytes.
std::string cut_utf8(const std::string& s, size_t max) {
    if (s.size() <= max) return s;
    return s.substr(0, ustr::floor_boundary(s, max));
}

std::string strip_edges(std::string s) {
    size_t b = 0;
    while (b < s.size() && (s[b] == '.' || s[b] == '-' || s[b] == '_' || s[b] == '~')) ++b;
    size_t e = s.size();
    while (e > b && (s[e - 1] == '.' || s[e - 1] == '_')) --e;
    return s.substr(b, e - b);
}

std::string ascii_lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool reserved_device(const std::string& stem) {
    std::string base = ascii_lower(stem.substr(0, stem.find('.')));
    static const std::set<std::string> kNames = {"con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4",
                                                 "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3",
                                                 "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
    return kNames.count(base) > 0;
}

// A last line of defence: the name is a single, ordinary path component.
void require_plain_name(const std::string& name) {
    bool ok = !name.empty() && name != "." && name != ".." && name.front() != '.' && name.front() != '-' &&
              name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
              name.find('\0') == std::string::npos && name.find("..") == std::string::npos;
    if (!ok) throw std::logic_error("refusing to write unsafe file name `" + name + "`");
}

}  // namespace

std::string safe_file_stem(std::string_view name, std::size_t max_bytes) {
    if (max_bytes < 8) max_bytes = 8;
    std::string s;
    for (size_t i = 0; i < name.size();) {
        size_t start = i;
        char32_t cp;
        if (!ustr::decode(name, i, cp) || unsafe(cp)) {  // ill-formed bytes are unsafe too
            if (s.empty() || s.back() != '_') s += '_';
        } else {
            s.append(name.substr(start, i - start));
        }
    }
    // No "..": a dot next to a dot becomes '_'.
    std::string t;
    for (size_t i = 0; i < s.size(); ++i) {
        bool dots = s[i] == '.' && ((i + 1 < s.size() && s[i + 1] == '.') || (i > 0 && s[i - 1] == '.'));
        char c = dots ? '_' : s[i];
        if (c == '_' && !t.empty() && t.back() == '_') continue;
        t += c;
    }
    t = strip_edges(cut_utf8(strip_edges(t), max_bytes));
    if (t.empty()) t = "unnamed";
    if (reserved_device(t)) t = cut_utf8("_" + t, max_bytes);
    return t;
}

std::vector<std::string> assign_file_names(const std::vector<std::string>& names, const std::string& ext,
                                           std::size_t max_bytes) {
    std::string index = "index";
    index.append(ext);  // not "index" + ext: GCC 12 warns falsely (-Wrestrict) on that
    std::set<std::string> taken = {ascii_lower(index)};
    std::vector<std::string> out;
    for (const auto& n : names) {
        std::string stem = safe_file_stem(n, max_bytes);
        std::string file = stem + ext;
        for (int k = 2; taken.count(ascii_lower(file)); ++k) {
            std::string suffix(1, '~');
            suffix.append(std::to_string(k));
            file = cut_utf8(stem, max_bytes > suffix.size() ? max_bytes - suffix.size() : 1) + suffix + ext;
        }
        taken.insert(ascii_lower(file));
        out.push_back(file);
    }
    return out;
}

namespace {

// A file written into the staging directory is reported under the path it
// will have (`lists/a.md: write failed: …`), not under `lists/.qd-…/a.md`.
void write_staged(const StagedDir& staged, const std::string& dir, const std::string& file, const std::string& data) {
    try {
        write_file_atomic((fs::path(staged.path()) / file).string(), data);
    } catch (const OutputError& e) {
        std::string why = e.what(), shown = dir;
        while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
        if (auto at = why.find(staged.path()); at != std::string::npos) why.replace(at, staged.path().size(), shown);
        throw OutputError(why);
    }
}

}  // namespace

std::vector<WrittenFile> write_checklists(const std::string& dir, const std::vector<Checklist>& lists,
                                          const std::vector<Document>& docs, const std::string& format,
                                          const EmitOptions& opts) {
    if (format != "csv" && format != "md" && format != "json" && format != "html" && format != "xlsx")
        throw std::invalid_argument("unknown checklist format `" + format + "`");
    // Written into a staging directory and moved into place at the end, so a
    // run that fails half-way (a full disk, a kill) leaves the previous
    // checklists whole (io.hpp, StagedDir).
    StagedDir staged(dir);
    std::string ext = "." + format;
    std::vector<std::string> names;
    for (const auto& c : lists) names.push_back(c.name);
    std::vector<std::string> files = assign_file_names(names, ext);
    std::vector<WrittenFile> out;
    for (size_t i = 0; i < lists.size(); ++i) {
        require_plain_name(files[i]);
        write_staged(staged, dir, files[i], render_checklists({lists[i]}, docs, format, opts));
        out.push_back({lists[i].name, files[i]});
    }
    const std::string by = lists.empty() ? std::string() : lists.front().by;
    std::string index;
    if (format == "md") {
        index = std::string("# 清单索引\n\n") + (by == "province" ? "按省份" : "按单位") + "，共 " +
                std::to_string(lists.size()) + " 份。\n\n";
        for (size_t i = 0; i < lists.size(); ++i)
            index += "- [" + md_inline(lists[i].name) + "](<" + files[i] + ">) — " +
                     std::to_string(lists[i].items.size()) + " 项\n";
    } else if (format == "csv") {
        index = csv_preamble(opts.excel) +
                csv_record(labels("col", {"checklist", "file", "level", "items"}, opts.lang), opts.excel);
        for (size_t i = 0; i < lists.size(); ++i)
            index += csv_record({lists[i].name, files[i], label("level", lists[i].level, opts.lang),
                                 std::to_string(lists[i].items.size())},
                                opts.excel);
    } else if (format == "html") {
        std::string body = std::string("<h1>") + (opts.lang == "en" ? "Checklists" : "清单索引") + "</h1>\n<ol>\n";
        for (size_t i = 0; i < lists.size(); ++i)
            body += "<li><a href=\"" + html_escape(files[i]) + "\">" + html_escape(lists[i].name) + "</a>（" +
                    std::to_string(lists[i].items.size()) + "）</li>\n";
        index = html_page(opts.lang == "en" ? "Checklists" : "清单索引", opts.lang, body + "</ol>\n");
    } else if (format == "xlsx") {
        XlsxSheet sheet;
        sheet.name = opts.lang == "en" ? "Index" : "目录";
        sheet.header = labels("col", {"checklist", "file", "level", "items"}, opts.lang);
        for (size_t i = 0; i < lists.size(); ++i)
            sheet.rows.push_back({lists[i].name, files[i], label("level", lists[i].level, opts.lang),
                                  std::to_string(lists[i].items.size())});
        index = render_xlsx({sheet}, opts.lang);
    } else {
        Json arr = Json::array();
        for (size_t i = 0; i < lists.size(); ++i)
            arr.push_back(Json{{"name", lists[i].name},
                               {"file", files[i]},
                               {"level", lists[i].level},
                               {"items", lists[i].items.size()}});
        index = dump_pretty(Json{{"schema", "qingdan-checklist-index/1"}, {"by", by}, {"files", arr}});
    }
    write_staged(staged, dir, "index" + ext, index);
    staged.commit();
    return out;
}

}  // namespace qingdan
