#!/usr/bin/env bash
# Independent accessibility and archival checks a reviewer runs on built leaflets:
# for every PDF, `qpdf --check` (syntax), `pdfua check` (the machine-checkable part of
# PDF/UA-1) and docs/check_structure.py (the structure tree, marked content, bookmarks
# and the PDF/A metadata read back with pikepdf and pdfplumber). Not part of
# `cargo test`: it needs tools the build does not.
#
#   docs/check-accessibility.sh [PDF_FOLDER]
#
# With no folder it first builds every handout in every locale and every print form
# (A4, Letter, A5, large print, two columns, tri-fold A4, tri-fold Letter with fold
# marks), plus en and ar with the example branding (a logo, so a Figure must carry
# /Alt), into a temporary folder. KEEP=1 keeps that folder; HANDOUT_BIN names a built
# binary instead of `cargo build --release`.
#
# Needs: qpdf (apt-get install qpdf), and pip install pdfua pikepdf pdfplumber.
# Exit status: 0 when every file is clean in all three checks, 1 when not, 2 when the
# checks could not run.
set -uo pipefail
# A folder given relative to where the script was started, before moving to the repo.
folder=${1:+$(realpath -- "$1")}
cd "$(dirname "$0")/.." || exit 2

need() { command -v "$1" >/dev/null || { echo "missing $1: $2" >&2; exit 2; }; }
need qpdf "apt-get install qpdf"
need pdfua "pip install pdfua"
python3 -c 'import pikepdf, pdfplumber' 2>/dev/null ||
    { echo "missing pikepdf or pdfplumber: pip install pikepdf pdfplumber" >&2; exit 2; }

work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "working folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

if [ -n "$folder" ]; then
    dir=$folder
else
    bin=${HANDOUT_BIN:-}
    if [ -z "$bin" ]; then
        cargo build --release -q || exit 2
        bin="${CARGO_TARGET_DIR:-target}/release/handout"
    fi
    dir="$work/pdf"
    build() { "$bin" build "$@" -q || { echo "build failed: $*" >&2; exit 2; }; }
    build handouts -o "$dir"
    build handouts -o "$dir" --paper letter
    build handouts -o "$dir" --paper a5
    build handouts -o "$dir" --large-print
    build handouts -o "$dir" --layout two-column
    build handouts -o "$dir" --layout trifold
    build handouts -o "$dir" --paper letter --layout trifold --fold-marks
    mkdir -p "$work/branded"
    cp -r handouts/. "$work/branded/"
    cp docs/branding-example/clinic.yaml docs/branding-example/logo.png "$work/branded/"
    build "$work/branded" -o "$dir/branded" -l en,ar
fi

mapfile -t files < <(find "$dir" -name '*.pdf' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no PDF files in $dir" >&2; exit 2; }

# Structure read-back of all files in one Python process (one JSON line per file).
python3 docs/check_structure.py --json "${files[@]}" > "$work/structure.jsonl"
[ -s "$work/structure.jsonl" ] || { echo "check_structure.py produced nothing" >&2; exit 2; }

failed=0
details="$work/details.txt"
: > "$details"
printf '%-52s %6s %8s %-8s %9s\n' file errors warnings qpdf structure
for f in "${files[@]}"; do
    name=${f#"$dir"/}
    qpdf --check "$f" > "$work/qpdf.txt" 2>&1
    case $? in 0) q=ok ;; 3) q=warnings ;; *) q=errors ;; esac
    pdfua check --format json "$f" > "$work/pdfua.json" 2>/dev/null
    # Counts, then one line per finding, from pdfua's JSON report.
    read -r errors warnings < <(python3 - "$work/pdfua.json" "$name" "$details" <<'EOF'
import json, sys
path, name, details = sys.argv[1:4]
try:
    report = json.load(open(path))
except ValueError:
    report = {"error": open(path, errors="replace").read()[:300]}
if "summary" not in report:  # pdfua could not read the file: pass its words on
    with open(details, "a") as out:
        out.write(f"{name}: pdfua could not check: {report.get('error')}\n")
    print("? ?")
    sys.exit()
summary = report["summary"]
with open(details, "a") as out:
    for f in report["findings"]:
        out.write(f"{name}: pdfua {f['severity']} {f['rule_id']} {f['location']}: {f['message']}\n")
print(summary["errors"], summary["warnings"])
EOF
    )
    problems=$(python3 - "$work/structure.jsonl" "$f" "$name" "$details" <<'EOF'
import json, sys
path, file, name, details = sys.argv[1:5]
for line in open(path):
    entry = json.loads(line)
    if entry["file"] == file:
        with open(details, "a") as out:
            for p in entry["problems"]:
                out.write(f"{name}: structure {p}\n")
        print(len(entry["problems"]))
        break
else:
    print("?")
EOF
    )
    if [ "$q" != ok ]; then
        sed "s|^|$name: qpdf |" "$work/qpdf.txt" | grep -v -e 'checking ' -e 'PDF Version' \
            -e 'not encrypted' -e 'not linearized' >> "$details"
    fi
    printf '%-52s %6s %8s %-8s %9s\n' "$name" "$errors" "$warnings" "$q" "$problems"
    [ "$errors" = 0 ] && [ "$warnings" = 0 ] && [ "$q" = ok ] && [ "$problems" = 0 ] || failed=1
done

echo
echo "${#files[@]} files checked."
if [ -s "$details" ]; then
    echo "Findings (the same finding in every file of a print form usually has one cause):"
    cat "$details"
fi
exit "$failed"
