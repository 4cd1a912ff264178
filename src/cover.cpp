// The cover notice (印发通知) and title block: notice title, 发文字号,
// issuer, dates, addressees, where the plan's own text starts.
#include <optional>
#include <string>

#include <fmt/format.h>

#include "pattern.hpp"
#include "qingdan/segment.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

std::optional<std::string> group(const Pattern* p, std::string_view s, size_t g = 1) {
    if (!p) return std::nullopt;
    auto m = p->find(s);
    if (!m || m->groups.size() <= g || m->begin[g] < 0) return std::nullopt;
    return m->groups[g];
}

std::optional<std::string> iso_date(const std::string& y, const std::string& m, const std::string& d) {
    int yy = std::atoi(y.c_str()), mm = std::atoi(m.c_str()), dd = std::atoi(d.c_str());
    if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return std::nullopt;
    return fmt::format("{:04d}-{:02d}-{:02d}", yy, mm, dd);
}

// Splits an addressee line at ，；; and, where every piece of a 、-list is a
// separate body (no 省/自治区 run), at 、 too.
std::vector<std::string> split_addressees(const std::string& s) {
    std::vector<std::string> parts;
    std::string cur;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c = ustr::next(s, i);
        if (c == U'，' || c == U'；' || c == U';' || c == U',') {
            if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
            cur.clear();
        } else {
            cur.append(s, at, i - at);
        }
    }
    if (!ustr::trim(cur).empty()) parts.push_back(ustr::trim(cur));
    return parts;
}


}  // namespace

Cover read_cover(const std::vector<Line>& lines, const Grammar& g) {
    Cover c;
    const Pattern* notice = g.pattern("notice_title");
    const Pattern* docno = g.pattern("doc_number");
    const Pattern* published = g.pattern("published");
    const Pattern* date = g.pattern("signature_date");
    const Pattern* addressee = g.pattern("addressee_line");
    const Pattern* skip = g.pattern("skip_line");
    const size_t head = std::min<size_t>(lines.size(), 60);

    // The notice title names the plan it issues: 关于印发《X》的通知.
    size_t notice_at = lines.size();
    for (size_t i = 0; i < head && notice_at == lines.size(); ++i) {
        auto m = notice ? notice->find(lines[i].text) : std::nullopt;
        if (!m) continue;
        notice_at = i;
        c.notice_title = lines[i].text;
        std::string plan = m->groups[2];
        if (ustr::starts_with(plan, "《") && ustr::ends_with(plan, "》"))
            plan = plan.substr(3, plan.size() - 6);
        c.title = plan;
        if (!m->groups[1].empty()) c.issuer = m->groups[1];
    }
    if (notice_at == lines.size()) {
        // No notice: the title is the first line that is not furniture,
        // unless the text starts straight with a heading or an item.
        for (size_t i = 0; i < head; ++i) {
            const std::string& t = lines[i].text;
            if (skip && skip->matches(t)) continue;
            bool numbered = false;
            for (const char* key : {"level1", "level2", "item"})
                if (const Pattern* p = g.pattern(key); p && p->matches(t)) numbered = true;
            if (numbered) break;
            if (t.find("。") != std::string::npos || ustr::length(t) > 60) break;
            c.title = ustr::squeeze(t);
            c.body_start = i + 1;
            break;
        }
        return c;
    }
    // Scan the notice up to the plan's own title line.
    size_t title_at = lines.size();
    for (size_t i = notice_at + 1; i < lines.size(); ++i) {
        const std::string& t = lines[i].text;
        if (c.title && ustr::squeeze(t) == ustr::squeeze(*c.title)) {
            title_at = i;
            break;
        }
        if (auto p = group(published, t)) {
            if (auto m = published->find(t)) c.published = iso_date(m->groups[1], m->groups[2], m->groups[3]);
            continue;
        }
        if (!c.doc_number)
            if (auto d = group(docno, t)) {
                c.doc_number = *d;
                continue;
            }
        if (auto m = date ? date->find(t) : std::nullopt) {
            c.issued = iso_date(m->groups[1], m->groups[2], m->groups[3]);
            continue;
        }
        if (c.addressees.empty() && addressee && addressee->matches(t) && t.find("。") == std::string::npos) {
            std::string s = t.substr(0, t.size() - 3);  // drop the final ：
            c.addressees = split_addressees(s);
            continue;
        }
        c.notice_text.push_back(lines[i]);
    }
    c.body_start = title_at < lines.size() ? title_at + 1 : notice_at + 1;
    if (title_at == lines.size()) c.notice_text.clear();  // title never found: notice unknown
    return c;
}

}  // namespace qingdan
