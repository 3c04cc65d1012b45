#!/usr/bin/env bash
# The C ABI and its clients: C (gcc, valgrind, 8 threads), C# (mono), Java (JNA); the ffi
# crate's Rust tests under valgrind.
# Every client compares its bytes with the core's (the kaoping command's output).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

need=()
command -v valgrind >/dev/null || need+=(valgrind)
command -v mcs >/dev/null || need+=(mono-mcs)
command -v mono >/dev/null || need+=(mono-runtime)
[ -f /usr/share/java/jna.jar ] || need+=(libjna-java)
if [ ${#need[@]} -gt 0 ]; then
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

run cargo build --locked -p kaoping-ffi -p kaoping-cli
lib=target/debug
fx=target/fixtures
mkdir -p "$fx"
sample=examples/data/county-2026.json
bad=tests/fixtures/bad-dataset.json
run sh -c "$lib/kaoping score $sample --month 2026-10 --format json > $fx/month-2026-10.json"
run sh -c "$lib/kaoping score $sample --period 2026-10 --format json > $fx/period-2026-10.json"
run sh -c "$lib/kaoping score $sample --period 2026-Q3 --format json > $fx/period-2026-Q3.json"
run sh -c "$lib/kaoping awards $sample --period 2026 --format json > $fx/awards-2026.json"

# C, dynamically linked
run gcc -std=c99 -Wall -Wextra -Werror -O1 -g -Iffi/include examples/c/score.c -L$lib -lkaoping -o $fx/score
run env LD_LIBRARY_PATH=$lib $fx/score $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad
run env LD_LIBRARY_PATH=$lib valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
  $fx/score $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad
# C, 8 threads on one engine
run gcc -std=c99 -Wall -Wextra -Werror -O1 -g -pthread -Iffi/include examples/c/threads.c -L$lib -lkaoping -o $fx/threads
run env LD_LIBRARY_PATH=$lib $fx/threads $sample $fx/period-2026-Q3.json
# C, statically linked
run gcc -std=c99 -O1 -Iffi/include examples/c/score.c $lib/libkaoping.a -lpthread -ldl -lm -lrt -lutil -lgcc_s -o $fx/score-static
run $fx/score-static $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad

# the ffi crate's Rust tests (abi, bad_inputs, header) under valgrind: no invalid access, no
# definite leak (the test harness's own "possibly lost" thread handles are not shown); none is
# skipped. Release builds: under valgrind the debug ones take ~5 minutes (the hall-year test
# alone 2.5), the release ones ~35 s after a 1–2.5 minute build; `cargo test` runs them in debug.
tests=$(cargo test --release --locked -p kaoping-ffi --no-run --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["profile"]["test"] and m.get("executable"):
        print(m["executable"])')
[ -n "$tests" ] || { echo "FAIL: no ffi test binaries built" >&2; exit 1; }
for t in $tests; do
  run valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite "$t" --test-threads=2
done

if [ -f examples/csharp/run.sh ]; then run bash examples/csharp/run.sh; fi
if [ -f examples/java/run.sh ]; then run bash examples/java/run.sh; fi
echo "ffi: all clients agree with the core"
