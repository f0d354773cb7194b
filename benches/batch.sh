#!/usr/bin/env bash
# Batch benchmark: 100 handouts × 8 locales = 800 leaflets, generated from the
# ketamine handout (copies with their own names; nothing generated is committed).
#   bash benches/batch.sh [HANDOUTS]       (default 100)
# Reports leaflets per second and peak RSS for -j 1 and -j 2 (full rebuilds, --force),
# and the time of a no-change incremental run.
# Targets (issue 5): ≥ 400 leaflets/s on 2 cores, ≤ 150 MiB, near-linear -j1 → -j2.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
cargo build --release --quiet
bin=$PWD/target/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 "$n"); do
  mkdir -p "$work/in/h$i"
  cp handouts/ketamine/*.yaml "$work/in/h$i/"
done
total=$(ls "$work"/in/*/*.yaml | wc -l)
measure() { # label, args...
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$( { /usr/bin/time -f '%M' "$bin" build "$work/in" -o "$work/out" -q "$@"; } 2>&1 | tail -1)
  t1=$(date +%s%N)
  local ms=$(( (t1 - t0) / 1000000 ))
  printf '%-22s %5d leaflets  %6d ms  %7.1f leaflets/s  peak RSS %6.1f MiB\n' \
    "$label" "$total" "$ms" "$(echo "$total*1000/$ms" | bc -l)" "$(echo "$rss/1024" | bc -l)"
}
measure "full build -j 1" -j 1 --force
measure "full build -j 2" -j 2 --force
measure "no change (incremental)" -j 2
