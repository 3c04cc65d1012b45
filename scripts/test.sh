#!/usr/bin/env bash
# The whole test suite, as CI runs it. From the repository root: bash scripts/test.sh
# Stops at the first failure and prints every command it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

# The tests check results, not speed: their release builds (the C ABI's tests under valgrind, the
# wheel, the benches' runs and compile check) skip the shipping profile's whole-program
# optimisation and line tables, which took about 12 of CI's 27 minutes.
# The timed runs of BENCHMARKS.md build with the workspace's own release profile. Set
# KAOPING_TEST_SHIPPING_PROFILE=1 to test with it.
if [ -z "${KAOPING_TEST_SHIPPING_PROFILE:-}" ]; then
  export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0
  echo "+ release builds: CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0"
fi
# The debug builds keep line tables only (a panic still names its line), and CI builds each crate
# once, without incremental caches: a clean checkout's target/debug was 5.4 GB, and a CI run
# failed once when the disk filled under it (the linker died with SIGBUS).
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
echo "+ debug builds: CARGO_PROFILE_DEV_DEBUG=line-tables-only"
if [ "${CI:-}" = true ]; then
  export CARGO_INCREMENTAL=0
  echo "+ CI: CARGO_INCREMENTAL=0"
fi

# Rust: the core, the command, the C ABI (unit and integration tests, schema and header drift)
run cargo build --workspace --locked
run cargo test --workspace --locked
# the published schemas accept the shipped documents (third-party validator)
run python3 -m pip install --quiet --disable-pip-version-check "jsonschema==4.26.*"
run python3 scripts/check_schemas.py target/debug/kaoping
# the sample data is what its generator makes
run python3 examples/generate_sample.py --check
run python3 tests/bad-inputs/make.py --check
# the C ABI from C (valgrind, threads, static link), C# and Java
run bash scripts/test_ffi.sh
# the rest, as they exist
for part in python cli bench fuzz; do
  if [ -f "scripts/test_$part.sh" ]; then run bash "scripts/test_$part.sh"; fi
done
echo "all checks passed"
