#!/usr/bin/env bash
# The Java library (java/): builds the jar offline with javac + jar (java/pom.xml is for users who
# build online; Maven cannot reach its repository in CI), bundling libkaoping.so in it as
# linux-x86-64/libkaoping.so; runs the JUnit 4 tests against the jar; then compiles and runs the
# examples (examples/java/Quarter.java, Client.java, and ParseTime.java once as a smoke test) with
# only the jar and its dependency jars on the classpath: no jna.library.path, no LD_LIBRARY_PATH. Everything runs under LC_ALL=C, where
# Java's default charset is ASCII, so no Chinese text may depend on it.
#
#   bash java/test.sh [DIR]   DIR holds libkaoping.so and the kaoping command (default target/debug:
#                             cargo build -p kaoping-ffi -p kaoping-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "+ $*"; "$@"; }

lib=${1:-target/debug}
if [ ! -f "$lib/libkaoping.so" ]; then
  echo "java/test.sh: no $lib/libkaoping.so (build it: cargo build -p kaoping-ffi -p kaoping-cli)" >&2
  exit 1
fi

share=/usr/share/java
need=()
command -v javac >/dev/null || need+=(default-jdk-headless)
[ -f $share/jna.jar ] || need+=(libjna-java)
[ -f $share/jackson-databind.jar ] || need+=(libjackson2-databind-java)
[ -f $share/junit4.jar ] || need+=(junit4)
if [ ${#need[@]} -gt 0 ]; then
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' java/pom.xml | head -n 1)
[ -n "$version" ] || { echo "java/test.sh: no project version in java/pom.xml" >&2; exit 1; }
out=java/target
jar=$out/kaoping-$version.jar
deps=$share/jna.jar:$share/jackson-databind.jar:$share/jackson-core.jar:$share/jackson-annotations.jar
testdeps=$share/junit4.jar:$share/hamcrest-core.jar
javac=(javac --release 11 -encoding UTF-8 -Xlint:all -Werror)
# no way to the library but the jar
java=(env -u LD_LIBRARY_PATH -u JAVA_TOOL_OPTIONS LC_ALL=C java)

# 1. the jar
run rm -rf "$out/classes" "$out/test-classes" "$out/examples" "$out/fixtures" "$jar"
run mkdir -p "$out/classes/linux-x86-64" "$out/test-classes" "$out/examples" "$out/fixtures"
mapfile -t main_sources < <(find java/src/main/java -name '*.java' | sort)
run "${javac[@]}" -cp "$deps" -d "$out/classes" "${main_sources[@]}"
run cp "$lib/libkaoping.so" "$out/classes/linux-x86-64/libkaoping.so"
printf 'Automatic-Module-Name: org.kaoping\nImplementation-Title: kaoping\nImplementation-Version: %s\n' "$version" > "$out/MANIFEST.MF"
run jar --create --file "$jar" --manifest "$out/MANIFEST.MF" -C "$out/classes" .
run rm -rf "$out/classes/linux-x86-64" # the tests must find the library in the jar, not here

# 2. what the core says: the kaoping command's JSON for the sample hall
fx=$out/fixtures
sample=examples/data/county-2026.json
bad=tests/fixtures/bad-dataset.json
if [ -x "$lib/kaoping" ]; then
  kp=$lib/kaoping
  run sh -c "$kp score $sample --month 2026-10 --format json --lang en > $fx/month-2026-10.json"
  run sh -c "$kp score $sample --period 2026-10 --format json --lang en > $fx/period-2026-10.json"
  run sh -c "$kp score $sample --period 2026-Q3 --format json --lang en > $fx/period-2026-Q3.json"
  run sh -c "$kp score $sample --period 2026-Q3 --format json --lang zh-CN > $fx/period-2026-Q3.zh.json"
  run sh -c "$kp awards $sample --period 2026 --format json --lang en > $fx/awards-2026.json"
  run sh -c "$kp awards $sample --period 2026-Q3 --format json --lang en > $fx/awards-2026-Q3.json"
  # Quarter.java prints with a Chinese engine: its award names are the policy's Chinese ones
  run sh -c "$kp awards $sample --period 2026-Q3 --format json --lang zh-CN > $fx/awards-2026-Q3.zh-CN.json"
else
  echo "java/test.sh: no $lib/kaoping: comparing with target/fixtures (scripts/test_ffi.sh); missing files skip their tests" >&2
  fx=target/fixtures
fi

# 3. the tests, against the jar
mapfile -t test_sources < <(find java/src/test/java -name '*.java' | sort)
run "${javac[@]}" -cp "$jar:$deps:$testdeps" -d "$out/test-classes" "${test_sources[@]}"
mapfile -t tests < <(cd java/src/test/java && find . -name '*Test.java' | sed 's:^\./::; s:\.java$::; s:/:.:g' | sort)
run "${java[@]}" -Dkaoping.sample=$sample -Dkaoping.bad=$bad -Dkaoping.fixtures=$fx -Dkaoping.expectBundled=true \
  -cp "$out/test-classes:$jar:$deps:$testdeps" org.junit.runner.JUnitCore "${tests[@]}"

# 4. the examples, written from docs/readme-java.md, with the jar and its dependencies alone
run "${javac[@]}" -cp "$jar:$deps" -d "$out/examples" examples/java/Quarter.java examples/java/Client.java examples/java/ParseTime.java
run sh -c "${java[*]} -cp $out/examples:$jar:$deps Quarter $sample > $out/quarter.txt"
cat "$out/quarter.txt"
# the same bytes whatever the locale; the award lists are the command's, with names and exact decimals
run sh -c "env -u LD_LIBRARY_PATH LC_ALL=C.UTF-8 java -cp $out/examples:$jar:$deps Quarter $sample > $out/quarter-utf8.txt"
run cmp "$out/quarter.txt" "$out/quarter-utf8.txt"
if [ -f "$fx/awards-2026-Q3.zh-CN.json" ]; then
  run python3 - "$fx/awards-2026-Q3.zh-CN.json" "$sample" "$out/quarter.txt" <<'PY'
import json, sys
awards = json.load(open(sys.argv[1], encoding="utf-8"))
ds = json.load(open(sys.argv[2], encoding="utf-8"))
names = {x["id"]: x["name"] for x in ds["windows"] + ds["staff"]}
text = open(sys.argv[3], encoding="utf-8").read()  # fails on bytes that are not UTF-8
lines = text.splitlines()
for a in awards:
    assert any(a["name"] in l for l in lines), f"Quarter.java does not print the award {a['name']}"
    for s in a["standings"]:
        if s["status"] != "awarded":
            continue
        row = f"{s['subject']} {names[s['subject']]} {s['score']}"
        assert any(row in l for l in lines), f"Quarter.java does not print {row!r}"
print("Quarter.java prints every award list of 2026-Q3 with names and the core's decimals")
PY
fi
run "${java[@]}" -cp "$out/examples:$jar:$deps" Client $sample "$fx" $bad
# the parse-time measurement of BENCHMARKS.md (issue 22), once, so that it keeps working; its numbers
# are not checked
run "${java[@]}" -cp "$out/examples:$jar:$deps" ParseTime --native-runs 1 --parse-runs 1 --warmup 0 $sample
echo "java: the jar's tests and examples pass"
