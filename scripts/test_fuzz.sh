#!/usr/bin/env bash
# Fuzz smoke run: each target for FUZZ_SECONDS (default 60), FUZZ_JOBS (default 2) at a time,
# seeded from the bad-input corpus
# (the importer's targets: from tests/import-seeds/ and the template the command writes).
# A crash fails the run and leaves its input in fuzz/artifacts/<target>/ (turn it into a test).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }
secs="${FUZZ_SECONDS:-60}"
command -v cargo-fuzz >/dev/null || run cargo install cargo-fuzz --locked --version 0.13.2
targets=(dataset_json policy_json policy_and_dataset ffi_entry import_csv import_xlsx)
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
done
cp tests/bad-inputs/*.json fuzz/corpus/dataset_json/
cp examples/data/county-2026.json tests/fixtures/bad-dataset.json fuzz/corpus/dataset_json/
rm -f fuzz/corpus/dataset_json/expected.json fuzz/corpus/dataset_json/policy-*.json
cp tests/bad-inputs/policy-*.json core/policies/county.json examples/policies/*.json fuzz/corpus/policy_json/
# a policy and a dataset, NUL between them: the county's and the invented county's policies with
# the small valid datasets of the corpus
for p in core/policies/county.json examples/policies/other-county.json; do
  for d in tests/bad-inputs/ok-*.json; do
    cat "$p" <(printf '\x00') "$d" > "fuzz/corpus/policy_and_dataset/$(basename "$p" .json)-$(basename "$d")"
  done
done
for f in tests/bad-inputs/ok-good.json tests/fixtures/bad-dataset.json; do
  for op in 0 1 2 3; do printf "\\x0$op\\x00\\x01" | cat - "$f" > "fuzz/corpus/ffi_entry/$op-$(basename "$f")"; done
done
# the importer: CSV as is; workbooks prefixed by import_xlsx's mode byte — 0x00: the whole file,
# 0x01: the records sheet's XML, shared strings and styles, NUL-separated (zipped by the target)
cp tests/import-seeds/*.csv fuzz/corpus/import_csv/
run cargo build --locked -p kaoping-cli
seeds=target/fuzz-seeds
mkdir -p "$seeds"
run target/debug/kaoping template "$seeds/template.xlsx" --roster examples/data/county-2026.json --rows 20
run sh -c "target/debug/kaoping report examples/data/county-2026.json --period 2026-10 --format csv --sheet deductions > fuzz/corpus/import_csv/report-deductions.csv"
run python3 - fuzz/corpus/import_xlsx tests/import-seeds/*.xlsx "$seeds/template.xlsx" <<'PY'
import os, re, sys, zipfile
out, books = sys.argv[1], sys.argv[2:]
for book in books:
    name = os.path.basename(book)
    with open(book, "rb") as f:
        open(os.path.join(out, "0-" + name), "wb").write(b"\x00" + f.read())
    z = zipfile.ZipFile(book)
    rid = re.search(r'<sheet name="记录" sheetId="\d+" r:id="(\w+)"', z.read("xl/workbook.xml").decode()).group(1)
    target = re.search(r'Id="%s" Type="[^"]*" Target="([^"]+)"' % rid, z.read("xl/_rels/workbook.xml.rels").decode()).group(1)
    part = lambda n: z.read(n) if n in z.namelist() else b""
    parts = [part("xl/" + target.lstrip("/").removeprefix("xl/")), part("xl/sharedStrings.xml"), part("xl/styles.xml")]
    open(os.path.join(out, "1-" + name), "wb").write(b"\x01" + b"\x00".join(parts))
PY
cd fuzz
export RUSTC_BOOTSTRAP=1
run cargo fuzz build -O
# FUZZ_JOBS targets at a time (default 2: CI has two cores and each run uses one), each run's
# output in its own log, shown when the run ends (whole when it failed); the first failure stops
# the script and the runs beside it
at_once="${FUZZ_JOBS:-2}"
logs=../target/fuzz-logs
mkdir -p "$logs"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
fuzz_one() {
  local t=$1 log="$logs/$1.log"
  echo "+ cargo fuzz run -O $t corpus/$t -- -max_total_time=$secs -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > $log"
  if cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > "$log" 2>&1; then
    echo "fuzz $t: no crash"; grep -E '^(Done|stat::number_of_executed_units)' "$log" || tail -n 3 "$log"
  else
    echo "fuzz $t: FAILED (its input is in fuzz/artifacts/$t/)"; cat "$log"; return 1
  fi
}
for ((i = 0; i < ${#targets[@]}; i += at_once)); do
  pids=()
  for t in "${targets[@]:i:at_once}"; do
    fuzz_one "$t" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
done
echo "fuzz: no crash in ${secs}s per target"
