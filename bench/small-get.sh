#!/usr/bin/env bash
# 4 KiB signed GET throughput: wrk (2 threads, 64 connections) on the signed /files/{id} URL of a 4096-byte PNG stored
# through the library, against nginx serving the same file statically (sendfile on). Requests/s, median of RUNS.
# Usage: bench/small-get.sh [SECONDS (10)] [RUNS (3)]        quick: bench/small-get.sh 1 1
set -euo pipefail
SECONDS_PER_RUN=${1:-10}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages nginx:nginx-light wrk:wrk
trap 'nginx -c "$BENCH_WORK/nginx.conf" -s stop 2>/dev/null || true; bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mkdir -p "$BENCH_WORK/www"
chmod 755 "$BENCH_WORK" "$BENCH_WORK/www"
# A real 32x32 PNG of noise, padded to exactly 4096 bytes with a tEXt chunk (still a valid PNG).
python3 - "$BENCH_WORK/www/small.png" <<'PY'
import os, struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = b"".join(b"\0" + os.urandom(32 * 3) for _ in range(32))
head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
idat, end = chunk(b"IDAT", zlib.compress(rows, 9)), chunk(b"IEND", b"")
pad = 4096 - len(head) - len(idat) - len(end) - 12
assert pad >= 8, "the image data is too large for 4 KiB"
open(sys.argv[1], "wb").write(head + idat + chunk(b"tEXt", b"Comment\0" + b"x" * (pad - 8)) + end)
PY
chmod 644 "$BENCH_WORK/www/small.png"
[ "$(stat -c%s "$BENCH_WORK/www/small.png")" = 4096 ]

port=$(bench_free_port)
base=http://127.0.0.1:$port
bench_start_mediavault "$port"
TOKEN=$(bench_token)
id=$(bench_library_upload "$base" "$BENCH_WORK/www/small.png" image/png)
bench_wait_ready "$base" "$id"
url=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/v2/media/$id" | bench_json path)
[ "$(curl -sf "$url" | wc -c)" = 4096 ] || { echo "the signed URL did not return the 4096 bytes" >&2; exit 1; }

nginx_port=$(bench_free_port)
cat >"$BENCH_WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $BENCH_WORK/nginx.pid;
error_log $BENCH_WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  server { listen 127.0.0.1:$nginx_port; root $BENCH_WORK/www; }
}
NGINX
nginx -c "$BENCH_WORK/nginx.conf"
nginx_url=http://127.0.0.1:$nginx_port/small.png
[ "$(curl -sf "$nginx_url" | wc -c)" = 4096 ]

# rps URL SECONDS: requests/s of one wrk run; fails if any answer was not 2xx/3xx or the socket errored.
rps() {
  local out
  out=$(wrk -t2 -c64 -d"$2"s "$1")
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "wrk saw errors on $1:" >&2; echo "$out" >&2; return 1; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
warm=$((SECONDS_PER_RUN < 2 ? 1 : 2))
rps "$url" "$warm" >/dev/null # warm-up (JIT, connection pool, page cache)
rps "$nginx_url" "$warm" >/dev/null
ours=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  ours+=("$(rps "$url" "$SECONDS_PER_RUN")")
  theirs+=("$(rps "$nginx_url" "$SECONDS_PER_RUN")")
done
bench_record "4 KiB signed GET, wrk -t2 -c64 ${SECONDS_PER_RUN}s (higher is better)" \
  "$(python3 -c "print(round($(bench_median "${ours[@]}")))")" "nginx static" \
  "$(python3 -c "print(round($(bench_median "${theirs[@]}")))")" "req/s"
