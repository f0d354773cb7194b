#!/usr/bin/env bash
# Batch benchmark: 100 handouts × every locale of the ketamine handout (33: 3300
# leaflets), generated from the
# ketamine handout (copies with their own names; nothing generated is committed).
#   bash benches/batch.sh [HANDOUTS] [ROUNDS]     (defaults 100 and 3)
# Each round measures, in this order:
#   full build -j 1 and -j 2   into a new, empty output folder (what a CI job does);
#   forced rebuild -j 2        --force over the -j 2 output (bytes come out identical,
#                              so no file is replaced);
#   no change                  an incremental run with nothing to do.
# Prints every run, then the median of each measure over the rounds, the -j 2 / -j 1
# ratio and the peak RSS. Times on a shared 2-core VM vary by ±30 % between minutes:
# compare binaries interleaved, not against numbers from another day.
# Targets (issue 5): ≥ 400 leaflets/s on 2 cores, ≤ 150 MiB, near-linear -j1 → -j2.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
rounds=${2:-3}
cargo build --release --quiet
bin=$(realpath "${CARGO_TARGET_DIR:-target}")/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 "$n"); do
  mkdir -p "$work/in/h$i"
  cp handouts/ketamine/*.yaml "$work/in/h$i/"
done
total=$(ls "$work"/in/*/*.yaml | wc -l)
declare -A rate rss
measure() { # key, output folder, args...
  local key=$1 out=$2; shift 2
  local t0 t1 kb
  t0=$(date +%s%N)
  kb=$( { /usr/bin/time -f '%M' "$bin" build "$work/in" -o "$out" -q "$@"; } 2>&1 | tail -1)
  t1=$(date +%s%N)
  local r
  r=$(echo "$total*1000000000/($t1 - $t0)" | bc -l)
  printf '%-16s %5d leaflets  %7.1f leaflets/s  peak RSS %6.1f MiB\n' "$key" "$total" "$r" "$(echo "$kb/1024" | bc -l)"
  rate[$key]+="$r "
  rss[$key]+="$kb "
}
for round in $(seq "$rounds"); do
  # New folders each round, removed only at the end: on ext4, creating files right
  # after deleting many makes the kernel search for free inodes (a third of the
  # time of a run here), which would measure the previous round's clean-up.
  measure "full -j 1" "$work/out1-$round" -j 1 --force
  measure "full -j 2" "$work/out2-$round" -j 2 --force
  measure "forced -j 2" "$work/out2-$round" -j 2 --force
  measure "no change" "$work/out2-$round" -j 2
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "medians over $rounds rounds:"
for key in "full -j 1" "full -j 2" "forced -j 2" "no change"; do
  printf '  %-16s %7.1f leaflets/s  peak RSS %6.1f MiB\n' "$key" \
    "$(echo "${rate[$key]}" | median)" "$(echo "$(echo "${rss[$key]}" | median)/1024" | bc -l)"
done
j1=$(echo "${rate[full -j 1]}" | median)
j2=$(echo "${rate[full -j 2]}" | median)
printf '  -j 2 / -j 1      ×%.2f\n' "$(echo "$j2/$j1" | bc -l)"
