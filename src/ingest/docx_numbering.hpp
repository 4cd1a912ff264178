// Word's automatic numbering (word/numbering.xml), resolved to the number text
// a reader sees: `1.`, `（一）`, `一、`, `(1)`, `①` ... with levels, restarts
// (a w:num's lvlOverride/startOverride) and continuation across w:num
// instances of one abstract list, as Word counts them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace qingdan {

class DocxNumbering {
public:
    explicit DocxNumbering(const pugi::xml_node& numbering_root);

    // The label of the next paragraph numbered (numId, ilvl), counters
    // advanced; "" for bullets, unknown lists and numId 0 ("no numbering").
    std::string next(int num_id, int ilvl);

private:
    struct Level {
        int start = 1;
        std::string fmt = "decimal";
        std::string text;  // lvlText, e.g. "（%1）"
        std::string suffix = "tab";
        // Restarts when a level <= this one (0-based) advances: any higher level
        // by default; -1 = never (lvlRestart 0).
        int restart_after = 8;
    };
    struct Num {
        int abstract_id = -1;
        std::map<int, int> start_override;  // ilvl -> start
        bool override_applied = false;
    };
    std::map<int, std::vector<Level>> abstract_;  // abstractNumId -> levels 0..8
    std::map<int, Num> nums_;
    std::map<int, std::vector<int>> counters_;  // abstractNumId -> current value per level (0 = unused)

    static std::string format(int value, const std::string& fmt);
};

}  // namespace qingdan
