// Column roles, cell shapes and row alignment for column tables (see
// column_table.hpp). The words are the grammar's; the weights below say
// which shapes each role accepts.
#include "column_table.hpp"

#include <cstdlib>
#include <limits>

#include "pattern.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

struct RoleKey {
    const char* key;
    Col col;
};
// Tried in order: the first vocabulary that names a column decides.
constexpr RoleKey kRoleKeys[] = {
    {"column_number", Col::Number},   {"column_title", Col::Title},           {"column_measure", Col::Measure},
    {"column_units", Col::Units},     {"column_lead", Col::Lead},             {"column_support", Col::Support},
    {"column_completion", Col::Completion}, {"column_output", Col::Output},   {"column_scope", Col::Scope},
    {"column_person", Col::Person},   {"column_category", Col::Category}, {"column_ignore", Col::Ignore},
};

bool text_column(Col c) { return c == Col::Title || c == Col::Measure; }
bool anchor_column(Col c) { return c == Col::Number || c == Col::Units || c == Col::Lead || c == Col::Support; }

// A header name is a label, not a sentence.
bool short_name(const std::string& n) {
    return !n.empty() && ustr::length(n) <= 12 && n.find("。") == std::string::npos && n.find("，") == std::string::npos;
}

}  // namespace

std::optional<Col> ColumnVocabulary::role_of(const std::string& name) const {
    if (name.empty()) return std::nullopt;
    std::string s = ustr::squeeze(name);
    for (const auto& k : kRoleKeys)
        if (const Pattern* p = g_.pattern(k.key); p && p->matches(s)) return k.col;
    return std::nullopt;
}

std::vector<Col> ColumnVocabulary::header(const std::vector<std::string>& names) const {
    if (names.size() < 2) return {};
    std::vector<Col> out;
    size_t known = 0;
    bool text = false, anchor = false;
    for (const auto& n : names) {
        if (!short_name(n)) return {};
        auto c = role_of(n);
        known += c.has_value();
        out.push_back(c.value_or(Col::Ignore));
        text = text || (c && text_column(*c));
        anchor = anchor || (c && anchor_column(*c));
    }
    // Unknown names are tolerated beside enough known ones (进展情况 …).
    if (!text || !anchor || known < 2 || 2 * known < names.size()) return {};
    return out;
}

Shape ColumnVocabulary::shape(const std::string& cell) const {
    std::string t = ustr::trim(cell);
    if (t.empty()) return Shape::Empty;
    if (row_number(t)) return Shape::Number;
    auto is = [&](const char* key) {
        const Pattern* p = g_.pattern(key);
        return p && p->matches(t);
    };
    const size_t n = ustr::length(t);
    if (n <= 24 && is("shape_completion")) return Shape::Completion;
    if (n <= 120 && (is("shape_units") || unit_list(t))) return Shape::Units;
    if (n <= 24 && is("shape_person")) return Shape::Person;
    if (n > 12 || t.find("。") != std::string::npos || t.find("，") != std::string::npos) return Shape::Text;
    return Shape::Short;
}

bool ColumnVocabulary::unit_list(const std::string& t) const {
    const Pattern* name = g_.pattern("shape_unit_name");
    if (!name) return false;
    size_t parts = 0, units = 0;
    for (size_t b = 0; b <= t.size();) {
        size_t e = b;
        for (const char* sep : {"、", "，", "；", ",", ";"})
            if (size_t f = t.find(sep, b); f != std::string::npos && (e == b || f < e)) e = f;
        if (e == b) e = t.size();
        std::string part = ustr::trim(t.substr(b, e - b));
        if (!part.empty()) ++parts, units += name->matches(part);
        if (e == t.size()) break;
        b = e + (t[e] == ',' || t[e] == ';' ? 1 : 3);
    }
    return parts >= 2 && units >= 2 && 3 * units >= 2 * parts;
}

std::optional<int> ColumnVocabulary::row_number(const std::string& cell) const {
    const Pattern* p = g_.pattern("row_number");
    auto m = p ? p->find(cell) : std::nullopt;
    if (!m) return std::nullopt;
    return ustr::outline_last(m->groups[1]);  // 2.1.3 -> 3: its place among its siblings
}

size_t ColumnVocabulary::depth(const std::string& cell) const {
    const Pattern* p = g_.pattern("row_number");
    auto m = p ? p->find(cell) : std::nullopt;
    return m ? ustr::outline_depth(m->groups[1]) : 0;
}

double fit(Col c, Shape s) {
    switch (c) {
        case Col::Title:
        case Col::Measure:
        case Col::Output:
            return s == Shape::Text ? 2 : s == Shape::Short ? 1 : s == Shape::Number ? 0 : -1.5;
        case Col::Units:
        case Col::Lead:
        case Col::Support:
            return s == Shape::Units ? 3 : s == Shape::Short ? 0.5 : -2;
        case Col::Completion:
            return s == Shape::Completion ? 3 : s == Shape::Short ? 0.5 : -2;
        case Col::Person:
            return s == Shape::Person ? 3 : s == Shape::Short ? 0.5 : -2;
        case Col::Scope:
        case Col::Category:
            return s == Shape::Short ? 0.5 : -1;
        case Col::Ignore:
            return s == Shape::Text ? 1 : s == Shape::Units ? -0.5 : 0.5;
        case Col::Number:
            return s == Shape::Number ? 3 : -3;
    }
    return 0;
}

std::vector<size_t> align_cells(const std::vector<Col>& cols, const std::vector<Shape>& cells) {
    const size_t n = cells.size(), m = cols.size();
    if (n == 0 || m == 0) return std::vector<size_t>(n, 0);
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    constexpr double kWrap = 1.0;  // each extra cell in one column (a wrap)
    // best[i][j]: cells [0,i) placed on columns [0,j); from[i][j]: where
    // column j-1's run began (i when column j-1 got nothing).
    std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, kNone));
    std::vector<std::vector<size_t>> from(n + 1, std::vector<size_t>(m + 1, 0));
    best[0][0] = 0;
    for (size_t j = 0; j < m; ++j)
        for (size_t i = 0; i <= n; ++i) {
            if (best[i][j] == kNone) continue;
            // Column j empty; on a tie the cell stays in the earlier column.
            if (best[i][j] >= best[i][j + 1]) best[i][j + 1] = best[i][j], from[i][j + 1] = i;
            double run = 0;
            for (size_t k = i; k < n; ++k) {  // cells [i,k] in column j
                run += fit(cols[j], cells[k]) - (k > i ? kWrap : 0);
                if (best[i][j] + run > best[k + 1][j + 1]) best[k + 1][j + 1] = best[i][j] + run, from[k + 1][j + 1] = i;
            }
        }
    std::vector<size_t> out(n, m - 1);
    for (size_t i = n, j = m; j > 0; --j) {
        size_t b = from[i][j];
        for (size_t k = b; k < i; ++k) out[k] = j - 1;
        i = b;
    }
    return out;
}

Col meaning(const std::vector<Col>& cols, size_t c) {
    if (cols[c] != Col::Title) return cols[c];
    for (Col x : cols)
        if (x == Col::Measure) return Col::Title;
    return Col::Measure;
}

}  // namespace qingdan
