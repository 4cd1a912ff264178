// Files like a careful Unix tool (docs/fuzzing.md, issue 13):
// - inputs are read as streams (pipes, FIFOs, /dev/stdin, <(process
//   substitution) all work), and an unreadable standard input is an error;
// - an output file is written atomically: a temporary file with a short name
//   in the target's directory, with the target's mode when it exists and
//   0666 & ~umask otherwise, then renamed over the target;
// - temporary files are removed on SIGINT/SIGTERM, and stale ones left by a
//   killed run (whose process is gone) when the same target is next written;
// - every failure on the output side is an OutputError naming the path and
//   the OS reason, which the CLI reports with exit 3 (never "internal error").
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

// A failure writing output: the message names the path and the OS reason.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Reads a whole file, or standard input for "-", as a stream. Throws
// std::runtime_error naming the path and the OS reason (a directory, a closed
// standard input, a read error); standard input may be read only once.
std::string read_stream(const std::string& path);

// Throws OutputError naming the path on failure.
void write_file_atomic(const std::string& path, std::string_view data);

// Writes all of `data` to standard output (file descriptor 1). Throws
// OutputError on failure; EPIPE (a reader such as `head` went away) throws
// BrokenPipe, which the CLI ends on quietly.
void write_stdout(std::string_view data);
struct BrokenPipe : OutputError {
    using OutputError::OutputError;
};

// A directory written as a whole: files go into a temporary directory beside
// (or inside) the target, and commit() moves them into place, so a run that
// fails half-way leaves the previous contents whole. Files of the target that
// this run does not write are kept. Uncommitted, the temporary directory is
// removed by the destructor (and by SIGINT/SIGTERM).
class StagedDir {
public:
    explicit StagedDir(const std::string& target);  // throws OutputError
    ~StagedDir();
    StagedDir(const StagedDir&) = delete;
    StagedDir& operator=(const StagedDir&) = delete;
    const std::string& path() const { return tmp_; }  // write files here
    void commit();                                      // throws OutputError
private:
    std::string target_, tmp_;
    bool fresh_ = false;  // the target did not exist: the whole directory is renamed
    bool done_ = false;
};

// The start of the temporary names made for a target file name:
// ".qd-<hash of the name>-"; the writer's pid and a random tail follow.
std::string temp_name_prefix(const std::string& target_name);

// Installs the SIGINT/SIGTERM handler that removes this process's temporary
// files (done on the first atomic write; exposed for tests).
void install_temp_cleanup();

// An output file written as a stream (issue 14: `compile` writes each
// document as soon as it is ready) yet still atomically: the bytes go to a
// temporary file beside the target, renamed over it by commit(). Destroyed
// uncommitted (an error, an exception), the temporary file is removed and the
// target is left as it was (and on SIGINT/SIGTERM, like write_file_atomic).
// Throws OutputError naming the path and the OS reason, from the constructor
// already when the directory is missing or not writable, so a bad -o fails
// before any work.
class AtomicFile {
public:
    explicit AtomicFile(const std::string& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    void write(std::string_view data);  // buffered
    void commit();
private:
    void flush();
    std::string path_, tmp_, buf_;
    int fd_ = -1, slot_ = -1;
    unsigned mode_ = 0644;
};

}  // namespace qingdan
