// Traditional -> Simplified conversion (to_simplified) and the cheap script
// check that decides whether it runs (looks_traditional). See
// docs/normalisation.md.
#include "t2s.hpp"

#include <opencc/Config.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>

#include "normalise.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

using namespace std::string_view_literals;


// ---------------------------------------------------------------------------
// Traditional -> Simplified

// After t2s every 著 is left as 著 (OpenCC 1.1 dropped 著->着 because both
// are correct in some words). Traditional text writes the particle 着 as 著,
// so: 著 stays only in 著-words (著作, 著名, 显著 ...), else it becomes 着.
void fix_zhe(std::string& s) {
    static constexpr std::string_view kZhe = "著"sv;
    if (s.find(kZhe) == std::string::npos) return;
    static constexpr std::u32string_view kStrongPrev =
        U"随看接沿绕朝向带穿拿等听想说笑坐站躺走跑忙顺凭靠趁冲为本含味负载临挥跟盯守挂抱背举藏记瞒指试闹开亮活睡醒急忍衬奔围扶握捧戴跪骑唱读望盼护连满";
    static constexpr std::u32string_view kKeepNext = U"作名称述录书者有";
    static constexpr std::u32string_view kKeepPrev = U"显卓昭土名巨原专论编合译拙遗新大彰杰所撰宏力佳遗";
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    char32_t prev = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t cp = ustr::next(s, i);
        if (cp != U'著') {
            out.append(s, start, i - start);
            prev = cp;
            continue;
        }
        std::size_t j = i;
        char32_t next = j < s.size() ? ustr::next(s, j) : 0;
        char32_t next2 = j < s.size() ? ustr::next(s, j) : 0;
        bool keep;
        if (next == U'作' && (next2 == U'权' || next2 == U'者' || next2 == U'品'))
            keep = true;  // 著作权 / 著作者 / 著作品 whatever comes before
        else if (kStrongPrev.find(prev) != std::u32string_view::npos)
            keep = false;  // 随著 看著 沿著 本著 ...
        else if (kKeepNext.find(next) != std::u32string_view::npos ||
                 kKeepPrev.find(prev) != std::u32string_view::npos)
            keep = true;
        else
            keep = false;  // 著力 著手 著重 著眼 ...
        ustr::append(out, keep ? U'著' : U'着');
        prev = cp;
    }
    s = std::move(out);
}

// OpenCC's own Converter runs at about 1 MB/s here (marisa-trie lookups per
// character); the pipeline needs tens of MB/s. So OpenCC is used only to
// LOAD its dictionaries; the same algorithm (forward maximum matching
// segmentation on TSPhrases, then each conversion stage by maximum match,
// first dictionary of a group that matches wins) runs over hash maps here.
constexpr char32_t kTableSize = 0x30000;

class FastDict {
public:
    // `flags` is shared by up to 8 dictionaries: bit `bit` is set for every
    // code point that starts a key here. One 192 KB byte table stays in
    // cache where seven 768 KB root tables would not.
    FastDict(const opencc::Dict& dict, std::vector<std::uint8_t>& flags, unsigned bit)
        : flags_(flags), bit_(static_cast<std::uint8_t>(1u << bit)), root_(kTableSize, 0) {
        nodes_.push_back(-1);  // node 0 = "none"
        opencc::LexiconPtr lex = dict.GetLexicon();
        for (const auto& entry : *lex) {
            std::string key = entry->Key();
            // 著 alone is decided by fix_zhe() (TWVariantsRev would turn every
            // 著 outside its short exception list into 着: 土著 -> 土着).
            if (key.empty() || key == "著") continue;
            std::size_t i = 0;
            char32_t first = ustr::next(key, i);
            if (first >= kTableSize) continue;
            std::uint32_t node = root_[first];
            if (node == 0) {
                node = new_node();
                root_[first] = node;
                flags[first] |= bit_;
            }
            while (i < key.size()) {
                char32_t cp = ustr::next(key, i);
                auto [it, inserted] = edges_.try_emplace(edge(node, cp), 0);
                if (inserted) it->second = new_node();
                node = it->second;
            }
            if (nodes_[node] < 0) {
                nodes_[node] = static_cast<std::int32_t>(values_.size());
                values_.push_back(entry->GetDefault());
            }
        }
    }

    // Longest key at the start of `s`: its byte length and value, or 0.
    std::size_t match(std::string_view s, const std::string** value) const {
        std::size_t i = 0;
        char32_t first = ustr::next(s, i);
        if (first >= kTableSize || !(flags_[first] & bit_)) return 0;
        std::uint32_t node = root_[first];
        std::size_t best = 0;
        if (nodes_[node] >= 0) {
            best = i;
            *value = &values_[static_cast<std::size_t>(nodes_[node])];
        }
        while (i < s.size()) {
            char32_t cp = ustr::next(s, i);
            auto it = edges_.find(edge(node, cp));
            if (it == edges_.end()) break;
            node = it->second;
            if (nodes_[node] >= 0) {
                best = i;
                *value = &values_[static_cast<std::size_t>(nodes_[node])];
            }
        }
        return best;
    }

private:
    static std::uint64_t edge(std::uint32_t node, char32_t cp) {
        return (static_cast<std::uint64_t>(node) << 21) | cp;
    }
    std::uint32_t new_node() {
        nodes_.push_back(-1);
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    const std::vector<std::uint8_t>& flags_;
    std::uint8_t bit_;
    std::vector<std::uint32_t> root_;   // first code point -> trie node (0 = none)
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, cp) -> child
    std::vector<std::int32_t> nodes_;   // node -> index into values_, -1 = no key ends here
    std::vector<std::string> values_;
};

using DictGroupList = std::vector<const FastDict*>;

// One conversion stage over `in`: maximum match, first dictionary that
// matches wins (OpenCC's DictGroup::MatchPrefix). Returns whether anything
// was replaced by a different string.
bool convert_stage(const DictGroupList& group, std::string_view in, std::string& out) {
    bool changed = false;
    std::size_t i = 0;
    while (i < in.size()) {
        if (static_cast<unsigned char>(in[i]) < 0x80) {
            out.push_back(in[i++]);
            continue;
        }
        std::string_view rest = in.substr(i);
        std::size_t len = 0;
        const std::string* value = nullptr;
        for (const auto& d : group) {
            len = d->match(rest, &value);
            if (len) break;
        }
        if (len) {
            out += *value;
            changed = changed || in.compare(i, len, *value) != 0;
            i += len;
        } else {
            std::size_t j = i;
            ustr::next(in, j);
            out.append(in.data() + i, j - i);
            i = j;
        }
    }
    return changed;
}

class T2S {
public:
    std::string convert(std::string_view text) const {
        if (!stages_.empty()) return convert_fast(text);
        if (icu_) {
            std::unique_ptr<icu::Transliterator> t(icu_->clone());
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(
                icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
            t->transliterate(u);
            std::string out;
            u.toUTF8String(out);
            return out;
        }
        return std::string(text);
    }
    const std::string& engine() const { return engine_; }

    static const T2S& instance() {
        static const T2S t;  // loaded once, on first use; thread-safe
        return t;
    }

private:
    // True when some dictionary of `group` has a key starting inside `s`.
    static bool any_match(const DictGroupList& group, std::string_view s) {
        std::size_t i = 0;
        const std::string* value = nullptr;
        while (i < s.size()) {
            if (static_cast<unsigned char>(s[i]) >= 0x80) {
                for (const auto& d : group)
                    if (d->match(s.substr(i), &value)) return true;
            }
            ustr::next(s, i);
        }
        return false;
    }

    // The whole chain over one segment, the general way.
    void convert_segment(std::string_view segment, std::string& out) const {
        std::string a(segment), b;
        for (const auto& stage : stages_) {
            b.clear();
            convert_stage(stage, a, b);
            a.swap(b);
        }
        out += a;
    }

    std::string convert_fast(std::string_view text) const {
        std::string out;
        out.reserve(text.size());
        const FastDict& seg = *segmentation_;
        // With the chain [variants, TSPhrases+TSCharacters] and segments cut by
        // maximum match on TSPhrases, a segment the variant stage leaves alone
        // converts to the phrase's value (phrase segment) or character by
        // character through TSCharacters (TSPhrases matches nowhere inside a
        // run). Only segments touched by a variant go the general way.
        auto run = [&](std::size_t b, std::size_t e) {
            if (e <= b) return;
            std::string_view segment = text.substr(b, e - b);
            if (!fast_chain_ || any_match(stages_[0], segment))
                convert_segment(segment, out);
            else
                convert_stage(characters_, segment, out);
        };
        std::size_t i = 0, run_start = 0;
        const std::string* value = nullptr;
        while (i < text.size()) {
            if (static_cast<unsigned char>(text[i]) < 0x80) {
                ++i;
                continue;
            }
            std::size_t len = seg.match(text.substr(i), &value);
            if (len) {
                run(run_start, i);
                std::string_view segment = text.substr(i, len);
                if (!fast_chain_ || any_match(stages_[0], segment))
                    convert_segment(segment, out);
                else
                    out += *value;
                i += len;
                run_start = i;
            } else {
                ustr::next(text, i);
            }
        }
        run(run_start, text.size());
        return out;
    }

    T2S() {
        // OpenCC t2s with the Taiwan and Hong Kong variant tables first, so
        // that 衞, 綫 ... written the regional way are also converted.
        static constexpr const char* kConfig = R"({
  "name": "qingdan Traditional (any variant) to Simplified",
  "segmentation": { "type": "mmseg", "dict": { "type": "ocd2", "file": "TSPhrases.ocd2" } },
  "conversion_chain": [
    { "dict": { "type": "group", "dicts": [
        { "type": "ocd2", "file": "TWVariantsRevPhrases.ocd2" },
        { "type": "ocd2", "file": "HKVariantsRevPhrases.ocd2" },
        { "type": "ocd2", "file": "TWVariantsRev.ocd2" },
        { "type": "ocd2", "file": "HKVariantsRev.ocd2" } ] } },
    { "dict": { "type": "group", "dicts": [
        { "type": "ocd2", "file": "TSPhrases.ocd2" },
        { "type": "ocd2", "file": "TSCharacters.ocd2" } ] } }
  ]
})";
        for (const char* dir : {"/usr/share/opencc/", "/usr/local/share/opencc/",
                                "/opt/homebrew/share/opencc/"}) {
            try {
                opencc::Config config;
                opencc::ConverterPtr conv = config.NewFromString(kConfig, dir);
                if (conv && load(*conv)) {
                    engine_ = "OpenCC t2s+variants";
                    return;
                }
            } catch (...) {
            }
            stages_.clear();
            owned_.clear();
            fast_chain_ = false;
        }
        UErrorCode err = U_ZERO_ERROR;
        icu_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD,
                                                        err));
        if (U_FAILURE(err)) icu_.reset();
        engine_ = icu_ ? "ICU Traditional-Simplified" : "none";
    }

    bool load(const opencc::Converter& conv) {
        auto chain = conv.GetConversionChain();
        if (!chain) return false;
        flags_.assign(kTableSize, 0);
        unsigned bit = 0;
        auto mmseg = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(conv.GetSegmentation());
        if (!mmseg || !mmseg->GetDict()) return false;
        owned_.push_back(std::make_unique<FastDict>(*mmseg->GetDict(), flags_, bit++));
        segmentation_ = owned_.back().get();
        for (const auto& conversion : chain->GetConversions()) {
            DictGroupList group;
            auto dict = conversion->GetDict();
            std::list<opencc::DictPtr> dicts;
            if (auto g = std::dynamic_pointer_cast<opencc::DictGroup>(dict))
                dicts = g->GetDicts();
            else if (dict)
                dicts.push_back(dict);
            for (const auto& d : dicts) {
                if (bit >= 8) return false;
                owned_.push_back(std::make_unique<FastDict>(*d, flags_, bit++));
                group.push_back(owned_.back().get());
            }
            stages_.push_back(std::move(group));
        }
        // The fast path needs exactly our chain: [variants], [TSPhrases, TSCharacters].
        fast_chain_ = stages_.size() == 2 && stages_[1].size() == 2;
        if (fast_chain_) characters_ = {stages_[1][1]};
        return !stages_.empty();
    }

    std::vector<std::uint8_t> flags_;  // shared first-character table (see FastDict)
    std::vector<std::unique_ptr<FastDict>> owned_;
    std::vector<DictGroupList> stages_;
    const FastDict* segmentation_ = nullptr;
    DictGroupList characters_;  // TSCharacters alone (fast path)
    bool fast_chain_ = false;
    std::unique_ptr<icu::Transliterator> icu_;
    std::string engine_;
};

}  // namespace

const std::string& to_simplified_engine() { return T2S::instance().engine(); }

bool looks_traditional(std::string_view utf8) {
    // Cheap: a compiled-in set of Traditional-only and Simplified-only forms,
    // counted over (at most) the first few MB of Han characters.
    std::size_t trad = 0, simp = 0;
    std::size_t i = 0;
    const std::size_t limit = std::min<std::size_t>(utf8.size(), 4u << 20);
    while (i < limit) {
        if (static_cast<unsigned char>(utf8[i]) < 0xE4) {  // below U+4E00's lead byte
            ++i;
            continue;
        }
        char32_t cp = ustr::next(utf8, i);
        if (cp < 0x4E00 || cp > 0x9FFF) continue;
        if (script::is_traditional_only(cp))
            ++trad;
        else if (script::is_simplified_only(cp))
            ++simp;
        if (trad + simp >= 20000) break;
        // Stop early once one script leads by far more than any later text
        // could overturn in a document of this genre: most of the cost of a
        // Simplified file was this scan.
        if ((simp >= 256 && trad * 12 < simp) || (trad >= 256 && simp * 12 < trad)) break;
    }
    return trad > 0 && trad >= 3 * simp;
}

std::string to_simplified(std::string_view utf8) {
    const T2S& t2s = T2S::instance();
    std::string out;
    out.reserve(utf8.size());
    // Chunks of about 1 MB cut at line ends keep memory flat on big inputs.
    constexpr std::size_t kChunk = 1 << 20;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t end = std::min(utf8.size(), pos + kChunk);
        if (end < utf8.size()) {
            std::size_t nl = utf8.find('\n', end);
            end = nl == std::string_view::npos ? utf8.size() : nl + 1;
        }
        out += t2s.convert(utf8.substr(pos, end - pos));
        pos = end;
    }
    fix_zhe(out);
    return out;
}

}  // namespace qingdan
