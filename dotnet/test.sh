#!/usr/bin/env bash
# The .NET library, offline with Mono: build dotnet/Kaoping into Kaoping.dll with mcs (the sources
# are netstandard2.0-compatible), build and run its tests (dotnet/Kaoping.Tests) under the default
# locale, LC_ALL=C and a decimal-comma culture, then compile and run the examples/csharp clients
# (Quarter.cs, Client.cs, and ParseTime.cs once as a smoke test) against the DLL.
#
#   bash dotnet/test.sh [LIBDIR]     LIBDIR holds libkaoping.so and the kaoping command (default target/debug:
#                                    cargo build -p kaoping-ffi -p kaoping-cli)
#
# The expected outputs are the kaoping command's JSON, written into target/dotnet/fixtures first.
# Installs the Mono packages it needs with apt-get, only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

lib=${1:-target/debug}
out=target/dotnet
fx=$out/fixtures
sample=examples/data/county-2026.json
bad=tests/fixtures/bad-dataset.json

need=()
command -v mcs >/dev/null || need+=(mono-mcs)
command -v mono >/dev/null || need+=(mono-runtime)
# JsonReaderWriterFactory (the JSON reader) and System.Xml
[ -f /usr/lib/mono/4.5/System.Runtime.Serialization.dll ] || need+=(libmono-system-runtime-serialization4.0-cil)
[ -f /usr/lib/mono/4.5/System.Xml.dll ] || need+=(libmono-system-xml4.0-cil)
[ -f /usr/lib/mono/4.5/System.Core.dll ] || need+=(libmono-system-core4.0-cil)
if [ ${#need[@]} -gt 0 ]; then
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

for f in "$lib/libkaoping.so" "$lib/kaoping"; do
  [ -f "$f" ] || { echo "missing $f: run cargo build -p kaoping-ffi -p kaoping-cli (or pass the directory that holds it)" >&2; exit 2; }
done

run mkdir -p "$fx"
run sh -c "$lib/kaoping score $sample --month 2026-10 --format json --lang en > $fx/month-2026-10.json"
for p in 2026-10 2026-Q3 2026; do
  run sh -c "$lib/kaoping score $sample --period $p --format json --lang en > $fx/period-$p.json"
done
run sh -c "$lib/kaoping score $sample --period 2026-Q3 --format json --lang zh-CN > $fx/period-2026-Q3.zh-CN.json"
for p in 2026-Q3 2026; do
  run sh -c "$lib/kaoping awards $sample --period $p --format json --lang en > $fx/awards-$p.json"
done

refs=(-r:System.Runtime.Serialization.dll -r:System.Xml.dll -r:System.Core.dll)
run mcs -target:library -warnaserror+ -nowarn:1591 -doc:$out/Kaoping.xml -out:$out/Kaoping.dll "${refs[@]}" dotnet/Kaoping/*.cs
run mcs -warnaserror+ -out:$out/Kaoping.Tests.exe -r:$out/Kaoping.dll "${refs[@]}" dotnet/Kaoping.Tests/*.cs

# Mono finds libkaoping.so through LD_LIBRARY_PATH (DllImport("kaoping") → libkaoping.so).
export LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
run mono $out/Kaoping.Tests.exe --repo . --fixtures $fx
run env LC_ALL=C mono $out/Kaoping.Tests.exe --repo . --fixtures $fx
run env LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 mono $out/Kaoping.Tests.exe --repo . --fixtures $fx

# The 30-line program from docs/readme-csharp.md: every winner of 2026-Q3, with name and exact score.
run mcs -warnaserror+ -out:$out/Quarter.exe -r:$out/Kaoping.dll examples/csharp/Quarter.cs
run sh -c "LC_ALL=de_DE.UTF-8 mono $out/Quarter.exe $sample > $out/quarter.txt"
cat $out/quarter.txt
python3 - "$fx/awards-2026-Q3.json" "$sample" "$out/quarter.txt" <<'PY'
import json, sys
awards = json.load(open(sys.argv[1], encoding="utf-8"))
ds = json.load(open(sys.argv[2], encoding="utf-8"))
names = {x["id"]: x["name"] for x in ds["windows"] + ds["staff"]}
lines = open(sys.argv[3], encoding="utf-8").read().splitlines()
n = 0
for a in awards:
    score = {s["subject"]: s["score"] for s in a["standings"]}
    for sid in a["awarded"]:
        want = "%s %s %s" % (sid, names[sid], score[sid])
        assert any(l.strip().endswith(want) for l in lines), "Quarter.exe does not print " + want
        n += 1
print("Quarter.exe prints all %d winners of 2026-Q3 with names and exact scores" % n)
PY

# The client that replaced the copied wrapper: JSON bytes, typed results, errors, threads.
run mcs -warnaserror+ -out:$out/KaopingClient.exe -r:$out/Kaoping.dll examples/csharp/Client.cs
run mono $out/KaopingClient.exe $sample $fx $bad

# The parse-time measurement of BENCHMARKS.md (issue 22), once, so that it keeps working; its
# numbers are not checked.
run mcs -warnaserror+ -out:$out/ParseTime.exe -r:$out/Kaoping.dll examples/csharp/ParseTime.cs
run mono $out/ParseTime.exe --native-runs 1 --parse-runs 1 --warmup 0 $sample
echo "dotnet: all tests passed"
