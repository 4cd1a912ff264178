#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS each (default 20) from the seed
# corpora: the bundled documents, the test fixtures, the golden JSON and the
# office seeds of fuzz/make_seeds.py.
#   fuzz/run.sh [SECONDS] [BUILD_DIR] [CORPUS_ROOT]
# BUILD_DIR defaults to build-fuzz, CORPUS_ROOT to BUILD_DIR/fuzz-corpus (one
# growing corpus per harness). A finding stops nothing else but makes the
# status non-zero, with the input in BUILD_DIR/fuzz-artifacts/ and the log
# next to it (see docs/fuzzing.md for long campaigns).
#   fuzz/run.sh --seeds NAME BUILD_DIR    prints the seed dirs and dict of harness NAME
set -euo pipefail
cd "$(dirname "$0")/.."

# Seed directories and dictionary of one harness (dictionaries combined:
# libFuzzer takes one -dict).
seeds_of() {  # name build
  local name=$1 build=$2
  if [[ ! -d "$build/fuzz-seeds/pdf" ]]; then python3 fuzz/make_seeds.py "$build/fuzz-seeds" >&2; fi
  cat fuzz/qingdan.dict fuzz/ooxml.dict >"$build/fuzz-seeds/ooxml.dict"
  cat fuzz/qingdan.dict fuzz/pdf.dict >"$build/fuzz-seeds/pdf.dict"
  case "$name" in
    fuzz_json) echo "fuzz/qingdan.dict tests/golden/compile" ;;
    fuzz_html) echo "fuzz/qingdan.dict tests/fixtures/html" ;;
    fuzz_office) echo "$build/fuzz-seeds/ooxml.dict tests/fixtures/office" ;;
    fuzz_docx) echo "$build/fuzz-seeds/ooxml.dict $build/fuzz-seeds/docx" ;;
    fuzz_xlsx) echo "$build/fuzz-seeds/ooxml.dict $build/fuzz-seeds/xlsx" ;;
    fuzz_pdf) echo "$build/fuzz-seeds/pdf.dict $build/fuzz-seeds/pdf" ;;
    *) echo "fuzz/qingdan.dict data/corpus tests/fixtures/batch tests/fixtures/html" ;;
  esac
}

if [[ "${1:-}" == --seeds ]]; then
  seeds_of "$2" "${3:-build-fuzz}"
  exit 0
fi

secs=${1:-20}
build=${2:-build-fuzz}
corpora=${3:-$build/fuzz-corpus}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/fuzz-artifacts"
status=0
for bin in "$build"/fuzz/fuzz_*; do
  name=$(basename "$bin")
  corpus="$corpora/$name"
  mkdir -p "$corpus"
  read -r dict seeds <<<"$(seeds_of "$name" "$build")"
  echo "fuzz: $name for ${secs}s"
  # -max_len: the harnesses skip inputs above 64 KB; -rss_limit_mb and
  # -timeout make a blow-up or a hang a finding, not a stuck CI. The timeout
  # is wall time: 60 s leaves room for a busy shared machine (an input of
  # fuzz_products takes about 1.3 s of CPU under ASan), a real hang never ends.
  timeout=${QINGDAN_FUZZ_TIMEOUT:-60}
  # shellcheck disable=SC2086 # seeds: a list of directories
  if ! "$bin" -max_total_time="$secs" -dict="$dict" -max_len=65536 -rss_limit_mb=2048 -timeout="$timeout" \
       -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" "$corpus" $seeds \
       >"$build/fuzz-artifacts/$name.log" 2>&1; then
    echo "fuzz: $name FAILED (see $build/fuzz-artifacts/$name.log)"
    tail -40 "$build/fuzz-artifacts/$name.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$build/fuzz-artifacts/$name.log" | tail -2 || true
done
exit $status
