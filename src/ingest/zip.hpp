// A zip archive held in memory (DOCX and XLSX are zips of XML), read with
// libzip. Hostile archives are bounded: every member read is capped, and the
// whole archive may not inflate to more than kMaxTotal bytes or more than
// kMaxRatio times its compressed size (a zip bomb is an InputError, not an
// exhausted machine).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

class ZipArchive {
public:
    static constexpr std::size_t kMaxMember = 256u << 20;  // one XML part
    static constexpr std::size_t kMaxTotal = 512u << 20;   // all parts read
    static constexpr std::size_t kMaxRatio = 200;          // inflated / compressed

    // Opens the archive in `bytes` (which must outlive it). Throws InputError
    // (`corrupt-input`) when it is not a readable zip.
    explicit ZipArchive(std::string_view bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    std::vector<std::string> names() const;
    // A member's bytes; nullopt when absent. Throws InputError on a corrupt
    // member or when a limit above is exceeded.
    std::optional<std::string> read(const std::string& name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qingdan
