// Helpers shared by the test files.
#pragma once

#include <sys/wait.h>

#include <cstdio>
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

// A shell command's exit status (-1 when it did not exit) and its stdout.
struct ShellRun {
    int status;
    std::string out;
};

inline ShellRun shell(const std::string& cmd) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run " + cmd);
    std::string out;
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int st = pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

// The built qingdan run from the project root (sources print relative).
inline ShellRun qingdan_in_root(const std::string& args) {
    return shell("cd '" + kRoot + "' && '" + std::string(QINGDAN_BINARY) + "' " + args);
}

}  // namespace qingdan::test
