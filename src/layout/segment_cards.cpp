// Task cards: one task per block of labelled values, as supervision pages
// and progress reports print them —
//     牵头单位:市医保局、市人社局 任务编号:80
//     重点工作 | 开展社保扩面提质行动…
//     完成时限 | 2023年12月底
//     本月进展 | …
// The labels are the column vocabulary of a column table (a card is a table
// row printed with its header beside each cell); a label met again in the
// same card starts the next card. Values under Ignore labels (进展, 说明)
// are dropped.
#include <map>
#include <string>
#include <vector>

#include "column_table.hpp"
#include "section_builder.hpp"
#include "segmenters.hpp"

namespace qingdan {
namespace {

struct Card {
    std::map<Col, std::string> values;
    std::string number;
    Line first{};
    bool any = false;
};

class CardReader {
public:
    CardReader(const Grammar& g) : vocab_(g) {}

    void line(const Line& l) {
        if (l.text.find('\t') != std::string::npos) {
            for (const auto& c : split(l.text, '\t')) token(c, l);
            return;
        }
        if (vocab_.role_of(l.text)) return label(l.text, l);
        if (!pairs(l.text, l)) value(l.text, l);
    }

    std::vector<Card> finish() {
        close();
        return std::move(cards_);
    }

    size_t labels() const { return labels_; }

private:
    static std::vector<std::string> split(const std::string& s, char sep) {
        std::vector<std::string> out;
        size_t start = 0;
        for (size_t t; (t = s.find(sep, start)) != std::string::npos; start = t + 1)
            if (t > start) out.push_back(ustr::trim(s.substr(start, t - start)));
        if (start < s.size()) out.push_back(ustr::trim(s.substr(start)));
        return out;
    }

    void token(const std::string& t, const Line& l) {
        if (vocab_.role_of(t)) label(t, l);
        else if (!pairs(t, l)) value(t, l);
    }

    // `牵头单位:A、B任务编号:80` (the space between pairs may be lost): each
    // colon preceded by a known label opens a value running to the next.
    bool pairs(const std::string& t, const Line& l) {
        struct Key {
            size_t begin, colon, after;
        };
        std::vector<Key> keys;
        for (size_t i = 0; i < t.size();) {
            size_t at = i;
            char32_t c = ustr::next(t, i);
            if (c != ':' && c != U'：') continue;
            // The longest known label ending at the colon (2-6 characters).
            std::vector<size_t> starts;
            for (size_t b = at; b > 0 && starts.size() < 6;) {
                b = ustr::char_start(t, b);
                starts.push_back(b);
            }
            for (auto b = starts.rbegin(); b != starts.rend(); ++b)
                if ((keys.empty() || *b >= keys.back().after) && vocab_.role_of(t.substr(*b, at - *b))) {
                    keys.push_back({*b, at, i});
                    break;
                }
        }
        if (keys.empty() || keys.front().begin != 0) return false;
        for (size_t k = 0; k < keys.size(); ++k) {
            size_t end = k + 1 < keys.size() ? keys[k + 1].begin : t.size();
            label(t.substr(keys[k].begin, keys[k].colon - keys[k].begin), l);
            value(ustr::trim(t.substr(keys[k].after, end - keys[k].after)), l);
        }
        return true;
    }

    void label(const std::string& name, const Line& l) {
        Col c = *vocab_.role_of(name);
        ++labels_;
        if (cur_.values.count(c) || (c == Col::Number && !cur_.number.empty())) close();
        if (!cur_.any) cur_.first = l, cur_.any = true;
        label_ = c;
        if (c != Col::Number) cur_.values[c];  // seen, even if its value is empty
    }

    void value(const std::string& t, const Line& l) {
        if (!label_ || t.empty()) return;
        if (*label_ == Col::Number) {
            if (vocab_.row_number(t)) cur_.number = t;
            return;
        }
        std::string& dst = cur_.values[*label_];
        if (!dst.empty()) dst += '\n';
        dst += t;
        cur_.first.line_end = std::max(cur_.first.line_end, l.line_end);
    }

    void close() {
        if (cur_.any) cards_.push_back(std::move(cur_));
        cur_ = Card{};
        label_.reset();
    }

    ColumnVocabulary vocab_;
    Card cur_;
    std::optional<Col> label_;
    std::vector<Card> cards_;
    size_t labels_ = 0;
};

bool has_text(const Card& c) {
    for (Col want : {Col::Title, Col::Measure})
        if (auto it = c.values.find(want); it != c.values.end() && !it->second.empty()) return true;
    return false;
}

void emit(const Card& c, Builder& b) {
    RawItem& it = b.open_item(c.first);
    it.span.line_end = c.first.line_end;
    if (!c.number.empty()) {
        it.label = c.number;
        it.printed = std::atoi(c.number.c_str());
    }
    const bool measure = c.values.count(Col::Measure) > 0;
    auto add = [&](CellKind kind, Col col, const char* role = "") {
        if (auto v = c.values.find(col); v != c.values.end() && !v->second.empty())
            it.cells.push_back({kind, v->second, c.first.line_start, role});
    };
    // A card without a measure field: its task name is the task's text.
    for (const auto& src : kCellOrder)
        add(src.col == Col::Title && !measure ? CellKind::Measure : src.kind, src.col, src.role);
    b.close_item();
}

}  // namespace

bool segment_cards(const std::vector<Line>& lines, const Grammar& g, Skeleton& /*sk*/, Builder& b) {
    CardReader r(g);
    for (const auto& l : lines) r.line(l);  // labels make cards; the cover has none
    const size_t labels = r.labels();
    std::vector<Card> cards = r.finish();
    size_t tasks = 0;
    for (const auto& c : cards) tasks += has_text(c);
    if (labels < 3 || tasks == 0) return false;
    for (const auto& c : cards)
        if (has_text(c)) emit(c, b);
    return true;
}

}  // namespace qingdan
