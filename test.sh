#!/usr/bin/env bash
# Runs every test: unit tests, storage contract tests and HTTP tests against real Kestrel on loopback,
# with real ffmpeg/ffprobe and poppler. Installs missing prerequisites first.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
ensure_dotnet
ensure_media_tools
ensure_packages python3:python3 node:nodejs npm:npm
ensure_test_image_tools
# The stock tus-js-client (from the npm registry) drives the resumable-upload tests.
npm ci --prefix tests/tus-client --no-audit --no-fund --loglevel=error >/dev/null
# Debian's Chromium, driven by playwright-core, runs the web page's end-to-end tests and the cross-origin test
# (stock @uppy/core + @uppy/tus, bundled for the page by esbuild; all three from tests/e2e/package-lock.json).
ensure_packages chromium:chromium
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error >/dev/null

npm ci --prefix tests/s3-server --no-audit --no-fund --loglevel=error >/dev/null
# redocly lints the served OpenAPI document; openapi-typescript + tsc compile a typed client against it (OpenApiDocumentTests).
npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error >/dev/null
# The stock jsonld processor and API Platform's api-doc-parser read the catalogue as linked data (CatalogLinkedDataTests).
npm ci --prefix tests/jsonld --no-audit --no-fund --loglevel=error >/dev/null
# Real media from Debian packages for the corpus harness (RealMediaCorpusTests): the sample by default,
# every file with MEDIAVAULT_CORPUS=full. Cached in tests/corpus/.cache; a failed fetch only skips that test.
if [ "${MEDIAVAULT_CORPUS:-}" = full ]; then tests/corpus/fetch.sh || true; else tests/corpus/fetch.sh --sample || true; fi
. scripts/postgres-test-cluster.sh

results="$(mktemp -d)"
s3_dir="$(mktemp -d)"
s3_pid=""
cleanup() {
  stop_test_postgres
  [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null || true
  rm -rf "$results" "$s3_dir"
}
trap cleanup EXIT

dotnet build MediaVault.slnx -c Release -m:1 -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
status=0

# Run 1: the embedded default (SQLite + filesystem).
dotnet test MediaVault.slnx -c Release --no-build -m:1 --logger "trx" --results-directory "$results/embedded" "$@" || status=$?

# Run 2: the scale-out configuration (PostgreSQL + S3), for the storage contract and HTTP integration suites.
start_test_postgres
s3_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
s3_pid=$(tests/s3-server/start.sh "$s3_dir" "$s3_port" mediavault)
export MEDIAVAULT_TEST_S3_URL="http://127.0.0.1:$s3_port" MEDIAVAULT_TEST_S3_BUCKET=mediavault
# The browser tests (E2E: the web page, the cross-origin Uppy page) drive the same API the HTTP suite proves on this
# configuration, so they run once, in run 1; a filter given on the command line replaces this one.
scale_out_args=("$@")
[ $# -eq 0 ] && scale_out_args=(--filter "FullyQualifiedName!~MediaVault.Server.Tests.E2E.")
for project in tests/MediaVault.Storage.Tests tests/MediaVault.Server.Tests; do
  dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results/scale-out-$(basename "$project")" "${scale_out_args[@]}" || status=$?
done

# One closing line for every runner: "N passed, N failed, N skipped".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
