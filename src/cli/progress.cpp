#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
#include <unistd.h>

namespace qingdan::cli {

namespace {
Progress* active = nullptr;
using Clock = std::chrono::steady_clock;
}  // namespace

Progress::Progress(std::size_t total, std::uintmax_t total_bytes, bool forced)
    : total_(total), total_bytes_(total_bytes), start_(Clock::now()), last_(start_) {
    tty_ = isatty(2) == 1;
    enabled_ = tty_ || forced;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    color_ = tty_ && !(no_color && *no_color) && !(term && std::strcmp(term, "dumb") == 0);
    if (enabled_) active = this;
}

Progress::~Progress() {
    if (active == this) active = nullptr;
}

std::string Progress::line() const {
    double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    double mbps = secs > 0 ? static_cast<double>(bytes_) / 1e6 / secs : 0;
    std::string eta = "--:--";
    if (bytes_ > 0 && total_bytes_ >= bytes_ && secs > 0) {
        long left = static_cast<long>(static_cast<double>(total_bytes_ - bytes_) / (static_cast<double>(bytes_) / secs));
        eta = fmt::format("{}:{:02}", left / 60, left % 60);
    }
    std::string count = fmt::format("{}/{}", done_, total_);
    if (color_) count = "\033[1m" + count + "\033[0m";
    return fmt::format("qingdan: {} documents, {:.1f} MB/s, ETA {}", count, mbps, eta);
}

void Progress::draw() {
    std::string l = line();
    if (tty_)
        std::fprintf(stderr, "\r%s\033[K", l.c_str());
    else
        std::fprintf(stderr, "%s\n", l.c_str());
    std::fflush(stderr);
    drawn_ = tty_;
}

void Progress::step(std::uintmax_t bytes) {
    ++done_;
    bytes_ += bytes;
    if (!enabled_) return;
    auto now = Clock::now();
    auto every = tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000);
    if (now - last_ < every && done_ < total_) return;
    last_ = now;
    draw();
}

void Progress::finish() {
    if (!enabled_) return;
    if (drawn_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        drawn_ = false;
    }
    if (active == this) active = nullptr;
}

void Progress::clear_active() {
    if (active && active->drawn_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        active->drawn_ = false;
    }
}

}  // namespace qingdan::cli
