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

# redocly lints the served OpenAPI document; openapi-typescript + tsc compile a typed client against it (OpenApiDocumentTests).
npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error >/dev/null
# The stock jsonld processor and API Platform's api-doc-parser read the catalogue as linked data (CatalogLinkedDataTests).
npm ci --prefix tests/jsonld --no-audit --no-fund --loglevel=error >/dev/null
# Real media from Debian packages for the corpus harness (RealMediaCorpusTests): the sample by default,
# every file with MEDIAVAULT_CORPUS=full. Cached in tests/corpus/.cache; a failed fetch only skips that test.
if [ "${MEDIAVAULT_CORPUS:-}" = full ]; then tests/corpus/fetch.sh || true; else tests/corpus/fetch.sh --sample || true; fi
. scripts/postgres-test-cluster.sh
# Ceph's RADOS Gateway (Debian's ceph-mon, ceph-osd, radosgw) is the S3 server of the scale-out run.
. scripts/ceph-test-cluster.sh

results="$(mktemp -d)"
cleanup() {
  stop_test_postgres
  stop_test_ceph
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dotnet build MediaVault.slnx -c Release -m:1 -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
start_test_postgres
start_test_ceph

# The two runs go at once (each test server has its own port, folder, database and key prefix); run 2's output is
# shown when both are done. A filter given on the command line replaces the ones below.

# Run 1: the embedded default (SQLite + filesystem). The S3 store's tests run in run 2, on the cluster started for it
# (on their own they start a private one).
embedded_args=("$@")
[ $# -eq 0 ] && embedded_args=(--filter "FullyQualifiedName!~MediaVault.Storage.Tests.S3.")
env -u MEDIAVAULT_TEST_PG -u MEDIAVAULT_TEST_S3_URL -u MEDIAVAULT_TEST_S3_BUCKET \
  dotnet test MediaVault.slnx -c Release --no-build -m:1 --logger "trx" --results-directory "$results/embedded" "${embedded_args[@]}" &
embedded=$!

# Run 2: the scale-out configuration (PostgreSQL + S3 on Ceph's RADOS Gateway): the S3 store's tests (the storage
# contract suite among them) and the HTTP integration suite. The browser tests (E2E: the web page, the cross-origin
# Uppy page) drive the same API the HTTP suite proves on this configuration, so they run once, in run 1; so does the
# real-media corpus (what the tools read of 40 files does not depend on where the bytes are stored).
storage_args=("$@") server_args=("$@")
if [ $# -eq 0 ]; then
  storage_args=(--filter "FullyQualifiedName~MediaVault.Storage.Tests.S3.")
  server_args=(--filter "FullyQualifiedName!~MediaVault.Server.Tests.E2E.&FullyQualifiedName!~MediaVault.Server.Tests.Corpus.")
fi
(
  scale_out=0
  dotnet test tests/MediaVault.Storage.Tests -c Release --no-build --logger "trx" --results-directory "$results/scale-out-storage" "${storage_args[@]}" || scale_out=1
  dotnet test tests/MediaVault.Server.Tests -c Release --no-build --logger "trx" --results-directory "$results/scale-out-server" "${server_args[@]}" || scale_out=1
  exit $scale_out
) >"$results/scale-out.log" 2>&1 &
scale_out=$!

status=0
wait "$embedded" || status=1
wait "$scale_out" || status=1
echo "=== Run 2: scale-out (PostgreSQL + Ceph RADOS Gateway) ==="
cat "$results/scale-out.log"

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
