#!/usr/bin/env bash
# Runs the emulator benchmark (bench.mjs): builds the emulator in Release and installs the Node project's dev
# dependencies (autocannon, oauth2-mock-server) when they are missing. Not part of CI. Arguments go to bench.mjs.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dll=src/Auth0ApiKit.Emulator/bin/Release/net10.0/Auth0ApiKit.Emulator.dll
[[ -f $dll ]] || dotnet build src/Auth0ApiKit.Emulator -c Release --nologo -v quiet
[[ -d tests/interop/node/node_modules/autocannon && -d tests/interop/node/node_modules/oauth2-mock-server ]] ||
  (cd tests/interop/node && npm ci --no-audit --no-fund)
EMULATOR_DLL="$PWD/$dll" exec node tests/interop/bench/bench.mjs "$@"
