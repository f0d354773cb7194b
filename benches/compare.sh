#!/usr/bin/env bash
# Two binaries of handout compared in the same minutes, runs alternating (on a
# shared VM the same binary runs up to 1.5× slower from one half-hour to the next):
#   bash benches/compare.sh OLD_BIN NEW_BIN [PROCESS_RUNS] [BATCH_ROUNDS] [HANDOUTS]
# (defaults 40, 4, 50). Prints, for each binary, the median wall time of one whole
# process building the English leaflet (as benches/process.sh, $EPOCHREALTIME), and
# the rate of full `-j 2` batch builds of HANDOUTS copies of the ketamine handout
# × the 8 first languages (COMPARE_LOCALES) into new folders (as benches/batch.sh), each round and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare.sh OLD_BIN NEW_BIN [PROCESS_RUNS] [BATCH_ROUNDS] [HANDOUTS]}
new=${2:?usage: compare.sh OLD_BIN NEW_BIN [PROCESS_RUNS] [BATCH_ROUNDS] [HANDOUTS]}
runs=${3:-40}
rounds=${4:-4}
n=${5:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A times
for i in $(seq "$runs"); do
  for which in old new; do
    bin=${!which}
    mkdir "$work/$which-$i"
    s=${EPOCHREALTIME/[.,]/}
    "$bin" build handouts/ketamine -l en -o "$work/$which-$i" -q --force
    e=${EPOCHREALTIME/[.,]/}
    times[$which]+="$((e - s)) "
  done
done
for which in old new; do
  printf 'process %s: median %.2f ms over %d runs\n' "$which" \
    "$(echo "$(echo "${times[$which]}" | tr ' ' '\n' | grep -v '^$' | median)/1000" | bc -l)" "$runs"
done

for i in $(seq -w 1 "$n"); do
  mkdir -p "$work/in/h$i"
  # The eight locales every binary since the first session can build.
  for l in ${COMPARE_LOCALES:-en de es fr ru vi ar zh-Hans}; do
    cp "handouts/ketamine/$l.yaml" "$work/in/h$i/"
  done
done
total=$(ls "$work"/in/*/*.yaml | wc -l)
declare -A rates
for round in $(seq "$rounds"); do
  for which in old new; do
    bin=${!which}
    t0=${EPOCHREALTIME/[.,]/}
    "$bin" build "$work/in" -o "$work/batch-$which-$round" -q -j 2 --force
    t1=${EPOCHREALTIME/[.,]/}
    r=$(echo "$total*1000000/($t1 - $t0)" | bc -l)
    printf 'batch round %d %s: %d leaflets, %.1f leaflets/s\n' "$round" "$which" "$total" "$r"
    rates[$which]+="$r "
  done
done
for which in old new; do
  printf 'batch %s: median %.1f leaflets/s over %d rounds\n' "$which" \
    "$(echo "${rates[$which]}" | tr ' ' '\n' | grep -v '^$' | median)" "$rounds"
done
