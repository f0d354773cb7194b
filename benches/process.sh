#!/usr/bin/env bash
# Whole-process benchmark of building the English ketamine leaflet:
# median wall time over N runs, peak RSS (GNU time) and PDF size.
#   bash benches/process.sh [N]        (default N=50; builds the release binary first)
# Targets (issue 2): ≤ 12 ms a process, PDF ≤ 29 KB, peak RSS ≤ 30 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
cargo build --release --quiet
bin=target/release/handout
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for _ in $(seq "$n"); do
  s=$(date +%s%N)
  "$bin" build handouts/ketamine -l en -o "$out" -q --force
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss=$( { /usr/bin/time -f '%M' "$bin" build handouts/ketamine -l en -o "$out" -q --force; } 2>&1 | tail -1)
size=$(stat -c %s "$out/ketamine.en.pdf")
printf 'runs: %d\nmedian wall time: %.1f ms\npeak RSS: %.1f MiB\nPDF size: %.1f KB (%d bytes)\n' \
  "$n" "$(echo "$median/1000" | bc -l)" "$(echo "$rss/1024" | bc -l)" "$(echo "$size/1000" | bc -l)" "$size"
