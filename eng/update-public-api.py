#!/usr/bin/env python3
"""Adds the public symbols that PublicApiAnalyzers reports as undeclared (RS0016) to each project's
PublicAPI.Unshipped.txt and drops the ones it reports as gone (RS0017). Run from the repository root after
changing a public API on purpose; review the diff before committing."""
import re, subprocess, sys, pathlib, collections

build = subprocess.run(["dotnet", "build", "Auth0ApiKit.sln", "-p:TreatWarningsAsErrors=false", "--no-incremental"],
                       capture_output=True, text=True)
added, removed = collections.defaultdict(set), collections.defaultdict(set)
pattern = re.compile(r"(RS0016|RS0017): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+?\.csproj)\]")
for line in build.stdout.splitlines():
    m = pattern.search(line)
    if m:
        code, symbol, project = m.groups()
        (added if code == "RS0016" else removed)[pathlib.Path(project).parent].add(symbol)
for project in set(added) | set(removed):
    path = project / "PublicAPI.Unshipped.txt"
    lines = path.read_text().splitlines() if path.exists() else ["#nullable enable"]
    body = (set(lines[1:]) | added[project]) - removed[project]
    path.write_text("\n".join([lines[0]] + sorted(s for s in body if s)) + "\n")
    print(f"{path}: +{len(added[project])} -{len(removed[project])}")
if not added and not removed:
    print("public API files are up to date")
