#!/usr/bin/env bash
# 1 GiB upload through each MediaVault path (library PUT, release multipart, tus in 64 MiB chunks) against nginx
# WebDAV PUT of the same file, same run; and MediaVault's /uploads against @tus/server (with @tus/file-store), both
# driven by the stock tus-js-client in 64 MiB chunks (bench/tus-upload.mjs, bench/peers/tus-server.sh).
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
head -c "${SIZE_MIB}M" /dev/urandom >"$file"
printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom' | dd of="$file" conv=notrunc status=none
size=$(stat -c%s "$file")
port=$(bench_free_port)
bench_start_mediavault "$port"
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")
base=http://127.0.0.1:$port
nginx_port=$(bench_free_port)

cat >"$BENCH_WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $BENCH_WORK/nginx.pid;
error_log $BENCH_WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_max_body_size 0;
  client_body_temp_path $BENCH_WORK/dav-tmp;
  server { listen 127.0.0.1:$nginx_port; root $BENCH_WORK/dav; dav_methods PUT; }
}
NGINX
nginx -c "$BENCH_WORK/nginx.conf"

TUS_CACHE=$("$BENCH_ROOT/bench/peers/tus-server.sh" install)
tus_port=$(bench_free_port)
"$BENCH_ROOT/bench/peers/tus-server.sh" start "$tus_port" "$BENCH_WORK/tus-peer" >"$BENCH_WORK/tus-peer.log" 2>&1 &
BENCH_PIDS+=($!)
for _ in $(seq 1 100); do grep -q listening "$BENCH_WORK/tus-peer.log" && break; sleep 0.1; done
grep -q listening "$BENCH_WORK/tus-peer.log" || { cat "$BENCH_WORK/tus-peer.log" >&2; exit 1; }

mib_per_s() { python3 -c "print(round($size/1048576/$1))"; }
timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); python3 -c "print($end-$start)"; }

library_put() {
  local created id upload
  created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"f.mp4\",\"type\":\"video/mp4\",\"fileSize\":$size}" $base/v2/media)
  upload=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uploadUrl"])' "$created")
  curl -sf -T "$file" "$upload"
}
release_multipart() {
  local release
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"bench"}' $base/releases | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  curl -sf "${auth[@]}" -F "files=@$file" "$base/releases/$release/media/files"
}
tus_chunks() {
  local location offset=0 chunk=$((64 * 1024 * 1024))
  location=$(curl -sfi -X POST "${auth[@]}" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" -H "Upload-Metadata: filename $(printf f.mp4 | base64)" $base/uploads | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  while [ "$offset" -lt "$size" ]; do
    tail -c +$((offset + 1)) "$file" | head -c "$chunk" | curl -sf -X PATCH "${auth[@]}" -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" \
      -H 'Content-Type: application/offset+octet-stream' --data-binary @- "$base$location" >/dev/null
    offset=$((offset + chunk))
  done
}
nginx_put() { curl -sf -T "$file" "http://127.0.0.1:$nginx_port/f-$RANDOM.mp4"; }
# tus_js ENDPOINT [HEADERS_JSON] [METADATA_JSON]: seconds tus-js-client took to upload the file in 64 MiB chunks.
tus_js() {
  TUS_CACHE="$TUS_CACHE" node "$BENCH_ROOT/bench/tus-upload.mjs" "$1" "$file" $((64 * 1024 * 1024)) "${2:-}" "${3:-}" |
    python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["seconds"]) if r["ok"] else sys.exit(r["error"])'
}

nginx_times=(); for _ in $(seq 1 "$RUNS"); do nginx_times+=("$(timed nginx_put)"); done
nginx_rate=$(mib_per_s "$(bench_median "${nginx_times[@]}")")
for path in library_put release_multipart tus_chunks; do
  times=(); for _ in $(seq 1 "$RUNS"); do times+=("$(timed "$path")"); done
  bench_record "${SIZE_MIB} MiB upload ($path)" "$(mib_per_s "$(bench_median "${times[@]}")")" "nginx WebDAV PUT" "$nginx_rate" "MiB/s"
done

ours=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  ours+=("$(tus_js "$base/uploads" "{\"Authorization\":\"Bearer $TOKEN\"}" '{"filename":"f.mp4","filetype":"video/mp4"}')")
  theirs+=("$(tus_js "http://127.0.0.1:$tus_port/files")")
done
bench_record "${SIZE_MIB} MiB upload (tus-js-client, 64 MiB chunks)" "$(mib_per_s "$(bench_median "${ours[@]}")")" \
  "@tus/server + file-store" "$(mib_per_s "$(bench_median "${theirs[@]}")")" "MiB/s"
