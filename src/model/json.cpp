// qingdan/1 <-> JSON. Key order follows SCHEMA.md so output is stable.
#include "json.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "json_writer.hpp"

namespace qingdan {
namespace {

template <class T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json to_json(const UnitRef& u) {
    return Json{{"name", u.name}, {"canonical", u.canonical}, {"role", u.role}, {"level", u.level}};
}

Json to_json(const Measure& m) {
    Json units = Json::array();
    for (const auto& u : m.units) units.push_back(to_json(u));
    return Json{{"actor", opt(m.actor)}, {"text", m.text}, {"units", units}};
}

Json to_json(const Scope& s) {
    return Json{{"tier", s.tier}, {"who", s.who}, {"obligation", s.obligation}, {"text", s.text}};
}

// Whole numbers print without a fraction: 16, not 16.0.
Json number(double v) {
    if (v == static_cast<double>(static_cast<long long>(v))) return Json(static_cast<long long>(v));
    return Json(v);
}

Json to_json(const Target& t) {
    return Json{{"text", t.text}, {"metric", t.metric}, {"op", t.op}, {"value", number(t.value)}, {"unit", t.unit}};
}

Json to_json(const Deadline& d) {
    return Json{{"text", d.text}, {"date", d.date}, {"kind", d.kind}};
}

Json to_json(const Span& s) {
    Json j{{"line_start", s.line_start}, {"line_end", s.line_end}};
    if (s.page) j["page"] = *s.page;
    if (s.row) j["row"] = *s.row;
    if (s.cell) j["cell"] = *s.cell;
    return j;
}

Json to_json(const Section& s) {
    return Json{{"label", s.label}, {"number", s.number}, {"level", s.level}, {"path", s.path},
                {"title", s.title}, {"kind", s.kind}, {"span", to_json(s.span)}};
}

template <class T>
Json array_of(const std::vector<T>& v) {
    Json a = Json::array();
    for (const auto& x : v) a.push_back(to_json(x));
    return a;
}

// --- reading back ------------------------------------------------------

[[noreturn]] void bad(const std::string& what) {
    throw std::runtime_error("not a qingdan/1 document: " + what);
}

std::string str(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) bad(std::string("field '") + key + "' is not a string");
    return it->get<std::string>();
}

std::optional<std::string> ostr(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) bad(std::string("field '") + key + "' is not a string");
    return it->get<std::string>();
}

// An integer field. A number out of int's range (2e49), or with a fraction,
// is refused like a string would be: converting it is undefined behaviour.
std::optional<int> oint(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) bad(std::string("field '") + key + "' is not a number");
    const double v = it->get<double>();
    if (!(v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()) || v != std::floor(v))
        bad(std::string("field '") + key + "' is not a whole number in range");
    if (it->is_number_unsigned()) return static_cast<int>(it->get<std::uint64_t>());
    if (it->is_number_integer()) return static_cast<int>(it->get<std::int64_t>());
    return static_cast<int>(v);
}

const Json& arr(const Json& j, const char* key) {
    static const Json empty = Json::array();
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return empty;
    if (!it->is_array()) bad(std::string("field '") + key + "' is not an array");
    return *it;
}

UnitRef unit_from(const Json& j) {
    return {str(j, "name"), str(j, "canonical"), str(j, "role"), str(j, "level")};
}

Target target_from(const Json& j) {
    Target t{str(j, "text"), str(j, "metric"), str(j, "op"), 0, str(j, "unit")};
    if (auto it = j.find("value"); it != j.end() && it->is_number()) t.value = it->get<double>();
    return t;
}

Deadline deadline_from(const Json& j) { return {str(j, "text"), str(j, "date"), str(j, "kind")}; }

Span span_from(const Json& j) {
    auto it = j.find("span");
    if (it == j.end() || !it->is_object()) return {};
    Span s;
    s.line_start = oint(*it, "line_start").value_or(0);
    s.line_end = oint(*it, "line_end").value_or(0);
    s.page = oint(*it, "page");
    s.row = oint(*it, "row");
    s.cell = oint(*it, "cell");
    return s;
}

std::vector<std::string> strings(const Json& j, const char* key) {
    std::vector<std::string> out;
    for (const auto& x : arr(j, key)) {
        if (!x.is_string()) bad(std::string("field '") + key + "' holds a non-string");
        out.push_back(x.get<std::string>());
    }
    return out;
}

Task task_from(const Json& j) {
    Task t;
    t.id = str(j, "id");
    t.seq = oint(j, "seq").value_or(0);
    t.kind = str(j, "kind");
    t.label = ostr(j, "label");
    t.number = oint(j, "number");
    t.section_path = strings(j, "section_path");
    t.title = ostr(j, "title");
    t.text = str(j, "text");
    for (const auto& m : arr(j, "measures")) {
        Measure x{ostr(m, "actor"), str(m, "text"), {}};
        for (const auto& u : arr(m, "units")) x.units.push_back(unit_from(u));
        t.measures.push_back(std::move(x));
    }
    for (const auto& u : arr(j, "units")) t.units.push_back(unit_from(u));
    for (const auto& s : arr(j, "scope"))
        t.scope.push_back({str(s, "tier"), str(s, "who"), str(s, "obligation"), str(s, "text")});
    for (const auto& x : arr(j, "targets")) t.targets.push_back(target_from(x));
    for (const auto& x : arr(j, "deadlines")) t.deadlines.push_back(deadline_from(x));
    t.completion = ostr(j, "completion");
    t.span = span_from(j);
    return t;
}

}  // namespace

Json to_json(const Diagnostic& d) {
    return Json{{"severity", d.severity}, {"code", d.code}, {"line", d.line}, {"message", d.message}};
}

Json to_json(const Task& t) {
    return Json{{"id", t.id},
                {"seq", t.seq},
                {"kind", t.kind},
                {"label", opt(t.label)},
                {"number", opt(t.number)},
                {"section_path", t.section_path},
                {"title", opt(t.title)},
                {"text", t.text},
                {"measures", array_of(t.measures)},
                {"units", array_of(t.units)},
                {"scope", array_of(t.scope)},
                {"targets", array_of(t.targets)},
                {"deadlines", array_of(t.deadlines)},
                {"completion", opt(t.completion)},
                {"span", to_json(t.span)}};
}

Json to_json(const Document& d) {
    return Json{{"id", d.id},
                {"source", d.source},
                {"sha256", d.sha256},
                {"encoding", d.encoding},
                {"script", d.script},
                {"layout", d.layout},
                {"title", opt(d.title)},
                {"doc_number", opt(d.doc_number)},
                {"issuer", opt(d.issuer)},
                {"issued", opt(d.issued)},
                {"published", opt(d.published)},
                {"year", opt(d.year)},
                {"addressees", d.addressees},
                {"goals", array_of(d.goals)},
                {"deadlines", array_of(d.deadlines)},
                {"sections", array_of(d.sections)},
                {"tasks", array_of(d.tasks)},
                {"diagnostics", array_of(d.diagnostics)}};
}

Json to_json(const std::vector<Document>& docs) {
    return Json{{"schema", kSchemaVersion}, {"documents", array_of(docs)}};
}

Document document_from_json(const Json& j) {
    if (!j.is_object()) bad("a document is not an object");
    Document d;
    d.id = str(j, "id");
    d.source = str(j, "source");
    d.sha256 = str(j, "sha256");
    d.encoding = str(j, "encoding");
    d.script = str(j, "script");
    d.layout = str(j, "layout");
    d.title = ostr(j, "title");
    d.doc_number = ostr(j, "doc_number");
    d.issuer = ostr(j, "issuer");
    d.issued = ostr(j, "issued");
    d.published = ostr(j, "published");
    d.year = oint(j, "year");
    d.addressees = strings(j, "addressees");
    for (const auto& x : arr(j, "goals")) d.goals.push_back(target_from(x));
    for (const auto& x : arr(j, "deadlines")) d.deadlines.push_back(deadline_from(x));
    for (const auto& s : arr(j, "sections")) {
        Section x;
        x.label = str(s, "label");
        x.number = oint(s, "number").value_or(0);
        x.level = oint(s, "level").value_or(1);
        x.path = strings(s, "path");
        x.title = str(s, "title");
        x.kind = str(s, "kind");
        x.span = span_from(s);
        d.sections.push_back(std::move(x));
    }
    for (const auto& t : arr(j, "tasks")) {
        if (!t.is_object()) bad("a task is not an object");
        d.tasks.push_back(task_from(t));
    }
    for (const auto& x : arr(j, "diagnostics"))
        d.diagnostics.push_back({str(x, "severity"), str(x, "code"), oint(x, "line").value_or(0), str(x, "message")});
    return d;
}

std::vector<Document> documents_from_json(const Json& j) {
    if (!j.is_object()) bad("top level is not an object");
    if (j.value("schema", std::string()) != kSchemaVersion) bad("\"schema\" is not \"qingdan/1\"");
    std::vector<Document> out;
    for (const auto& d : arr(j, "documents")) out.push_back(document_from_json(d));
    return out;
}

std::string dump_pretty(const Json& j) {
    // error_handler::replace: a stray invalid byte never aborts output.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// --- streaming out: the key order and shapes of to_json above ----------

namespace {

void put_str(JsonWriter& w, std::string_view key, std::string_view v) {
    w.key(key);
    w.string(v);
}

void put_opt(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
    w.key(key);
    v ? w.string(*v) : w.null();
}

void put_opt(JsonWriter& w, std::string_view key, const std::optional<int>& v) {
    w.key(key);
    v ? w.integer(*v) : w.null();
}

void put_int(JsonWriter& w, std::string_view key, long long v) {
    w.key(key);
    w.integer(v);
}

void put_list(JsonWriter& w, std::string_view key, const std::vector<std::string>& v) {
    w.key(key);
    w.begin_array();
    for (const auto& s : v) w.string(s);
    w.end_array();
}

void write(JsonWriter& w, const UnitRef& u) {
    w.begin_object();
    put_str(w, "name", u.name);
    put_str(w, "canonical", u.canonical);
    put_str(w, "role", u.role);
    put_str(w, "level", u.level);
    w.end_object();
}

void write(JsonWriter& w, const Measure& m) {
    w.begin_object();
    put_opt(w, "actor", m.actor);
    put_str(w, "text", m.text);
    w.key("units");
    w.begin_array();
    for (const auto& u : m.units) write(w, u);
    w.end_array();
    w.end_object();
}

void write(JsonWriter& w, const Scope& s) {
    w.begin_object();
    put_str(w, "tier", s.tier);
    put_str(w, "who", s.who);
    put_str(w, "obligation", s.obligation);
    put_str(w, "text", s.text);
    w.end_object();
}

void write(JsonWriter& w, const Target& t) {
    w.begin_object();
    put_str(w, "text", t.text);
    put_str(w, "metric", t.metric);
    put_str(w, "op", t.op);
    w.key("value");
    w.number(t.value);
    put_str(w, "unit", t.unit);
    w.end_object();
}

void write(JsonWriter& w, const Deadline& d) {
    w.begin_object();
    put_str(w, "text", d.text);
    put_str(w, "date", d.date);
    put_str(w, "kind", d.kind);
    w.end_object();
}

void write(JsonWriter& w, const Span& s) {
    w.begin_object();
    put_int(w, "line_start", s.line_start);
    put_int(w, "line_end", s.line_end);
    if (s.page) put_int(w, "page", *s.page);
    if (s.row) put_int(w, "row", *s.row);
    if (s.cell) put_int(w, "cell", *s.cell);
    w.end_object();
}

void write(JsonWriter& w, const Section& s) {
    w.begin_object();
    put_str(w, "label", s.label);
    put_int(w, "number", s.number);
    put_int(w, "level", s.level);
    put_list(w, "path", s.path);
    put_opt(w, "title", s.title);
    put_str(w, "kind", s.kind);
    w.key("span");
    write(w, s.span);
    w.end_object();
}

void write(JsonWriter& w, const Diagnostic& d) {
    w.begin_object();
    put_str(w, "severity", d.severity);
    put_str(w, "code", d.code);
    put_int(w, "line", d.line);
    put_str(w, "message", d.message);
    w.end_object();
}

void write(JsonWriter& w, const Task& t);
void write(JsonWriter& w, const Document& d);

template <class T>
void put_array(JsonWriter& w, std::string_view key, const std::vector<T>& v) {
    w.key(key);
    w.begin_array();
    for (const auto& x : v) write(w, x);
    w.end_array();
}

// The task's members, without the braces (JSON Lines puts doc_id first).
void task_members(JsonWriter& w, const Task& t) {
    put_str(w, "id", t.id);
    put_int(w, "seq", t.seq);
    put_str(w, "kind", t.kind);
    put_opt(w, "label", t.label);
    put_opt(w, "number", t.number);
    put_list(w, "section_path", t.section_path);
    put_opt(w, "title", t.title);
    put_str(w, "text", t.text);
    put_array(w, "measures", t.measures);
    put_array(w, "units", t.units);
    put_array(w, "scope", t.scope);
    put_array(w, "targets", t.targets);
    put_array(w, "deadlines", t.deadlines);
    put_opt(w, "completion", t.completion);
    w.key("span");
    write(w, t.span);
}

void write(JsonWriter& w, const Task& t) {
    w.begin_object();
    task_members(w, t);
    w.end_object();
}

void write(JsonWriter& w, const Document& d) {
    w.begin_object();
    put_str(w, "id", d.id);
    put_str(w, "source", d.source);
    put_str(w, "sha256", d.sha256);
    put_str(w, "encoding", d.encoding);
    put_str(w, "script", d.script);
    put_str(w, "layout", d.layout);
    put_opt(w, "title", d.title);
    put_opt(w, "doc_number", d.doc_number);
    put_opt(w, "issuer", d.issuer);
    put_opt(w, "issued", d.issued);
    put_opt(w, "published", d.published);
    put_opt(w, "year", d.year);
    put_list(w, "addressees", d.addressees);
    put_array(w, "goals", d.goals);
    put_array(w, "deadlines", d.deadlines);
    put_array(w, "sections", d.sections);
    put_array(w, "tasks", d.tasks);
    put_array(w, "diagnostics", d.diagnostics);
    w.end_object();
}

}  // namespace

std::string write_json(const std::vector<Document>& docs) {
    std::string out;
    JsonWriter w(out, true);
    w.begin_object();
    put_str(w, "schema", kSchemaVersion);
    put_array(w, "documents", docs);
    w.end_object();
    out.push_back('\n');
    return out;
}

std::string write_jsonl(const std::vector<Document>& docs) {
    std::string out;
    for (const auto& d : docs)
        for (const auto& t : d.tasks) {
            JsonWriter w(out, false);
            w.begin_object();
            put_str(w, "doc_id", d.id);
            task_members(w, t);
            w.end_object();
            out.push_back('\n');
        }
    return out;
}

}  // namespace qingdan
