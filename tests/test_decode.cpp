// Stage 1: decoding (src/decode.cpp). The encoding matrix is built here, from
// the real corpus (data/corpus/*.txt, UTF-8), by re-encoding every seed with
// ICU; decode + normalise must give back exactly the lines of the original.
#include <catch2/catch.hpp>

#include <opencc/SimpleConverter.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "decode.hpp"
#include "normalise.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using qingdan::test::slurp;

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(QINGDAN_SOURCE_DIR) / "data" / "corpus"))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string seed(const std::string& prefix) {
    for (const auto& p : corpus_files())
        if (p.filename().string().rfind(prefix, 0) == 0) return slurp(p);
    FAIL("no corpus file " << prefix);
    return {};
}

// UTF-8 -> `charset` with ICU (what a user's editor or a legacy system would write).
std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(),
                                static_cast<int32_t>(utf8.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) FAIL("ucnv_convert: " << u_errorName(err));
    std::string out(static_cast<std::size_t>(need), '\0');
    err = U_ZERO_ERROR;
    ucnv_convert(charset, "UTF-8", out.data(), need, utf8.data(), static_cast<int32_t>(utf8.size()),
                 &err);
    REQUIRE(U_SUCCESS(err));
    return out;
}

std::string crlf(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out.push_back('\r');
        out.push_back(c);
    }
    return out;
}

std::string lines_dump(const qingdan::NormalisedText& n) {
    std::string out;
    for (const auto& l : n.lines)
        out += std::to_string(l.line_start) + "-" + std::to_string(l.line_end) + ": " + l.text + "\n";
    return out;
}

const qingdan::Diagnostic* find_diag(const qingdan::DecodedText& d, const std::string& code) {
    for (const auto& x : d.diagnostics)
        if (x.code == code) return &x;
    return nullptr;
}

std::u32string u32(const std::string& s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

// Longest-common-subsequence length of two code point strings.
std::size_t lcs(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

struct Match {
    std::size_t total = 0, same = 0;
    std::string diffs;  // "原→得" pairs, first ones
    double ratio() const { return total ? double(same) / double(total) : 0.0; }
};

// Character match of `got` against `want`, line by line (same original line
// numbers); unequal-length lines are aligned by LCS.
Match compare_lines(const qingdan::NormalisedText& want, const qingdan::NormalisedText& got) {
    Match m;
    std::size_t shown = 0;
    std::size_t j = 0;
    for (const auto& w : want.lines) {
        std::u32string a = u32(w.text);
        m.total += a.size();
        while (j < got.lines.size() && got.lines[j].line_start < w.line_start) ++j;
        if (j >= got.lines.size() || got.lines[j].line_start != w.line_start) {
            if (shown++ < 30) m.diffs += " [line " + std::to_string(w.line_start) + " missing]";
            continue;
        }
        std::u32string b = u32(got.lines[j].text);
        if (a.size() == b.size()) {
            for (std::size_t k = 0; k < a.size(); ++k) {
                if (a[k] == b[k]) {
                    ++m.same;
                } else if (shown++ < 30) {
                    m.diffs += " " + utf8(a[k]) + "→" + utf8(b[k]);
                }
            }
        } else {
            std::size_t common = lcs(a, b);
            m.same += common;
            if (common < a.size() && shown++ < 30)
                m.diffs += " [line " + std::to_string(w.line_start) + ": " + got.lines[j].text + "]";
        }
    }
    return m;
}

}  // namespace

TEST_CASE("sha256_hex matches known vectors", "[decode]") {
    using qingdan::sha256_hex;
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("The quick brown fox jumps over the lazy dog") ==
          "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Padding boundaries (reference values from Python's hashlib).
    CHECK(sha256_hex(std::string(55, 'a')) ==
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) ==
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(63, 'a')) ==
          "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    CHECK(sha256_hex(std::string(64, 'a')) ==
          "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(sha256_hex(std::string(65, 'a')) ==
          "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
    CHECK(sha256_hex(std::string(119, 'a')) ==
          "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
    CHECK(sha256_hex(std::string(128, 'a')) ==
          "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e");
    CHECK(sha256_hex("知识产权") ==
          "72b79527609267ba9b610a2e501c2610c5ef12e133c60162045b3f56dd22c403");
}

TEST_CASE("every corpus seed decodes identically from every supported encoding", "[decode]") {
    const auto files = corpus_files();
    REQUIRE(files.size() >= 5);
    struct Variant {
        const char* name;
        const char* expected_encoding;
        std::string (*make)(const std::string&);
    };
    const Variant variants[] = {
        {"UTF-8", "UTF-8", [](const std::string& s) { return s; }},
        {"UTF-8+BOM", "UTF-8", [](const std::string& s) { return "\xEF\xBB\xBF" + s; }},
        {"UTF-8+CRLF", "UTF-8", [](const std::string& s) { return crlf(s); }},
        {"UTF-16LE+BOM", "UTF-16LE",
         [](const std::string& s) { return std::string("\xFF\xFE") + encode(s, "UTF-16LE"); }},
        {"UTF-16BE+BOM", "UTF-16BE",
         [](const std::string& s) { return std::string("\xFE\xFF") + encode(s, "UTF-16BE"); }},
        {"UTF-16LE+BOM+CRLF", "UTF-16LE",
         [](const std::string& s) { return std::string("\xFF\xFE") + encode(crlf(s), "UTF-16LE"); }},
        {"UTF-16LE, no BOM", "UTF-16LE", [](const std::string& s) { return encode(s, "UTF-16LE"); }},
        {"UTF-16BE, no BOM", "UTF-16BE", [](const std::string& s) { return encode(s, "UTF-16BE"); }},
        {"GB18030", "GB18030", [](const std::string& s) { return encode(s, "GB18030"); }},
        {"GB18030+CRLF", "GB18030", [](const std::string& s) { return encode(crlf(s), "GB18030"); }},
    };
    for (const auto& file : files) {
        const std::string original = slurp(file);
        const auto want = qingdan::normalise(qingdan::decode(original).utf8);
        REQUIRE(!want.lines.empty());
        for (const auto& v : variants) {
            DYNAMIC_SECTION(file.filename().string() << " as " << v.name) {
                const std::string bytes = v.make(original);
                const auto d = qingdan::decode(bytes);
                CHECK(d.encoding == v.expected_encoding);
                CHECK(d.diagnostics.empty());
                CHECK(d.utf8 == original);
                const auto got = qingdan::normalise(d.utf8);
                CHECK(lines_dump(got) == lines_dump(want));
            }
        }
    }
}

TEST_CASE("Traditional versions (UTF-8 and Big5) come back as the Simplified text", "[decode][normalise]") {
    // OpenCC s2t writes OpenCC's standard forms (爲 羣 衆), which Big5 cannot
    // encode; a real Big5 file uses the Taiwan forms (為 群 眾): s2tw.
    opencc::SimpleConverter s2t("s2t.json");
    opencc::SimpleConverter s2tw("s2tw.json");
    for (const auto& file : corpus_files()) {
        const std::string original = slurp(file);
        const auto want = qingdan::normalise(original);
        REQUIRE(want.script == "Hans");
        const std::string hant = s2t.Convert(original);
        REQUIRE(hant != original);  // the test must exercise conversion
        for (bool big5 : {false, true}) {
            DYNAMIC_SECTION(file.filename().string() << (big5 ? " Big5" : " UTF-8")) {
                const std::string bytes = big5 ? encode(s2tw.Convert(original), "Big5") : hant;
                const auto d = qingdan::decode(bytes);
                CHECK(d.encoding == (big5 ? "Big5" : "UTF-8"));
                const auto got = qingdan::normalise(d.utf8);
                CHECK(got.script == "Hant");
                const Match m = compare_lines(want, got);
                INFO("character match " << m.same << "/" << m.total << " = " << m.ratio()
                                        << "; differences:" << m.diffs);
                CHECK(m.ratio() >= 0.995);
            }
        }
    }
}

TEST_CASE("short legacy-encoded inputs are decoded right", "[decode]") {
    // Each non-blank line of a seed on its own: too short for ICU's detector.
    opencc::SimpleConverter s2t("s2t.json");
    const std::string text = seed("002");
    std::istringstream in(text);
    std::string line;
    int gb_total = 0, gb_ok = 0, b5_total = 0, b5_ok = 0;
    std::string failures;
    while (std::getline(in, line)) {
        if (line.size() < 6 || line.find_first_not_of("0123456789. ") == std::string::npos) continue;
        // GB18030 (the line has Chinese, so it is not ASCII = valid UTF-8)
        const std::string gb = encode(line, "GB18030");
        if (gb != line) {
            ++gb_total;
            const auto d = qingdan::decode(gb);
            if (d.encoding == "GB18030" && d.utf8 == line)
                ++gb_ok;
            else
                failures += "\nGB18030 -> " + d.encoding + ": " + d.utf8;
        }
        const std::string hant = s2t.Convert(line);
        const std::string b5 = encode(hant, "Big5");
        if (b5 != hant) {
            ++b5_total;
            const auto d = qingdan::decode(b5);
            if (d.encoding == "Big5")
                ++b5_ok;
            else
                failures += "\nBig5 -> " + d.encoding + ": " + d.utf8;
        }
    }
    INFO("GB18030 " << gb_ok << "/" << gb_total << ", Big5 " << b5_ok << "/" << b5_total
                    << failures);
    REQUIRE(gb_total > 50);
    REQUIRE(b5_total > 50);
    CHECK(gb_ok == gb_total);
    CHECK(b5_ok >= b5_total * 98 / 100);

    // Very short ones.
    CHECK(qingdan::decode(encode("知识产权", "GB18030")).utf8 == "知识产权");
    CHECK(qingdan::decode(encode("保护司负责", "GB18030")).encoding == "GB18030");
    CHECK(qingdan::decode(encode("國家知識產權局", "Big5")).utf8 == "國家知識產權局");
    CHECK(qingdan::decode(encode("國家知識產權局", "Big5")).encoding == "Big5");
}

TEST_CASE("empty input is empty text", "[decode]") {
    const auto d = qingdan::decode("");
    CHECK(d.utf8.empty());
    CHECK(d.encoding == "UTF-8");
    CHECK(d.diagnostics.empty());
    CHECK(qingdan::normalise(d.utf8).lines.empty());
}

TEST_CASE("binary input is refused with a clear message", "[decode]") {
    using namespace std::string_literals;
    struct Case {
        std::string bytes;
        std::string says;
    };
    const std::string body = "任务清单\n" + std::string(200, 'x');
    const Case cases[] = {
        {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s + body, "PNG"},
        {"\xFF\xD8\xFF\xE0\0\x10JFIF"s + body, "JPEG"},
        {"GIF89a"s + body, "GIF"},
        {"%PDF-1.7\n"s + body, "PDF"},
        {"PK\x03\x04\x14\0\0\0"s + body, "ZIP"},
        {"\x1F\x8B\x08\0"s + body, "gzip"},
        {"\x7F" "ELF\x02\x01\x01"s + body, "ELF"},
        {"国家知识产权局\0\0\0\x01\x02 data"s, "NUL"},
        {"plain text with a NUL\0 in the middle, long enough to matter"s, "NUL"},
    };
    for (const auto& c : cases) {
        try {
            (void)qingdan::decode(c.bytes);
            FAIL("no DecodeError for input expected to mention " << c.says);
        } catch (const qingdan::DecodeError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find(c.says) != std::string::npos);
            CHECK(what.find("binary") != std::string::npos);
        }
    }
    // UTF-16 has NUL bytes and is NOT binary.
    const std::string utf16 = "\xFF\xFE" + encode("Task list\n1. 加强保护。\n", "UTF-16LE");
    CHECK(qingdan::decode(utf16).utf8 == "Task list\n1. 加强保护。\n");
    // BOM-less UTF-16 of mostly ASCII text is recognised by where its NULs sit.
    const auto le = qingdan::decode(encode("Plan 2023\nitem 1\n", "UTF-16LE"));
    CHECK(le.encoding == "UTF-16LE");
    CHECK(le.utf8 == "Plan 2023\nitem 1\n");
    const auto be = qingdan::decode(encode("Plan 2023\nitem 1\n", "UTF-16BE"));
    CHECK(be.encoding == "UTF-16BE");
    CHECK(be.utf8 == "Plan 2023\nitem 1\n");
}

TEST_CASE("a truncated multi-byte sequence at end of input is reported", "[decode]") {
    const std::string text = seed("001");
    const std::string zhong = "中";  // 3 bytes in UTF-8
    const int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    SECTION("UTF-8") {
        const std::string bytes = text + "结尾" + zhong.substr(0, 2);
        const auto d = qingdan::decode(bytes);
        CHECK(d.encoding == "UTF-8");
        const auto* t = find_diag(d, "truncated-input");
        REQUIRE(t != nullptr);
        CHECK(t->line == last_line);
        CHECK(find_diag(d, "decode-replaced") == nullptr);
        CHECK(d.utf8 == text + "结尾\xEF\xBF\xBD");
    }
    SECTION("GB18030") {
        const std::string gb = encode(text + "结尾", "GB18030");
        const std::string bytes = gb + encode(zhong, "GB18030").substr(0, 1);
        const auto d = qingdan::decode(bytes);
        CHECK(d.encoding == "GB18030");
        const auto* t = find_diag(d, "truncated-input");
        REQUIRE(t != nullptr);
        CHECK(t->line == last_line);
        CHECK(d.utf8 == text + "结尾\xEF\xBF\xBD");
    }
    SECTION("UTF-16LE, odd byte count") {
        const std::string bytes = "\xFF\xFE" + encode("一行\n两行", "UTF-16LE") + "\x2D";
        const auto d = qingdan::decode(bytes);
        CHECK(d.encoding == "UTF-16LE");
        const auto* t = find_diag(d, "truncated-input");
        REQUIRE(t != nullptr);
        CHECK(t->line == 2);
    }
}

TEST_CASE("an invalid byte mid-line becomes U+FFFD and names its line", "[decode]") {
    const std::string text = seed("001");
    // Line 17 of 001: the cover notice's long sentence. Break it after 为认真.
    std::string bytes = text;
    const std::size_t at = bytes.find("为认真贯彻落实习近平");
    REQUIRE(at != std::string::npos);
    bytes.insert(at + std::string("为认真").size(), "\xFF");
    for (bool with_crlf : {false, true}) {
        DYNAMIC_SECTION((with_crlf ? "CRLF" : "LF")) {
            const auto d = qingdan::decode(with_crlf ? crlf(bytes) : bytes);
            CHECK(d.encoding == "UTF-8");
            REQUIRE(d.diagnostics.size() == 1);
            CHECK(d.diagnostics[0].code == "decode-replaced");
            CHECK(d.diagnostics[0].line == 17);
            CHECK(d.diagnostics[0].severity == "warning");
            const auto n = qingdan::normalise(d.utf8);
            const auto it = std::find_if(n.lines.begin(), n.lines.end(),
                                         [](const qingdan::Line& l) { return l.line_start == 17; });
            REQUIRE(it != n.lines.end());
            CHECK(it->text.rfind("为认真\xEF\xBF\xBD贯彻落实", 0) == 0);
            // Every other line is untouched.
            std::string expected = text;
            expected.insert(at + std::string("为认真").size(), "\xEF\xBF\xBD");
            CHECK(d.utf8 == expected);
        }
    }
    SECTION("several bad bytes in a GB18030 file") {
        std::string gb = encode(text, "GB18030");
        // 0xFF is never valid in GB18030; put one on line 5 and one on line 27.
        std::size_t line5 = gb.find(encode("国家知识产权局关于印发", "GB18030"));
        REQUIRE(line5 != std::string::npos);
        gb.insert(line5, "\xFF");
        std::size_t line27 = gb.find(encode("2022年全国知识产权行政保护工作方案\n", "GB18030"));
        REQUIRE(line27 != std::string::npos);
        gb.insert(line27, "\xFF");
        const auto d = qingdan::decode(gb);
        CHECK(d.encoding == "GB18030");
        std::vector<int> lines;
        for (const auto& x : d.diagnostics)
            if (x.code == "decode-replaced") lines.push_back(x.line);
        CHECK(lines == std::vector<int>{5, 27});
    }
}

TEST_CASE("line ends: CRLF and lone CR become LF", "[decode]") {
    CHECK(qingdan::decode("一\r\n二\r三\n四\r\n").utf8 == "一\n二\n三\n四\n");
    CHECK(qingdan::decode("\r\r\n").utf8 == "\n\n");
    const auto n = qingdan::normalise(qingdan::decode("第一行\r第二行\r\r第四行").utf8);
    REQUIRE(n.lines.size() == 3);
    CHECK(n.lines[2].text == "第四行");
    CHECK(n.lines[2].line_start == 4);
}

TEST_CASE("decode_as forces an encoding", "[decode]") {
    const std::string gb = encode("知识产权局负责", "GB18030");
    CHECK(qingdan::decode_as(gb, "gbk").utf8 == "知识产权局负责");
    CHECK(qingdan::decode_as(gb, "GB18030").encoding == "GB18030");
    CHECK(qingdan::decode_as("\xEF\xBB\xBFok", "utf-8").utf8 == "ok");
    CHECK_THROWS_AS(qingdan::decode_as(gb, "EBCDIC"), qingdan::DecodeError);
}

TEST_CASE("a 100 MB input decodes in bounded time and memory", "[decode][slow]") {
    const std::string text = seed("002");
    std::string big;
    const std::size_t target = 100u << 20;
    big.reserve(target + text.size());
    while (big.size() < target) big += text;
    const auto t0 = std::chrono::steady_clock::now();
    const auto d = qingdan::decode(big);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(d.encoding == "UTF-8");
    CHECK(d.diagnostics.empty());
    CHECK(d.utf8.size() == big.size());
    CHECK(d.utf8.compare(0, text.size(), text) == 0);
    INFO("decoded " << big.size() / 1e6 << " MB of UTF-8 in " << secs << " s");
    CHECK(secs < 60.0);  // generous: sanitizer builds on a loaded CI machine

    // The same bytes with CRLF and a damaged byte near the end.
    std::string damaged = crlf(text);
    std::string big2;
    big2.reserve(target + damaged.size());
    while (big2.size() < target) big2 += damaged;
    big2[big2.size() - 10] = '\xFF';
    const auto d2 = qingdan::decode(big2);
    CHECK(d2.encoding == "UTF-8");
    REQUIRE(d2.diagnostics.size() == 1);
    CHECK(d2.diagnostics[0].code == "decode-replaced");
    CHECK(d2.utf8.size() < big2.size());
}
