#include "io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qingdan {

void write_file_atomic(const std::string& path, std::string_view data) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) throw std::runtime_error(path + ": cannot create temporary file: " + std::strerror(errno));
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            throw std::runtime_error(path + ": write failed: " + err);
        }
        done += static_cast<size_t>(n);
    }
    fchmod(fd, 0644);
    if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string err = std::strerror(errno);
        ::unlink(tmpl.c_str());
        throw std::runtime_error(path + ": cannot write: " + err);
    }
}

}  // namespace qingdan
