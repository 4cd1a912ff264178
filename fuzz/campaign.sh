#!/usr/bin/env bash
# A long campaign: harnesses in the background at the lowest priority
# (nice 19: they take only idle CPU), each on its own growing corpus seeded
# like fuzz/run.sh (docs/fuzzing.md).
#   fuzz/campaign.sh BUILD_DIR CORPUS_ROOT SECONDS [HARNESS[:SECONDS]...]
# SECONDS is wall time per harness (a HARNESS:SECONDS argument gives that
# harness its own budget, e.g. to top up one that has run part of its hour), or CPU time (user + sys) with
# QINGDAN_FUZZ_CPU=1: a niced harness on a shared machine waits for a core
# far longer than it computes, so only CPU time says how much it fuzzed; it
# is stopped by SIGINT once it has used SECONDS (libFuzzer then prints its
# final stats). QINGDAN_FUZZ_JOBS=N runs at most N harnesses at a time, the
# rest queued in the order given (default: all at once).
# Per harness NAME, in CORPUS_ROOT: NAME/ (the corpus), NAME.log (libFuzzer's
# output and final stats), NAME.time (wall and CPU seconds, max RSS, from
# /usr/bin/time), and findings as artifacts/NAME-crash-… etc. The logs of an
# earlier campaign in CORPUS_ROOT are first moved to CORPUS_ROOT/runK/
# (fuzz/summarise.py sums the runs). The driver runs in the background;
# its pid is in CORPUS_ROOT/campaign.pid. Stop everything early with
#   kill $(cat CORPUS_ROOT/campaign.pid); pkill -INT -f "$BUILD_DIR/fuzz/fuzz_"
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1 root=$2 secs=$3
shift 3
names=("$@")
if ((${#names[@]} == 0)); then
  for bin in "$build"/fuzz/fuzz_*; do names+=("$(basename "$bin")"); done
fi
cpu_mode=${QINGDAN_FUZZ_CPU:-0}
jobs=${QINGDAN_FUZZ_JOBS:-${#names[@]}}
mkdir -p "$root/artifacts"

# Keep the previous campaign's logs as a numbered run.
if compgen -G "$root/fuzz_*.log" >/dev/null; then
  k=1
  while [[ -e "$root/run$k" ]]; do k=$((k + 1)); done
  mkdir "$root/run$k"
  mv "$root"/fuzz_*.log "$root"/fuzz_*.time "$root/run$k/" 2>/dev/null || true
  rm -f "$root"/fuzz_*.pid
fi

# CPU seconds (user + sys) of process PID, 0 once it is gone.
cpu_of() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  stat=${stat##*) }  # the fields after the command name
  read -r -a f <<<"$stat"
  echo $(((f[11] + f[12]) / $(getconf CLK_TCK)))
}

# One harness, in the foreground of its own subshell.
run_one() {
  local name=${1%%:*} secs=$secs dict seeds wall
  [[ $1 == *:* ]] && secs=${1#*:}
  wall=$secs
  mkdir -p "$root/$name"
  read -r dict seeds <<<"$(fuzz/run.sh --seeds "$name" "$build")"
  ((cpu_mode)) && wall=$((secs * 1000))  # the watcher below stops it
  # libFuzzer's -timeout and slow-unit reports count wall time: a process
  # at nice 19 on a busy machine waits for the CPU far longer than it
  # computes (a 1.3 s CPU input took 100 s of wall time here), so the
  # timeout is 300 s, not run.sh's 20 s; a real hang still ends the run.
  # shellcheck disable=SC2086 # seeds: a list of directories
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice -n 19 /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB, exit %x" -o "$root/$name.time" \
    "$build/fuzz/$name" -max_total_time="$wall" -dict="$dict" -max_len=65536 -rss_limit_mb=2048 \
    -timeout="${QINGDAN_FUZZ_TIMEOUT:-300}" -report_slow_units=600 -print_final_stats=1 \
    -artifact_prefix="$root/artifacts/$name-" "$root/$name" $seeds >"$root/$name.log" 2>&1 </dev/null &
  local timer=$! child=""
  echo "$timer" >"$root/$name.pid"
  echo "campaign: $name started $(date -u +%H:%M:%S) for ${secs}s $( ((cpu_mode)) && echo CPU || echo wall)"
  while ((cpu_mode)) && kill -0 "$timer" 2>/dev/null; do
    sleep 20
    [[ -n "$child" ]] || child=$(pgrep -P "$timer" | head -1 || true)
    if [[ -n "$child" ]] && (($(cpu_of "$child") >= secs)); then kill -INT "$child" 2>/dev/null || true; fi
  done
  wait "$timer" || true
  rm -f "$root/$name.pid"
  echo "campaign: $name ended $(date -u +%H:%M:%S): $(cat "$root/$name.time" 2>/dev/null | tail -1)"
}

drive() {
  local running=0 name
  for name in "${names[@]}"; do
    if ((running >= jobs)); then wait -n || true; running=$((running - 1)); fi
    run_one "$name" &
    running=$((running + 1))
  done
  wait
}
nohup bash -c "$(declare -f cpu_of run_one drive); $(declare -p build root secs names cpu_mode jobs); drive" \
  >>"$root/campaign.log" 2>&1 </dev/null &
echo $! >"$root/campaign.pid"
echo "campaign: ${#names[@]} harnesses, $jobs at a time, driver pid $!, log $root/campaign.log"
