#!/usr/bin/env bash
# The kaoping command's Excel workflow on a fresh Debian machine: builds the command, makes the
# template and the reports of the sample hall (2026-10 and 2026-Q3), imports a filled CSV back,
# and converts the workbooks to PDF with LibreOffice headless — each PDF must exist, be a PDF and
# have at least a page for each sheet of its workbook (soffice exits 0 even when it fails).
# Run from anywhere: bash scripts/test_cli.sh
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

sudo=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=(sudo); fi
need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
# a Chinese font, so the PDFs show the report's Chinese text rather than empty boxes
if ! { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then need+=(fonts-wqy-microhei); fi
if [ ${#need[@]} -gt 0 ]; then
  run "${sudo[@]}" apt-get update -qq
  run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

run cargo build --locked -p kaoping-cli
k=target/debug/kaoping
sample=examples/data/county-2026.json
out=target/cli-check
rm -rf "$out"
mkdir -p "$out"

run "$k" template "$out/template.xlsx" --roster "$sample"
run "$k" report "$sample" --period 2026-10 -o "$out/report-2026-10.xlsx"
run "$k" report "$sample" --period 2026-Q3 -o "$out/report-2026-Q3.xlsx"
run "$k" report "$sample" --period 2026-10 --format csv -o "$out/csv-2026-10"
run "$k" report "$sample" --period 2026-Q3 --format md -o "$out/report-2026-Q3.md"
run "$k" report "$sample" --period 2026-10 --format csv --sheet records -o "$out/october-outcomes.csv"

# a filled sheet back in (CSV, as Excel saves it), imported onto the roster, checked and explained
printf '考评项目,对象编号,日期,分钟,备注\nS1.1,S001,2026-10-09,45,迟到\nS2.2,S002,2026-10-10,,打瞌睡\n' > "$out/filled.csv"
run "$k" import "$out/filled.csv" --roster "$sample" -o "$out/imported.json"
run "$k" validate "$out/imported.json"
run "$k" explain "$out/imported.json" --subject S001 --month 2026-10

# LibreOffice: every workbook converts to a non-empty PDF
profile="/tmp/lo_$$"
trap 'rm -rf "$profile"' EXIT
for book in template report-2026-10 report-2026-Q3; do
  rm -f "$out/$book.pdf"
  run timeout 300 soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$out/$book.xlsx"
  if [ ! -s "$out/$book.pdf" ]; then
    echo "FAIL: LibreOffice did not convert $out/$book.xlsx to PDF" >&2
    exit 1
  fi
  if [ "$(head -c 5 "$out/$book.pdf")" != "%PDF-" ]; then
    echo "FAIL: $out/$book.pdf is not a PDF" >&2
    exit 1
  fi
  # it renders: at least a page for each of the workbook's sheets (the page tree's /Count)
  run python3 - "$out/$book.xlsx" "$out/$book.pdf" <<'PY'
import re, sys, zipfile
sheets = sum(1 for n in zipfile.ZipFile(sys.argv[1]).namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
pdf = open(sys.argv[2], "rb").read()
counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf) + re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
pages = max(counts, default=0)
assert sheets > 0, "no worksheet in " + sys.argv[1]
assert pages >= sheets, "%s: %d pages for %d sheets" % (sys.argv[2], pages, sheets)
print("ok: %s renders %d pages for %d sheets" % (sys.argv[2], pages, sheets))
PY
done
echo "cli: template, import, reports and LibreOffice conversion all passed"
