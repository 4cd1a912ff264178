// A pool of worker threads that maps a function over the indices 0..n-1 and
// hands the results back on the calling thread in index order, as soon as
// each is ready (issue 14). Output order, and so the output's bytes, never
// depend on the number of workers or on which finishes first.
//
// Memory stays bounded: a worker may start item i only while fewer than
// `window` results are waiting to be consumed, so at most `window` results
// (documents) exist at once whatever n is.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace qingdan::cli {

// The number of CPUs this process may use: its affinity mask, capped by a
// cgroup v2 CPU quota (cpu.max) when one is set. At least 1.
unsigned available_cpus();

// `make_worker(k)` is called once per worker thread k (0..jobs-1), on that
// thread, and returns the function that thread runs per index: workers that
// need private state (a Compiler: ICU matchers are not shareable) build it
// there. `consume(i, result)` runs on the calling thread in order of i.
// With jobs == 1 everything runs on the calling thread, no thread is made.
// An exception from a worker function is rethrown on the calling thread.
template <class R>
void ordered_map(std::size_t n, unsigned jobs,
                 const std::function<std::function<R(std::size_t)>(unsigned)>& make_worker,
                 const std::function<void(std::size_t, R&)>& consume) {
    if (n == 0) return;
    if (jobs <= 1 || n == 1) {
        auto work = make_worker(0);
        for (std::size_t i = 0; i < n; ++i) {
            R r = work(i);
            consume(i, r);
        }
        return;
    }
    if (jobs > n) jobs = static_cast<unsigned>(n);
    const std::size_t window = 2 * static_cast<std::size_t>(jobs);
    struct Slot {
        std::optional<R> value;
        std::exception_ptr error;
    };
    std::vector<Slot> slots(window);
    std::mutex mu;
    std::condition_variable ready, room;
    std::size_t next = 0, consumed = 0;
    bool stop = false;
    auto run = [&](unsigned k) {
        std::function<R(std::size_t)> work;
        std::exception_ptr setup_error;
        try {
            work = make_worker(k);
        } catch (...) {
            setup_error = std::current_exception();
        }
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mu);
                room.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            Slot s;
            if (setup_error) {
                s.error = setup_error;
            } else {
                try {
                    s.value.emplace(work(i));
                } catch (...) {
                    s.error = std::current_exception();
                }
            }
            {
                std::lock_guard lock(mu);
                slots[i % window] = std::move(s);
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned k = 0; k < jobs; ++k) threads.emplace_back(run, k);
    auto finish = [&] {
        {
            std::lock_guard lock(mu);
            stop = true;
        }
        room.notify_all();
        for (auto& t : threads) t.join();
    };
    try {
        for (std::size_t i = 0; i < n; ++i) {
            Slot s;
            {
                std::unique_lock lock(mu);
                Slot& slot = slots[i % window];
                ready.wait(lock, [&] { return slot.value.has_value() || slot.error; });
                s = std::move(slot);
                slot = Slot{};
            }
            if (s.error) std::rethrow_exception(s.error);
            consume(i, *s.value);
            {
                std::lock_guard lock(mu);
                consumed = i + 1;
            }
            room.notify_all();
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

}  // namespace qingdan::cli
