// Scope clauses (qingdan/values.hpp): 省份：各类省份必做 -> {province, 各类省份, mandatory}.
// Rules: docs/extraction.md.

#include "values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "values_internal.hpp"

namespace qingdan {

using namespace values_detail;

namespace {

// ---------------------------------------------------------------------------
// Scope

struct TierWord {
    u32v word;
    const char* tier;
};
constexpr TierWord kTierPrefixes[] = {{U"省份", "province"},
                                                    {U"城市", "city"},
                                                    {U"县域", "county"},
                                                    {U"县区", "county"},
                                                    {U"县", "county"},
                                                    {U"园区", "park"}};

// Tier from the category's head noun; nullptr when it has none (引领型).
const char* head_tier(u32v who) {
    static constexpr TierWord heads[] = {{U"自治区", "province"},
                                                       {U"直辖市", "province"},
                                                       {U"兵团", "province"},
                                                       {U"省份", "province"},
                                                       {U"省", "province"},
                                                       {U"城市", "city"},
                                                       {U"地市", "city"},
                                                       {U"市", "city"},
                                                       {U"县域", "county"},
                                                       {U"县区", "county"},
                                                       {U"县", "county"},
                                                       {U"区县", "county"},
                                                       {U"园区", "park"},
                                                       {U"开发区", "park"},
                                                       {U"高新区", "park"},
                                                       {U"集聚区", "park"}};
    // strip a trailing parenthesis: 县（市、区）
    while (!who.empty() && (who.back() == U'）' || who.back() == U')')) {
        auto p = who.find_last_of(U"（(");
        if (p == u32v::npos) break;
        who = who.substr(0, p);
    }
    for (const auto& h : heads)
        if (who.size() >= h.word.size() && who.substr(who.size() - h.word.size()) == h.word)
            return h.tier;
    return nullptr;
}

bool is_scope_sep(char32_t c) {
    return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'。' || c == U'：' ||
           c == U':' || c == U' ';
}

// Splits 各省份、国家知识产权强市建设示范城市 at 、 where both sides have a
// head noun; a part without one (引领型) belongs to the next.
std::vector<u32v> split_categories(u32v who) {
    std::vector<u32v> parts;
    std::size_t ps = 0;
    std::size_t acc = 0;  // start of the part being accumulated
    for (std::size_t i = 0; i <= who.size(); ++i) {
        if (i == who.size() || who[i] == U'、') {
            u32v part = who.substr(ps, i - ps);
            if (i == who.size() || head_tier(part)) {
                parts.push_back(who.substr(acc, i - acc));
                acc = i + 1;
            }
            ps = i + 1;
        }
    }
    return parts;
}

// One entry per category in `who` with `obligation`, skipping duplicates.
void add_categories(u32v who, const char* obligation, const char* prefix_tier, const std::string& text,
                    std::vector<Scope>& out) {
    for (u32v p : split_categories(who)) {
        const char* tier = head_tier(p);
        if (!tier) tier = prefix_tier;
        if (!tier) continue;
        std::string w = p.empty() ? std::string() : encode(p);
        if (w.empty()) {
            // "省份：必做": the category is the prefix itself
            for (const auto& tp : kTierPrefixes)
                if (std::string_view(tp.tier) == tier) {
                    w = encode(tp.word);
                    break;
                }
        }
        bool dup = false;
        for (const auto& o : out)
            if (o.who == w && o.obligation == obligation) dup = true;
        if (dup) continue;
        out.push_back(Scope{tier, w, obligation, text});
    }
}

void parse_body(u32v s, std::size_t clause_st, std::size_t body_st, std::size_t body_en,
                const char* prefix_tier, std::vector<Scope>& out) {
    // markers 必做 / 选做 inside the body
    struct Hit {
        std::size_t who_st, who_en;
        const char* obligation;
    };
    std::vector<Hit> hits;
    std::size_t seg = body_st;
    for (std::size_t i = body_st; i + 2 <= body_en; ++i) {
        const char* ob = nullptr;
        if (at(s, i, U"必做")) ob = "mandatory";
        else if (at(s, i, U"选做")) ob = "optional";
        if (!ob) continue;
        hits.push_back({seg, i, ob});
        seg = i + 2;
        i += 1;
    }
    if (hits.empty()) return;
    std::size_t text_en = hits.back().who_en + 2;
    std::string text = encode(s.substr(clause_st, text_en - clause_st));
    for (const auto& h : hits) {
        std::size_t a = h.who_st, b = h.who_en;
        while (a < b && (is_scope_sep(s[a]) || s[a] == U'、')) ++a;
        while (b > a && (is_scope_sep(s[b - 1]) || s[b - 1] == U'、')) --b;
        add_categories(s.substr(a, b - a), h.obligation, prefix_tier, text, out);
    }
}


}  // namespace

std::vector<Scope> parse_scope_clause(std::string_view text) {
    std::vector<Scope> out;
    // fast path: 必 or 选 must be there (必做 may be broken by a line wrap)
    if (text.find("必") == std::string_view::npos && text.find("选") == std::string_view::npos)
        return out;
    std::vector<bool> ws;
    u32 s = decode_compact(text, &ws);
    if (s.find(U"必做") == u32::npos && s.find(U"选做") == u32::npos) return out;
    // clause prefixes: 省份： 城市： 县： 园区： at the start, after
    // whitespace or punctuation, or right after a previous 必做/选做
    struct Prefix {
        std::size_t start, body;
        const char* tier;
    };
    std::vector<Prefix> prefixes;
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (const auto& tp : kTierPrefixes) {
            if (!at(s, i, tp.word)) continue;
            std::size_t j = i + tp.word.size();
            while (j < s.size() && s[j] == U' ') ++j;
            if (j >= s.size() || (s[j] != U'：' && s[j] != U':')) continue;
            bool boundary = i == 0 || ws[i] || is_punct(s[i - 1]) || ends_at(s, i, U"必做") ||
                            ends_at(s, i, U"选做");
            if (!boundary) continue;
            prefixes.push_back({i, j + 1, tp.tier});
            i = j;
            break;
        }
    }
    if (prefixes.empty()) {
        parse_body(s, 0, 0, s.size(), nullptr, out);
        return out;
    }
    for (std::size_t k = 0; k < prefixes.size(); ++k) {
        std::size_t end = k + 1 < prefixes.size() ? prefixes[k + 1].start : s.size();
        parse_body(s, prefixes[k].start, prefixes[k].body, end, prefixes[k].tier, out);
    }
    return out;
}


}  // namespace qingdan
