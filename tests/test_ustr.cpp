// The text layer's fast paths against utfcpp's plain loops.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <utf8.h>

#include "ustr.hpp"

using namespace qingdan;

TEST_CASE("ustr::length counts code points eight bytes at a time", "[ustr]") {
    // Every length 0..40 over a mix of 1-, 2-, 3- and 4-byte characters, so
    // each word boundary and the byte-wise tail are crossed.
    const std::string pieces[] = {"a", "é", "中", "〔", "𠀀", "1", "。"};
    std::mt19937 rng(7);
    for (int len = 0; len <= 40; ++len)
        for (int rep = 0; rep < 20; ++rep) {
            std::string s;
            for (int i = 0; i < len; ++i) s += pieces[rng() % 7];
            INFO(s);
            CHECK(ustr::length(s) == static_cast<size_t>(utf8::distance(s.begin(), s.end())));
        }
    CHECK(ustr::length("") == 0);
    CHECK(ustr::length("一二三四五六七八九十") == 10);
}

TEST_CASE("ustr::is_subsequence keeps the order of code points", "[ustr]") {
    CHECK(ustr::is_subsequence("潍坊工作要点", "潍坊市2017年政务公开工作要点实施方案"));
    CHECK(ustr::is_subsequence("", "任何"));
    CHECK_FALSE(ustr::is_subsequence("要点工作", "工作要点"));
    CHECK_FALSE(ustr::is_subsequence("工作要点方案", "工作要点"));
}

TEST_CASE("ustr::next decodes what utfcpp decodes and reads bad bytes as U+FFFD", "[ustr]") {
    const std::string good = "a中é〔𠀀\xEF\xBC\x88\xE0\xA4\x85\xED\x9F\xBF";  // （, U+0905, U+D7FF
    std::size_t i = 0;
    for (auto it = good.begin(); it != good.end();) {
        const char32_t want = utf8::next(it, good.end());
        CHECK(ustr::next(good, i) == want);
        CHECK(i == static_cast<std::size_t>(it - good.begin()));
    }
    // a surrogate (ED A0 80), an overlong (E0 80 80), a truncated sequence
    for (const std::string bad : {"\xED\xA0\x80", "\xE0\x80\x80", "\xE4\xB8"}) {
        std::size_t j = 0;
        CHECK(ustr::next(bad, j) == 0xFFFD);
        CHECK(j == 1);
    }
}
