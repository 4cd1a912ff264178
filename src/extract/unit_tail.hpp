// A unit list cut short by the end of input (a truncated download that
// stops at `…、市金融办、人民银`): the names before the cut are whole, the
// last one may not be.
#pragma once

#include <string>
#include <string_view>

#include "segment.hpp"

namespace qingdan {

class Pattern;

// `list` (a unit list as printed, up to the end of input) without its last
// name when that name does not end like one (人民银, 市) — with the label
// or separator the cut leaves dangling (牵头单位：市发 -> "").
std::string drop_cut_name(std::string_view list);

// The last item of a skeleton whose input ends mid-sentence (cut_at_end),
// read as what survives: its trailing unit list — a table's units cell, an
// unclosed （…  clause, a 责任单位： line — loses a cut last name, and an
// unclosed clause is closed so the names before the cut are read (with a
// role-less 负责 where the cut took the clause's marker).
RawItem cut_unit_tail(RawItem it, const Pattern* label, std::string_view cut_text);

}  // namespace qingdan
