// Values as offices outside the seed issuer write them (issue 11, item 4).
// Sentences are copied from the wild documents (../shared/wild) and from
// public 工作要点 / 任务分工 pages of other offices; the expected values
// follow ../shared/wild/README.md (年底前 -> YYYY-12-31, a month without
// a day -> its last day when 底/前 closes it, month-only -> YYYY-MM).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "values.hpp"

namespace {

using Pair = std::pair<double, std::string>;

std::vector<Pair> targets_of(const std::string& s) {
    std::vector<Pair> out;
    for (const auto& t : qingdan::extract_targets(s)) out.emplace_back(t.value, t.unit);
    return out;
}

std::vector<std::string> dates_of(const std::string& s, std::optional<int> year) {
    std::vector<std::string> out;
    for (const auto& d : qingdan::extract_deadlines(s, year)) out.push_back(d.date);
    return out;
}

}  // namespace

TEST_CASE("deadlines: completion limits in the document's year", "[values][wild]") {
    // 官渡区稳增长措施 (2016): a month end without a year
    CHECK(dates_of("加快建立“中介超市”，5月底前实现我区中介超市上线运行。", 2016) ==
          std::vector<std::string>{"2016-05-31"});
    CHECK(dates_of("6月底前完成项目库建设。", 2023) == std::vector<std::string>{"2023-06-30"});
    // 许昌市政府工作报告分解: 年底前 in a notice paragraph
    CHECK(dates_of("年底前向市政府报告全年落实情况。", 2020) == std::vector<std::string>{"2020-12-31"});
    CHECK(dates_of("完成时限：年底前", 2024) == std::vector<std::string>{"2024-12-31"});
    CHECK(dates_of("2024年6月底前出台实施细则。", 2023) == std::vector<std::string>{"2024-06-30"});
    CHECK(dates_of("完成时限：2024年6月底", 2024) == std::vector<std::string>{"2024-06-30"});
    CHECK(dates_of("9月30日前完成全部验收工作。", 2023) == std::vector<std::string>{"2023-09-30"});
    CHECK(dates_of("2025年12月31日前全面完成改造任务。", 2023) == std::vector<std::string>{"2025-12-31"});
    // Two statements of the same limit in one paragraph are two deadlines.
    CHECK(dates_of("年底前向市政府报告全年落实情况。年底前，围绕重点工作开展综合督查。", 2020) ==
          std::vector<std::string>{"2020-12-31", "2020-12-31"});
}

TEST_CASE("deadlines: quarters, halves and parts of a month", "[values][wild]") {
    CHECK(dates_of("第一季度完成摸底调查。", 2024) == std::vector<std::string>{"2024-03-31"});
    CHECK(dates_of("完成时限：2023年第三季度", 2023) == std::vector<std::string>{"2023-09-30"});
    CHECK(dates_of("上半年完成平台上线运行。", 2024) == std::vector<std::string>{"2024-06-30"});
    CHECK(dates_of("4月中旬前完成方案报送。", 2024) == std::vector<std::string>{"2024-04-20"});
    // a quarter without 第 or a year, and its 末
    CHECK(dates_of("三季度末前", 2024) == std::vector<std::string>{"2024-09-30"});
    CHECK(dates_of("2024年三季度末前完成验收。", 2023) == std::vector<std::string>{"2024-09-30"});
    CHECK(dates_of("4季度完成。", 2024) == std::vector<std::string>{"2024-12-31"});
    CHECK(dates_of("共建成24季度", 2024).empty());  // a digit run is no quarter
    // month precision: a month printed with its year and nothing else
    CHECK(dates_of("完成时限：2023年12月", 2023) == std::vector<std::string>{"2023-12"});
}

TEST_CASE("deadlines: standing work and the year as a whole are not dates", "[values][wild]") {
    CHECK(dates_of("长期坚持", 2024).empty());
    CHECK(dates_of("持续推进", 2024).empty());
    CHECK(dates_of("年内完成", 2024).empty());
    CHECK(qingdan::is_completion_phrase("长期坚持"));
    CHECK(qingdan::is_completion_phrase("持续推进"));
    CHECK(qingdan::is_completion_phrase("年内完成"));
    CHECK(qingdan::is_completion_phrase("2024年6月底前"));
}

TEST_CASE("targets: operators and measure words of other offices", "[values][wild]") {
    // 丽水市政府工作报告 (2023)
    CHECK(targets_of("生产总值增长6%以上，高质量前提下能快则快。") == std::vector<Pair>{{6, "%"}});
    CHECK(targets_of("研发投入强度达到2.3%。") == std::vector<Pair>{{2.3, "%"}});
    CHECK(targets_of("居民消费价格涨幅控制在3%以内。") == std::vector<Pair>{{3, "%"}});
    CHECK(targets_of("实施招商引资“百千”行动，每年招引亿元以上制造业项目100个，带动未来五年制造业投资1000亿元以上。") ==
          std::vector<Pair>{{100, "个"}, {1000, "亿元"}});
    // a size class (20亿级) says what is counted: not a target
    CHECK(targets_of("力争引进20亿级项目不少于12个、50亿级项目不少于2个。") ==
          std::vector<Pair>{{12, "个"}, {2, "个"}});
    CHECK(targets_of("城乡居民门诊用药报销比例达到80%以上。") == std::vector<Pair>{{80, "%"}});
    // 官渡区: processing-time limits and an amount allotted
    CHECK(targets_of("环评报告书14个工作日内、环评报告表7个工作日内完成审批。") ==
          std::vector<Pair>{{14, "个工作日"}, {7, "个工作日"}});
    CHECK(targets_of("区级财政安排4000万元重大项目前期费。") == std::vector<Pair>{{4000, "万元"}});
    // thresholds that only say what is covered
    CHECK(targets_of("辖区范围内6亩以下(不含6亩)的土地使用转让手续，区政府审查后办理土地登记。").empty());
}

TEST_CASE("targets: counts of things to build or add", "[values][wild]") {
    // 六盘水新基建三年行动方案: the verb stands inside the clause
    CHECK(targets_of("到2024年，全市累计建成5G基站1万个，累计新建市级及以上创新平台50个以上。") ==
          std::vector<Pair>{{1, "万个"}, {50, "个"}});
    CHECK(targets_of("新增四分类“三定一督”达标小区210个。") == std::vector<Pair>{{210, "个"}});
    CHECK(targets_of("新建建筑垃圾中转站8个、建筑垃圾分类池20个。") == std::vector<Pair>{{8, "个"}, {20, "个"}});
    CHECK(targets_of("新增国家级专精特新企业3家。") == std::vector<Pair>{{3, "家"}});
    // 广东自然灾害防治行动方案: a clause opened by a count, closed by 完成
    CHECK(targets_of("到2021年，9项重点工程建设目标基本完成，工程防御能力显著增强。") == std::vector<Pair>{{9, "项"}});
}
