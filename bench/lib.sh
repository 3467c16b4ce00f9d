# Shared by the bench scripts: build MediaVault (Release), start it on loopback over a scratch folder, and report.
# Sourced; expects BENCH_WORK (a scratch folder) to be set by the caller.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$BENCH_ROOT/scripts/prereqs.sh"
ensure_dotnet
ensure_media_tools
ensure_packages curl:curl python3:python3

BENCH_KEY="bench-signing-key-0123456789abcdef0123456789abcdef"
MV_DLL="$BENCH_ROOT/src/MediaVault.Server/bin/Release/net10.0/MediaVault.Server.dll"
BENCH_PIDS=()

# bench_build: builds the server, unless BENCH_BUILT=1 says the caller (run.sh) already did.
bench_build() {
  [ "${BENCH_BUILT:-}" = 1 ] && return 0
  dotnet build "$BENCH_ROOT/src/MediaVault.Server" -c Release -m:1 -nologo -v quiet >/dev/null
}

# bench_start_mediavault PORT: starts the server (Production, SQLite + filesystem under $BENCH_WORK/data).
bench_start_mediavault() {
  local port=$1
  ASPNETCORE_ENVIRONMENT=Production DataPath="$BENCH_WORK/data" Auth__Jwt__SigningKey="$BENCH_KEY" \
    Logging__LogLevel__Default=Warning dotnet "$MV_DLL" --urls "http://127.0.0.1:$port" >"$BENCH_WORK/mediavault.log" 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "MediaVault did not start; log:" >&2
  cat "$BENCH_WORK/mediavault.log" >&2
  return 1
}

bench_token() {
  ASPNETCORE_ENVIRONMENT=Production DataPath="$BENCH_WORK/data" Auth__Jwt__SigningKey="$BENCH_KEY" \
    dotnet "$MV_DLL" tokens create --tenant bench --sub bench --permissions admin --ttl 2h
}

bench_stop() {
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  BENCH_PIDS=()
}

# bench_random_mp4 FILE MIB: MIB MiB of random bytes behind an MP4 header, so the content sniffs as video/mp4 (the
# upload benchmarks' file: random, so nothing on the way can compress it).
bench_random_mp4() {
  head -c "$2M" /dev/urandom >"$1"
  printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom' | dd of="$1" conv=notrunc status=none
}

# bench_wait_listening LOG: waits up to 10 s for a peer started in the background to print "listening" into LOG; fails
# with LOG's text otherwise.
bench_wait_listening() {
  for _ in $(seq 1 100); do grep -q listening "$1" && return 0; sleep 0.1; done
  cat "$1" >&2
  return 1
}

# bench_recycle_pages MIB: writes MIB of zeros into a scratch file in $BENCH_WORK and deletes it; called right before
# every measured upload. This VM gives freed memory back to its host (virtio-balloon free page reporting,
# /sys/module/page_reporting): a page freed more than ~2 s earlier is faulted in from the host again when it is next
# used, so writing 1 GiB into the page cache cost 1.2 s of kernel time instead of 0.15 s (`dd`, issue 19, session 12).
# Which uploads met such pages depended on how long before them the previous side had deleted its file: nginx, first
# in each round after the tus sink's seconds without writes, always did. After this step every side writes into
# pages freed a moment before, as on a machine whose memory stays its own.
bench_recycle_pages() {
  dd if=/dev/zero of="$BENCH_WORK/recycle-pages" bs=1M count="$1" status=none
  rm -f "$BENCH_WORK/recycle-pages"
}

# bench_tus_small BASE FILE: one tus upload of FILE (small) to BASE/uploads in a single PATCH with curl, then deletes the
# media. Uses $TOKEN. A warm-up: the server's tus request path compiles like any other (tiered compilation took a
# quarter of the server's CPU during a 1 GiB tus upload after three warm-up uploads, issue 19, session 12); the client
# does not matter for that, so curl does it at a fraction of tus-js-client's start-up cost.
bench_tus_small() {
  local base=$1 file=$2 location media
  location=$(curl -sf -o /dev/null -D - -X POST -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $(stat -c%s "$file")" -H "Upload-Metadata: filename $(printf f.mp4 | base64),filetype $(printf video/mp4 | base64)" \
    "$base/uploads" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  case $location in /*) location="$base$location" ;; esac
  media=$(curl -sf -o /dev/null -D - -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
    -H 'Content-Type: application/offset+octet-stream' --data-binary "@$file" "$location" |
    tr -d '\r' | awk 'tolower($1) == "upload-media-id:" { print $2 }')
  curl -sf -X DELETE -H "Authorization: Bearer $TOKEN" "$base/v2/media/$media" >/dev/null
}

# bench_median V1 V2 ...: the median of numbers.
bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# bench_record FIGURE MEDIAVAULT PEER_NAME PEER UNIT: prints the ratio and appends it to RESULTS.md.
bench_record() {
  local figure=$1 ours=$2 peer_name=$3 peer=$4 unit=$5
  local ratio
  ratio=$(python3 -c "print(f'{$ours/$peer:.2f}')")
  local line="| $(date -u +%Y-%m-%d) | $(git -C "$BENCH_ROOT" rev-parse --short HEAD) | $(nproc) cores | $figure | $ours $unit | $peer_name $peer $unit | **$ratio** |"
  echo "$figure: MediaVault $ours $unit, $peer_name $peer $unit, ratio MediaVault/$peer_name = $ratio"
  # Smoke runs (bench/run.sh --quick) print but do not record: their small data would read as the latest figures.
  [ "${BENCH_QUICK:-0}" = 1 ] && return 0
  local results="$BENCH_ROOT/bench/RESULTS.md"
  if [ ! -f "$results" ]; then
    printf '# Benchmark results\n\nAppended by the scripts in this folder; ratios compare MediaVault with a peer measured in the same run on the same machine.\n\n| date | commit | machine | figure | MediaVault | peer | ratio |\n|---|---|---|---|---|---|---|\n' >"$results"
  fi
  echo "$line" >>"$results"
}

# bench_free_port: a loopback TCP port that is free right now (the kernel picks it), so parallel runs do not clash.
bench_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# bench_json PATH: prints the value at PATH (dotted, e.g. data.id) of the JSON document on stdin.
bench_json() {
  python3 -c 'import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."): v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$1"
}

# bench_library_upload BASE FILE TYPE: creates a library media, PUTs FILE to its upload URL and confirms it; prints
# the media id. Uses $TOKEN.
bench_library_upload() {
  local base=$1 file=$2 type=$3 created id
  created=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$(basename "$file")\",\"type\":\"$type\",\"fileSize\":$(stat -c%s "$file")}" "$base/v2/media")
  id=$(bench_json id <<<"$created")
  curl -sf -T "$file" "$(bench_json uploadUrl <<<"$created")" >/dev/null
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" "$base/v2/media/$id" >/dev/null
  echo "$id"
}

# bench_wait_ready BASE ID: polls the library media every 20 ms until it is SUCCESS; fails when it is ERROR.
bench_wait_ready() {
  local body
  while :; do
    body=$(curl -sf -H "Authorization: Bearer $TOKEN" "$1/v2/media/$2")
    case $body in
      *'"status":"SUCCESS"'*) return 0 ;;
      *'"status":"ERROR"'*) echo "media $2 failed processing: $body" >&2; return 1 ;;
    esac
    sleep 0.02
  done
}

# bench_start_nginx_dav PORT: nginx with WebDAV PUT into $BENCH_WORK/dav (the upload peer), two workers, no access log,
# no body size limit; its pid file is $BENCH_WORK/nginx.pid (stop it with `nginx -c "$BENCH_WORK/nginx.conf" -s stop`).
bench_start_nginx_dav() {
  cat >"$BENCH_WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $BENCH_WORK/nginx.pid;
error_log $BENCH_WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_max_body_size 0;
  client_body_temp_path $BENCH_WORK/dav-tmp;
  server { listen 127.0.0.1:$1; root $BENCH_WORK/dav; dav_methods PUT; }
}
NGINX
  nginx -c "$BENCH_WORK/nginx.conf"
}
