// Output files are written atomically: a temporary file in the same
// directory, then rename, so a failed run never leaves half a file.
#pragma once

#include <string>
#include <string_view>

namespace qingdan {

// Throws std::runtime_error naming the path on failure.
void write_file_atomic(const std::string& path, std::string_view data);

}  // namespace qingdan

namespace qingdan {

// An output file written as a stream (issue 14: `compile` writes each
// document as soon as it is ready) yet still atomically: the bytes go to a
// temporary file beside the target, renamed over it by commit(). Destroyed
// uncommitted (an error, an exception), the temporary file is removed and the
// target is left as it was. Throws std::runtime_error naming the path and the
// OS reason, from the constructor already when the directory is missing or
// not writable, so a bad -o fails before any work.
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
    int fd_ = -1;
};

}  // namespace qingdan
