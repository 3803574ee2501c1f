#!/usr/bin/env bash
# Packs every package into a local feed, then builds and runs a consumer that references the packages (not the
# projects), and publishes an AOT-compatible consumer with Native AOT. A packaging or AOT mistake fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s)"

echo "::: pack $version"
dotnet pack "$root/Auth0ApiKit.sln" -c Release -o "$work/feed" -p:Version="$version" -p:ContinuousIntegrationBuild=true
for id in Auth0ApiKit Auth0ApiKit.Testing Auth0ApiKit.Testing.FluentAssertions Auth0ApiKit.AspNetCore; do
  for ext in nupkg snupkg; do
    [[ -f "$work/feed/$id.$version.$ext" ]] || { echo "missing package $id.$version.$ext" >&2; exit 1; }
  done
  # List into a variable first: grep -q closing the pipe early would fail the pipeline under pipefail.
  listing="$(unzip -l "$work/feed/$id.$version.nupkg")"
  grep -q "README.md" <<<"$listing" || { echo "$id has no README" >&2; exit 1; }
  grep -q "lib/net10.0/$id.xml" <<<"$listing" || { echo "$id has no XML docs" >&2; exit 1; }
done

[[ -f "$work/feed/Auth0ApiKit.Emulator.$version.nupkg" ]] || { echo "missing the emulator tool package" >&2; exit 1; }
grep -q "DotnetToolSettings.xml" <<<"$(unzip -l "$work/feed/Auth0ApiKit.Emulator.$version.nupkg")" || { echo "the emulator package is not a .NET tool" >&2; exit 1; }

cp -r "$root/eng/package-consumer" "$work/consumer"
cat > "$work/consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
# The consumer lives outside the repository, so none of its Directory.*.props apply.
echo "::: consumer (all packages)"
dotnet run --project "$work/consumer" -c Release -p:Auth0ApiKitVersion="$version" --packages "$work/packages"

echo "::: consumer (Native AOT)"
dotnet publish "$work/consumer" -c Release -r linux-x64 -p:AotCheck=true -p:Auth0ApiKitVersion="$version" \
  --packages "$work/packages" -o "$work/aot" 2>&1 | tee "$work/aot.log"
if grep -E "warning (IL|CS)[0-9]+" "$work/aot.log"; then
  echo "Native AOT publish produced warnings" >&2
  exit 1
fi
"$work/aot/PackageConsumer"
echo "::: packages OK"
