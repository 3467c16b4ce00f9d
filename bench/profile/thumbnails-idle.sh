#!/usr/bin/env bash
# Where the two cores' time goes while MediaVault takes 100 x 12 MP JPEGs to ready (the thumbnails row of
# bench/thumbnails.sh, same files, same client, same warm-up): for each run, the share of idle time until ready (the
# whole phase, its first 2 s while four uploads fill the pipeline, and the rest), the CPU ticks per server thread group
# and per other process, then vipsthumbnail -P2 on the same files for the ratio. With PERF_TRACE=1, `perf trace`
# also records the server's waits in the system calls that can block a request or job thread (sleeps, fsync, rmdir,
# rename, unlink) into $OUT_DIR/trace-N.txt. Not part of run.sh: a profiling aid, its figures are not recorded.
# Usage: bench/profile/thumbnails-idle.sh [RUNS (2)] [OUT_DIR (a temporary folder, kept)]
set -euo pipefail
RUNS=${1:-2}
OUT_DIR=${2:-$(mktemp -d)}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/../lib.sh"
ensure_packages vipsthumbnail:libvips-tools
[ "${PERF_TRACE:-0}" = 1 ] && ensure_packages perf:linux-perf
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT
mkdir -p "$OUT_DIR" "$BENCH_WORK/images" "$BENCH_WORK/out"
bench_build
for i in $(seq 1 10); do
  ffmpeg -v error -f lavfi -i "testsrc2=size=4000x3000:duration=1:rate=1" -vf "hue=h=$((i * 30)),noise=alls=12:allf=t" \
    -frames:v 1 -q:v 3 "$BENCH_WORK/base-$i.jpg"
done
for i in $(seq 1 100); do
  { cat "$BENCH_WORK/base-$(((i - 1) % 10 + 1)).jpg"; printf 'copy %08d' "$i"; } >"$BENCH_WORK/images/$i.jpg"
done
bench_start_mediavault 18084
server=${BENCH_PIDS[0]}
TOKEN=$(bench_token)
client() { python3 "$BENCH_ROOT/bench/clients/library_upload.py" http://127.0.0.1:18084 "$TOKEN" 4 "$BENCH_WORK/images"/*.jpg; }
for _ in 1 2; do client >/dev/null; done
for run in $(seq 1 "$RUNS"); do
  stop="$BENCH_WORK/stop-$run"
  launched=$(date +%s.%N)
  python3 "$BENCH_ROOT/bench/profile/cpu_timeline.py" "$server" "$OUT_DIR/timeline-$run.txt" "$stop" &
  sampler=$!
  tracer=
  if [ "${PERF_TRACE:-0}" = 1 ]; then
    perf trace -o "$OUT_DIR/trace-$run.txt" -p "$server" -e 'clock_nanosleep,nanosleep,fsync,fdatasync,rmdir,unlink,rename' &
    tracer=$!
    sleep 1
  fi
  sleep 0.5
  # The timeline's clock starts when the sampler does (a few ms after its launch); the client starts this much later.
  at=$(python3 -c "print(round($(date +%s.%N) - $launched, 2))")
  read -r _ ready _ < <(client)
  touch "$stop"
  wait "$sampler"
  [ -n "$tracer" ] && kill -INT "$tracer" && wait "$tracer" || true
  start=$(date +%s.%N)
  ls "$BENCH_WORK/images"/*.jpg | xargs -P 2 -n 10 vipsthumbnail -s 256 -o "$BENCH_WORK/out/%s.webp"
  end=$(date +%s.%N)
  peer=$(python3 -c "print(round($end - $start, 3))")
  echo "run $run: ready after ${ready} s, vipsthumbnail -P2 ${peer} s, ratio $(python3 -c "print(round($peer / $ready, 2))")"
  until=$(python3 -c "print($at + $ready)") fill=$(python3 -c "print($at + 2)")
  for window in "$at $until" "$at $fill" "$fill $until"; do
    # shellcheck disable=SC2086
    python3 "$BENCH_ROOT/bench/profile/idle_window.py" "$OUT_DIR/timeline-$run.txt" $window
  done
done
echo "timelines in $OUT_DIR"
