#!/usr/bin/env bash
# kaoping from Java (JNA): compile and run examples/java/Client.java against target/debug.
# Assumes scripts/test_ffi.sh built target/debug/libkaoping.so and wrote target/fixtures/
# (it calls this script at its end), and that libjna-java is installed (/usr/share/java/jna.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
run() { echo "+ $*"; "$@"; }

jna=/usr/share/java/jna.jar
lib=target/debug
fx=target/fixtures
classes=$fx/java-classes
for f in "$jna" "$lib/libkaoping.so" "$fx/month-2026-10.json"; do
  [ -e "$f" ] || { echo "examples/java/run.sh: missing $f (run scripts/test_ffi.sh)" >&2; exit 1; }
done

rm -rf "$classes"
mkdir -p "$classes"
run javac -encoding UTF-8 -Xlint:all -cp "$jna" -d "$classes" \
  examples/java/kaoping/Kaoping.java examples/java/Client.java
# LC_ALL=C: the client must not depend on the default charset.
run env LC_ALL=C java -Djna.library.path="$lib" -cp "$jna:$classes" Client \
  examples/data/county-2026.json "$fx" tests/fixtures/bad-dataset.json
