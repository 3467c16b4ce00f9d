#!/usr/bin/env bash
# Runs every benchmark in this folder; --quick runs each on small data as a smoke test (a few minutes in all; the
# first run also installs Directus into bench/.cache, 3 to 6 minutes, see peers/directus.sh).
# Results are appended to bench/RESULTS.md. Benchmarks never run inside test.sh.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--quick" ]; then
  ./download.sh 64 1
  ./upload.sh 64 1
  ./thumbnails.sh 5
  ./list.sh --quick
  ./variants.sh --quick
else
  ./download.sh 1024 5
  ./upload.sh 1024 3
  ./thumbnails.sh 100
  ./list.sh 3 200
  ./variants.sh 3
fi
