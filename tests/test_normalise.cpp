// Stage 2: normalisation (src/normalise.cpp). Snippets are copied from the
// corpus (data/corpus/*.txt); the whole-document checks run on the real files.
#include <catch2/catch.hpp>

#include <opencc/SimpleConverter.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "decode.hpp"
#include "normalise.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using qingdan::Line;

namespace {

using qingdan::test::slurp;

std::string seed(const std::string& prefix) {
    for (const auto& e : fs::directory_iterator(fs::path(QINGDAN_SOURCE_DIR) / "data" / "corpus"))
        if (e.path().filename().string().rfind(prefix, 0) == 0) return slurp(e.path());
    FAIL("no corpus file " << prefix);
    return {};
}

std::vector<std::string> original_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}

const Line* line_at(const std::vector<Line>& lines, int start) {
    for (const auto& l : lines)
        if (l.line_start == start) return &l;
    return nullptr;
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

bool contains(const std::string& s, const std::string& p) { return s.find(p) != std::string::npos; }

}  // namespace

TEST_CASE("normalise_chars: full-width letters and digits, ideographic space, punctuation kept",
          "[normalise]") {
    using qingdan::normalise_chars;
    CHECK(normalise_chars("ＧＢ／Ｔ　２９４９０") == "GB／T 29490");
    CHECK(normalise_chars("２０２３年１２月１５日前") == "2023年12月15日前");
    CHECK(normalise_chars("ａｂｃＸＹＺ０９") == "abcXYZ09");
    CHECK(normalise_chars("结案准确率达９３％以上") == "结案准确率达93%以上");
    // Chinese punctuation is kept, also the full-width full stop ．
    const std::string punct = "（一）完善，落实。要求：如下；《纲要》、“十四五”88．继续";
    CHECK(normalise_chars(punct) == punct);
    // Zero-width characters and stray controls disappear; tabs stay.
    CHECK(normalise_chars("知识\xE2\x80\x8B产权\f局\t负责") == "知识产权局\t负责");
    CHECK(normalise_chars("一\n二") == "一\n二");
}

TEST_CASE("normalise_chars: PDF letter-spacing inside Chinese is collapsed", "[normalise]") {
    using qingdan::normalise_chars;
    // 003 lines 46/82: the 完成时间 column
    CHECK(normalise_chars("年 内 有 阶 段性成果") == "年内有阶段性成果");
    CHECK(normalise_chars("年 内 有 阶") == "年内有阶");
    // 000 line 21: digits in Chinese
    CHECK(normalise_chars("力争在 2023 年底前全面取消") == "力争在2023年底前全面取消");
    CHECK(normalise_chars("2022 年推动知识产权高质量发展任务清单") ==
          "2022年推动知识产权高质量发展任务清单");
    // 000 line 5: a unit cell split by the PDF
    CHECK(normalise_chars("局内: 联席办、战略规 划司") == "局内:联席办、战略规划司");
    // 000 line 9: 有条件的地区 :积极
    CHECK(normalise_chars("有条件的地区 :积极围绕重大改革") == "有条件的地区:积极围绕重大改革");
    // ASCII words keep their spaces; so do letters next to Chinese.
    CHECK(normalise_chars("GB/T 29490 2013") == "GB/T 29490 2013");
    CHECK(normalise_chars("推动开展第二期在华 TISC") == "推动开展第二期在华 TISC");
    CHECK(normalise_chars("Plan  for   2023") == "Plan for 2023");
    // Leading/trailing spaces trimmed.
    CHECK(normalise_chars("  附件 1  ") == "附件1");
    // A label's number split from its dot (002 line 277).
    CHECK(normalise_chars("109 . 深入推进与各国执法部门") == "109. 深入推进与各国执法部门");
    CHECK(normalise_chars("2 .5 亿") == "2 .5亿");
}

TEST_CASE("normalise_chars: tabs inside a line are kept, trailing empty cells trimmed",
          "[normalise]") {
    using qingdan::normalise_chars;
    // 000 line 5 (leading empty cell, trailing tab)
    CHECK(normalise_chars("\t国家知识产权局:充分发挥\t局内: 联席办、战略规 划司\t") ==
          "\t国家知识产权局:充分发挥\t局内:联席办、战略规划司");
    // 000 line 4: a heading in the first column with two empty cells after it
    CHECK(normalise_chars("一、建立健全知识产权建设强国纲要\t\t\t") == "一、建立健全知识产权建设强国纲要");
    CHECK(normalise_chars("\t落实。\t\t") == "\t落实。");
    // spaces around a tab belong to neither cell
    CHECK(normalise_chars("2. 健全 \t 国家知识产权局 ") == "2. 健全\t国家知识产权局");
}

TEST_CASE("normalise_chars: leaked markdown emphasis is removed", "[normalise]") {
    // 004 line 41
    CHECK(qingdan::normalise_chars("——**知识产权管理。**知识产权管理体制更加完善") ==
          "——知识产权管理。知识产权管理体制更加完善");
    CHECK(qingdan::normalise_chars("**加强组织领导**") == "加强组织领导");
}

TEST_CASE("table header lines: the first is kept, repeats are dropped", "[normalise]") {
    CHECK(qingdan::is_table_header("任务清单 落实举措 执行部门 完成时间"));
    CHECK(qingdan::is_table_header(" 任务清单 落实举措 执行部门 完成时间 "));
    CHECK(qingdan::is_table_header("任务清单\t落实举措\t责任部门\t"));
    CHECK(qingdan::is_table_header("序号\t主要任务\t牵头单位\t配合单位\t时间进度"));
    CHECK(qingdan::is_table_header("任 务 清 单 落 实 举 措"));
    CHECK_FALSE(qingdan::is_table_header("任务清单"));
    CHECK_FALSE(qingdan::is_table_header("2020年推动知识产权高质量发展任务清单"));
    CHECK_FALSE(qingdan::is_table_header("局内：保护司"));
    CHECK_FALSE(qingdan::is_table_header("明确责任部门、责任人"));

    // 003: header on line 6, repeated after page breaks (lines 85, 166 ...).
    const auto n = qingdan::normalise(seed("003"));
    int headers = 0;
    for (const auto& l : n.lines) {
        if (qingdan::is_table_header(l.text)) {
            ++headers;
            CHECK(l.line_start == 6);
            CHECK(l.text == "任务清单 落实举措 执行部门 完成时间");
        }
    }
    CHECK(headers == 1);
    // 000 keeps its tab-separated header once.
    const auto n0 = qingdan::normalise(seed("000"));
    const Line* h = line_at(n0.lines, 3);
    REQUIRE(h != nullptr);
    CHECK(h->text == "任务清单\t落实举措\t责任部门");
    CHECK(std::count_if(n0.lines.begin(), n0.lines.end(), [](const Line& l) {
              return qingdan::is_table_header(l.text);
          }) == 1);
}

TEST_CASE("page numbers and web furniture are dropped, content is not", "[normalise]") {
    using qingdan::is_page_furniture;
    for (const char* s : {" — 12 — ", "— 12 —", "- 12 -", "-12-", "第 3 页", "第3页 共12页",
                          "共12页 第3页", "3/12", "3 / 12", "Page 3 of 12", "·5·",
                          "字号：大 中 小 分享：", "字号：大 中 小", "【字体：大 中 小】", "分享：",
                          "打印", "关闭窗口", "【打印本页】【关闭窗口】", "联系我们 | 版权声明 | 关于局微 | 信息量统计",
                          "主办单位：国家知识产权局 版权所有：国家知识产权局",
                          "网站管理：国家知识产权局办公室 网站标识码：bm38000007",
                          "京ICP备05069085号-14 京公网安备 11040102700058号"}) {
        INFO(s);
        CHECK(is_page_furniture(s));
    }
    for (const char* s : {"2022年1月20日", "国知发保字〔2022〕5号", "发布时间：2022-01-24", "14",
                          "12/3", "2023/12", "一、总体要求", "相关网站建设。", "打印机采购",
                          "（二）保护版权所有人合法权益", "中", "45 45 31 41",
                          "3. 推进修改《中华人民共和国植物新品种保护条例》。（农业农村部、林草局、知识产权局负责）",
                          "建立联系我们的工作机制。"}) {
        INFO(s);
        CHECK_FALSE(is_page_furniture(s));
    }
}

TEST_CASE("normalise on the web-page seeds: furniture gone, line numbers kept", "[normalise]") {
    const std::string text = seed("001");
    const auto n = qingdan::normalise(text);
    CHECK(n.script == "Hans");
    const auto orig = original_lines(text);
    // Every normalised line sits on a non-blank original line, in order.
    int prev = 0;
    for (const auto& l : n.lines) {
        CHECK(l.line_start == l.line_end);
        CHECK(l.line_start > prev);
        prev = l.line_start;
        REQUIRE(l.line_start <= static_cast<int>(orig.size()));
        CHECK(orig[static_cast<std::size_t>(l.line_start - 1)].find_first_not_of(" \t") !=
              std::string::npos);
        CHECK_FALSE(l.text.empty());
    }
    // Line 9 `字号：大 中 小 分享：` and the footer after 相关链接 (85..123) are gone.
    CHECK(line_at(n.lines, 9) == nullptr);
    CHECK(n.lines.back().line_start == 83);
    CHECK(contains(n.lines.back().text, "震慑侵权违法行为。"));
    for (const auto& l : n.lines) {
        CHECK_FALSE(contains(l.text, "ICP"));
        CHECK_FALSE(contains(l.text, "相关链接"));
        CHECK_FALSE(contains(l.text, "政务微信"));
    }
    // Content lines are there with their original numbers.
    REQUIRE(line_at(n.lines, 13) != nullptr);
    CHECK(line_at(n.lines, 13)->text == "国知发保字〔2022〕5号");
    REQUIRE(line_at(n.lines, 41) != nullptr);
    CHECK(line_at(n.lines, 41)->text.rfind("2. 完善知识产权保护标准政策体系。", 0) == 0);
    REQUIRE(line_at(n.lines, 49) != nullptr);
    CHECK(line_at(n.lines, 49)->text == "(二)突出主责主业");

    // 004: 字号 (line 9) and 分享 (line 11) are separate lines; ** removed (41).
    const auto n4 = qingdan::normalise(seed("004"));
    CHECK(line_at(n4.lines, 9) == nullptr);
    CHECK(line_at(n4.lines, 11) == nullptr);
    REQUIRE(line_at(n4.lines, 41) != nullptr);
    CHECK(line_at(n4.lines, 41)->text.rfind("——知识产权管理。知识产权管理体制", 0) == 0);
    REQUIRE(line_at(n4.lines, 77) != nullptr);
    CHECK(n4.lines.back().line_start == 77);  // 附件：… ; 相关链接 (79) onwards dropped
}

TEST_CASE("normalise on the PDF seeds: page numbers gone, table cells intact", "[normalise]") {
    const std::string text = seed("003");
    const auto n = qingdan::normalise(text);
    const auto orig = original_lines(text);
    REQUIRE(orig.size() >= 999);
    CHECK(contains(orig[998], "12"));     // ` — 12 — ` on line 999
    CHECK(line_at(n.lines, 999) == nullptr);
    REQUIRE(line_at(n.lines, 46) != nullptr);
    CHECK(line_at(n.lines, 46)->text == "年内有阶");
    REQUIRE(line_at(n.lines, 1) != nullptr);
    CHECK(line_at(n.lines, 1)->text == "附件1");
    for (const auto& l : n.lines) {
        CHECK_FALSE(contains(l.text, "  "));
        CHECK(l.text.front() != ' ');
        CHECK(l.text.back() != ' ');
    }

    const auto n0 = qingdan::normalise(seed("000"));
    const Line* l5 = line_at(n0.lines, 5);
    REQUIRE(l5 != nullptr);
    CHECK(l5->text.rfind("\t国家知识产权局:充分发挥国务院", 0) == 0);
    CHECK(contains(l5->text, "\t局内:联席办、战略规划司"));
    const Line* l21 = line_at(n0.lines, 21);
    REQUIRE(l21 != nullptr);
    CHECK(contains(l21->text, "力争在2023年底前全面取消"));
    // 000 line 65 keeps its stray task number in the last cell.
    const Line* l65 = line_at(n0.lines, 65);
    REQUIRE(l65 != nullptr);
    CHECK(l65->text.substr(l65->text.size() - 3) == "\t14");
}

TEST_CASE("join_wrapped joins lines broken inside a sentence", "[normalise]") {
    SECTION("001 lines 41/43, across the blank line web extraction inserts") {
        const auto joined = qingdan::join_wrapped(qingdan::normalise(seed("001")).lines);
        const Line* l = line_at(joined, 41);
        REQUIRE(l != nullptr);
        CHECK(l->line_end == 43);
        CHECK(contains(l->text, "加大地理标志保护相关技术标准制定工作力度。"));
        // The title and the sentence after it stay apart; so do heading and item.
        CHECK(line_at(joined, 27) != nullptr);
        CHECK(line_at(joined, 27)->line_end == 27);
        CHECK(line_at(joined, 29) != nullptr);
        CHECK(line_at(joined, 31)->text == "一、总体要求");
        CHECK(line_at(joined, 37)->text == "（一）夯实工作基础");
        CHECK(line_at(joined, 23)->text == "国家知识产权局");
        CHECK(line_at(joined, 25)->text == "2022年1月20日");
        // (三) ends without 。 but (四) is a new item.
        CHECK(line_at(joined, 81)->line_end == 81);
        CHECK(line_at(joined, 83) != nullptr);
    }
    SECTION("002 lines 221/223 and 261/263") {
        const auto joined = qingdan::join_wrapped(qingdan::normalise(seed("002")).lines);
        const Line* l = line_at(joined, 221);
        REQUIRE(l != nullptr);
        CHECK(l->line_end == 223);
        CHECK(contains(l->text, "推动开展第二期在华 TISC建设。开展国家知识产权信息公共服务网点备案工作"));
        const Line* m = line_at(joined, 261);
        REQUIRE(m != nullptr);
        CHECK(m->line_end == 263);
        CHECK(contains(m->text, "《工业品外观设计国际注册海牙协定》"));
        CHECK(line_at(joined, 225) != nullptr);  // 88．… starts a new item
        // The cover notice's signature lines are not glued together.
        CHECK(line_at(joined, 13)->line_end == 13);
        CHECK(line_at(joined, 15)->text == "（国家知识产权局代章）");
        CHECK(line_at(joined, 19)->line_end == 19);  // the plan's title
        // Nothing else of 002 is wrapped.
        int joins = 0;
        for (const auto& x : joined) joins += x.line_end != x.line_start;
        CHECK(joins == 2);
    }
    SECTION("004 lines 61/63") {
        const auto joined = qingdan::join_wrapped(qingdan::normalise(seed("004")).lines);
        const Line* l = line_at(joined, 61);
        REQUIRE(l != nullptr);
        CHECK(l->line_end == 63);
        CHECK(contains(l->text, "先进制造业集群汇聚。"));
        CHECK(line_at(joined, 65) != nullptr);
    }
    SECTION("labels, sentence ends and tab lines") {
        std::vector<Line> in = {
            {"加大地理标志保护相关技术标准制定工作的力度，推动出台知识产权鉴定规范", 1, 1},
            {"标准。", 3, 3},
            {"各地区要认真落实《关于强化知识产权保护的意见》，推动将知识产权保护工作", 4, 4},
            {"（一）夯实工作基础", 5, 5},
            {"1．强化检查考核评估和满意度调查，制定实施2022—2023年贯彻落实意见推进计划", 6, 6},
            {"1、第二项", 7, 7},
            {"做好专利法实施细则修订和专利审查指南适应性修改。（条法司负责）", 8, 8},
            {"以下内容不应接到上一行", 9, 9},
            {"\t国家知识产权局:推动出台中央和地方知识产权事权划分改革方案，适当加强", 10, 10},
            {"知识产权保护中央事权", 11, 11},
            {"Version of the plan for the year 2023 as adopted by the meeting of all", 12, 12},
            {"departments", 13, 13},
        };
        const auto out = qingdan::join_wrapped(in);
        const std::vector<std::string> want = {
            "加大地理标志保护相关技术标准制定工作的力度，推动出台知识产权鉴定规范标准。",
            "各地区要认真落实《关于强化知识产权保护的意见》，推动将知识产权保护工作",
            "（一）夯实工作基础",
            "1．强化检查考核评估和满意度调查，制定实施2022—2023年贯彻落实意见推进计划",
            "1、第二项",
            "做好专利法实施细则修订和专利审查指南适应性修改。（条法司负责）",
            "以下内容不应接到上一行",
            "\t国家知识产权局:推动出台中央和地方知识产权事权划分改革方案，适当加强",
            "知识产权保护中央事权",
            "Version of the plan for the year 2023 as adopted by the meeting of all departments",
        };
        CHECK(texts(out) == want);
        REQUIRE(out.size() == want.size());
        CHECK(out[0].line_start == 1);
        CHECK(out[0].line_end == 3);
        CHECK(out.back().line_start == 12);
        CHECK(out.back().line_end == 13);
    }
}

TEST_CASE("Simplified text is left alone and loads no converter", "[normalise]") {
    for (const char* prefix : {"000", "001", "002", "003", "004"}) {
        const std::string text = seed(prefix);
        INFO(prefix);
        CHECK_FALSE(qingdan::looks_traditional(text));
        const auto n = qingdan::normalise(text);
        CHECK(n.script == "Hans");
    }
    // 著作权 and 着力 in Simplified text must not be touched.
    const auto n = qingdan::normalise("推进修改《著作权法实施条例》，着力推动高质量发展，成效显著。");
    CHECK(n.script == "Hans");
    REQUIRE(n.lines.size() == 1);
    CHECK(n.lines[0].text == "推进修改《著作权法实施条例》，着力推动高质量发展，成效显著。");
}

TEST_CASE("Traditional text is detected and converted at phrase level", "[normalise]") {
    CHECK(qingdan::looks_traditional("國家知識產權局關於印發"));
    CHECK(qingdan::looks_traditional("著作權"));
    CHECK_FALSE(qingdan::looks_traditional("国家知识产权局"));
    CHECK_FALSE(qingdan::looks_traditional("plain ASCII"));

    using qingdan::to_simplified;
    CHECK(to_simplified("國家知識產權局關於印發《推動知識產權高質量發展年度工作指引》的通知") ==
          "国家知识产权局关于印发《推动知识产权高质量发展年度工作指引》的通知");
    // Phrase level: 乾/干, 後/后, 髮/发 ...
    CHECK(to_simplified("乾淨的幹部在後面理髮") == "干净的干部在后面理发");
    // 著: the word stays, the particle becomes 着.
    CHECK(to_simplified("著作權") == "著作权");
    CHECK(to_simplified("中華人民共和國著作權法實施條例") == "中华人民共和国著作权法实施条例");
    CHECK(to_simplified("看著") == "看着");
    CHECK(to_simplified("隨著改革深入") == "随着改革深入");
    CHECK(to_simplified("著力推動") == "着力推动");
    CHECK(to_simplified("意味著") == "意味着");
    CHECK(to_simplified("本著作權法") == "本著作权法");
    CHECK(to_simplified("成效顯著") == "成效显著");
    CHECK(to_simplified("著名品牌") == "著名品牌");
    CHECK(to_simplified("土著和名著") == "土著和名著");
    CHECK(to_simplified("圍繞著重點任務") == "围绕着重点任务");
    CHECK(to_simplified("著眼長遠，著手解決") == "着眼长远，着手解决");
    // Hong Kong and Taiwan variant forms.
    CHECK(to_simplified("衞生健康委") == "卫生健康委");
    CHECK(to_simplified("") == "");
    CHECK(to_simplified("ASCII only\n第二行") == "ASCII only\n第二行");

    const auto n = qingdan::normalise("國知發保字〔2022〕5號\n\n各省、自治區、直轄市知識產權局：\n");
    CHECK(n.script == "Hant");
    REQUIRE(n.lines.size() == 2);
    CHECK(n.lines[0].text == "国知发保字〔2022〕5号");
    CHECK(n.lines[1].text == "各省、自治区、直辖市知识产权局：");
    CHECK(n.lines[1].line_start == 3);
}

TEST_CASE("Traditional corpus (OpenCC s2t) converts back with >= 99.5% accuracy", "[normalise]") {
    opencc::SimpleConverter s2t("s2t.json");
    opencc::SimpleConverter s2tw("s2tw.json");
    for (const char* prefix : {"000", "001", "002", "003", "004"}) {
        const std::string text = seed(prefix);
        for (auto* conv : {&s2t, &s2tw}) {
            const std::string hant = conv->Convert(text);
            const std::string back = qingdan::to_simplified(hant);
            // OpenCC conversions here are character for character.
            std::size_t total = 0, same = 0;
            std::string diffs;
            std::size_t i = 0, j = 0;
            REQUIRE(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }) ==
                    std::count_if(back.begin(), back.end(), [](char c) { return (c & 0xC0) != 0x80; }));
            auto next = [](const std::string& s, std::size_t& k) {
                std::size_t start = k++;
                while (k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) ++k;
                return s.substr(start, k - start);
            };
            while (i < text.size()) {
                std::string a = next(text, i), b = next(back, j);
                ++total;
                if (a == b)
                    ++same;
                else if (diffs.size() < 300)
                    diffs += " " + a + "→" + b;
            }
            INFO(prefix << ": " << same << "/" << total << " differences:" << diffs);
            CHECK(double(same) / double(total) >= 0.995);
            // In this corpus the only difference is a 見 the original itself contains.
            CHECK(total - same <= 1);
        }
    }
}

TEST_CASE("normalise is safe on odd input", "[normalise]") {
    CHECK(qingdan::normalise("").lines.empty());
    CHECK(qingdan::normalise("\n\n  \n\t\t\n").lines.empty());
    // ill-formed UTF-8 (callers may skip decode()) reads as U+FFFD
    const auto n = qingdan::normalise("知识\xFF产权\n\xE4\xB8");
    REQUIRE(n.lines.size() == 2);
    CHECK(n.lines[0].text == "知识\xEF\xBF\xBD产权");
    // many ill-formed bytes on one line (each grows to a 3-byte U+FFFD)
    const auto bad = qingdan::normalise(std::string(100, '\xFF') + "尾");
    REQUIRE(bad.lines.size() == 1);
    CHECK(bad.lines[0].text.size() == 300 + 3);
    // CR line ends counted like decode() counts them
    const auto m = qingdan::normalise("一\r\n二\r三");
    REQUIRE(m.lines.size() == 3);
    CHECK(m.lines[2].line_start == 3);
}

TEST_CASE("decode, normalise and join_wrapped survive arbitrary bytes", "[normalise][decode]") {
    // Deterministic pseudo-random inputs: fragments of a seed mixed with
    // random bytes. Whatever comes out must be well-formed UTF-8.
    const std::string text = seed("000") + seed("004");
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    auto well_formed = [](const std::string& s) {
        std::size_t i = 0;
        while (i < s.size()) {
            auto b = static_cast<unsigned char>(s[i]);
            std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
            if (len == 0 || i + len > s.size()) return false;
            for (std::size_t k = 1; k < len; ++k)
                if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
            i += len;
        }
        return true;
    };
    for (int round = 0; round < 300; ++round) {
        std::string bytes;
        const std::size_t pieces = 1 + next() % 6;
        for (std::size_t p = 0; p < pieces; ++p) {
            if (next() % 2) {
                std::size_t from = next() % text.size(), len = next() % 400;
                bytes += text.substr(from, len);
            } else {
                std::size_t len = next() % 40;
                for (std::size_t k = 0; k < len; ++k) {
                    char c = static_cast<char>(next() & 0xFF);
                    bytes.push_back(c == '\0' ? '\x80' : c);
                }
            }
        }
        INFO("round " << round);
        qingdan::DecodedText d;
        try {
            d = qingdan::decode(bytes);
        } catch (const qingdan::DecodeError&) {
            continue;  // e.g. random bytes that start like a PNG
        }
        CHECK(well_formed(d.utf8));
        const auto n = qingdan::normalise(d.utf8);
        for (const auto& l : n.lines) CHECK(well_formed(l.text));
        const auto j = qingdan::join_wrapped(n.lines);
        for (const auto& l : j) {
            CHECK(well_formed(l.text));
            CHECK(l.line_start <= l.line_end);
        }
        // normalise() also takes raw, undecoded bytes.
        for (const auto& l : qingdan::normalise(bytes).lines) CHECK(well_formed(l.text));
    }
}
