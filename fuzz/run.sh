#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS each (default 20) from the seed
# corpora: the bundled documents, the test fixtures, the golden JSON.
#   fuzz/run.sh [SECONDS] [BUILD_DIR]     (BUILD_DIR default build-fuzz)
# A finding stops the run with a non-zero status and leaves the input in
# BUILD_DIR/fuzz-artifacts/. The growing corpora stay in BUILD_DIR/fuzz-corpus/
# (see docs/fuzzing.md for long campaigns).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
build=${2:-build-fuzz}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/fuzz-artifacts"
status=0
for bin in "$build"/fuzz/fuzz_*; do
  name=$(basename "$bin")
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  case "$name" in
    fuzz_json) seeds=(tests/golden/compile) ;;
    fuzz_html) seeds=(tests/fixtures/html) ;;
    fuzz_office) seeds=(tests/fixtures/office) ;;
    *) seeds=(data/corpus tests/fixtures) ;;
  esac
  echo "fuzz: $name for ${secs}s"
  # -max_len: the harnesses skip inputs above 64 KB; -rss_limit_mb and
  # -timeout make a blow-up or a hang a finding, not a stuck CI.
  if ! "$bin" -max_total_time="$secs" -dict=fuzz/qingdan.dict -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
       -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" "$corpus" "${seeds[@]}" \
       >"$build/fuzz-artifacts/$name.log" 2>&1; then
    echo "fuzz: $name FAILED (see $build/fuzz-artifacts/$name.log)"
    tail -40 "$build/fuzz-artifacts/$name.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$build/fuzz-artifacts/$name.log" | tail -2 || true
done
exit $status
