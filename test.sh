#!/usr/bin/env bash
# Runs every test: unit tests, storage contract tests and HTTP tests against real Kestrel on loopback,
# with real ffmpeg/ffprobe and poppler. Installs missing prerequisites first.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
ensure_dotnet
ensure_media_tools
ensure_packages python3:python3 node:nodejs npm:npm
# The stock tus-js-client (from the npm registry) drives the resumable-upload tests.
npm ci --prefix tests/tus-client --no-audit --no-fund --loglevel=error >/dev/null

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build MediaVault.slnx -c Release -m:1 -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
status=0
dotnet test MediaVault.slnx -c Release --no-build -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for every runner: "N passed, N failed, N skipped".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
