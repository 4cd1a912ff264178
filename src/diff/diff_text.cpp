// Building blocks of `qingdan diff`: a character-level text diff over code
// points and the Hungarian algorithm for the one-to-one task matching.
#include <algorithm>
#include <cstdint>
#include <limits>

#include "diff.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// Full-width ASCII forms (：，；！？（） …) and the ideographic space compare
// equal to their ASCII counterparts: a document retyped with other
// punctuation widths has not been edited.
char32_t fold_width(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
    if (c == 0x3000) return U' ';
    return c;
}

// A string cut into code points (width-folded, for comparing), each
// remembered by its byte range so that runs can be copied back out of the
// original UTF-8 unchanged.
struct CodePoints {
    std::string_view src;
    std::vector<char32_t> cp;
    std::vector<size_t> at;  // byte offset of each code point, plus the end

    explicit CodePoints(std::string_view s) : src(s) {
        for (size_t i = 0; i < s.size();) {
            at.push_back(i);
            cp.push_back(fold_width(ustr::next(s, i)));
        }
        at.push_back(s.size());
    }
    size_t size() const { return cp.size(); }
    std::string_view slice(size_t from, size_t to) const { return src.substr(at[from], at[to] - at[from]); }
};

// One edit per code point (or per token), before runs are merged.
struct Step {
    TextEdit::Op op;
    size_t from, to;  // code point range in a (Equal, Delete) or b (Insert)
};

// Longest-common-subsequence script over two token sequences, where token
// k of a covers code points [ta[k], ta[k+1]). Plain O(n*m) table; callers
// keep n*m bounded.
template <class Eq>
void lcs_script(size_t n, size_t m, const std::vector<size_t>& ta, const std::vector<size_t>& tb, size_t a0,
                size_t b0, Eq eq, std::vector<Step>& out) {
    // len[i][j] = LCS of a[i..n) and b[j..m)
    std::vector<uint32_t> len((n + 1) * (m + 1), 0);
    auto L = [&](size_t i, size_t j) -> uint32_t& { return len[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            L(i, j) = eq(i, j) ? L(i + 1, j + 1) + 1 : std::max(L(i + 1, j), L(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && eq(i, j)) {
            out.push_back({TextEdit::Op::Equal, a0 + ta[i], a0 + ta[i + 1]});
            ++i, ++j;
        } else if (j < m && (i == n || L(i, j + 1) > L(i + 1, j))) {
            out.push_back({TextEdit::Op::Insert, b0 + tb[j], b0 + tb[j + 1]});
            ++j;
        } else {
            out.push_back({TextEdit::Op::Delete, a0 + ta[i], a0 + ta[i + 1]});
            ++i;
        }
    }
}

bool sentence_end(char32_t c) {
    // Code points are width-folded: ；！？ arrive as ; ! ?
    return c == U'。' || c == U'\n' || c == U';' || c == U'!' || c == U'?';
}

// Token boundaries: every code point, or (for long texts) every sentence.
std::vector<size_t> tokens(const std::vector<char32_t>& cp, size_t from, size_t to, bool sentences) {
    std::vector<size_t> t{0};
    for (size_t k = from; k < to; ++k)
        if (!sentences || sentence_end(cp[k]) || k + 1 == to) t.push_back(k + 1 - from);
    return t;
}

struct Run {
    TextEdit::Op op;
    std::string text;
    size_t len = 0;  // code points
};

// Runs alternate between equalities and changes; a change is a deletion
// and/or an insertion. Semantic cleanup (after diff-match-patch): an
// equality no longer than the changes on both of its sides is folded into
// them, since a one- or two-character match inside rewritten Chinese text
// is noise, not information.
struct Change {
    std::string del, ins;
    size_t del_len = 0, ins_len = 0;
    size_t size() const { return std::max(del_len, ins_len); }
};

struct Segment {
    bool equal;
    std::string text;  // equal
    size_t len = 0;
    Change change;     // !equal
};

std::vector<TextEdit> cleanup(std::vector<Segment> segs) {
    bool again = true;
    while (again) {
        again = false;
        for (size_t k = 1; k + 1 < segs.size(); ++k) {
            if (!segs[k].equal || segs[k - 1].equal || segs[k + 1].equal) continue;
            const Change& before = segs[k - 1].change;
            const Change& after = segs[k + 1].change;
            if (segs[k].len > before.size() || segs[k].len > after.size()) continue;
            Change merged;
            merged.del = before.del + segs[k].text + after.del;
            merged.ins = before.ins + segs[k].text + after.ins;
            merged.del_len = before.del_len + segs[k].len + after.del_len;
            merged.ins_len = before.ins_len + segs[k].len + after.ins_len;
            segs[k - 1].change = std::move(merged);
            segs.erase(segs.begin() + static_cast<long>(k), segs.begin() + static_cast<long>(k) + 2);
            again = true;
            break;
        }
    }
    std::vector<TextEdit> out;
    for (auto& s : segs) {
        if (s.equal) {
            if (!s.text.empty()) out.push_back({TextEdit::Op::Equal, std::move(s.text)});
            continue;
        }
        if (!s.change.del.empty()) out.push_back({TextEdit::Op::Delete, std::move(s.change.del)});
        if (!s.change.ins.empty()) out.push_back({TextEdit::Op::Insert, std::move(s.change.ins)});
    }
    return out;
}

}  // namespace

std::vector<TextEdit> diff_text(std::string_view a_s, std::string_view b_s) {
    CodePoints a(a_s), b(b_s);
    size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a.cp[pre] == b.cp[pre]) ++pre;
    size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a.cp[a.size() - 1 - suf] == b.cp[b.size() - 1 - suf]) ++suf;
    const size_t a_end = a.size() - suf, b_end = b.size() - suf;

    std::vector<Step> steps;
    if (pre > 0) steps.push_back({TextEdit::Op::Equal, 0, pre});
    const size_t n = a_end - pre, m = b_end - pre;
    constexpr size_t kMaxCells = size_t{6} * 1000 * 1000;
    if (n > 0 && m > 0) {
        bool sentences = (n + 1) * (m + 1) > kMaxCells;
        auto ta = tokens(a.cp, pre, a_end, sentences);
        auto tb = tokens(b.cp, pre, b_end, sentences);
        size_t tn = ta.size() - 1, tm = tb.size() - 1;
        if ((tn + 1) * (tm + 1) > kMaxCells) {
            steps.push_back({TextEdit::Op::Delete, pre, a_end});
            steps.push_back({TextEdit::Op::Insert, pre, b_end});
        } else if (!sentences) {
            lcs_script(tn, tm, ta, tb, pre, pre, [&](size_t i, size_t j) { return a.cp[pre + i] == b.cp[pre + j]; },
                       steps);
        } else {
            auto eq = [&](size_t i, size_t j) {
                return std::equal(a.cp.begin() + static_cast<long>(pre + ta[i]),
                                  a.cp.begin() + static_cast<long>(pre + ta[i + 1]),
                                  b.cp.begin() + static_cast<long>(pre + tb[j]),
                                  b.cp.begin() + static_cast<long>(pre + tb[j + 1]));
            };
            lcs_script(tn, tm, ta, tb, pre, pre, eq, steps);
        }
    } else if (n > 0) {
        steps.push_back({TextEdit::Op::Delete, pre, a_end});
    } else if (m > 0) {
        steps.push_back({TextEdit::Op::Insert, pre, b_end});
    }
    if (suf > 0) steps.push_back({TextEdit::Op::Equal, a_end, a.size()});

    // Steps -> alternating equal / change segments.
    std::vector<Segment> segs;
    for (const auto& s : steps) {
        if (s.from == s.to) continue;
        if (s.op == TextEdit::Op::Equal) {
            if (segs.empty() || !segs.back().equal) segs.push_back({true, {}, 0, {}});
            segs.back().text += a.slice(s.from, s.to);
            segs.back().len += s.to - s.from;
        } else {
            if (segs.empty() || segs.back().equal) segs.push_back({false, {}, 0, {}});
            Change& c = segs.back().change;
            if (s.op == TextEdit::Op::Delete) {
                c.del += a.slice(s.from, s.to);
                c.del_len += s.to - s.from;
            } else {
                c.ins += b.slice(s.from, s.to);
                c.ins_len += s.to - s.from;
            }
        }
    }
    return cleanup(std::move(segs));
}

bool same_text(std::string_view a, std::string_view b) {
    if (a == b) return true;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size())
        if (fold_width(ustr::next(a, i)) != fold_width(ustr::next(b, j))) return false;
    return i == a.size() && j == b.size();
}

std::string render_edits(const std::vector<TextEdit>& edits) {
    std::string out;
    for (const auto& e : edits) {
        switch (e.op) {
            case TextEdit::Op::Equal: out += e.text; break;
            case TextEdit::Op::Delete: out += "[-" + e.text + "-]"; break;
            case TextEdit::Op::Insert: out += "{+" + e.text + "+}"; break;
        }
    }
    return out;
}

// Kuhn-Munkres with potentials, O(n^2 m) for n rows <= m columns.
std::vector<int> hungarian(const std::vector<std::vector<double>>& cost) {
    const size_t rows = cost.size();
    if (rows == 0) return {};
    const size_t cols = cost[0].size();
    if (cols == 0) return std::vector<int>(rows, -1);
    if (rows > cols) {
        std::vector<std::vector<double>> t(cols, std::vector<double>(rows));
        for (size_t i = 0; i < rows; ++i)
            for (size_t j = 0; j < cols; ++j) t[j][i] = cost[i][j];
        std::vector<int> col_of = hungarian(t);
        std::vector<int> out(rows, -1);
        for (size_t j = 0; j < cols; ++j)
            if (col_of[j] >= 0) out[static_cast<size_t>(col_of[j])] = static_cast<int>(j);
        return out;
    }
    const double inf = std::numeric_limits<double>::infinity();
    const size_t n = rows, m = cols;
    // 1-based as in the classic formulation; p[j] = row matched to column j.
    std::vector<double> u(n + 1, 0), v(m + 1, 0);
    std::vector<size_t> p(m + 1, 0), way(m + 1, 0);
    for (size_t i = 1; i <= n; ++i) {
        p[0] = i;
        size_t j0 = 0;
        std::vector<double> minv(m + 1, inf);
        std::vector<char> used(m + 1, 0);
        do {
            used[j0] = 1;
            const size_t i0 = p[j0];
            double delta = inf;
            size_t j1 = 0;
            for (size_t j = 1; j <= m; ++j) {
                if (used[j]) continue;
                const double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= m; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> out(n, -1);
    for (size_t j = 1; j <= m; ++j)
        if (p[j] != 0) out[p[j] - 1] = static_cast<int>(j - 1);
    return out;
}

}  // namespace qingdan
