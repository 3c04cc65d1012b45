#!/usr/bin/env bash
# The whole test suite. Run from the repository root: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

run cargo build --workspace --locked
run cargo test --workspace --locked
run python3 -m pip install --quiet --disable-pip-version-check "jsonschema==4.26.*"
run python3 scripts/check_schemas.py target/debug/kaoping
if [ -f examples/generate_sample.py ]; then
  run python3 examples/generate_sample.py --check
fi
echo "all checks passed"
