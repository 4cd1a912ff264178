// Helpers shared by the test files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "qingdan/pipeline.hpp"

namespace qingdan::test {

// The source tree (fixtures, data/corpus, grammars).
inline const std::string kRoot = QINGDAN_SOURCE_DIR;

// A whole file, bytes as they are. A missing fixture fails the test that
// reads it, not silently as empty input.
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One Compiler for every test (loading grammars and gazetteers is the slow
// part of making one).
inline const Compiler& compiler() {
    static const Compiler c;
    return c;
}

}  // namespace qingdan::test
