// Shared by the libFuzzer harnesses (docs/fuzzing.md): resources loaded once
// per process, and the rule every harness enforces — an input may be refused
// with the documented exception types, never crash, hang or trip a sanitizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "qingdan/pipeline.hpp"
#include "units.hpp"

namespace qingdan::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline const Compiler& compiler() {
    static const Compiler c{CompileOptions{}};
    return c;
}

inline const UnitGazetteer& gazetteer() {
    static const UnitGazetteer g = UnitGazetteer::load(default_share_dir() + "/data/units.tsv");
    return g;
}

// Inputs above this size are skipped: the harnesses look for crashes and
// sanitizer reports; cost on large inputs is the scaling tests' job.
inline constexpr size_t kMaxInput = 64 * 1024;

}  // namespace qingdan::fuzz
