// qingdan/1 <-> JSON. Key order follows SCHEMA.md so output is stable.
#include "qingdan/json.hpp"

#include <stdexcept>

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
    return Json{{"line_start", s.line_start}, {"line_end", s.line_end}};
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

std::optional<int> oint(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) bad(std::string("field '") + key + "' is not a number");
    return it->get<int>();
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
    return {oint(*it, "line_start").value_or(0), oint(*it, "line_end").value_or(0)};
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

}  // namespace qingdan
