// The words of unit clauses (data/unit_phrasing.tsv): tails, labels, role
// notes, generic words, lead-ins, joiners, conjunctions, clause markers and
// carry-over notes. The clause parser (unit_clause.cpp) knows only the shape
// of a clause; every word it looks for comes from this table.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

// A role a phrase gives the names it applies to. `each_lead` (分别牵头) makes
// every name of its group lead; `none` is phrasing without a role.
enum class UnitRole { none, lead, participant, responsible, each_lead };

struct UnitPhrasing {
    struct Phrase {
        std::string text;
        UnitRole role = UnitRole::none;
    };
    std::vector<Phrase> tails;    // longest first
    std::vector<Phrase> verbs;    // markers a short verb may follow (牵头卖力)
    std::vector<Phrase> labels;   // longest first
    std::vector<Phrase> notes;
    std::vector<Phrase> joiners;  // 会同
    std::vector<std::string> generic, lead_ins, conjunctions, markers, carry, carry_intro, group_back, group_forward;
    std::vector<std::string> person_labels;  // 责任领导：张三 — people, never units

    // Reads the TSV; throws std::runtime_error with file:line on a bad row.
    static UnitPhrasing load(const std::string& path);

    // The table the clause functions use: the last one installed, else the
    // shipped data/unit_phrasing.tsv ($QINGDAN_SHARE, install dir, source
    // tree), loaded on first use.
    static const UnitPhrasing& current();
    static void install(UnitPhrasing table);

    bool is_generic(std::string_view s) const;
    // A label (the text before its colon) that names people: 责任领导, 联系人.
    bool names_people(std::string_view label) const;
    // The tail `s` ends with (longest), or nullptr.
    const Phrase* tail_of(std::string_view s) const;

    // Indexes the tails by their last byte (done for every table current()
    // hands out): tail_of runs for each piece of each clause, and most
    // pieces end in a byte no tail ends in.
    void index_tails();

private:
    std::array<std::vector<unsigned>, 256> tails_by_last_;  // indices into tails, longest first
    bool indexed_ = false;
};

}  // namespace qingdan
