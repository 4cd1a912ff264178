#include "pool.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <sched.h>

namespace qingdan::cli {

namespace {

// cgroup v2: "max 100000" (no quota) or "200000 100000" (two CPUs' worth).
// Returns 0 when there is no quota or no cgroup v2 file.
unsigned cgroup_quota_cpus() {
    std::string rel;
    {
        std::ifstream in("/proc/self/cgroup");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("0::", 0) == 0) rel = line.substr(3);
    }
    // Walk up from the process's cgroup: a parent's quota binds too.
    unsigned best = 0;
    for (std::string dir = rel;; dir = dir.substr(0, dir.rfind('/'))) {
        std::ifstream in("/sys/fs/cgroup" + dir + "/cpu.max");
        std::string quota, period;
        if (in >> quota >> period && quota != "max") {
            double q = std::stod(quota), p = std::stod(period);
            if (q > 0 && p > 0) {
                unsigned n = static_cast<unsigned>(std::max(1.0, std::ceil(q / p)));
                if (best == 0 || n < best) best = n;
            }
        }
        if (dir.empty() || dir == "/") break;
    }
    return best;
}

}  // namespace

unsigned available_cpus() {
    unsigned n = 0;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) n = static_cast<unsigned>(CPU_COUNT(&set));
    if (n == 0) n = std::thread::hardware_concurrency();
    if (unsigned q = cgroup_quota_cpus(); q > 0 && q < n) n = q;
    return n == 0 ? 1 : n;
}

}  // namespace qingdan::cli
