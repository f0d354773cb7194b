#!/usr/bin/env bash
# Whole-process benchmark of building the English ketamine leaflet:
# median wall time over N runs, peak RSS (GNU time) and PDF size.
#   bash benches/process.sh [N]        (default N=50; builds the release binary first)
# Targets (issue 2): ≤ 12 ms a process, PDF ≤ 29 KB, peak RSS ≤ 30 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/handout
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for i in $(seq "$n"); do
  # A new output folder each run: the PDF is written and flushed every time (a
  # rebuild over an identical PDF would leave the file alone and skip both).
  mkdir "$out/$i"
  # $EPOCHREALTIME (bash 5) reads the clock without starting a process; $(date)
  # would add its own start-up (≈ 1–2 ms here) to every measurement.
  s=${EPOCHREALTIME/[.,]/}
  "$bin" build handouts/ketamine -l en -o "$out/$i" -q --force
  e=${EPOCHREALTIME/[.,]/}
  times+=($((e - s)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss=$( { /usr/bin/time -f '%M' "$bin" build handouts/ketamine -l en -o "$out/rss" -q --force; } 2>&1 | tail -1)
size=$(stat -c %s "$out/rss/ketamine.en.pdf")
printf 'runs: %d\nmedian wall time: %.1f ms\npeak RSS: %.1f MiB\nPDF size: %.1f KB (%d bytes)\n' \
  "$n" "$(echo "$median/1000" | bc -l)" "$(echo "$rss/1024" | bc -l)" "$(echo "$size/1000" | bc -l)" "$size"
