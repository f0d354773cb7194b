#!/usr/bin/env bash
# Builds every shipped handout in every locale and print form into DIR, and, given a
# second folder built the same way (e.g. by an earlier commit), compares the two:
# page counts, `pdftotext -raw` text and bytes, one line per leaflet that differs.
#   bash benches/forms.sh DIR [BASELINE_DIR]
# Needs pdfinfo and pdftotext (poppler-utils) for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: forms.sh DIR [BASELINE_DIR]}
base=${2:-}
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/handout
mkdir -p "$out"
forms=("" "--paper letter" "--paper a5" "--large-print" "--layout two-column"
       "--layout trifold" "--paper letter --layout trifold")
for f in "${forms[@]}"; do
  # shellcheck disable=SC2086
  "$bin" build handouts -o "$out" -q --force $f || true
done
echo "$(find "$out" -name '*.pdf' | wc -l) PDFs in $out"
[ -z "$base" ] && exit 0
same=0; differ=0
for p in "$base"/*.pdf; do
  n=$(basename "$p")
  q="$out/$n"
  if [ ! -f "$q" ]; then echo "missing now: $n"; differ=$((differ+1)); continue; fi
  if cmp -s "$p" "$q"; then same=$((same+1)); continue; fi
  pa=$(pdfinfo "$p" | awk '/^Pages/{print $2}'); pb=$(pdfinfo "$q" | awk '/^Pages/{print $2}')
  if [ "$pa" != "$pb" ]; then echo "pages $pa -> $pb: $n"; differ=$((differ+1)); continue; fi
  if ! diff -q <(pdftotext -raw "$p" -) <(pdftotext -raw "$q" -) >/dev/null; then
    echo "text differs: $n"; differ=$((differ+1)); continue
  fi
  echo "bytes only: $n"; same=$((same+1))
done
for q in "$out"/*.pdf; do [ -f "$base/$(basename "$q")" ] || echo "new now: $(basename "$q")"; done
echo "$same same (bytes or text), $differ differ"
