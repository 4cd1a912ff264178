// Numbers, targets, deadlines and scope clauses (src/extract/values_*.cpp).
// Sentences are copied from data/corpus/*.txt; the expected sets come from the
// hand-made gold annotations of the same documents.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "values.hpp"

using qingdan::Deadline;
using qingdan::Scope;
using qingdan::Target;

namespace {

using Pair = std::pair<double, std::string>;

std::vector<Pair> pairs(const std::vector<Target>& ts) {
    std::vector<Pair> out;
    for (const auto& t : ts) out.emplace_back(t.value, t.unit);
    return out;
}

std::vector<Pair> targets_of(const std::string& s) { return pairs(qingdan::extract_targets(s)); }

std::vector<std::string> dates_of(const std::string& s, std::optional<int> year = std::nullopt) {
    std::vector<std::string> out;
    for (const auto& d : qingdan::extract_deadlines(s, year)) out.push_back(d.date);
    return out;
}

std::vector<std::pair<std::string, std::string>> scope_of(const std::string& s) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& x : qingdan::parse_scope_clause(s)) out.emplace_back(x.tier, x.obligation);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The corpus file as sentences: lines are joined (PDF wraps lines inside
// sentences, so a line break is no boundary) and the text is cut after 。；！？
// and at blank-line-separated web paragraphs that end without punctuation.
std::vector<std::string> sentences(const std::string& raw) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(raw);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        cur += line;
        cur += ' ';
    }
    std::string sentence;
    for (std::size_t i = 0; i < cur.size();) {
        static const char* ends[] = {"。", "；", "！", "？"};
        bool cut = false;
        for (const char* e : ends) {
            std::size_t n = std::char_traits<char>::length(e);
            if (cur.compare(i, n, e) == 0) {
                sentence.append(cur, i, n);
                i += n;
                cut = true;
                break;
            }
        }
        if (cut) {
            out.push_back(sentence);
            sentence.clear();
            continue;
        }
        sentence.push_back(cur[i]);
        ++i;
    }
    if (!sentence.empty()) out.push_back(sentence);
    return out;
}

std::string corpus(const std::string& stem) {
    return read_file(std::string(QINGDAN_SOURCE_DIR) + "/data/corpus/" + stem + ".txt");
}

}  // namespace

TEST_CASE("parse_number: Arabic and Chinese numerals", "[values]") {
    struct Row {
        const char* in;
        double want;
    };
    const Row rows[] = {
        {"16", 16},        {"2023", 2023},      {"1,000", 1000},   {"12,345,678", 12345678},
        {"93.5", 93.5},    {"0.25", 0.25},      {" 85 ", 85},      {"1.5万", 15000},
        {"3亿", 3e8},      {"零", 0},           {"〇", 0},         {"一", 1},
        {"两", 2},         {"十", 10},          {"十四", 14},      {"二十", 20},
        {"二十五", 25},    {"一百", 100},       {"百", 100},       {"一百零五", 105},
        {"一百一十", 110}, {"三千", 3000},      {"两千零二十三", 2023}, {"一千零五十", 1050},
        {"一万", 10000},   {"一万二千", 12000}, {"十万", 100000},  {"一亿二千万", 120000000},
        {"一百五", 150},   {"三千五", 3500},    {"一万二", 12000}, {"二〇二三", 2023},
        {"二〇二二", 2022}, {"一九九八", 1998},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        auto v = qingdan::parse_number(r.in);
        REQUIRE(v.has_value());
        CHECK(*v == Approx(r.want));
    }
    const char* bad[] = {"",   "abc", "16个", "1,00", "1,0000", "十十", "十五百", "一二三四五十",
                         "百千", "2023年", "第一", "1..2", "四·26"};
    for (const char* b : bad) {
        INFO(b);
        CHECK_FALSE(qingdan::parse_number(b).has_value());
    }
}

TEST_CASE("parse_date: whole dates only", "[values]") {
    CHECK(qingdan::parse_date("2023年3月23日") == std::optional<std::string>("2023-03-23"));
    CHECK(qingdan::parse_date("二〇二三年三月二十三日") == std::optional<std::string>("2023-03-23"));
    CHECK(qingdan::parse_date("2022-01-24") == std::optional<std::string>("2022-01-24"));
    CHECK(qingdan::parse_date(" 2021年12月27日 ") == std::optional<std::string>("2021-12-27"));
    CHECK(qingdan::parse_date("2022年6月") == std::optional<std::string>("2022-06"));
    CHECK_FALSE(qingdan::parse_date("2022年2月30日").has_value());
    CHECK_FALSE(qingdan::parse_date("2023年底").has_value());
    CHECK_FALSE(qingdan::parse_date("发布时间：2022-01-24").has_value());
    CHECK_FALSE(qingdan::parse_date("2021—2035年").has_value());
}

TEST_CASE("targets: operators, values and units from the corpus", "[values]") {
    // 003 task 6
    auto t = qingdan::extract_targets(
        "国家知识产权局：进一步加强审查能力建设，完善质量评价机制，高价值专利审查周期压减至16个月以内，"
        "专利审查质量用户满意度指数在85分以上，发明专利审查结案准确率在85%以上。");
    REQUIRE(t.size() == 3);
    CHECK(t[0].value == 16);
    CHECK(t[0].unit == "个月");
    CHECK(t[0].op == "<=");
    CHECK(t[0].metric == "高价值专利审查周期");
    CHECK(t[0].text == "高价值专利审查周期压减至16个月以内");
    CHECK(t[1].value == 85);
    CHECK(t[1].unit == "分");
    CHECK(t[1].op == ">=");
    CHECK(t[1].metric == "专利审查质量用户满意度指数");
    CHECK(t[2].unit == "%");
    CHECK(t[2].op == ">=");
    CHECK(t[2].metric == "发明专利审查结案准确率");

    // 003 task 7, with the PDF's space before the number
    t = qingdan::extract_targets("国家知识产权局：将商标注册平均审查周期压减至 4个月以内。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 4);
    CHECK(t[0].op == "<=");

    // 003 task 8: growth keeps 增长 in the metric
    t = qingdan::extract_targets("扩大知识产权质押融资规模，力争全年增长 20%以上。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 20);
    CHECK(t[0].unit == "%");
    CHECK(t[0].op == ">=");
    CHECK(t[0].metric.find("增长") != std::string::npos);

    // 004 主要目标
    t = qingdan::extract_targets(
        "发明专利审查周期压减到16个月，结案准确率达93%以上。一般情形商标注册周期稳定在7个月，"
        "商标实质审查抽检合格率达97%以上。");
    REQUIRE(t.size() == 4);
    CHECK(t[0].op == "<=");
    CHECK(t[0].metric == "发明专利审查周期");
    CHECK(t[1].value == 93);
    CHECK(t[1].op == ">=");
    CHECK(t[2].value == 7);
    CHECK(t[2].unit == "个月");
    CHECK(t[2].op == "=");
    CHECK(t[3].value == 97);
    t = qingdan::extract_targets("专利商标质押普惠面进一步扩大，质押融资金额和惠及中小企业数量均增长10%以上。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 10);
    CHECK(t[0].op == ">=");
    CHECK(t[0].metric.find("增长") != std::string::npos);

    // 002 tasks 44, 87, 90
    t = qingdan::extract_targets(
        "加快知识产权保护中心和快速维权中心布局，2021 年新建 20 家左右知识产权保护中心和快速维权中心，"
        "2022 年优化知识产权保护中心和快速维权中心区域产业布局。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 20);
    CHECK(t[0].unit == "家");
    CHECK(t[0].op == "~");
    CHECK(t[0].metric == "新建知识产权保护中心和快速维权中心");
    t = qingdan::extract_targets(
        "完成 100 家世界知识产权组织技术与创新支持中心（TISC）首期建设目标，推动开展第二期在华 TISC建设。"
        "开展国家知识产权信息公共服务网点备案工作，实现全国 31 个省（自治区、直辖市）全覆盖。");
    REQUIRE(t.size() == 2);
    CHECK(t[0].value == 100);
    CHECK(t[0].unit == "家");
    CHECK(t[0].op == "=");
    CHECK(t[0].metric.find("首期建设目标") != std::string::npos);
    CHECK(t[1].value == 31);
    CHECK(t[1].unit == "个");
    CHECK(t[1].op == "=");
    t = qingdan::extract_targets("完成高校国家知识产权信息服务中心达到 100 家的目标。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 100);
    CHECK(t[0].op == "=");
    CHECK(t[0].metric == "高校国家知识产权信息服务中心");

    // general forms
    CHECK(targets_of("审查周期控制在 20 天以内") == std::vector<Pair>{{20, "天"}});
    CHECK(qingdan::extract_targets("审查周期控制在20天以内")[0].op == "<=");
    CHECK(qingdan::extract_targets("培训人数不少于500人")[0].op == ">=");
    CHECK(qingdan::extract_targets("办理时限不超过15个工作日")[0].op == "<=");
    CHECK(qingdan::extract_targets("新建约30家服务网点")[0].op == "~");
    CHECK(targets_of("质押融资额达到1,500亿元") == std::vector<Pair>{{1500, "亿元"}});
    CHECK(targets_of("发明专利授权量达到1.5万件") == std::vector<Pair>{{1.5, "万件"}});
    CHECK(targets_of("今年新建二十家保护中心") == std::vector<Pair>{{20, "家"}});
    CHECK(targets_of("审查周期压减至16月以内") == std::vector<Pair>{{16, "月"}});
    CHECK(qingdan::extract_targets("在5个工作日内办结")[0].op == "<=");
    CHECK(targets_of("专利密集型产业增加值占GDP比重达到13%") == std::vector<Pair>{{13, "%"}});
    CHECK(targets_of("每万人口高价值发明专利拥有量达到12件") == std::vector<Pair>{{12, "件"}});
    CHECK(targets_of("比2020年提高10个百分点") == std::vector<Pair>{{10, "个百分点"}});
}

TEST_CASE("targets: a count closing a clause that a making verb opens", "[values]") {
    auto t = qingdan::extract_targets("新增知识产权快速维权中心3个。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 3);
    CHECK(t[0].unit == "个");
    CHECK(t[0].op == "=");
    CHECK(t[0].metric == "知识产权快速维权中心");
    // Times and fillers before the verb are skipped.
    t = qingdan::extract_targets("力争年内新增海外知识产权纠纷应对指导分中心5家，");
    REQUIRE(t.size() == 1);
    CHECK(t[0].metric == "海外知识产权纠纷应对指导分中心");
    // Only a verb before the count: the thing counted follows it.
    t = qingdan::extract_targets("建设10家左右知识产权保护工作站。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].op == "~");
    CHECK(t[0].metric == "知识产权保护工作站");
    // A filler before the operator is not part of the metric.
    t = qingdan::extract_targets("专利授权量力争突破5万件。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].metric == "专利授权量");
    // The count must close the clause, and the clause must open with the verb.
    CHECK(qingdan::extract_targets("建设工作站的任务分3个阶段推进。").empty());
    CHECK(qingdan::extract_targets("加强知识产权快速维权中心3个方面的建设。").empty());
}

TEST_CASE("targets: years, dates, ordinals, codes and enumerations are not targets", "[values]") {
    const char* none[] = {
        // 001 task 8
        "全力做好北京2022年冬奥会和冬残奥会奥林匹克标志知识产权保护各项工作，做好第46届世界技能大赛、"
        "杭州2022年第19届亚运会、第31届世界大学生夏季运动会等国际大型赛事相关特殊标志保护。",
        // 004 （八）
        "办好与世界知识产权组织合作50周年系列活动，深化国际合作交流。",
        "深度参与中美欧日韩五局合作。",
        "为推动创新链产业链资金链人才链“四链”深度融合提供知识产权专业服务。",
        // 003 task 9 / 17 / 13
        "启动《企业知识产权管理规范》（GB/T29490-2013）修订工作。",
        "办好第 13次中美欧日韩五局局长会、中非知识产权部长级会议。",
        "鼓励有条件的地方实现“一个窗口对外”的一站式服务，提升广大群众和企业的获得感。",
        "完成专利审查和检索系统智能化升级（一期）。",
        "根据《国务院办公厅关于推广第三批支持创新相关改革举措的通知》要求",
        // 001
        "充分利用“4·26”世界知识产权日等重要时段，组织报刊、电视及网络新媒体等开展集中宣传。",
        "更大范围开展“三结合、三拓展、两对接”工作，打造“一站式”知识产权保护服务载体。",
        "采取“双随机、一公开”等手段加强检查，及时核查问题线索，督促做好整改。",
        "鼓励创新创优创特色，打造一批一流保护服务机构。",
        "继续深化十二省市、华北五省（区市）、晋冀鲁豫十八市等跨地区知识产权行政保护协作。",
        "为喜迎二十大胜利召开营造良好的知识产权环境。",
        "全面贯彻党的十九大和十九届历次全会精神，深入落实习近平总书记在中央政治局第二十五次集体学习时的重要讲话精神。",
        "各省、自治区、直辖市和新疆生产建设兵团的实施方案、工作总结请分别于2022年2月28日和12月1日前报送我局知识产权保护司，"
        "电子件同时发送至zhifa@cnipa.gov.cn。",
        // 002
        "制定《人民法院知识产权司法保护规划（2021—2025年）》。",
        "全面总结最高人民法院知识产权法庭三年试点工作成效和问题，持续推进知识产权审判“三合一”改革工作。",
        "出台《国防科技工业知识产权转化目录（第七批）》。",
        "实施一流专业和一流课程建设“双万计划”，打造一批知识产权“金专”“金课”。",
        "发布2021中国林草知识产权和林草植物新品种保护年度报告。",
        "制定《2022年全国知识产权行政保护工作方案》，扎实推动“一省一策”共建知识产权强省。",
        "更好实现“网上办”“掌上办”“二十四小时不打烊”服务。",
        // headers, footers, dates
        "发布时间：2022-01-24",
        "京ICP备05069085号-14 京公网安备 11040102700058号",
        "2023年3月23日",
        "国知发运字〔2023〕7号",
        "于2023年12月15日前将推动知识产权高质量发展成效以纸件和电子件形式报送。",
        "咨询电话：010-62083114",
        // quantities without a commitment
        "目前已有31个省份建立工作机制。",
        "参加培训3次。",
        "支持10个城市开展试点",
        "在31个省份开展试点",
        "完成第3批示范区遴选",
        "实现第46届世界技能大赛赛事标志保护",
        "完成2022年度报告",
        "完成GB/T29490-2013修订",
        "由20天压减",
        "遴选1-2家单位",
        "进入全球前10位",
        "详见www.cnipa.gov.cn/art/2022/1/24/art_75_172283.html",
    };
    for (const char* s : none) {
        INFO(s);
        CHECK(qingdan::extract_targets(s).empty());
    }
}

TEST_CASE("deadlines: explicit dates with by/from context", "[values]") {
    // 000 task 5
    auto d = qingdan::extract_deadlines("力争在 2023 年底前全面取消对专利授权的各类财政资助。", 2022);
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == "2023-12-31");
    CHECK(d[0].kind == "by");
    CHECK(d[0].text == "2023年底前");

    // 004 工作要求
    d = qingdan::extract_deadlines(
        "抓好工作落实，于2023年12月15日前将推动知识产权高质量发展成效以纸件和电子件形式报送国家知识产权局知识产权运用促进司。",
        2023);
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == "2023-12-15");
    CHECK(d[0].kind == "by");
    CHECK(d[0].text == "2023年12月15日前");

    // 001 cover notice: year carried to the second date, 前 applies to both
    CHECK(dates_of("各省、自治区、直辖市和新疆生产建设兵团的实施方案、工作总结请分别于2022年2月28日和12月1日前报送我局知识产权保护司。",
                   2022) == std::vector<std::string>{"2022-02-28", "2022-12-01"});

    CHECK(dates_of("2022年6月底前完成") == std::vector<std::string>{"2022-06-30"});
    CHECK(dates_of("2024年2月底前") == std::vector<std::string>{"2024-02-29"});
    CHECK(dates_of("年底前完成整改", 2022) == std::vector<std::string>{"2022-12-31"});
    CHECK(dates_of("年底前完成整改").empty());  // no year anywhere
    CHECK(dates_of("今年年底前出台", 2023) == std::vector<std::string>{"2023-12-31"});
    CHECK(dates_of("明年年底前出台", 2023) == std::vector<std::string>{"2024-12-31"});
    CHECK(dates_of("2022年6月前报送") == std::vector<std::string>{"2022-06"});
    CHECK(dates_of("2022年6月完成验收") == std::vector<std::string>{"2022-06"});
    CHECK(dates_of("请于12月1日前报送", 2022) == std::vector<std::string>{"2022-12-01"});
    CHECK(dates_of("二〇二三年三月底前") == std::vector<std::string>{"2023-03-31"});
    CHECK(dates_of("2025年前基本建成") == std::vector<std::string>{"2025"});
    CHECK(dates_of("2022年上半年完成") == std::vector<std::string>{"2022-06-30"});
    CHECK(dates_of("截止2022年3月31日") == std::vector<std::string>{"2022-03-31"});

    CHECK(dates_of("自2023年起实施") == std::vector<std::string>{"2023"});
    d = qingdan::extract_deadlines("本办法自2022年1月1日起施行。", std::nullopt);
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == "2022-01-01");
    CHECK(d[0].kind == "from");
    CHECK(d[0].text == "自2022年1月1日起");
}

TEST_CASE("deadlines: bare dates, years, ranges and names are not deadlines", "[values]") {
    const char* none[] = {
        "全力做好北京2022年冬奥会和冬残奥会奥林匹克标志知识产权保护各项工作。",
        "加快知识产权保护中心和快速维权中心布局，2021 年新建 20 家左右知识产权保护中心和快速维权中心，"
        "2022 年优化知识产权保护中心和快速维权中心区域产业布局。",
        "制定实施2022—2023年贯彻落实《关于强化知识产权保护的意见》推进计划。",
        "国家知识产权局: 研究制定 2022-2023 年贯彻落实《关于强化知识产权保护的意见》 推进计划。",
        "深入实施《知识产权强国建设纲要（2021—2035年）》。",
        "办好 2020 年“一带一路”知识产权高级别会议。",
        "发布时间：2022-01-24",
        "2023年3月23日",
        "2021年12月27日",
        "（二）主要目标。2023年底，知识产权强国建设目标任务扎实推进。",
        "国家知识产权局关于印发2022年全国知识产权行政保护工作方案的通知",
        "明确2021—2022年度重点任务和措施，制定本计划。",
        "推动《2022年全国知识产权行政保护工作方案》于12月1日前落实",  // date outside 《》 without year
        "年 内 有 阶 段性成果",
        "2022年前三季度专利授权量",
        "2022年1月20日前后",
        "截至2021年底，累计建成保护中心",
        "2021年以来",
        "将商标注册平均审查周期压减至 4个月以内。",
    };
    for (const char* s : none) {
        INFO(s);
        CHECK(qingdan::extract_deadlines(s, std::nullopt).empty());
    }
}

TEST_CASE("scope clauses", "[values]") {
    using SP = std::vector<std::pair<std::string, std::string>>;
    auto s = qingdan::parse_scope_clause("省份：各类省份必做");
    REQUIRE(s.size() == 1);
    CHECK(s[0].tier == "province");
    CHECK(s[0].who == "各类省份");
    CHECK(s[0].obligation == "mandatory");
    CHECK(s[0].text == "省份：各类省份必做");

    s = qingdan::parse_scope_clause("城市：国家知识产权强市建设示范城市必做，其他城市选做");
    REQUIRE(s.size() == 2);
    CHECK(s[0].tier == "city");
    CHECK(s[0].who == "国家知识产权强市建设示范城市");
    CHECK(s[0].obligation == "mandatory");
    CHECK(s[1].tier == "city");
    CHECK(s[1].who == "其他城市");
    CHECK(s[1].obligation == "optional");

    // 003 task 11, as wrapped in the PDF column
    s = qingdan::parse_scope_clause("省份：引领型、\n支撑型知识产权\n强省试点省必\n做，其他省份选\n做 ");
    REQUIRE(s.size() == 2);
    CHECK(s[0].who == "引领型、支撑型知识产权强省试点省");
    CHECK(s[0].tier == "province");
    CHECK(s[0].obligation == "mandatory");
    CHECK(s[1].who == "其他省份");
    CHECK(s[1].obligation == "optional");

    // tier follows each category's head noun
    s = qingdan::parse_scope_clause("省份：各省份、国家知识产权强市建设示范城市必做");
    REQUIRE(s.size() == 2);
    CHECK(s[0].tier == "province");
    CHECK(s[0].who == "各省份");
    CHECK(s[1].tier == "city");
    CHECK(s[1].who == "国家知识产权强市建设示范城市");

    CHECK(scope_of("省份：第一批地\n理标志运用促进\n工作项目涉及省\n份必做") == SP{{"province", "mandatory"}});
    CHECK(qingdan::parse_scope_clause("省份：第一批地理标志运用促进工作项目涉及省份必做")[0].who ==
          "第一批地理标志运用促进工作项目涉及省份");

    // PDF damage from 000: spaces, ASCII colon and comma
    CHECK(scope_of("城市: 国家知识产权强 市建设示范城市必做, 其他城市选做") ==
          SP{{"city", "mandatory"}, {"city", "optional"}});
    CHECK(scope_of("省份 :各省\t首份必做") == SP{{"province", "mandatory"}});
    CHECK(scope_of("省份：知识产权\n强省建设试点省\n必做") == SP{{"province", "mandatory"}});
    CHECK(scope_of("省份：各类省份\n选做") == SP{{"province", "optional"}});

    // several clauses in one string; one without 必做/选做 is ignored; dedupe
    s = qingdan::parse_scope_clause(
        "省份:各省份、国家知识产权强市建设示范城市必做 省份:各省份必做 省份:地理标志运用促");
    REQUIRE(s.size() == 2);
    CHECK(s[0].who == "各省份");
    CHECK(s[1].tier == "city");
    CHECK(scope_of("省份：各类省份必做 省份：涉及省份必做") ==
          SP{{"province", "mandatory"}, {"province", "mandatory"}});
    CHECK(scope_of("县：知识产权强县建设试点县必做") == SP{{"county", "mandatory"}});
    CHECK(scope_of("园区：国家知识产权试点园区选做") == SP{{"park", "optional"}});

    CHECK(qingdan::parse_scope_clause("城市: 国家知识产权强").empty());
    CHECK(qingdan::parse_scope_clause("局内：保护司").empty());
    CHECK(qingdan::parse_scope_clause("涉及省份:集聚各方面优势资源，加强工作队伍建设").empty());
    CHECK(qingdan::parse_scope_clause("").empty());
}

// Every sentence of every corpus file: the targets and deadlines found,
// together, are exactly those of the gold annotations (tasks, goals and
// document deadlines) -- nothing missed, nothing extra.
TEST_CASE("corpus: targets and deadlines equal the gold annotations", "[values][corpus]") {
    struct Doc {
        const char* stem;
        std::optional<int> year;
        std::vector<Pair> targets;
        std::vector<std::string> deadlines;
    };
    const Doc docs[] = {
        {"000_83ac722d97caa312", 2022, {}, {"2023-12-31"}},
        {"001_d6aba352ee8e7e22", 2022, {}, {"2022-02-28", "2022-12-01"}},
        {"002_07740394ff6dd330", std::nullopt, {{20, "家"}, {100, "家"}, {31, "个"}, {100, "家"}}, {}},
        {"003_be8e79e834ab801c", 2020, {{16, "个月"}, {85, "分"}, {85, "%"}, {4, "个月"}, {20, "%"}}, {}},
        {"004_285bae27f8638b71", 2023,
         {{16, "个月"}, {93, "%"}, {7, "个月"}, {97, "%"}, {10, "%"}}, {"2023-12-15"}},
    };
    for (const auto& doc : docs) {
        INFO(doc.stem);
        std::string raw = corpus(doc.stem);
        REQUIRE_FALSE(raw.empty());
        std::vector<Pair> got_t;
        std::vector<std::string> got_d;
        for (const auto& s : sentences(raw)) {
            for (auto& p : targets_of(s)) got_t.push_back(p);
            for (auto& d : dates_of(s, doc.year)) got_d.push_back(d);
        }
        auto want_t = doc.targets;
        auto want_d = doc.deadlines;
        std::sort(got_t.begin(), got_t.end());
        std::sort(want_t.begin(), want_t.end());
        std::sort(got_d.begin(), got_d.end());
        std::sort(want_d.begin(), want_d.end());
        CHECK(got_t == want_t);
        CHECK(got_d == want_d);
    }
}

TEST_CASE("corpus: scope clauses of the task tables", "[values][corpus]") {
    // 003: every scope cell of the table, as the PDF wraps it
    std::string raw = corpus("003_be8e79e834ab801c");
    std::map<std::string, int> counts;
    std::size_t pos = 0;
    int clauses = 0;
    while ((pos = raw.find("省份：", pos)) != std::string::npos) {
        std::size_t end = raw.find("做", pos);
        REQUIRE(end != std::string::npos);
        end += std::string("做").size();
        // the optional clause after a comma ("，其他省份选\n做")
        std::size_t comma = raw.find("，", end);
        if (comma == end) end = raw.find("做", end) + std::string("做").size();
        for (const auto& sc : qingdan::parse_scope_clause(raw.substr(pos, end - pos)))
            ++counts[sc.tier + "/" + sc.obligation];
        ++clauses;
        pos = end;
    }
    // 003 gold: 27 entries, 24 province/mandatory and 3 province/optional; the
    // gold lists task 9's twice-printed "省份：各类省份必做" once (one entry per
    // who/obligation within a task), here each cell is parsed on its own.
    CHECK(clauses == 27);
    CHECK(counts["province/mandatory"] == 25);
    CHECK(counts["province/optional"] == 3);
    CHECK(counts.size() == 2);
}

TEST_CASE("values: odd input does not crash or invent results", "[values]") {
    const std::string odd[] = {
        "",
        "年",
        "年底",
        "月",
        "前",
        "必做",
        "省份：",
        "省份：必做",
        "12345678901234567890年12345678901234567890月99999999999日前",
        "9999999999999999999999个月以内",
        "二〇二三二〇二三二〇二三年底前",
        "\xff\xfe\xe5\xb9\xb4\xe5",  // invalid UTF-8 around a broken 年
        "压减至",
        "以上以内左右",
        "《《》》》《2023年底前",
        "1,000,00家以上",
        "达到.5%以上",
        "于年月日前",
        "2022—",
        "—2022年底前",
    };
    for (const auto& s : odd) {
        INFO(s);
        CHECK_NOTHROW(qingdan::extract_targets(s));
        CHECK_NOTHROW(qingdan::extract_deadlines(s, 2022));
        CHECK_NOTHROW(qingdan::parse_scope_clause(s));
        CHECK_NOTHROW(qingdan::parse_number(s));
        CHECK_NOTHROW(qingdan::parse_date(s));
    }
    CHECK(dates_of("12345678901234567890年12345678901234567890月99999999999日前").empty());
    CHECK(dates_of("2021—2022年底前").empty());  // a range, not a date
    CHECK(dates_of("——2022年底前完成") == std::vector<std::string>{"2022-12-31"});  // a bullet
    CHECK(targets_of("9999999999999999999999个月以内").size() == 1);
    CHECK(qingdan::parse_scope_clause("省份：必做").size() == 1);
    CHECK(qingdan::parse_scope_clause("省份：必做")[0].who == "省份");
}

TEST_CASE("is_completion_phrase: time limits and statuses only", "[values]") {
    using qingdan::is_completion_phrase;
    for (const char* yes : {"2023年6月底前完成", "持续推进", "长期坚持", "2025年12月底前完成并持续推进",
                            "2023年底前完成并持续推进", "年内完成", "2022年12月底前", "2024年起持续推进"})
        CHECK(is_completion_phrase(yes));
    for (const char* no : {"2021—2035年", "2023年", "一", "以下简称《纲要》", "知识产权局负责",
                           "国家知识产权局负责，2023年6月底前完成", "试行", "推进专利转化"})
        CHECK_FALSE(is_completion_phrase(no));
}

// A range is a floor and a ceiling over one text; the measure may be
// printed once, after the second number. Found on city 工作报告 pages:
// 地区生产总值增长7.5%—8%, 增长6%-7%左右.
TEST_CASE("targets: a range of two numbers is a floor and a ceiling", "[values]") {
    auto t = qingdan::extract_targets("全市地区生产总值增长7.5%—8%，城镇新增就业3万人以上。");
    REQUIRE(t.size() == 3);
    CHECK(t[0].text == "全市地区生产总值增长7.5%—8%");
    CHECK((std::make_pair(t[0].op, t[0].value) == std::make_pair(std::string(">="), 7.5)));
    CHECK((std::make_pair(t[1].op, t[1].value) == std::make_pair(std::string("<="), 8.0)));
    CHECK(t[1].unit == "%");
    CHECK(t[1].metric == "全市地区生产总值增长");
    CHECK(t[2].value == 3);
    // The measure once, after the second number; 左右 makes both approximate.
    t = qingdan::extract_targets("规上工业增加值增长6-7个百分点左右。");
    REQUIRE(t.size() == 2);
    CHECK(t[0].op == "~");
    CHECK(t[0].value == 6);
    CHECK(t[1].value == 7);
    CHECK(t[1].unit == "个百分点");
    CHECK(targets_of("新建示范基地3至5家。") == std::vector<Pair>{{3, "家"}, {5, "家"}});
    // Not ranges: years, different measures, a falling pair, no commitment.
    CHECK(targets_of("实施2022-2025年行动计划。").empty());
    CHECK(targets_of("增长8%—7.5%。") == std::vector<Pair>{{8, "%"}});
    CHECK(targets_of("遴选1-2家单位").empty());
}

// A completion field (a 完成时限 cell) that prints a date alone: the date is
// the limit. On a line of its own in a document the same date is when the
// document was signed (extract_deadlines, above).
TEST_CASE("limits: a date standing alone in a completion field", "[values]") {
    auto limits = [](const std::string& s) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& d : qingdan::extract_limits(s, 2024)) out.emplace_back(d.date, d.kind);
        return out;
    };
    using DK = std::vector<std::pair<std::string, std::string>>;
    CHECK(limits("2024年6月30日") == DK{{"2024-06-30", "by"}});
    CHECK(limits("2024年9月") == DK{{"2024-09", "by"}});
    CHECK(limits("2024年6月底前；2024年9月30日") == DK{{"2024-06-30", "by"}, {"2024-09-30", "by"}});
    CHECK(limits("2022年已完成").empty());
    CHECK(limits("持续推进").empty());
    CHECK(qingdan::extract_deadlines("2024年6月30日", 2024).empty());
}
