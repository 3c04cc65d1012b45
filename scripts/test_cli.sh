#!/usr/bin/env bash
# The kaoping command's Excel workflow on a fresh Debian machine: builds the command, makes the
# template and the reports of the sample hall (2026-10 and 2026-Q3), imports a filled CSV back,
# and converts the workbooks to PDF with LibreOffice headless — each PDF must exist and be
# non-empty (soffice exits 0 even when it fails).
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
  echo "ok: $out/$book.pdf ($(wc -c < "$out/$book.pdf") bytes)"
done
echo "cli: template, import, reports and LibreOffice conversion all passed"
