#!/usr/bin/env bash
# `handout check` against `handout build` over every handout × locale (issue 15: a
# check may take at most twice as long as the build). Interleaved rounds, medians.
#   bash benches/check.sh [ROUNDS]      (default 5)
# Both in the default print form (A4); the build is forced (every leaflet written) and
# runs the same checks inside it, so the ratio says what checking alone costs.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
cargo build --release --quiet
bin=$(realpath "${CARGO_TARGET_DIR:-target}")/release/handout
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ms() { # command… → wall milliseconds
  local s e
  s=${EPOCHREALTIME/[.,]/}
  "$@" > /dev/null 2>&1 || true
  e=${EPOCHREALTIME/[.,]/}
  echo $(( (e - s) / 1000 ))
}
builds=(); checks=()
for r in $(seq "$rounds"); do
  builds+=("$(ms "$bin" build handouts -o "$out/b" -q --force)")
  checks+=("$(ms "$bin" check handouts --format json)")
  printf 'round %d: build %s ms, check %s ms\n' "$r" "${builds[-1]}" "${checks[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${builds[@]}"); c=$(median "${checks[@]}")
leaflets=$(ls "$out/b"/*.pdf | wc -l)
printf 'leaflets: %d\nbuild median: %d ms\ncheck median: %d ms\ncheck / build: %.2f (budget ≤ 2)\n' \
  "$leaflets" "$b" "$c" "$(echo "$c/$b" | bc -l)"
