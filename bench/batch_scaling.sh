#!/bin/sh
# Batch figures for docs/performance.md (issue 14): wall time, CPU time and
# peak RSS of `compile --format jsonl` over N copies of the seed corpus for
# -j 1, 2, ... and the start-up of a one-document run. Usage:
#   bench/batch_scaling.sh build/qingdan /work/shared/corpus 400 "1 2"
set -eu
bin=${1:-build/qingdan}; corpus=${2:-data/corpus}; copies=${3:-400}; jobs=${4:-"1 2"}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
k=0; while [ $k -lt "$copies" ]; do k=$((k+1)); for f in "$corpus"/*.txt; do cp "$f" "$dir/${k}_$(basename "$f")"; done; done
n=$(ls "$dir" | wc -l); mb=$(du -sm "$dir" | cut -f1)
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $n documents, $mb MB"
for j in $jobs; do
  /usr/bin/time -f "-j $j: %e s wall, %U s user, %S s sys, %M KB peak RSS" "$bin" -q compile "$dir" --format jsonl -j "$j" > "$dir.out.$j"
done
first=$(echo $jobs | cut -d' ' -f1)
for j in $jobs; do cmp -s "$dir.out.$first" "$dir.out.$j" && echo "-j $j output identical to -j $first" || echo "-j $j output DIFFERS"; rm -f "$dir.out.$j"; done
one=$(ls "$corpus"/*.txt | head -1)
for i in 1 2 3 4 5; do /usr/bin/time -f "start-up + one document: %e s wall, %M KB" "$bin" -q compile "$one" -j 1 > /dev/null; done
