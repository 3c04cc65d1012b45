#!/usr/bin/env bash
# The C ABI and its clients: C (gcc, valgrind, AddressSanitizer + UBSan, 8 threads, documented
# misuse), C# (mono), Java (JNA); the ffi crate's Rust tests under valgrind.
# Every client compares its bytes with the core's (the kaoping command's output).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

need=()
command -v valgrind >/dev/null || need+=(valgrind)
command -v mcs >/dev/null || need+=(mono-mcs)
command -v mono >/dev/null || need+=(mono-runtime)
[ -f /usr/share/java/jna.jar ] || need+=(libjna-java)
# AddressSanitizer and UBSan runtimes (Debian 12: libasan8, libubsan1; usually installed with gcc)
probe=$(mktemp -d)
echo 'int main(void) { return 0; }' > "$probe/t.c"
gcc -fsanitize=address,undefined "$probe/t.c" -o "$probe/t" 2>/dev/null || need+=(libasan8 libubsan1)
rm -rf "$probe"
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
run sh -c "$lib/kaoping score $sample --month 2026-10 --format json --lang en > $fx/month-2026-10.json"
run sh -c "$lib/kaoping score $sample --period 2026-10 --format json --lang en > $fx/period-2026-10.json"
run sh -c "$lib/kaoping score $sample --period 2026-Q3 --format json --lang en > $fx/period-2026-Q3.json"
run sh -c "$lib/kaoping awards $sample --period 2026 --format json --lang en > $fx/awards-2026.json"

# C, dynamically linked
run gcc -std=c99 -Wall -Wextra -Werror -O1 -g -Iffi/include examples/c/score.c -L$lib -lkaoping -o $fx/score
run env LD_LIBRARY_PATH=$lib $fx/score $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad
run env LD_LIBRARY_PATH=$lib valgrind -q --suppressions=scripts/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
  $fx/score $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad
# C, 8 threads on one engine
run gcc -std=c99 -Wall -Wextra -Werror -O1 -g -pthread -Iffi/include examples/c/threads.c -L$lib -lkaoping -o $fx/threads
run env LD_LIBRARY_PATH=$lib $fx/threads $sample $fx/period-2026-Q3.json
# C, every misuse the ABI documents as detected (examples/c/misuse.c), plain and under valgrind
run gcc -std=c99 -Wall -Wextra -Werror -O1 -g -Iffi/include examples/c/misuse.c -L$lib -lkaoping -o $fx/misuse
run env LD_LIBRARY_PATH=$lib $fx/misuse $sample
run env LD_LIBRARY_PATH=$lib valgrind -q --suppressions=scripts/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
  $fx/misuse $sample
# C under AddressSanitizer and UBSan. Stable Rust cannot instrument the Rust side, but ASan's
# allocator replaces malloc/free for the whole process (the Rust library uses the system
# allocator), so invalid or double frees and leaks anywhere, and overflows in the C code, are
# caught. Not a leak to ASan (nor to valgrind: "still reachable"): a string or engine the caller
# never frees, as the library's handle registry keeps its address.
asan_cc=(gcc -std=c99 -Wall -Wextra -Werror -fsanitize=address,undefined -fno-omit-frame-pointer -g -O1 -Iffi/include)
asan_env=(env LD_LIBRARY_PATH=$lib ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1)
run "${asan_cc[@]}" examples/c/score.c -L$lib -lkaoping -o $fx/score-asan
run "${asan_env[@]}" $fx/score-asan $sample $fx/month-2026-10.json $fx/period-2026-10.json $bad
run "${asan_cc[@]}" -pthread examples/c/threads.c -L$lib -lkaoping -o $fx/threads-asan
run "${asan_env[@]}" $fx/threads-asan $sample $fx/period-2026-Q3.json
run "${asan_cc[@]}" examples/c/misuse.c -L$lib -lkaoping -o $fx/misuse-asan
run "${asan_env[@]}" $fx/misuse-asan $sample
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
