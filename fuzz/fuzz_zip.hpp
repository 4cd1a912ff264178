// Structure-aware input for the DOCX and XLSX harnesses: the fuzzer mutates
// the XML parts, and the harness packs them into a zip with stored
// (uncompressed) members. Mutating a real .docx byte for byte mostly breaks
// the deflate streams and CRCs, so the XML readers would rarely see a
// mutated part; fuzz_office keeps fuzzing the container itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <zlib.h>

namespace qingdan::fuzz {

// Parts of one input are separated by this XML comment (in fuzz/ooxml.dict):
// a mutated separator is still well-formed XML inside a part.
inline constexpr std::string_view kPartSep = "<!--part-->";

inline std::vector<std::string_view> split_parts(std::string_view in, std::size_t max_parts) {
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < max_parts) {
        auto at = in.find(kPartSep);
        if (at == std::string_view::npos) break;
        parts.push_back(in.substr(0, at));
        in.remove_prefix(at + kPartSep.size());
    }
    parts.push_back(in);
    return parts;
}

// A zip archive (PKZIP 2.0, method 0 = stored) holding `members` in order.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& members) {
    auto u16 = [](std::string& s, uint32_t v) { s.push_back(char(v & 0xff)), s.push_back(char((v >> 8) & 0xff)); };
    auto u32 = [&](std::string& s, uint32_t v) { u16(s, v & 0xffff), u16(s, v >> 16); };
    std::string out, dir;
    for (const auto& member : members) {
        const std::string& name = member.first;  // not a structured binding: clang 14 cannot capture one
        std::string_view data = member.second;
        uint32_t crc = static_cast<uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        auto offset = static_cast<uint32_t>(out.size());
        auto size = static_cast<uint32_t>(data.size());
        auto header = [&](std::string& s, bool central) {
            u32(s, central ? 0x02014b50 : 0x04034b50);
            if (central) u16(s, 20);  // version made by
            u16(s, 20), u16(s, 0), u16(s, 0);  // version needed, flags, method: stored
            u16(s, 0), u16(s, 0x21);           // time, date (1980-01-01)
            u32(s, crc), u32(s, size), u32(s, size);
            u16(s, static_cast<uint32_t>(name.size())), u16(s, 0);  // name length, extra length
            if (central) u16(s, 0), u16(s, 0), u16(s, 0), u32(s, 0), u32(s, offset);
            s += name;
        };
        header(out, false);
        out.append(data);
        header(dir, true);
    }
    auto dir_offset = static_cast<uint32_t>(out.size());
    out += dir;
    u32(out, 0x06054b50), u16(out, 0), u16(out, 0);
    u16(out, static_cast<uint32_t>(members.size())), u16(out, static_cast<uint32_t>(members.size()));
    u32(out, static_cast<uint32_t>(dir.size())), u32(out, dir_offset), u16(out, 0);
    return out;
}

}  // namespace qingdan::fuzz
