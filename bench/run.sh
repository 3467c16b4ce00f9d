#!/usr/bin/env bash
# Runs every benchmark in this folder; --quick runs each on small data as a smoke test that prints but records nothing
# (about 3 minutes here, most of it starting PostgreSQL and Directus twice; the first run also installs Directus and
# @tus/server into bench/.cache, 3 to 6 minutes more, see peers/). Results are appended to bench/RESULTS.md
# and drawn into bench/ratios.png. Benchmarks never run inside test.sh.
set -euo pipefail
cd "$(dirname "$0")"
# Build once here; each script's bench_build then skips it.
BENCH_WORK="$(mktemp -d)" bash -c '. ./lib.sh && bench_build && rmdir "$BENCH_WORK"'
export BENCH_BUILT=1
if [ "${1:-}" = "--quick" ]; then
  export BENCH_QUICK=1
  ./download.sh 64 1
  ./upload.sh 64 1
  ./thumbnails.sh 5 1
  ./small-get.sh 1 1
  ./list-scale.sh 1000 10000 1 1
  ./mp3-ready.sh 20 1
  ./rss.sh 128
  ./list.sh --quick
  ./variants.sh --quick
else
  ./download.sh 1024 5
  ./upload.sh 1024 3
  ./thumbnails.sh 100
  ./small-get.sh 10 3
  ./list-scale.sh 10000 1000000 10 3
  ./mp3-ready.sh 180 3
  ./rss.sh 4096
  ./list.sh 3 200
  ./variants.sh 3
fi
[ "${BENCH_QUICK:-0}" = 1 ] || ./plot.sh
