// The regex prefilter (src/regex_prefilter.cpp): what it derives from the
// grammar rules, and that it never rejects a subject ICU would match —
// checked by compiling the whole corpus, Simplified and Traditional, with
// the matcher run behind every rejection.
#include <catch2/catch.hpp>
#include <opencc/opencc.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "pattern.hpp"
#include "grammar.hpp"
#include "qingdan/pipeline.hpp"
#include "regex_prefilter.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace qingdan;

namespace {

using qingdan::test::kRoot;

using qingdan::test::slurp;

bool has_first(const RegexPrefilter& f, char32_t c) {
    return std::find(f.first.begin(), f.first.end(), c) != f.first.end();
}

struct VerifyScope {
    VerifyScope() { Pattern::set_verify_prefilter(true); }
    ~VerifyScope() { Pattern::set_verify_prefilter(false); }
};

}  // namespace

TEST_CASE("prefilter: anchored headings need their first character", "[prefilter]") {
    auto f = RegexPrefilter::analyse(R"(^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(\S.*)$)");
    CHECK(f.anchored);
    CHECK(f.first.size() == 10);
    CHECK(f.may_match("一、总体要求"));
    CHECK_FALSE(f.may_match("各地区要加强保护。"));
    CHECK_FALSE(f.may_match("（一）完善制度"));

    auto paren = RegexPrefilter::analyse(R"(^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\S.*)$)");
    CHECK(paren.anchored);
    CHECK(paren.first == std::vector<char32_t>{U'(', U'（'});

    // \d is ICU's \p{Nd}: full-width and other scripts' digits included.
    auto item = RegexPrefilter::analyse(R"(^(\d{1,3})\s*[.．、](?![\d])\s*(.*)$)");
    CHECK(item.anchored);
    CHECK(has_first(item, U'7'));
    CHECK(has_first(item, U'７'));
    CHECK(item.may_match("12．推进"));
    CHECK_FALSE(item.may_match("推进12."));
}

TEST_CASE("prefilter: optional leading elements widen the first set", "[prefilter]") {
    auto f = RegexPrefilter::analyse(R"(^\s*局内\s*[:：])");
    CHECK(f.anchored);
    CHECK(has_first(f, U'局'));
    CHECK(has_first(f, U' '));
    CHECK(has_first(f, U'\u3000'));
    CHECK(f.required == std::vector<std::vector<std::string>>{{"局内"}, {":", "："}});
    CHECK(f.may_match("  局内：保护司"));
    CHECK_FALSE(f.may_match("保护司局内：x"));
}

TEST_CASE("prefilter: rules anchored at the end need their last character", "[prefilter]") {
    auto prose = RegexPrefilter::analyse(R"(^[^\t]*。$)");
    CHECK(prose.end_anchored);
    CHECK(prose.last == std::vector<char32_t>{U'。'});
    CHECK(prose.may_match("加强知识产权保护。"));
    CHECK_FALSE(prose.may_match("加强知识产权保护"));
    CHECK_FALSE(prose.may_match("加强知识产权保护。\t年内"));
    CHECK_FALSE(prose.may_match(""));
    // $ also matches before a final line terminator: no verdict there.
    CHECK(prose.may_match("加强保护。\n"));

    // Optional trailing parts widen the set back to the first one that must
    // consume: [)）]\s*$ ends with a bracket or a space.
    auto unit = RegexPrefilter::analyse(R"(^\d{1,3}\s*[.．、].*[（(][^（）()]{0,100}[)）]\s*$)");
    CHECK(unit.end_anchored);
    CHECK(std::find(unit.last.begin(), unit.last.end(), U'）') != unit.last.end());
    CHECK(std::find(unit.last.begin(), unit.last.end(), U' ') != unit.last.end());
    CHECK(unit.may_match("1．加强保护（保护司负责） "));
    CHECK_FALSE(unit.may_match("1．加强保护（保护司负责）。"));

    // Alternatives: all must end at $; (?:\t|$) is no end anchor.
    auto both = RegexPrefilter::analyse(R"(^(?:年内|年底)$|^长期$)");
    CHECK(both.end_anchored);
    CHECK(both.last == std::vector<char32_t>{U'内', U'底', U'期'});
    CHECK_FALSE(RegexPrefilter::analyse(R"(^\d{1,3}(?:\t|$))").end_anchored);
    CHECK_FALSE(RegexPrefilter::analyse(R"(^序号|完成时限$)").end_anchored);
    // A trailing element of unknown content (.) gives no last set.
    auto open_end = RegexPrefilter::analyse(R"(^(.{2,60}?)关于印发(.+?)的通知$)");
    CHECK(open_end.end_anchored);
    CHECK(open_end.last == std::vector<char32_t>{U'知'});
    CHECK(RegexPrefilter::analyse(R"(^(\d{1,3})\s*(.*)$)").last.empty());
}

TEST_CASE("prefilter: required literals of unanchored rules", "[prefilter]") {
    auto unit = RegexPrefilter::analyse(R"([（(]([^（）()]{2,300})[)）])");
    CHECK_FALSE(unit.anchored);
    REQUIRE(unit.required.size() == 2);  // an opening and a closing parenthesis
    CHECK(unit.required[0].size() == 2);
    CHECK_FALSE(unit.may_match("没有括号的一句话。"));
    CHECK(unit.may_match("加强保护（保护司负责）"));

    auto notice = RegexPrefilter::analyse(R"(^(.{2,60}?)关于印发(.+?)的通知$)");
    CHECK(notice.first.empty());  // `.` is unknown
    REQUIRE_FALSE(notice.required.empty());
    CHECK(notice.required[0] == std::vector<std::string>{"关于印发"});

    auto words = RegexPrefilter::analyse("(总体要求|指导思想|主要目标)");
    REQUIRE(words.required.size() == 1);
    CHECK(words.required[0].size() == 3);
    CHECK(words.may_match("二、主要目标"));
    CHECK_FALSE(words.may_match("二、重点任务"));

    // Only one alternative is anchored: the pattern is not.
    auto year = RegexPrefilter::analyse(R"(^(\d{4})\s*年|[（(](\d{4})[)）])");
    CHECK_FALSE(year.anchored);
    CHECK(year.may_match("推动知识产权高质量发展年度工作指引（2020）"));
    CHECK_FALSE(year.may_match("工作指引"));

    CHECK(RegexPrefilter::analyse(R"(\t)").required == std::vector<std::vector<std::string>>{{"\t"}});
    auto col = RegexPrefilter::analyse(R"((?:^|\t)\s*(?:省份|城市)\s*[:：])");
    CHECK_FALSE(col.anchored);
    CHECK_FALSE(col.required.empty());
    CHECK(col.may_match("城市：试点城市必做"));
}

TEST_CASE("prefilter: every required part is tested, the rarest first", "[prefilter]") {
    auto f = RegexPrefilter::analyse(
        R"(^\d{1,3}\s*[.．、].*[（(][^（）()]{0,300}(?:负责|牵头|参与|配合)[^（）()]{0,100}[)）]\s*$)");
    REQUIRE(f.required.size() == 3);
    CHECK(f.required[0].size() == 4);  // 负责|牵头|参与|配合 before any one character
    CHECK(f.may_match("1.推进立法（条法司负责）"));
    CHECK_FALSE(f.may_match("1.推进立法（2022年）"));
    CHECK_FALSE(f.may_match("1.推进立法，条法司负责"));
}

TEST_CASE("prefilter: optional and unknown parts give no constraint", "[prefilter]") {
    CHECK(RegexPrefilter::analyse("a?b*").required.empty());
    CHECK(RegexPrefilter::analyse("a?b*").may_match("xyz"));
    CHECK(RegexPrefilter::analyse("(?i)abc").required.empty());
    CHECK(RegexPrefilter::analyse(R"(\x{4e00}+)").may_match("z"));
    CHECK(RegexPrefilter::analyse(R"([^a]b|c)").may_match("xxb"));
    CHECK_FALSE(RegexPrefilter::analyse(R"([^a]b|c)").may_match("xx"));
    CHECK(RegexPrefilter::analyse("^$").may_match(""));
    CHECK(RegexPrefilter::analyse("(unbalanced").may_match("zzz"));
    auto look = RegexPrefilter::analyse(R"((?<=\S)\s*(?=局内\s*[:：]))");
    CHECK_FALSE(look.anchored);
    CHECK(look.may_match("x 局内：y"));
}

TEST_CASE("prefilter agrees with ICU on the grammar rules and snippets", "[prefilter]") {
    // Every rule of every installed grammar, on lines of every layout.
    auto grammars = load_grammars({kRoot + "/grammars"});
    const std::vector<std::string> lines = {
        "一、总体要求", "（一）完善制度。加强保护（保护司负责）", "(二) 推进", "1．推进立法（条法司负责）",
        "12、完善", "（3）加强", "局内：保护司、运用司", "\t局内：保护司", "省份：北京必做", "x\t城市：选做",
        "各省、自治区、直辖市知识产权局：", "2021年12月27日", "国知发保字〔2021〕8号", "附件1：",
        "发布时间：2022-03-01", "年内", "2022年底前", "", " ", "１．全角数字", "\u3000局内：条法司",
        "加强保护。", "加强保护。\n", "序号\t重点任务\t责任单位", "责任单位", "1\t加强保护。", "2023年12月底前\r\n"};
    VerifyScope verify;
    for (const auto& g : grammars) {
        for (const auto& [key, p] : g.patterns)
            for (const auto& l : lines) CHECK_NOTHROW(p->find(l));
        for (const auto& r : g.detect)
            for (const auto& l : lines) CHECK_NOTHROW(r.pattern->find(l));
    }
}

TEST_CASE("prefilter never rejects a match on the corpus", "[prefilter][corpus]") {
    VerifyScope verify;
    Compiler c;
    opencc::SimpleConverter s2t("s2t.json");
    for (const auto& e : fs::directory_iterator(kRoot + "/data/corpus")) {
        std::string text = slurp(e.path());
        CHECK_NOTHROW(c.compile(text, e.path().filename().string()));
        CHECK_NOTHROW(c.compile(s2t.Convert(text), e.path().filename().string()));
    }
}

TEST_CASE("lazy patterns: compiled on first use, once, errors with file and line", "[pattern][grammar]") {
    // Bundled grammars (lazy_dirs = 1) compile nothing while loading ...
    auto grammars = load_grammars({kRoot + "/grammars"}, 1);
    const Grammar* plan = nullptr;
    for (const auto& g : grammars)
        if (g.name == "numbered-plan") plan = &g;
    REQUIRE(plan);
    const Pattern* item = plan->pattern("item");
    REQUIRE(item);
    CHECK_FALSE(item->compiled());
    // ... and a rule the first time it is used, with the same answer as an
    // eager copy of it.
    const Pattern eager(item->source());
    for (const std::string line : {"1．推进立法（条法司负责）", "一、总体要求", "12、完善"}) {
        CHECK(item->matches(line) == eager.matches(line));
        CHECK(item->compiled());
    }

    // Shared between threads: compiled exactly once.
    auto shared = Pattern::lazy(R"(^\s*(\d{1,3})[.．、])", "shared.grammar:1");
    const long before = Pattern::compiled_count();
    std::vector<std::thread> threads;
    std::atomic<int> seen{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            shared->compile();
            if (shared->compiled()) ++seen;
        });
    for (auto& th : threads) th.join();
    CHECK(seen == 4);
    CHECK(Pattern::compiled_count() - before == 1);

    // A bad regex in a lazy directory is reported by its first use, with
    // file:line, as a fault of the installation (PatternError, a
    // logic_error); in an eager (user) directory by load_grammars itself.
    fs::path dir = fs::temp_directory_path() / "qingdan-lazy-grammar";
    fs::create_directories(dir);
    std::ofstream(dir / "broken.grammar") << "name = broken\n\nitem = ^(\\d+[.\n";
    auto lazy = load_grammars({dir.string()}, 1);
    REQUIRE(lazy.size() == 1);
    const Pattern* bad = lazy[0].pattern("item");
    REQUIRE(bad);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            bad->matches("1.x");
            FAIL("a bad regex must be rejected on use");
        } catch (const PatternError& e) {
            CHECK(std::string(e.what()).find("broken.grammar:3: invalid regular expression") != std::string::npos);
        }
    }
    CHECK_THROWS_AS(load_grammars({dir.string()}), std::runtime_error);
    fs::remove_all(dir);
}
