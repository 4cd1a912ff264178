// The one table of Chinese labels for what people read (CSV, XLSX, Markdown
// and HTML headers and values). Keys are the English column names and model
// values that `--lang en` (and JSON) keep; a missing entry falls back to the
// key, so a new model value shows up as itself rather than as nothing.
#include <string>
#include <string_view>

#include "emit.hpp"

namespace qingdan {

namespace {

struct Label {
    const char* ns;   // "col" (column header), "role", "status", "level", ...
    const char* key;  // English key as in --lang en / JSON
    const char* zh;
};

// clang-format off
constexpr Label kLabels[] = {
    // task columns (compile --format csv, checklists)
    {"col", "doc_id", "文件编号"},       {"col", "doc_title", "文件标题"},   {"col", "doc_year", "年度"},
    {"col", "task_id", "任务编号"},      {"col", "seq", "序号"},             {"col", "kind", "类型"},
    {"col", "section", "章节"},          {"col", "section_title", "章节标题"}, {"col", "number", "编号"},
    {"col", "label", "标号"},            {"col", "title", "任务"},           {"col", "lead", "牵头单位"},
    {"col", "participants", "配合单位"}, {"col", "scope", "范围"},           {"col", "targets", "目标"},
    {"col", "deadlines", "完成时限"},    {"col", "completion", "完成时间"},  {"col", "text", "任务内容"},
    {"col", "source", "来源文件"},       {"col", "measures", "相关举措"},    {"col", "progress", "完成情况"},
    // checklist leading columns
    {"col", "unit", "单位"},             {"col", "level", "级别"},           {"col", "role", "角色"},
    {"col", "province", "省份"},         {"col", "status", "必做/选做"},     {"col", "basis", "依据"},
    // units summary (`qingdan units`)
    {"ucol", "canonical", "单位"},       {"ucol", "level", "级别"},          {"ucol", "aliases", "文中名称"},
    {"ucol", "lead", "牵头任务"},        {"ucol", "participant", "配合任务"}, {"ucol", "responsible", "负责任务"},
    {"ucol", "tasks", "任务数"},         {"ucol", "documents", "文件数"},    {"ucol", "known", "词表收录"},
    // index sheet / diff
    {"col", "checklist", "清单"},        {"col", "items", "任务数"},         {"col", "sheet", "工作表"},
    {"col", "file", "文件"},             {"col", "old_id", "原任务编号"},    {"col", "new_id", "新任务编号"},
    {"col", "similarity", "相似度"},     {"col", "old_number", "原编号"},    {"col", "new_number", "新编号"},
    {"col", "old_section", "原章节"},    {"col", "new_section", "新章节"},   {"col", "old_title", "原任务"},
    {"col", "new_title", "新任务"},      {"col", "changes", "变更项"},       {"col", "old_lead", "原牵头单位"},
    {"col", "new_lead", "新牵头单位"},   {"col", "units_added", "新增单位"}, {"col", "units_removed", "删除单位"},
    {"col", "scope_added", "新增范围"},  {"col", "scope_removed", "删除范围"}, {"col", "text_diff", "文本变化"},
    {"col", "count", "数量"},            {"diff", "status", "状态"},            {"col", "old_text", "原任务内容"},  {"col", "new_text", "新任务内容"},
    // values
    {"role", "lead", "牵头"},            {"role", "participant", "配合"},    {"role", "responsible", "负责"},
    {"status", "mandatory", "必做"},     {"status", "optional", "选做"},     {"status", "check", "待核实"},
    {"source", "scope", "范围"},         {"source", "actor", "举措"},        {"source", "unit", "单位"},
    {"kind", "task", "任务"},            {"kind", "requirement", "要求"},
    {"level", "central", "中央"},        {"level", "cnipa-internal", "局内部门"}, {"level", "local", "地方"},
    {"level", "other", "其他"},          {"level", "unknown", "未知"},
    {"level", "province", "省"},         {"level", "municipality", "直辖市"}, {"level", "autonomous-region", "自治区"},
    {"level", "sar", "特别行政区"},
    {"tier", "province", "省份"},        {"tier", "city", "城市"},           {"tier", "county", "县"},
    {"tier", "park", "园区"},
    {"progress", "not started", "未开始"}, {"progress", "in progress", "推进中"}, {"progress", "done", "已完成"},
    {"bool", "yes", "是"},               {"bool", "no", "否"},
    {"diff", "added", "新增"},           {"diff", "removed", "删除"},        {"diff", "changed", "变更"},
    {"diff", "unchanged", "未变"},       {"diff", "renumbered", "重新编号"}, {"diff", "moved", "调整章节"},
    {"change", "title", "标题"},         {"change", "text", "文本"},         {"change", "units", "单位"},
    {"change", "lead", "牵头单位"},      {"change", "scope", "范围"},        {"change", "targets", "目标"},
    {"change", "deadlines", "期限"},     {"change", "renumbered", "编号"},   {"change", "moved", "章节"},
    {"change", "kind", "类型"},          {"change", "completion", "完成时间"},
};
// clang-format on

}  // namespace

std::string label(std::string_view ns, std::string_view key, std::string_view lang) {
    if (lang == "en") return std::string(key);
    for (const auto& l : kLabels)
        if (ns == l.ns && key == l.key) return l.zh;
    return std::string(key);
}

std::vector<std::string> labels(std::string_view ns, const std::vector<std::string>& keys, std::string_view lang) {
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (const auto& k : keys) out.push_back(label(ns, k, lang));
    return out;
}

std::string zh_label(std::string_view value) {
    for (const char* ns : {"role", "status", "source"}) {
        std::string v = label(ns, value, "zh");
        if (v != value) return v;
    }
    return std::string(value);
}

}  // namespace qingdan
