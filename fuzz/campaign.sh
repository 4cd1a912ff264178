#!/usr/bin/env bash
# A long campaign: every harness at once, in the background, at the lowest
# priority (nice 19: they take only idle CPU), until an end time, each on its
# own growing corpus seeded like fuzz/run.sh (docs/fuzzing.md).
#   fuzz/campaign.sh BUILD_DIR CORPUS_ROOT SECONDS [HARNESS...]
# Per harness NAME, in CORPUS_ROOT: NAME/ (the corpus), NAME.log (libFuzzer's
# output and final stats), NAME.time (wall and CPU seconds, max RSS, from
# /usr/bin/time), NAME.pid, and findings as artifacts/NAME-crash-… etc.
# Stop early with: kill $(cat CORPUS_ROOT/*.pid)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1 root=$2 secs=$3
shift 3
names=("$@")
if ((${#names[@]} == 0)); then
  for bin in "$build"/fuzz/fuzz_*; do names+=("$(basename "$bin")"); done
fi
mkdir -p "$root/artifacts"
# libFuzzer's -timeout and slow-unit reports count wall time: a process at
# nice 19 on a busy machine waits for the CPU far longer than it computes
# (a 1.3 s CPU input took 100 s of wall time here), so the timeout is 300 s,
# not run.sh's 20 s; a real hang still ends the run.
timeout=${QINGDAN_FUZZ_TIMEOUT:-300}
for name in "${names[@]}"; do
  mkdir -p "$root/$name"
  read -r dict seeds <<<"$(fuzz/run.sh --seeds "$name" "$build")"
  # shellcheck disable=SC2086 # seeds: a list of directories
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nohup nice -n 19 /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB, exit %x" -o "$root/$name.time" \
    "$build/fuzz/$name" -max_total_time="$secs" -dict="$dict" -max_len=65536 -rss_limit_mb=2048 -timeout="$timeout" -report_slow_units=600 \
    -print_final_stats=1 -artifact_prefix="$root/artifacts/$name-" "$root/$name" $seeds \
    >"$root/$name.log" 2>&1 </dev/null &
  echo $! >"$root/$name.pid"
  echo "campaign: $name (pid $!) for ${secs}s, log $root/$name.log"
done
