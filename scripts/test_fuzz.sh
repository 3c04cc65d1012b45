#!/usr/bin/env bash
# Fuzz smoke run: each target for FUZZ_SECONDS (default 60), seeded from the bad-input corpus.
# A crash fails the run and leaves its input in fuzz/artifacts/<target>/ (turn it into a test).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }
secs="${FUZZ_SECONDS:-60}"
command -v cargo-fuzz >/dev/null || run cargo install cargo-fuzz --locked --version 0.13.2
for t in dataset_json policy_json ffi_entry; do
  mkdir -p "fuzz/corpus/$t"
done
cp tests/bad-inputs/*.json fuzz/corpus/dataset_json/
cp examples/data/county-2026.json tests/fixtures/bad-dataset.json fuzz/corpus/dataset_json/
rm -f fuzz/corpus/dataset_json/expected.json fuzz/corpus/dataset_json/policy-*.json
cp tests/bad-inputs/policy-*.json core/policies/county.json examples/policies/*.json fuzz/corpus/policy_json/
for f in tests/bad-inputs/ok-good.json tests/fixtures/bad-dataset.json; do
  for op in 0 1 2 3; do printf "\\x0$op\\x00\\x01" | cat - "$f" > "fuzz/corpus/ffi_entry/$op-$(basename "$f")"; done
done
cd fuzz
export RUSTC_BOOTSTRAP=1
run cargo fuzz build -O
for t in dataset_json policy_json ffi_entry; do
  run cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
done
echo "fuzz: no crash in ${secs}s per target"
