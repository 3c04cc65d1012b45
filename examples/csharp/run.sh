#!/usr/bin/env bash
# The C# client (Mono): compile the wrapper and the client, run the checks.
# Run by scripts/test_ffi.sh after it has built target/debug/libkaoping.so and written
# target/fixtures/; installs nothing (test_ffi.sh installs mono-mcs and mono-runtime).
set -euo pipefail
cd "$(dirname "$0")/../.."
run() { echo "+ $*"; "$@"; }

lib=target/debug
fx=target/fixtures
for f in "$lib/libkaoping.so" "$fx/month-2026-10.json" "$fx/period-2026-10.json" "$fx/period-2026-Q3.json" "$fx/awards-2026.json"; do
  [ -f "$f" ] || { echo "missing $f: run scripts/test_ffi.sh first" >&2; exit 2; }
done

run mcs -out:$fx/KaopingClient.exe examples/csharp/Kaoping.cs examples/csharp/Client.cs
run env LD_LIBRARY_PATH=$lib mono $fx/KaopingClient.exe examples/data/county-2026.json $fx tests/fixtures/bad-dataset.json
