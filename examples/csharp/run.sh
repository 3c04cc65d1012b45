#!/usr/bin/env bash
# The C# clients (Quarter.cs, Client.cs) are clients of the .NET library in dotnet/: this runs
# dotnet/test.sh, which builds Kaoping.dll with Mono's mcs, runs the library's tests and then both
# clients against target/debug/libkaoping.so. Called by scripts/test_ffi.sh after its cargo build.
# dotnet/test.sh installs libmono-system-runtime-serialization4.0-cil with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "+ bash dotnet/test.sh target/debug"
exec bash dotnet/test.sh target/debug
