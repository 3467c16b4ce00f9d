#!/usr/bin/env bash
# Server memory during one big upload on every upload path: VmRSS of the MediaVault process, sampled every 100 ms
# from /proc while a SIZE_MIB file streams in through the library PUT, the release multipart, the catalog multipart
# and tus (tus-js-client, 1 GiB PATCHes); the figure is the highest sample minus the one taken just before the upload,
# on a server warmed by a 1 MiB upload on the same path. No peer: the limit is 64 MiB of growth, so the recorded ratio
# is growth/64 (below 1 passes). The file is sparse (an MP4 header, then zeros), so the disk only holds what is stored.
# Usage: bench/rss.sh [SIZE_MIB (4096)]        quick: bench/rss.sh 128
set -euo pipefail
SIZE_MIB=${1:-4096}
LIMIT_MIB=64
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
TUS_CACHE=$("$BENCH_ROOT/bench/peers/tus-server.sh" install)
# sparse_mp4 FILE MIB: a file of MIB MiB that sniffs as video/mp4.
sparse_mp4() {
  truncate -s "$2M" "$1"
  printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom' | dd of="$1" conv=notrunc status=none
}
sparse_mp4 "$BENCH_WORK/big.mp4" "$SIZE_MIB"
sparse_mp4 "$BENCH_WORK/small.mp4" 1

# The size limits would refuse the file before any memory is spent; lift them for this server only.
export Media__MaxFileBytes=$((64 << 30)) Catalog__MaxFileBytes=$((64 << 30)) Catalog__MaxVideoBytes=$((64 << 30))
port=$(bench_free_port)
base=http://127.0.0.1:$port
bench_start_mediavault "$port"
pid=${BENCH_PIDS[0]}
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")

library_put() {
  local created
  created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\":\"f.mp4\",\"type\":\"video/mp4\",\"fileSize\":$(stat -c%s "$1")}" "$base/v2/media")
  curl -sf -T "$1" "$(bench_json uploadUrl <<<"$created")"
}
release_multipart() {
  local release
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"bench"}' "$base/releases" | bench_json data.id)
  curl -sf "${auth[@]}" -F "files=@$1;type=video/mp4" "$base/releases/$release/media/files"
}
catalog_multipart() {
  curl -sf "${auth[@]}" -H 'X-Flowkiwi-Organization-Id: bench' -F "file=@$1;type=video/mp4" "$base/rest/api/medias"
}
tus_big_chunks() {
  TUS_CACHE="$TUS_CACHE" node "$BENCH_ROOT/bench/tus-upload.mjs" "$base/uploads" "$1" $((1 << 30)) \
    "{\"Authorization\":\"Bearer $TOKEN\"}" '{"filename":"f.mp4","filetype":"video/mp4"}' | grep -q '"ok":true'
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
# growth PATH: MiB the server's RSS rose above its level before PATH uploaded the big file (highest 100 ms sample).
growth() {
  local samples="$BENCH_WORK/rss-$1.txt" sampler before peak
  "$1" "$BENCH_WORK/small.mp4" >/dev/null # warm this path
  sleep 1
  before=$(rss_kib)
  (while :; do rss_kib; sleep 0.1; done) >"$samples" &
  sampler=$!
  "$1" "$BENCH_WORK/big.mp4" >/dev/null
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$samples" | tail -1)
  echo "$1: VmRSS before $((before / 1024)) MiB, peak $((peak / 1024)) MiB over $(wc -l <"$samples") samples" >&2
  python3 -c "print(round(max(0, $peak - $before) / 1024, 1))"
  # Free the disk: the newest media of the tenant is the one just stored.
  curl -sf -X DELETE "${auth[@]}" "$base/v2/media/$(curl -sf "${auth[@]}" "$base/v2/media?limit=1" | bench_json data.0.id)" >/dev/null
}

for path in library_put release_multipart catalog_multipart tus_big_chunks; do
  mib=$(growth "$path")
  bench_record "server RSS growth during a ${SIZE_MIB} MiB upload ($path; lower is better)" "$mib" "limit" "$LIMIT_MIB" "MiB"
done
