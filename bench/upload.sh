#!/usr/bin/env bash
# 1 GiB upload through each MediaVault path (library PUT and release multipart with curl; tus with the stock
# tus-js-client in 64 MiB chunks, bench/tus-upload.mjs) against nginx WebDAV PUT of the same file, and MediaVault's
# /uploads against @tus/server with @tus/file-store (bench/peers/tus-server.sh) driven the same way. A third tus line
# measures the same client against bench/peers/tus-sink.mjs, a tus server that discards the bytes: the client's own
# ceiling on this machine, which bounds what any tus server can show here. Runs interleave the sides; medians of RUNS.
# Usage: bench/upload.sh [SIZE_MIB (1024)] [RUNS (3)]
set -euo pipefail
SIZE_MIB=${1:-1024}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages nginx:nginx-light
trap 'nginx -c "$BENCH_WORK/nginx.conf" -s stop 2>/dev/null || true; bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
chmod 755 "$BENCH_WORK"
mkdir -p "$BENCH_WORK/dav"
chmod 777 "$BENCH_WORK/dav"
file="$BENCH_WORK/file.mp4"
bench_random_mp4 "$file" "$SIZE_MIB"
size=$(stat -c%s "$file")
port=$(bench_free_port)
bench_start_mediavault "$port"
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")
base=http://127.0.0.1:$port
nginx_port=$(bench_free_port)
bench_start_nginx_dav "$nginx_port"

TUS_CACHE=$("$BENCH_ROOT/bench/peers/tus-server.sh" install)
tus_port=$(bench_free_port)
"$BENCH_ROOT/bench/peers/tus-server.sh" start "$tus_port" "$BENCH_WORK/tus-peer" >"$BENCH_WORK/tus-peer.log" 2>&1 &
BENCH_PIDS+=($!)
bench_wait_listening "$BENCH_WORK/tus-peer.log"
sink_port=$(bench_free_port)
node "$BENCH_ROOT/bench/peers/tus-sink.mjs" "$sink_port" >"$BENCH_WORK/tus-sink.log" 2>&1 &
BENCH_PIDS+=($!)
bench_wait_listening "$BENCH_WORK/tus-sink.log"

mib_per_s() { python3 -c "print(round($size/1048576/$1))"; }

# Each timed function prints the seconds its upload took, then removes what it stored: on this kind of VM writing into
# memory the host has taken back costs the kernel ~8x more than into recycled page cache, so every side must write
# into recycled pages (keeping files would penalise whichever side runs later; see bench_recycle_pages in lib.sh).
# timed COMMAND...: prints the seconds COMMAND took, after bench_recycle_pages (see lib.sh), so every side writes into
# the same kind of pages.
timed() { local start end; bench_recycle_pages "$SIZE_MIB"; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); python3 -c "print($end-$start)"; }
delete_media() { curl -sf -X DELETE "${auth[@]}" "$base/v2/media/$1" >/dev/null; }

library_put() {
  local created upload id seconds
  created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"f.mp4\",\"type\":\"video/mp4\",\"fileSize\":$size}" $base/v2/media)
  upload=$(printf '%s' "$created" | bench_json uploadUrl)
  id=$(printf '%s' "$created" | bench_json id)
  seconds=$(timed curl -sf -T "$file" "$upload")
  delete_media "$id"
  echo "$seconds"
}
release_multipart() {
  local release out seconds start end
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"bench"}' $base/releases | bench_json data.id)
  start=$(date +%s.%N)
  out=$(curl -sf "${auth[@]}" -F "files=@$file" "$base/releases/$release/media/files")
  end=$(date +%s.%N)
  delete_media "$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["cloudId"])')"
  python3 -c "print($end-$start)"
}
# tus_js ENDPOINT [HEADERS_JSON] [METADATA_JSON]: tus-js-client uploads the file in 64 MiB chunks; prints its JSON line.
tus_js() {
  bench_recycle_pages "$SIZE_MIB"
  TUS_CACHE="$TUS_CACHE" node "$BENCH_ROOT/bench/tus-upload.mjs" "$1" "$file" $((64 * 1024 * 1024)) "${2:-}" "${3:-}"
}
tus_mediavault() {
  local result
  result=$(tus_js "$base/uploads" "{\"Authorization\":\"Bearer $TOKEN\"}" '{"filename":"f.mp4","filetype":"video/mp4"}')
  delete_media "$(printf '%s' "$result" | bench_json mediaId)"
  printf '%s' "$result" | bench_json seconds
}
tus_peer() {
  local result
  result=$(tus_js "http://127.0.0.1:$tus_port/files")
  rm -rf "${BENCH_WORK:?}/tus-peer/"*
  printf '%s' "$result" | bench_json seconds
}
tus_sink() {
  tus_js "http://127.0.0.1:$sink_port/files" | bench_json seconds
}
nginx_put() {
  local seconds
  seconds=$(timed curl -sf -T "$file" "http://127.0.0.1:$nginx_port/f.mp4")
  rm -f "$BENCH_WORK/dav/f.mp4"
  echo "$seconds"
}
mib_per_s() { python3 -c "print(round($size/1048576/$1))"; }

# Warm-up, not measured: the page cache of the source file, and the JIT. A server that has answered only a few requests
# still re-compiles the methods of every request it serves (tiered compilation on a background thread, up to a tenth
# of the CPU of a 1 GiB upload after two warm-up uploads on two cores); a long-running server has long finished that.
# 100 small uploads through the PUT and the multipart path bring the server to that state (issue 19, session 7), and
# 100 through tus (session 12: after one warm-up tus upload the JIT still took a quarter of the server's CPU).
small="$BENCH_WORK/small.mp4"
head -c 1M "$file" >"$small"
for _ in $(seq 1 100); do
  created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"s.mp4","type":"video/mp4","fileSize":1048576}' $base/v2/media)
  curl -sf -T "$small" "$(printf '%s' "$created" | bench_json uploadUrl)" >/dev/null
  delete_media "$(printf '%s' "$created" | bench_json id)"
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"warm"}' $base/releases | bench_json data.id)
  out=$(curl -sf "${auth[@]}" -F "files=@$small" "$base/releases/$release/media/files")
  delete_media "$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["cloudId"])')"
  bench_tus_small "$base" "$small"
done
library_put >/dev/null
tus_mediavault >/dev/null
nginx=() put=() multipart=() tus=() peer=() sink=()
for _ in $(seq 1 "$RUNS"); do
  nginx+=("$(nginx_put)") put+=("$(library_put)") multipart+=("$(release_multipart)") tus+=("$(tus_mediavault)") peer+=("$(tus_peer)")
  sink+=("$(tus_sink)")
done
nginx_rate=$(mib_per_s "$(bench_median "${nginx[@]}")")
bench_record "${SIZE_MIB} MiB upload (library PUT)" "$(mib_per_s "$(bench_median "${put[@]}")")" "nginx WebDAV PUT" "$nginx_rate" "MiB/s"
bench_record "${SIZE_MIB} MiB upload (release multipart)" "$(mib_per_s "$(bench_median "${multipart[@]}")")" "nginx WebDAV PUT" "$nginx_rate" "MiB/s"
bench_record "${SIZE_MIB} MiB upload (tus, tus-js-client, 64 MiB chunks)" "$(mib_per_s "$(bench_median "${tus[@]}")")" "nginx WebDAV PUT" "$nginx_rate" "MiB/s"
bench_record "${SIZE_MIB} MiB upload (tus-js-client, 64 MiB chunks)" "$(mib_per_s "$(bench_median "${tus[@]}")")" \
  "@tus/server + file-store" "$(mib_per_s "$(bench_median "${peer[@]}")")" "MiB/s"
bench_record "${SIZE_MIB} MiB upload (tus-js-client, 64 MiB chunks, against the client's ceiling)" "$(mib_per_s "$(bench_median "${tus[@]}")")" \
  "tus sink (discards; tus-js-client's ceiling)" "$(mib_per_s "$(bench_median "${sink[@]}")")" "MiB/s"
