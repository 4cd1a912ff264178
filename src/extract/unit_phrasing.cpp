// Loading of data/unit_phrasing.tsv (see unit_phrasing.hpp, docs/data.md).
#include "unit_phrasing.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "ustr.hpp"

namespace qingdan {
namespace {

[[noreturn]] void fail(const std::string& file, int line, const std::string& msg) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + msg);
}

UnitRole role_of(std::string_view s, const std::string& file, int line) {
    if (s.empty() || s == "-") return UnitRole::none;
    if (s == "lead") return UnitRole::lead;
    if (s == "participant") return UnitRole::participant;
    if (s == "responsible") return UnitRole::responsible;
    if (s == "each-lead") return UnitRole::each_lead;
    fail(file, line, "unknown role '" + std::string(s) + "' (lead, participant, responsible, each-lead, -)");
}

void longest_first(std::vector<UnitPhrasing::Phrase>& v) {
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.text.size() > b.text.size(); });
}

std::shared_ptr<const UnitPhrasing>& slot() {
    static std::shared_ptr<const UnitPhrasing> table;
    return table;
}

// Every table ever installed stays alive: current() hands out references.
std::vector<std::shared_ptr<const UnitPhrasing>>& kept() {
    static std::vector<std::shared_ptr<const UnitPhrasing>> v;
    return v;
}

std::mutex& slot_mutex() {
    static std::mutex m;
    return m;
}

// The installed table without the lock: current() is called for every
// piece of every unit clause, and a mutex there cost more than the lookup
// it guards. Safe because kept() never frees a table.
std::atomic<const UnitPhrasing*>& fast_slot() {
    static std::atomic<const UnitPhrasing*> p{nullptr};
    return p;
}

// Sets the table under slot_mutex().
void publish(UnitPhrasing table) {
    table.index_tails();
    slot() = std::make_shared<const UnitPhrasing>(std::move(table));
    kept().push_back(slot());
    fast_slot().store(slot().get(), std::memory_order_release);
}

// The shipped table, found like the grammars: $QINGDAN_SHARE, then the
// install prefix, then the source tree this library was built from.
std::string shipped_path() {
    namespace fs = std::filesystem;
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("QINGDAN_SHARE"); env && *env) dirs.emplace_back(env);
#ifdef QINGDAN_INSTALL_SHARE
    dirs.emplace_back(QINGDAN_INSTALL_SHARE);
#endif
#ifdef QINGDAN_SOURCE_SHARE
    dirs.emplace_back(QINGDAN_SOURCE_SHARE);
#endif
    std::error_code ec;
    for (const auto& d : dirs)
        if (fs::is_regular_file(fs::path(d) / "data" / "unit_phrasing.tsv", ec))
            return (fs::path(d) / "data" / "unit_phrasing.tsv").string();
    return {};
}

}  // namespace

UnitPhrasing UnitPhrasing::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    UnitPhrasing t;
    std::string line;
    for (int no = 1; std::getline(in, line); ++no) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        for (size_t s = 0;;) {
            const size_t tab = line.find('\t', s);
            f.push_back(ustr::trim(std::string_view(line).substr(s, tab == std::string::npos ? std::string::npos : tab - s)));
            if (tab == std::string::npos) break;
            s = tab + 1;
        }
        if (f.size() < 2 || f[1].empty()) fail(path, no, "expected kind<TAB>phrase[<TAB>role]");
        const std::string& kind = f[0];
        Phrase p{f[1], role_of(f.size() > 2 ? std::string_view(f[2]) : std::string_view(), path, no)};
        if (kind == "tail") t.tails.push_back(std::move(p));
        else if (kind == "verb") t.verbs.push_back(std::move(p));
        else if (kind == "label") t.labels.push_back(std::move(p));
        else if (kind == "note") t.notes.push_back(std::move(p));
        else if (kind == "joiner") t.joiners.push_back(std::move(p));
        else if (kind == "generic") t.generic.push_back(p.text);
        else if (kind == "lead-in") t.lead_ins.push_back(p.text);
        else if (kind == "conj") t.conjunctions.push_back(p.text);
        else if (kind == "marker") t.markers.push_back(p.text);
        else if (kind == "carry") t.carry.push_back(p.text);
        else if (kind == "carry-intro") t.carry_intro.push_back(p.text);
        else if (kind == "group-back") t.group_back.push_back(p.text);
        else if (kind == "group-forward") t.group_forward.push_back(p.text);
        else if (kind == "person-label") t.person_labels.push_back(p.text);
        else fail(path, no, "unknown kind '" + kind + "'");
    }
    longest_first(t.tails);
    longest_first(t.labels);
    longest_first(t.verbs);
    auto by_len = [](std::vector<std::string>& v) {
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    };
    by_len(t.conjunctions);
    by_len(t.carry_intro);
    by_len(t.group_back);
    by_len(t.group_forward);
    return t;
}

void UnitPhrasing::install(UnitPhrasing table) {
    std::lock_guard<std::mutex> lock(slot_mutex());
    publish(std::move(table));
}

const UnitPhrasing& UnitPhrasing::current() {
    if (const UnitPhrasing* p = fast_slot().load(std::memory_order_acquire)) return *p;
    const std::string path = shipped_path();
    // No shipped table (a bare build tree moved elsewhere): an empty table,
    // so clause functions find no clause rather than fail.
    UnitPhrasing t = path.empty() ? UnitPhrasing{} : load(path);
    std::lock_guard<std::mutex> lock(slot_mutex());
    if (!slot()) publish(std::move(t));
    return *slot();
}

bool UnitPhrasing::names_people(std::string_view label) const {
    return std::any_of(person_labels.begin(), person_labels.end(),
                       [&](const std::string& l) { return label.find(l) != std::string_view::npos; });
}

bool UnitPhrasing::is_generic(std::string_view s) const {
    return std::find(generic.begin(), generic.end(), s) != generic.end();
}

void UnitPhrasing::index_tails() {
    for (auto& v : tails_by_last_) v.clear();
    for (unsigned i = 0; i < tails.size(); ++i)
        if (!tails[i].text.empty()) tails_by_last_[static_cast<unsigned char>(tails[i].text.back())].push_back(i);
    indexed_ = true;
}

const UnitPhrasing::Phrase* UnitPhrasing::tail_of(std::string_view s) const {
    if (s.empty()) return nullptr;
    if (indexed_) {
        for (unsigned i : tails_by_last_[static_cast<unsigned char>(s.back())])
            if (s.ends_with(tails[i].text)) return &tails[i];
        return nullptr;
    }
    // The last byte first: most names end in none of the tails.
    for (const Phrase& p : tails)
        if (s.size() >= p.text.size() && s.back() == p.text.back() && s.ends_with(p.text)) return &p;
    return nullptr;
}

}  // namespace qingdan
