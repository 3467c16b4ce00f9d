#!/usr/bin/env bash
# Who bounds the tus row: the same 1 GiB file uploaded by tus-js-client (bench/tus-upload.mjs, 64 MiB chunks, as in
# bench/upload.sh) to MediaVault's /uploads, to @tus/server + file-store and to bench/peers/tus-sink.mjs (a tus server
# that discards the bytes), sides interleaved. Per upload it prints the wall time, the client's CPU-seconds (node,
# user+sys from /usr/bin/time) and the server's (utime+stime from /proc, children excluded). A client that spends about
# one CPU-second per wall second is saturated: its JavaScript runs on one thread, so no server can make it go faster.
# Not part of run.sh: a profiling aid, its figures are not recorded.
# Usage: bench/profile/tus-client.sh [SIZE_MIB (1024)] [RUNS (3)]
set -euo pipefail
SIZE_MIB=${1:-1024}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/../lib.sh"
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT
bench_build
file="$BENCH_WORK/file.mp4"
bench_random_mp4 "$file" "$SIZE_MIB"
port=$(bench_free_port)
bench_start_mediavault "$port"
server=${BENCH_PIDS[0]}
TOKEN=$(bench_token)
base=http://127.0.0.1:$port

TUS_CACHE=$("$BENCH_ROOT/bench/peers/tus-server.sh" install)
tus_port=$(bench_free_port)
"$BENCH_ROOT/bench/peers/tus-server.sh" start "$tus_port" "$BENCH_WORK/tus-peer" >"$BENCH_WORK/tus-peer.log" 2>&1 &
peer=$!
BENCH_PIDS+=("$peer")
sink_port=$(bench_free_port)
node "$BENCH_ROOT/bench/peers/tus-sink.mjs" "$sink_port" >"$BENCH_WORK/tus-sink.log" 2>&1 &
sink=$!
BENCH_PIDS+=("$sink")
bench_wait_listening "$BENCH_WORK/tus-peer.log"
bench_wait_listening "$BENCH_WORK/tus-sink.log"

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# upload LABEL SERVER_PID ENDPOINT [HEADERS_JSON] [METADATA_JSON]: one timed tus-js-client upload.
upload() {
  local label=$1 pid=$2 before after out json
  bench_recycle_pages "$SIZE_MIB"
  before=$(ticks "$pid")
  out=$( { /usr/bin/time -f 'time %e %U %S' env TUS_CACHE="$TUS_CACHE" node "$BENCH_ROOT/bench/tus-upload.mjs" "$3" "$file" \
    $((64 * 1024 * 1024)) "${4:-}" "${5:-}"; } 2>&1 )
  after=$(ticks "$pid")
  json=$(grep '^{' <<<"$out")
  if [ "$label" = mediavault ]; then
    curl -sf -X DELETE -H "Authorization: Bearer $TOKEN" "$base/v2/media/$(bench_json mediaId <<<"$json")" >/dev/null
  fi
  rm -rf "${BENCH_WORK:?}/tus-peer/"*
  read -r _ _ user sys < <(grep '^time ' <<<"$out")
  python3 -c "
wall = $(bench_json seconds <<<"$json"); client = $user + $sys; server = ($after - $before) / $hz
print(f'{\"$label\":<10} wall {wall:6.2f} s  {$SIZE_MIB / wall:6.0f} MiB/s  client {client:5.2f} CPU-s ({client / wall:4.2f} per wall s)  server {server:5.2f} CPU-s')"
}
mediavault() {
  upload mediavault "$server" "$base/uploads" "{\"Authorization\":\"Bearer $TOKEN\"}" '{"filename":"f.mp4","filetype":"video/mp4"}'
}
# Warm-up: the page cache of the file, every side's JIT (MediaVault's tus path with 100 small uploads, as upload.sh).
small="$BENCH_WORK/small.mp4"
head -c 1M "$file" >"$small"
for _ in $(seq 1 100); do bench_tus_small "$base" "$small"; done
for _ in 1 2; do mediavault >/dev/null; upload sink "$sink" "http://127.0.0.1:$sink_port/files" >/dev/null; done
upload tus-server "$peer" "http://127.0.0.1:$tus_port/files" >/dev/null
for _ in $(seq 1 "$RUNS"); do
  mediavault
  upload sink "$sink" "http://127.0.0.1:$sink_port/files"
  upload tus-server "$peer" "http://127.0.0.1:$tus_port/files"
done
