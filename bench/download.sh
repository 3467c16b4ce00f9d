#!/usr/bin/env bash
# 1 GiB signed download: MediaVault's /files/{id} against nginx static (sendfile), same file, same run.
# Usage: bench/download.sh [SIZE_MIB (1024)] [RUNS (5)]
set -euo pipefail
SIZE_MIB=${1:-1024}
RUNS=${2:-5}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages nginx:nginx-light
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mkdir -p "$BENCH_WORK/www"
chmod 755 "$BENCH_WORK" "$BENCH_WORK/www"
head -c "${SIZE_MIB}M" /dev/urandom >"$BENCH_WORK/www/file.bin"
chmod 644 "$BENCH_WORK/www/file.bin"
bench_start_mediavault 18084
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")

# Store the file through the library surface (create, PUT, confirm).
created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"file.bin\",\"type\":\"video/mp4\",\"fileSize\":$((SIZE_MIB * 1024 * 1024))}" http://127.0.0.1:18084/v2/media)
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$created")
upload=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uploadUrl"])' "$created")
# A video container header so the content sniffs as video; the rest is random.
printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom' | dd of="$BENCH_WORK/www/file.bin" conv=notrunc status=none
curl -sf -T "$BENCH_WORK/www/file.bin" "$upload" >/dev/null
curl -sf -X PATCH "${auth[@]}" "http://127.0.0.1:18084/v2/media/$id" >/dev/null
url=$(curl -sf "${auth[@]}" "http://127.0.0.1:18084/v2/media/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')

cat >"$BENCH_WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $BENCH_WORK/nginx.pid;
error_log $BENCH_WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  server { listen 127.0.0.1:18085; root $BENCH_WORK/www; }
}
NGINX
nginx -c "$BENCH_WORK/nginx.conf"
trap 'nginx -c "$BENCH_WORK/nginx.conf" -s stop 2>/dev/null || true; bench_stop; rm -rf "$BENCH_WORK"' EXIT

speed() { curl -s -o /dev/null -w '%{speed_download}' "$1"; }
speed "$url" >/dev/null
speed http://127.0.0.1:18085/file.bin >/dev/null
ours=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  ours+=("$(speed "$url")")
  theirs+=("$(speed http://127.0.0.1:18085/file.bin)")
done
mv_mib=$(python3 -c "print(round($(bench_median "${ours[@]}")/1048576))")
nginx_mib=$(python3 -c "print(round($(bench_median "${theirs[@]}")/1048576))")
bench_record "${SIZE_MIB} MiB signed download" "$mv_mib" nginx "$nginx_mib" "MiB/s"
