// Heading numerals, preamble parts and layout detection on short snippets
// written in the genre's style.
#include <catch2/catch.hpp>

#include "ustr.hpp"
#include "qingdan/pipeline.hpp"
#include "support.hpp"

using namespace qingdan;

namespace {

Document compile_snippet(const std::string& text) { return qingdan::test::compiler().compile(text, "snippet.txt"); }

std::vector<std::string> titles(const Document& d) {
    std::vector<std::string> out;
    for (const auto& s : d.sections)
        if (s.level == 1) out.push_back(s.label + "|" + s.title + "|" + s.kind);
    return out;
}

}  // namespace

TEST_CASE("formal numerals have their value", "[headings]") {
    CHECK(ustr::small_chinese_number("壹") == 1);
    CHECK(ustr::small_chinese_number("贰") == 2);
    CHECK(ustr::small_chinese_number("参") == 3);
    CHECK(ustr::small_chinese_number("拾壹") == 11);
    CHECK(ustr::small_chinese_number("十二") == 12);
    CHECK(ustr::small_chinese_number("年") == 0);
}

TEST_CASE("formal numeral headings open parts", "[headings]") {
    Document d = compile_snippet(
        "壹、提高知识产权保护工作法治化水平\n"
        "1. 推进商标法修改。（市场监管总局负责）\n"
        "贰、强化知识产权全链条保护\n"
        "2. 开展专项行动。（知识产权局负责）\n");
    REQUIRE(titles(d) == std::vector<std::string>{"壹、|提高知识产权保护工作法治化水平|tasks",
                                                  "贰、|强化知识产权全链条保护|tasks"});
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[1].section_path == std::vector<std::string>{"贰"});
}

TEST_CASE("an enumeration of numerals is not a heading", "[headings]") {
    Document d = compile_snippet(
        "一、完善知识产权制度\n"
        "1. 开展地理标志立法研究。（知识产权局负责）\n"
        "一、二、三、四季度分别完成9%、12%、15%、18%。\n"
        "2. 完善联席会议机制。（知识产权局牵头，各成员单位配合）\n");
    CHECK(titles(d) == std::vector<std::string>{"一、|完善知识产权制度|tasks"});
    CHECK(d.tasks.size() == 2);
}

TEST_CASE("a heading numeral alone on its line, or 第X部分", "[headings]") {
    Document d = compile_snippet(
        "2023年知识产权工作推进计划\n"
        "一、完善知识产权制度\n"
        "1. 推进专利法实施细则修改。（国家知识产权局负责）\n"
        "二\n"
        "强化知识产权保护\n"
        "2. 开展专项行动。（知识产权局负责）\n"
        "第三部分\n"
        "组织实施\n"
        "3. 加强督促检查。（知识产权局负责）\n");
    CHECK(titles(d) == std::vector<std::string>{"一、|完善知识产权制度|tasks", "二|强化知识产权保护|tasks",
                                                "第三部分|组织实施|requirements"});
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[2].section_path == std::vector<std::string>{"三"});
}

TEST_CASE("第X部分 over 一、 headings: chapters are parts, 一、 their sections", "[headings]") {
    Document d = compile_snippet(
        "某省2024年深化改革工作要点\n"
        "第一部分 经济体制改革\n"
        "一、深化国资国企改革\n"
        "（一）推进国有企业改革深化提升行动。完善中国特色现代企业制度。（省国资委牵头）\n"
        "二、优化营商环境\n"
        "（二）深化商事制度改革。推行经营主体登记确认制。（省市场监管局负责）\n"
        "第二部分 社会体制改革\n"
        "三、深化教育改革\n"
        "（三）推进义务教育优质均衡发展。扩大优质教育资源覆盖面。（省教育厅负责）\n");
    CHECK(titles(d) == std::vector<std::string>{"第一部分|经济体制改革|tasks", "第二部分|社会体制改革|tasks"});
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].section_path == std::vector<std::string>{"一", "一、"});
    CHECK(d.tasks[1].section_path == std::vector<std::string>{"一", "二、"});
    CHECK(d.tasks[2].section_path == std::vector<std::string>{"二", "三、"});
    CHECK(d.tasks[2].number == 3);
}

TEST_CASE("a sentence after a numeral and a space is not a heading", "[headings]") {
    Document d = compile_snippet(
        "一、完善知识产权制度\n"
        "1. 推进专利法实施细则修改。（国家知识产权局负责）\n"
        "二 各地区要加强统筹，抓好落实。\n");
    CHECK(titles(d).size() == 1);
}

TEST_CASE("（100） and above are items", "[headings]") {
    Document d = compile_snippet(
        "一、完善知识产权制度\n"
        "1. 推进商标法修改。（市场监管总局负责）\n"
        "2. 推进著作权法修改。（中央宣传部负责）\n"
        "（99）推进商标法修改。（市场监管总局负责）\n"
        "（100）推进专利法修改。（知识产权局负责）\n"
        "（101）开展专项行动。（公安部负责）\n");
    CHECK(d.tasks.size() == 5);
}

TEST_CASE("一是…二是… is not numbering", "[headings]") {
    Document d = compile_snippet(
        "一、完善知识产权制度\n"
        "1. 加强统筹。一是完善制度；二是健全机制。（知识产权局负责）\n"
        "一是完善工作机制。\n");
    CHECK(d.tasks.size() == 1);
}

TEST_CASE("目的 and 背景 parts are preambles", "[headings]") {
    Document d = compile_snippet(
        "一、目的\n"
        "为贯彻落实党中央、国务院决策部署，确保各项工作落地见效。\n"
        "二、工作内容\n"
        "1. 推进专利法实施细则修改。（国家知识产权局负责）\n");
    CHECK(titles(d) == std::vector<std::string>{"一、|目的|preamble", "二、|工作内容|tasks"});
    CHECK(d.tasks.size() == 1);
}

TEST_CASE("numbered plans with 责任单位 clauses are detected as numbered plans", "[headings][layout]") {
    const std::string items[] = {
        "1. 推进商标法修改。完成研究论证。（责任单位：市场监管总局、知识产权局）\n"
        "2. 推进著作权法实施条例修改。完成起草。（责任单位：中央宣传部）\n",
        "1. 推进商标法修改。完成研究论证。\n牵头单位：市场监管总局；配合单位：知识产权局\n"
        "2. 推进著作权法实施条例修改。完成起草。\n责任单位：中央宣传部\n",
    };
    for (const auto& body : items) {
        Document d = compile_snippet("一、完善知识产权制度\n" + body);
        CHECK(d.layout == "numbered-plan");
        // 推进商标法修改。完成研究论证。: a short sentence and a shorter one,
        // with the units inline or on lines of their own, is no name + text.
        REQUIRE(d.tasks.size() == 2);
        for (const auto& t : d.tasks) CHECK_FALSE(t.title);
    }
}

TEST_CASE("a lost part heading is reported, with the numbers it skips", "[headings]") {
    const Document d = compile_snippet(
        "九、完善制度\n1．加强保护（保护司负责）\n十二、加强合作\n2．深化合作（国际司负责）\n十三、营造环境\n3．加强宣传（办公室负责）\n");
    std::vector<std::string> gaps;
    for (const auto& x : d.diagnostics)
        if (x.code == "number-gap") gaps.push_back(x.message);
    CHECK(gaps == std::vector<std::string>{"part 十二 follows part 九: heading 十、十一 lost"});
    // The tasks stay where the text puts them.
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[1].section_path.front() == "十二");
}
