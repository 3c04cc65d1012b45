#!/usr/bin/env bash
# kaoping from Java: the org.kaoping library (java/) built into a jar with target/debug's
# libkaoping.so, its tests, and the examples here (Quarter.java, Client.java) run against the jar.
# scripts/test_ffi.sh calls this after it builds target/debug; java/test.sh does the work.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "+ bash java/test.sh target/debug"
exec bash java/test.sh target/debug
