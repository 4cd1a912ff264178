// AtomicFile (io.hpp): a streamed output file, renamed into place at the end.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.hpp"

namespace qingdan {

namespace {
constexpr size_t kBuffer = 1 << 20;  // write(2) in 1 MB pieces
}

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    tmp_ = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    fd_ = mkstemp(tmp_.data());
    if (fd_ < 0) throw std::runtime_error(path + ": cannot create output file: " + std::strerror(errno));
    buf_.reserve(kBuffer);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(tmp_.c_str());
    }
}

void AtomicFile::flush() {
    size_t done = 0;
    while (done < buf_.size()) {
        ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(path_ + ": write failed: " + std::strerror(errno));
        }
        done += static_cast<size_t>(n);
    }
    buf_.clear();
}

void AtomicFile::write(std::string_view data) {
    if (buf_.size() + data.size() > kBuffer) flush();
    if (data.size() >= kBuffer) {
        buf_.assign(data);
        flush();
    } else {
        buf_.append(data);
    }
}

void AtomicFile::commit() {
    flush();
    fchmod(fd_, 0644);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
        std::string err = std::strerror(errno);
        ::unlink(tmp_.c_str());
        throw std::runtime_error(path_ + ": cannot write: " + err);
    }
}

}  // namespace qingdan
