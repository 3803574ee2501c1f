#!/usr/bin/env bash
# Runs every benchmark in a short mode: the BenchmarkDotNet suite (tokens, fake tenant, management client; each
# with its baseline in the same run) and the emulator against oauth2-mock-server. Results: BenchmarkDotNet.Artifacts/
# and the terminal; docs/benchmarks.md keeps the latest tables. Takes about 10 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
filter="${1:-*}"

dotnet run -c Release --project "$root/tests/Auth0ApiKit.Benchmarks" -- --filter "$filter" --job short
if [[ "$filter" == "*" ]]; then
  bash "$root/tests/interop/bench/run.sh"
fi
