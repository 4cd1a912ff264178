#include "io.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qingdan {
namespace fs = std::filesystem;

namespace {

std::string os_reason(int err) { return std::strerror(err); }

// ---- temporary files removed on SIGINT/SIGTERM ------------------------------
// A fixed table of strdup'ed paths the signal handler can walk without
// allocating. A directory entry (a StagedDir) has its files removed first.
constexpr int kSlots = 64;
std::atomic<char*> g_slots[kSlots];
std::atomic<bool> g_slot_is_dir[kSlots];

int register_temp(const std::string& path, bool dir) {
    char* copy = strdup(path.c_str());
    for (int i = 0; i < kSlots; ++i) {
        char* expected = nullptr;
        if (g_slots[i].compare_exchange_strong(expected, copy)) {
            g_slot_is_dir[i] = dir;
            return i;
        }
    }
    std::free(copy);
    return -1;  // table full: the stale-file sweep of the next run still removes it
}

void unregister_temp(int slot) {
    if (slot < 0) return;
    std::free(g_slots[slot].exchange(nullptr));
}

// Removes a flat directory (the only kind made here). Used by the signal
// handler too: opendir/readdir are not formally async-signal-safe, but the
// process is about to die and nothing else runs.
void remove_flat_dir(const char* dir) {
    if (DIR* d = opendir(dir)) {
        int dfd = dirfd(d);
        while (dirent* e = readdir(d))
            if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) unlinkat(dfd, e->d_name, 0);
        closedir(d);
    }
    rmdir(dir);
}

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];  // what each signal did before ours

extern "C" void on_fatal_signal(int sig) {
    for (int i = 0; i < kSlots; ++i) {
        char* p = g_slots[i].load();
        if (!p) continue;
        if (g_slot_is_dir[i])
            remove_flat_dir(p);
        else
            unlink(p);
    }
    // Then whatever the signal did before (the default: die of it).
    for (int k = 0; k < 3; ++k)
        if (kSignals[k] == sig) sigaction(sig, &g_previous[k], nullptr);
    raise(sig);
}

mode_t process_umask() {
    static mode_t mask = [] {
        mode_t m = umask(022);
        umask(m);
        return m;
    }();
    return mask;
}

// Temporary names are short (a 255-byte target name must still fit) and
// say which target and which process they belong to:
// .qd-<hash of the target's name>-<pid>-XXXXXX
}  // namespace

std::string temp_name_prefix(const std::string& target_name) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : target_name) h = (h ^ c) * 16777619u;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", h);
    return ".qd-" + std::string(buf) + "-";
}

namespace {

// Removes temporary files and directories a killed run left for the same
// target: those whose process no longer exists.
void sweep_stale(const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid <= 0 || pid == getpid()) continue;
        if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
        std::error_code rm;
        fs::remove_all(it->path(), rm);
    }
}

fs::path dir_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

}  // namespace

void install_temp_cleanup() {
    process_umask();
    // Checked on every write (one system call per signal), not once: a
    // handler installed later by the embedding program is chained, not lost.
    for (int k = 0; k < 3; ++k) {
        struct sigaction old {};
        sigaction(kSignals[k], nullptr, &old);
        if (old.sa_handler == SIG_IGN || old.sa_handler == on_fatal_signal) continue;  // nohup: keep ignoring
        g_previous[k] = old;
        struct sigaction sa {};
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(kSignals[k], &sa, nullptr);
    }
}

std::string read_stream(const std::string& path) {
    const bool is_stdin = path == "-";
    const std::string name = is_stdin ? std::string("standard input") : path;
    int fd = 0;
    if (is_stdin) {
        static std::atomic<bool> used{false};
        if (used.exchange(true)) throw std::runtime_error(name + ": named more than once (it can be read only once)");
        if (fcntl(0, F_GETFD) < 0) throw std::runtime_error(name + ": cannot read: " + os_reason(errno));
    } else {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw std::runtime_error(name + ": cannot open: " + os_reason(errno));
    }
    auto fail = [&](const std::string& what, int err) {
        if (!is_stdin) ::close(fd);
        throw std::runtime_error(name + ": " + what + ": " + os_reason(err));
    };
    struct stat st {};
    if (fstat(fd, &st) != 0) fail("cannot read", errno);
    if (S_ISDIR(st.st_mode)) fail("cannot read", EISDIR);
    std::string data;
    if (S_ISREG(st.st_mode) && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read error", errno);
        }
        if (n == 0) break;
        data.append(buf, static_cast<size_t>(n));
    }
    if (!is_stdin) ::close(fd);
    return data;
}

void write_file_atomic(const std::string& path, std::string_view data) {
    install_temp_cleanup();
    fs::path target(path);
    const fs::path dir = dir_of(target);
    const std::string prefix = temp_name_prefix(target.filename().string());
    sweep_stale(dir, prefix);
    std::string tmpl = (dir / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
    // The target's mode when it exists, else what open(2) would give.
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) throw OutputError(path + ": cannot write: " + os_reason(EISDIR));
    const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~process_umask());
    int fd = mkstemp(tmpl.data());
    if (fd < 0) throw OutputError(path + ": cannot create a temporary file in " + dir.string() + ": " + os_reason(errno));
    int slot = register_temp(tmpl, false);
    auto fail = [&](const std::string& what, int err) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        unregister_temp(slot);
        throw OutputError(path + ": " + what + ": " + os_reason(err));
    };
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed", errno);
        }
        done += static_cast<size_t>(n);
    }
    if (fchmod(fd, mode) != 0) fail("cannot set mode", errno);
    if (::close(fd) != 0) {
        fd = -1;
        fail("write failed", errno);
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        unregister_temp(slot);
        throw OutputError(path + ": cannot write: " + os_reason(err));
    }
    unregister_temp(slot);
}

void write_stdout(std::string_view data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(1, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE) throw BrokenPipe("standard output: " + os_reason(errno));
            throw OutputError("standard output: write error: " + os_reason(errno));
        }
        done += static_cast<size_t>(n);
    }
}

// ---- StagedDir ---------------------------------------------------------------

StagedDir::StagedDir(const std::string& target) : target_(target) {
    install_temp_cleanup();
    fs::path t(target);
    while (!t.empty() && !t.has_filename()) t = t.parent_path();  // "out/" -> "out"
    std::error_code ec;
    fresh_ = !fs::exists(t, ec);
    if (!fresh_ && !fs::is_directory(t, ec))
        throw OutputError(target + ": cannot write into it: " + os_reason(ENOTDIR));
    fs::path where = fresh_ ? dir_of(t) : t;
    if (fresh_) {
        fs::create_directories(where, ec);
        if (ec) throw OutputError(target + ": cannot create directory " + where.string() + ": " + ec.message());
    }
    const std::string prefix = temp_name_prefix(t.filename().string());
    sweep_stale(where, prefix);
    std::string tmpl = (where / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data()))
        throw OutputError(target + ": cannot create a temporary directory in " + where.string() + ": " + os_reason(errno));
    tmp_ = tmpl;
    target_ = t.string();
    register_temp(tmp_, true);
}

StagedDir::~StagedDir() {
    for (int i = 0; i < kSlots; ++i) {
        char* p = g_slots[i].load();
        if (p && tmp_ == p) unregister_temp(i);
    }
    if (!done_ && !tmp_.empty()) remove_flat_dir(tmp_.c_str());
}

void StagedDir::commit() {
    if (fresh_) {
        if (chmod(tmp_.c_str(), 0777 & ~process_umask()) != 0 || std::rename(tmp_.c_str(), target_.c_str()) != 0)
            throw OutputError(target_ + ": cannot move the new files into place: " + os_reason(errno));
    } else {
        // Renames within one file system need no space: once every file is
        // written, moving them cannot fail half-way for want of a disk.
        std::error_code ec;
        for (fs::directory_iterator it(tmp_, ec), end; !ec && it != end; it.increment(ec)) {
            fs::path to = fs::path(target_) / it->path().filename();
            if (std::rename(it->path().c_str(), to.c_str()) != 0)
                throw OutputError(to.string() + ": cannot move into place: " + os_reason(errno));
        }
        if (ec) throw OutputError(target_ + ": cannot list " + tmp_ + ": " + ec.message());
        rmdir(tmp_.c_str());
    }
    done_ = true;
}

// ---- AtomicFile: the same temporary file and rename, written as a stream ----

namespace {
constexpr size_t kAtomicBuffer = 1 << 20;  // write(2) in 1 MB pieces
}

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
    install_temp_cleanup();
    fs::path target(path);
    const fs::path dir = dir_of(target);
    const std::string prefix = temp_name_prefix(target.filename().string());
    sweep_stale(dir, prefix);
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) throw OutputError(path + ": cannot write: " + os_reason(EISDIR));
    mode_ = exists ? (st.st_mode & 07777) : (0666 & ~process_umask());
    tmp_ = (dir / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
    fd_ = mkstemp(tmp_.data());
    if (fd_ < 0) throw OutputError(path + ": cannot create a temporary file in " + dir.string() + ": " + os_reason(errno));
    slot_ = register_temp(tmp_, false);
    buf_.reserve(kAtomicBuffer);
}

AtomicFile::~AtomicFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(tmp_.c_str());
    unregister_temp(slot_);
}

void AtomicFile::flush() {
    size_t done = 0;
    while (done < buf_.size()) {
        ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw OutputError(path_ + ": write failed: " + os_reason(errno));
        }
        done += static_cast<size_t>(n);
    }
    buf_.clear();
}

void AtomicFile::write(std::string_view data) {
    if (buf_.size() + data.size() > kAtomicBuffer) flush();
    buf_.append(data);
    if (buf_.size() >= kAtomicBuffer) flush();
}

void AtomicFile::commit() {
    flush();
    if (fchmod(fd_, static_cast<mode_t>(mode_)) != 0) throw OutputError(path_ + ": cannot set mode: " + os_reason(errno));
    int fd = fd_;
    fd_ = -1;
    int err = ::close(fd) != 0 ? errno : 0;
    if (err == 0 && std::rename(tmp_.c_str(), path_.c_str()) != 0) err = errno;
    if (err != 0) ::unlink(tmp_.c_str());
    unregister_temp(slot_);
    if (err != 0) throw OutputError(path_ + ": cannot write: " + os_reason(err));
}

}  // namespace qingdan
