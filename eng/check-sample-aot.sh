#!/usr/bin/env bash
# Publishes samples/QuickStart with Native AOT, fails on any trimming or AOT warning, and runs the native binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish "$root/samples/QuickStart" -c Release -r linux-x64 -o "$out" 2>&1 | tee "$out/publish.log"
if grep -E "warning (IL|CS)[0-9]+" "$out/publish.log"; then
  echo "Native AOT publish of the sample produced warnings" >&2
  exit 1
fi
"$out/QuickStart"
echo "::: sample (Native AOT) OK"
