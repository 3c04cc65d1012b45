#!/usr/bin/env bash
# Benchmarks' checks, as CI runs them (scripts/test.sh calls this). From the repository root:
#   bash scripts/test_bench.sh
# The benchmark data generator is deterministic and its files are valid; the pandas baseline
# (benches/baseline/) gives kaoping's monthly staff scores exactly; the criterion benches compile.
# The timed runs are not here (CI is noisy and short): see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

VENV=target/venv-bench
PY="$VENV/bin/python"

# --- a venv with pandas and pytest (python3-venv on a fresh Debian)
if ! { [ -x "$PY" ] && "$PY" -c 'import sys' 2>/dev/null; }; then
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    run $SUDO apt-get update -qq
    run $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv
  fi
  run rm -rf "$VENV"
  run python3 -m venv "$VENV"
fi
# pandas 3.1 needs Python 3.11+; 2.3 is the last for older Pythons (the baseline works with both)
if ! run "$PY" -m pip install --quiet --disable-pip-version-check "pandas==3.1.*" "pytest==9.*"; then
  run "$PY" -m pip install --quiet --disable-pip-version-check "pandas==2.3.*" "pytest>=8,<10"
fi
run "$PY" -c 'import pandas, numpy, sys; print("python", sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__)'

# --- the CLI the equality test reads its expected numbers from: the debug build the other checks
# made (the test takes about a second longer with it than with a release build, and a release
# build of the command and its spreadsheet crates took 80 s of CI)
run cargo build --locked -p kaoping-cli
KAOPING=target/debug/kaoping

# --- benchmark data: county scale; deterministic whatever the number of processes
run python3 benches/generate.py --scale county --out target/bench-data/county
run "$KAOPING" validate target/bench-data/county/hall-001.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
a=$(python3 benches/generate.py --halls 2 --jobs 1 --out "$tmp/a" | tail -n 1)
b=$(python3 benches/generate.py --halls 2 --jobs 2 --out "$tmp/b" | tail -n 1)
echo "+ generate.py --halls 2 with 1 and 2 processes: $a / $b"
if [ "$a" != "$b" ] || ! cmp -s "$tmp/a/hall-002.json" "$tmp/b/hall-002.json"; then
  echo "benches/generate.py is not deterministic" >&2
  exit 1
fi
run "$KAOPING" validate "$tmp/a/hall-002.json"

# --- the pandas baseline equals kaoping, staff-month by staff-month
status=0
run env KAOPING="$KAOPING" BENCH_DATA=target/bench-data/county \
  "$PY" -m pytest -q -p no:cacheprovider benches/baseline || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no test in benches/baseline: the equality test is missing" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi
# the timing command runs (one quick run; the figures are not checked here)
run "$PY" benches/baseline/staff_scores.py target/bench-data/county --repeat 1
# kaoping's side of the subset comparison: the subset policy is in step with the county policy,
# and the province bench's subset mode runs on it (one quick run)
run python3 benches/baseline/make_subset_policy.py --check
run cargo run --release --locked -q -p kaoping-benches --bin province -- target/bench-data/county 1 subset
# the floor under the subset, and the C ABI against the core (its bytes must equal the core's)
run cargo run --release --locked -q -p kaoping-benches --bin province -- target/bench-data/county 1 floor
run cargo run --release --locked -q -p kaoping-benches --bin province -- target/bench-data/county 1 ffi

# --- the criterion benches compile (when the benches crate exists): the bench target alone, in
# the release profile the runs above built its dependencies with (`cargo bench --no-run` also
# compiled every crate's unit tests as benchmarks, about three of CI's minutes)
if [ -d benches/src ] || [ -f benches/Cargo.toml ]; then
  run cargo build --release --locked -p kaoping-benches --benches
fi
echo "bench checks passed"
