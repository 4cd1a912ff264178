// A one-line progress display on stderr for long runs (issue 14): documents
// done / total, MB/s, ETA. On a terminal it redraws one line in place and
// erases it when done; off a terminal it prints nothing unless --progress,
// then a plain line at most once a second. Never on stdout. NO_COLOR (or
// TERM=dumb) turns off its bold counts.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace qingdan::cli {

class Progress {
public:
    Progress(std::size_t total, std::uintmax_t total_bytes, bool forced);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void step(std::uintmax_t bytes);  // one input done
    void finish();                    // erase the line

    // Erases the line of the active display before other stderr output
    // (diagnostics); it is drawn again on the next step.
    static void clear_active();

private:
    std::string line() const;
    void draw();
    bool enabled_ = false, tty_ = false, color_ = false, drawn_ = false;
    std::size_t total_, done_ = 0;
    std::uintmax_t total_bytes_, bytes_ = 0;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace qingdan::cli
