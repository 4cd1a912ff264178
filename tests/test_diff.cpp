// `qingdan diff`: text diff, assignment, synthetic edits of a real compiled
// document, the hand-checked 2020 -> 2022 matching, renderers and the CLI.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diff.hpp"
#include "json.hpp"
#include "qingdan/pipeline.hpp"
#include "units.hpp"
#include "support.hpp"

using namespace qingdan;
namespace fs = std::filesystem;

namespace {

DiffRenderOptions summary_only() {
    DiffRenderOptions o;
    o.summary_only = true;
    return o;
}

const std::string kSrc = QINGDAN_SOURCE_DIR;
const std::string k2020 = kSrc + "/data/corpus/003_be8e79e834ab801c.txt";
const std::string k2022 = kSrc + "/data/corpus/000_83ac722d97caa312.txt";

using qingdan::test::slurp;

const Document& compiled(const std::string& path) {
    static std::map<std::string, Document> cache;
    auto it = cache.find(path);
    if (it == cache.end()) it = cache.emplace(path, qingdan::test::compiler().compile(slurp(path), path)).first;
    return it->second;
}

// The 2020 list as compiled today; the edits below work on any extraction.
const Document& base() {
    const Document& d = compiled(k2020);
    REQUIRE(d.tasks.size() >= 10);
    return d;
}

std::string make_id(const Document& d, const Task& t) {
    std::string id = d.id + ":";
    for (const auto& s : t.section_path) id += s + "/";
    return id + (t.number ? std::to_string(*t.number) : std::string("0"));
}

void reseq(Document& d) {
    for (size_t k = 0; k < d.tasks.size(); ++k) d.tasks[k].seq = static_cast<int>(k) + 1;
}

std::set<std::string> kinds(const TaskPair& p) {
    auto c = p.changes();
    return {c.begin(), c.end()};
}

// Every pair except the ones listed is unchanged, nothing is added or removed.
void expect_only(const DiffResult& r, const std::map<std::string, std::set<std::string>>& changed_by_new_id) {
    for (const auto& p : r.pairs) {
        INFO("pair " << p.old_id << " -> " << p.new_id);
        auto it = changed_by_new_id.find(p.new_id);
        if (it == changed_by_new_id.end())
            CHECK(p.changes().empty());
        else
            CHECK(kinds(p) == it->second);
    }
    for (const auto& [id, what] : changed_by_new_id) {
        INFO("expected a changed pair for " << id);
        CHECK(std::any_of(r.pairs.begin(), r.pairs.end(), [&](const TaskPair& p) { return p.new_id == id; }));
    }
}

int run(const std::string& args) {
    std::string cmd = std::string(QINGDAN_BINARY) + " " + args;
    int st = std::system(cmd.c_str());
    REQUIRE(st != -1);
    REQUIRE(WIFEXITED(st));
    return WEXITSTATUS(st);
}

fs::path temp_dir() {
    fs::path p = fs::temp_directory_path() / ("qingdan-diff-test-" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

// Minimal JSON Schema check (type, const, enum, required, properties,
// items, $ref, minimum, maximum): enough for our own schema files.
void validate(const Json& v, const Json& schema, const Json& root, const std::string& at,
              std::vector<std::string>& errors) {
    if (auto ref = schema.find("$ref"); ref != schema.end()) {
        std::string r = ref->get<std::string>();
        REQUIRE(r.rfind("#/$defs/", 0) == 0);
        validate(v, root.at("$defs").at(r.substr(8)), root, at, errors);
    }
    if (auto t = schema.find("type"); t != schema.end()) {
        std::vector<std::string> types;
        if (t->is_array())
            for (const auto& x : *t) types.push_back(x.get<std::string>());
        else
            types.push_back(t->get<std::string>());
        bool ok = false;
        for (const auto& ty : types)
            ok = ok || (ty == "object" && v.is_object()) || (ty == "array" && v.is_array()) ||
                 (ty == "string" && v.is_string()) || (ty == "integer" && v.is_number_integer()) ||
                 (ty == "number" && v.is_number()) || (ty == "null" && v.is_null()) ||
                 (ty == "boolean" && v.is_boolean());
        if (!ok) errors.push_back(at + ": wrong type " + v.type_name());
    }
    if (auto c = schema.find("const"); c != schema.end() && v != *c) errors.push_back(at + ": not the const");
    if (auto e = schema.find("enum"); e != schema.end() && std::find(e->begin(), e->end(), v) == e->end())
        errors.push_back(at + ": not in enum: " + v.dump());
    if (auto m = schema.find("minimum"); m != schema.end() && v.is_number() && v.get<double>() < m->get<double>())
        errors.push_back(at + ": below minimum");
    if (auto m = schema.find("maximum"); m != schema.end() && v.is_number() && v.get<double>() > m->get<double>())
        errors.push_back(at + ": above maximum");
    if (v.is_object()) {
        if (auto req = schema.find("required"); req != schema.end())
            for (const auto& k : *req)
                if (!v.contains(k.get<std::string>())) errors.push_back(at + ": missing " + k.get<std::string>());
        if (auto props = schema.find("properties"); props != schema.end())
            for (const auto& [k, sub] : props->items())
                if (v.contains(k)) validate(v.at(k), sub, root, at + "/" + k, errors);
    }
    if (v.is_array())
        if (auto items = schema.find("items"); items != schema.end())
            for (size_t i = 0; i < v.size(); ++i) validate(v[i], *items, root, at + "/" + std::to_string(i), errors);
}

std::vector<std::string> schema_errors(const std::string& json_text) {
    Json schema = Json::parse(slurp(kSrc + "/docs/schema/qingdan-diff-1.schema.json"));
    std::vector<std::string> errors;
    validate(Json::parse(json_text), schema, schema, "", errors);
    return errors;
}

}  // namespace

// --- building blocks -----------------------------------------------------------

TEST_CASE("diff_text: code-point edit scripts with [-…-]{+…+} markup", "[diff]") {
    CHECK(render_edits(diff_text("加强统筹协调", "加强统筹协调")) == "加强统筹协调");
    CHECK(diff_text("", "").empty());
    CHECK(render_edits(diff_text("", "新增")) == "{+新增+}");
    CHECK(render_edits(diff_text("删除", "")) == "[-删除-]");
    CHECK(render_edits(diff_text("完善工作机制，加强统筹协调", "健全工作机制，加强统筹协调")) ==
          "[-完善-]{+健全+}工作机制，加强统筹协调");
    CHECK(render_edits(diff_text("压减至16个月以内", "压减至15个月以内")) == "压减至1[-6-]{+5+}个月以内");
    CHECK(render_edits(diff_text("推进知识产权保护", "推进知识产权强国建设保护")) == "推进知识产权{+强国建设+}保护");
    // A lone shared character inside rewritten text is folded into the change.
    CHECK(render_edits(diff_text("甲乙丙丁戊", "子乙丑寅卯")) == "[-甲乙丙丁戊-]{+子乙丑寅卯+}");
    // Deletions and insertions reproduce both sides.
    std::string a = "国家知识产权局：加快制定实施落实意见的推进计划，完善工作机制。";
    std::string b = "国家知识产权局：研究制定2022-2023年贯彻落实意见的推进计划，健全工作机制。";
    std::string old_side, new_side;
    for (const auto& e : diff_text(a, b)) {
        if (e.op != TextEdit::Op::Insert) old_side += e.text;
        if (e.op != TextEdit::Op::Delete) new_side += e.text;
    }
    CHECK(old_side == a);
    CHECK(new_side == b);
}

TEST_CASE("hungarian: optimal assignment where greedy is not", "[diff]") {
    // Greedy takes (0,0) = -0.9 and is left with (1,1) = -0.1; optimal is
    // (0,1) + (1,0) = -0.8 - 0.7.
    std::vector<std::vector<double>> cost = {{-0.9, -0.8}, {-0.7, -0.1}};
    CHECK(hungarian(cost) == std::vector<int>{1, 0});
    // Rectangular both ways.
    CHECK(hungarian({{-0.1, -0.9, -0.2}}) == std::vector<int>{1});
    CHECK(hungarian({{-0.1}, {-0.9}, {-0.2}}) == std::vector<int>{-1, 0, -1});
    CHECK(hungarian({}).empty());
}

TEST_CASE("similarity: identical tasks score 1, unrelated ones low", "[diff]") {
    const Document& d = base();
    auto sim = similarity_matrix(d.tasks, d.tasks);
    for (size_t i = 0; i < d.tasks.size(); ++i) {
        CHECK(sim[i][i] == Approx(1.0));
        for (size_t j = 0; j < d.tasks.size(); ++j)
            if (j != i) CHECK(sim[i][j] < sim[i][i]);
    }
}

// --- synthetic edits of a real compiled document --------------------------------

TEST_CASE("diff: a document against itself has no differences", "[diff]") {
    const Document& d = base();
    DiffResult r = diff_documents(d, d);
    CHECK_FALSE(r.has_differences());
    CHECK(r.pairs.size() == d.tasks.size());
    CHECK(r.unchanged_count() == static_cast<int>(d.tasks.size()));
    for (size_t k = 0; k < r.pairs.size(); ++k) {
        CHECK(r.pairs[k].old_id == d.tasks[k].id);
        CHECK(r.pairs[k].new_id == d.tasks[k].id);
        CHECK(r.pairs[k].similarity == Approx(1.0));
    }
}

TEST_CASE("diff: a deleted task is removed, nothing else", "[diff]") {
    const Document& a = base();
    Document b = a;
    const std::string gone = b.tasks[9].id;
    b.tasks.erase(b.tasks.begin() + 9);
    reseq(b);
    DiffResult r = diff_documents(a, b);
    CHECK(r.removed == std::vector<std::string>{gone});
    CHECK(r.added.empty());
    CHECK(r.pairs.size() == a.tasks.size() - 1);
    expect_only(r, {});
}

TEST_CASE("diff: an inserted task is added, nothing else", "[diff]") {
    const Document& a = base();
    Document b = a;
    Task t;
    t.kind = "task";
    t.label = "20.";
    t.number = 20;
    t.section_path = b.tasks.back().section_path;
    t.title = "建立《纲要》和《规划》落实的衔接机制";
    t.text = "国家知识产权局：充分发挥国务院知识产权战略实施工作部际联席会议机制作用，建立健全《纲要》和《规划》"
             "落实的衔接机制，一体化推进《纲要》和《规划》的落实。加强与国家发展规划和重大政策相协调。"
             "各地区：按照中央对知识产权工作的部署，全面对标对表，制定《纲要》和《规划》落实配套政策措施。";
    t.id = make_id(b, t);
    b.tasks.insert(b.tasks.begin() + 3, t);
    reseq(b);
    DiffResult r = diff_documents(a, b);
    CHECK(r.added == std::vector<std::string>{t.id});
    CHECK(r.removed.empty());
    CHECK(r.pairs.size() == a.tasks.size());
    expect_only(r, {});
}

TEST_CASE("diff: renumbering every task is reported as renumbering only", "[diff]") {
    const Document& a = base();
    Document b = a;
    std::map<std::string, std::set<std::string>> expected;
    for (auto& t : b.tasks) {
        t.number = t.number.value_or(0) + 100;
        t.label = std::to_string(*t.number) + ".";
        t.id = make_id(b, t);
        expected[t.id] = {"renumbered"};
    }
    DiffResult r = diff_documents(a, b);
    CHECK(r.added.empty());
    CHECK(r.removed.empty());
    CHECK(r.renumbered_count() == static_cast<int>(a.tasks.size()));
    expect_only(r, expected);
    for (const auto& p : r.pairs) CHECK(*p.new_number == p.old_number.value_or(0) + 100);
}

TEST_CASE("diff: a reworded sentence is a text change with a character diff", "[diff]") {
    const Document& a = base();
    Document b = a;
    Task& t = b.tasks[0];
    const std::string from = "完善工作机制", to = "健全工作机制";
    auto pos = t.text.find(from);
    REQUIRE(pos != std::string::npos);
    t.text.replace(pos, from.size(), to);
    DiffResult r = diff_documents(a, b);
    CHECK(r.added.empty());
    CHECK(r.removed.empty());
    expect_only(r, {{t.id, {"text"}}});
    const TaskPair& p = r.pairs.front();
    REQUIRE(p.new_id == t.id);
    CHECK(render_edits(p.text_edits).find("[-完善-]{+健全+}工作机制") != std::string::npos);
    CHECK(p.similarity < 1.0);
    CHECK(p.similarity > 0.8);
}

TEST_CASE("diff: swapping the lead unit is a lead change only", "[diff]") {
    const Document& a = base();
    Document b = a;
    auto it = std::find_if(b.tasks.begin(), b.tasks.end(), [](const Task& t) { return t.units.size() >= 2; });
    REQUIRE(it != b.tasks.end());
    Task& t = *it;
    std::swap(t.units[0], t.units[1]);
    t.units[0].role = "lead";
    t.units[1].role = "participant";
    DiffResult r = diff_documents(a, b);
    expect_only(r, {{t.id, {"lead"}}});
    auto p = std::find_if(r.pairs.begin(), r.pairs.end(), [&](const TaskPair& x) { return x.new_id == t.id; });
    REQUIRE(p != r.pairs.end());
    CHECK(*p->old_lead == t.units[1].canonical);
    CHECK(*p->new_lead == t.units[0].canonical);
    CHECK(p->units_added.empty());
    CHECK(p->units_removed.empty());
    CHECK(r.added.empty());
    CHECK(r.removed.empty());
}

TEST_CASE("diff: a changed target value is a target change only", "[diff]") {
    const Document& a = base();
    Document b = a;
    auto it = std::find_if(b.tasks.begin(), b.tasks.end(), [](const Task& t) { return !t.targets.empty(); });
    REQUIRE(it != b.tasks.end());
    Target& tg = it->targets.front();
    const double old_value = tg.value;
    tg.value = old_value + 1;
    DiffResult r = diff_documents(a, b);
    expect_only(r, {{it->id, {"targets"}}});
    auto p = std::find_if(r.pairs.begin(), r.pairs.end(), [&](const TaskPair& x) { return x.new_id == it->id; });
    REQUIRE(p != r.pairs.end());
    REQUIRE(p->targets_changed.size() == 1);
    CHECK(p->targets_changed[0].old_target.value == old_value);
    CHECK(p->targets_changed[0].new_target.value == old_value + 1);
    CHECK(p->targets_added.empty());
    CHECK(p->targets_removed.empty());
}

TEST_CASE("diff: a task moved to another section is a move only", "[diff]") {
    const Document& a = base();
    Document b = a;
    Task& t = b.tasks[2];
    const auto& other = b.tasks.back().section_path;
    REQUIRE(other != t.section_path);
    t.section_path = other;
    t.id = make_id(b, t) + "~moved";
    DiffResult r = diff_documents(a, b);
    CHECK(r.added.empty());
    CHECK(r.removed.empty());
    expect_only(r, {{t.id, {"moved"}}});
    CHECK(r.moved_count() == 1);
}

TEST_CASE("diff: the threshold decides what still counts as the same task", "[diff]") {
    const Document& a = base();
    Document b = a;
    b.tasks[0].text += "新增一句话。";
    DiffOptions strict;
    strict.threshold = 1.0;
    DiffResult r = diff_documents(a, b, strict);
    CHECK(r.added == std::vector<std::string>{b.tasks[0].id});
    CHECK(r.removed == std::vector<std::string>{a.tasks[0].id});
    CHECK(diff_documents(a, b).added.empty());
}

TEST_CASE("diff: --unit restricts the report to one unit's tasks", "[diff]") {
    const Document& a = base();
    UnitGazetteer gaz = UnitGazetteer::load(default_share_dir() + "/data/units.tsv");
    const std::string canonical = resolve_unit_filter("保护司", &gaz);
    CHECK(canonical == "国家知识产权局知识产权保护司");
    size_t mine = std::count_if(a.tasks.begin(), a.tasks.end(), [&](const Task& t) { return task_has_unit(t, canonical); });
    REQUIRE(mine >= 1);
    REQUIRE(mine < a.tasks.size());

    Document b = a;
    // Drop one task of the unit and one of another unit.
    auto is_mine = [&](const Task& t) { return task_has_unit(t, canonical); };
    auto m = std::find_if(b.tasks.begin(), b.tasks.end(), is_mine);
    const std::string mine_gone = m->id;
    b.tasks.erase(m);
    auto o = std::find_if(b.tasks.begin(), b.tasks.end(), [&](const Task& t) { return !is_mine(t); });
    b.tasks.erase(o);
    reseq(b);

    DiffOptions opts;
    opts.unit = canonical;
    DiffResult r = diff_documents(a, b, opts);
    CHECK(r.removed == std::vector<std::string>{mine_gone});
    CHECK(r.pairs.size() == mine - 1);
    for (const auto& p : r.pairs) CHECK(task_has_unit(*r.old_task(p.old_id), canonical));
    CHECK(r.unit == canonical);
}

// --- the real 2020 and 2022 task lists -------------------------------------------

namespace {

// Han characters, letters and digits only: anchors are compared without
// spaces or punctuation, as the gold scorer does.
std::string letters(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > s.size()) len = 1;
        char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        bool keep = (cp < 0x80 && std::isalnum(static_cast<int>(cp))) || (cp >= 0x3400 && cp <= 0x9FFF) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || cp >= 0x20000;
        if (keep) out += s.substr(i, len);
        i += len;
    }
    return out;
}

// Index of the task named by a golden cell (anchor first, then title), -1 if none.
int find_task(const Document& d, const std::string& title, const std::string& anchor) {
    std::vector<int> hits;
    const std::string a = letters(anchor);
    for (size_t k = 0; k < d.tasks.size(); ++k) {
        const Task& t = d.tasks[k];
        if (!a.empty() && letters(t.title.value_or("") + t.text).find(a) != std::string::npos)
            hits.push_back(static_cast<int>(k));
    }
    const std::string ti = letters(title);
    auto title_of = [&](int k) { return letters(d.tasks[static_cast<size_t>(k)].title.value_or("")); };
    if (hits.size() == 1) return hits.front();
    for (int k : hits)
        if (title_of(k) == ti) return k;
    if (!hits.empty()) return hits.front();
    for (size_t k = 0; k < d.tasks.size(); ++k)
        if (!ti.empty() && title_of(static_cast<int>(k)) == ti) return static_cast<int>(k);
    return -1;
}

struct GoldenRow {
    std::string old_title, new_title, reason, old_anchor, new_anchor;
};

std::vector<GoldenRow> golden_rows() {
    std::vector<GoldenRow> rows;
    std::istringstream in(slurp(kSrc + "/tests/golden/diff-2020-2022.tsv"));
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(line);
        while (std::getline(ls, cell, '\t')) cells.push_back(cell);
        REQUIRE(cells.size() == 5);
        rows.push_back({cells[0], cells[1], cells[2], cells[3], cells[4]});
    }
    return rows;
}

}  // namespace

TEST_CASE("diff: 2020 vs 2022 task lists agree with the hand-checked matching", "[diff]") {
    const Document& a = compiled(k2020);
    const Document& b = compiled(k2022);
    DiffResult r = diff_documents(a, b);
    auto rows = golden_rows();
    REQUIRE(rows.size() >= 20);

    std::map<std::string, std::string> new_of_old, old_of_new;
    for (const auto& p : r.pairs) {
        new_of_old[p.old_id] = p.new_id;
        old_of_new[p.new_id] = p.old_id;
    }
    auto name = [](const Document& d, const std::string& id) {
        for (const auto& t : d.tasks)
            if (t.id == id) return id + " " + t.title.value_or(t.text.substr(0, 30));
        return id;
    };
    int agree = 0;
    std::vector<std::string> disagreements;
    std::set<int> seen_old, seen_new;
    for (const auto& row : rows) {
        const bool has_old = row.old_title != "-", has_new = row.new_title != "-";
        int i = has_old ? find_task(a, row.old_title, row.old_anchor) : -1;
        int j = has_new ? find_task(b, row.new_title, row.new_anchor) : -1;
        std::string what = (has_old ? row.old_title : "-") + " → " + (has_new ? row.new_title : "-");
        if ((has_old && i < 0) || (has_new && j < 0)) {
            disagreements.push_back(what + ": task not found in today's extraction");
            continue;
        }
        if (has_old) CHECK(seen_old.insert(i).second);  // each task in one row only
        if (has_new) CHECK(seen_new.insert(j).second);
        const std::string oid = has_old ? a.tasks[static_cast<size_t>(i)].id : "";
        const std::string nid = has_new ? b.tasks[static_cast<size_t>(j)].id : "";
        bool ok = false;
        std::string got;
        if (has_old && has_new) {
            ok = new_of_old.count(oid) && new_of_old[oid] == nid;
            got = new_of_old.count(oid) ? "paired with " + name(b, new_of_old[oid]) : "reported removed";
        } else if (has_old) {
            ok = std::find(r.removed.begin(), r.removed.end(), oid) != r.removed.end();
            got = ok ? "" : "paired with " + name(b, new_of_old[oid]);
        } else {
            ok = std::find(r.added.begin(), r.added.end(), nid) != r.added.end();
            got = ok ? "" : "paired with " + name(a, old_of_new[nid]);
        }
        if (ok)
            ++agree;
        else
            disagreements.push_back(what + ": " + got);
    }
    // Every task of both documents is covered by the golden file.
    CHECK(seen_old.size() == a.tasks.size());
    CHECK(seen_new.size() == b.tasks.size());
    const double agreement = static_cast<double>(agree) / static_cast<double>(rows.size());
    std::string report = "2020→2022 agreement with tests/golden/diff-2020-2022.tsv: " + std::to_string(agree) + "/" +
                         std::to_string(rows.size());
    for (const auto& d : disagreements) report += "\n  disagreement: " + d;
    WARN(report);
    CHECK(agreement >= 0.9);
}

// --- renderers and CLI -----------------------------------------------------------

TEST_CASE("diff renderers: JSON follows the schema, Markdown and CSV read well", "[diff]") {
    const Document& a = compiled(k2020);
    const Document& b = compiled(k2022);
    DiffResult r = diff_documents(a, b);
    std::string json = render_diff_json(r);
    CHECK(json == render_diff_json(diff_documents(a, b)));  // deterministic
    auto errors = schema_errors(json);
    for (const auto& e : errors) WARN(e);
    CHECK(errors.empty());
    Json j = Json::parse(json);
    CHECK(j["schema"] == "qingdan-diff/1");
    CHECK(j["pairs"].size() == r.pairs.size());
    CHECK(j["added"].size() == r.added.size());
    CHECK(j["removed"].size() == r.removed.size());
    for (const auto& p : j["pairs"]) {
        CHECK((p["status"] == "changed") == !p["changes"].empty());
        for (const auto& c : p["changes"]) {
            std::string k = c.get<std::string>();
            std::string field = k == "renumbered" ? "number" : k == "moved" ? "section_path" : k;
            CHECK(p.contains(field));
        }
    }
    CHECK(schema_errors(render_diff_json(r, summary_only())).empty());
    CHECK_FALSE(Json::parse(render_diff_json(r, summary_only())).contains("pairs"));

    // Synthetic edits render every detail kind and still follow the schema.
    Document e = a;
    e.tasks[0].text += "新增一句话。";
    std::swap(e.tasks[5].units[0], e.tasks[5].units[1]);
    e.tasks[5].units[0].role = "lead";
    e.tasks[5].units[1].role = "participant";
    e.tasks[5].targets.front().value += 1;
    e.tasks[5].units.push_back({"新单位", "新单位", "participant", "other"});
    e.tasks[5].deadlines.push_back({"2020年底前", "2020-12-31", "by"});
    e.tasks[5].scope.clear();
    e.tasks[5].number = 60;
    e.tasks[5].section_path = {"九"};
    e.tasks[5].title = "持续提升专利审查质量";
    DiffResult re = diff_documents(a, e);
    std::string ej = render_diff_json(re);
    auto eerr = schema_errors(ej);
    for (const auto& x : eerr) WARN(x);
    CHECK(eerr.empty());
    std::string md = render_diff_markdown(re);
    CHECK(md.find("## 概览 Summary") < md.find("## 变更任务 Changed"));
    CHECK(md.find("<ins>新增一句话。</ins>") != std::string::npos);
    CHECK(md.find("{+") == std::string::npos);
    CHECK(md.find("[-") == std::string::npos);
    CHECK(md.find("- 牵头单位: ") != std::string::npos);
    CHECK(md.find("- 编号: ") != std::string::npos);
    CHECK(md.find("- 章节: ") != std::string::npos);
    CHECK(md.find("- 新增单位: 新单位") != std::string::npos);
    CHECK(md.find("- 新增期限: 2020-12-31前") != std::string::npos);
    CHECK(md.find("- 标题: 持续提升专利审查质量<del>和效率</del>") != std::string::npos);

    std::string md_real = render_diff_markdown(r);
    CHECK(md_real.rfind("# 任务清单对比", 0) == 0);
    CHECK(md_real.find("## 概览 Summary") < md_real.find("## 新增任务 Added"));
    CHECK(md_real.find("## 新增任务 Added") < md_real.find("## 删除任务 Removed"));

    DiffRenderOptions plain_en;
    plain_en.excel = false;
    plain_en.lang = "en";
    std::string csv = render_diff_csv(r, plain_en);
    CHECK(csv.rfind("status,old_id,new_id,similarity,", 0) == 0);
    size_t lines = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n'));
    CHECK(lines >= 1 + r.pairs.size() + r.added.size() + r.removed.size());
    plain_en.summary_only = true;
    CHECK(render_diff_csv(r, plain_en).rfind("status,count\n", 0) == 0);
    // The default diff CSV is for people: BOM, Chinese header, CRLF.
    std::string zh = render_diff_csv(r);
    CHECK(zh.rfind("\xEF\xBB\xBF状态,原任务编号,新任务编号,相似度,", 0) == 0);
    CHECK(zh.find("\r\n") != std::string::npos);
    CHECK(render_diff_csv(r, summary_only()).rfind("\xEF\xBB\xBF状态,数量\r\n新增,", 0) == 0);
    CHECK_THROWS_AS(render_diff(r, "xml"), std::invalid_argument);
}

TEST_CASE("qingdan diff: exit status like diff(1), formats, -o", "[diff]") {
    fs::path tmp = temp_dir();
    const std::string quiet = " >/dev/null 2>&1";
    CHECK(run("-q diff " + k2020 + " " + k2020 + quiet) == 0);
    CHECK(run("-q diff " + k2020 + " " + k2022 + quiet) == 1);
    CHECK(run("-q diff " + k2020 + " " + k2022 + " --summary --format csv" + quiet) == 1);
    CHECK(run("-q diff " + k2020 + " /nonexistent/file.txt" + quiet) == 3);
    CHECK(run("-q diff " + k2020 + quiet) == 2);
    CHECK(run("-q diff " + k2020 + " " + k2022 + " --format xml" + quiet) == 2);
    CHECK(run("-q diff " + k2020 + " " + k2022 + " --threshold 2" + quiet) == 2);
    CHECK(run("-q diff " + k2020 + " " + k2022 + " --unit 不存在的单位名称" + quiet) == 2);
    CHECK(run("-q diff " + k2020 + " " + kSrc + "/data/corpus" + quiet) == 2);

    // qingdan/1 JSON from compile is accepted on either side.
    const std::string old_json = (tmp / "old.json").string();
    REQUIRE(run("-q compile " + k2020 + " -o " + old_json + quiet) == 0);
    CHECK(run("-q diff " + old_json + " " + k2020 + quiet) == 0);

    const std::string out = (tmp / "diff.json").string();
    CHECK(run("-q diff " + old_json + " " + k2022 + " --format json -o " + out + quiet) == 1);
    Json j = Json::parse(slurp(out));
    CHECK(j["schema"] == "qingdan-diff/1");
    CHECK(schema_errors(slurp(out)).empty());
    CHECK(j["pairs"].size() + j["removed"].size() == compiled(k2020).tasks.size());
    CHECK(j["pairs"].size() + j["added"].size() == compiled(k2022).tasks.size());

    // --unit by alias: only that unit's tasks; identical documents -> 0.
    const std::string unit_out = (tmp / "unit.json").string();
    CHECK(run("-q diff " + k2020 + " " + k2020 + " --unit 保护司 --format json -o " + unit_out + quiet) == 0);
    Json u = Json::parse(slurp(unit_out));
    CHECK(u["unit"] == "国家知识产权局知识产权保护司");
    CHECK(u["pairs"].size() >= 1);
    CHECK(u["pairs"].size() < compiled(k2020).tasks.size());
    fs::remove_all(tmp);
}
