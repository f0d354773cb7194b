#!/usr/bin/env bash
# Regenerates the README gallery (docs/gallery/*.png) from the ketamine handout with
# the example branding. Needs pdftoppm (Debian: poppler-utils); building and testing
# do not.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/handouts" docs/gallery
cp -r handouts/ketamine "$work/handouts/"
cp docs/branding-example/clinic.yaml docs/branding-example/logo.png "$work/handouts/"
out="$work/out"
build() { "$bin" build "$work/handouts" -o "$out" -q "$@"; }
build -l en,ar,zh-Hans
build -l en --paper letter
build -l en --paper a5
build -l en --large-print
build -l en,de --layout two-column
build -l en,ar --layout trifold --fold-marks
shot() { # pdf, page, name
    pdftoppm -r 40 -png -f "$2" -l "$2" -singlefile "$out/$1" "docs/gallery/$3"
}
shot ketamine.en.pdf 1 a4-en
shot ketamine.ar.pdf 1 a4-ar
shot ketamine.zh-Hans.pdf 1 a4-zh-Hans
shot ketamine.en.letter.pdf 1 letter-en
shot ketamine.en.a5.pdf 1 a5-en
shot ketamine.en.large.pdf 1 large-print-en
shot ketamine.de.two-column.pdf 1 two-column-de
shot ketamine.en.trifold.fold-marks.pdf 1 trifold-outside-en
shot ketamine.en.trifold.fold-marks.pdf 2 trifold-inside-en
shot ketamine.ar.trifold.fold-marks.pdf 1 trifold-outside-ar
ls -l docs/gallery
