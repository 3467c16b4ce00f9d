#!/usr/bin/env bash
# Before/after of the upload receive paths in one machine window: two builds (BASE_ROOT, a worktree of the old commit,
# and this one) run side by side, each over its own data folder, beside one nginx WebDAV PUT. Every round uploads the
# same file through nginx, the library PUT and the release multipart of both builds, alternating which build goes first,
# and prints per upload the wall time, the CPU-seconds of the server (utime+stime from /proc, children excluded), of
# curl and of nginx's workers. Extra environment for either server: OLD_ENV / NEW_ENV ("K=V K2=V2"), e.g. to compare
# settings on one binary (BASE_ROOT=. NEW_ENV=Transport__RequestBufferBytes=1048576).
# Usage: BASE_ROOT=/path/to/old/worktree bench/upload-ab.sh [SIZE_MIB (1024)] [ROUNDS (4)]
set -euo pipefail
SIZE_MIB=${1:-1024}
ROUNDS=${2:-4}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages nginx:nginx-light
trap 'nginx -c "$BENCH_WORK/nginx.conf" -s stop 2>/dev/null || true; bench_stop; rm -rf "$BENCH_WORK"' EXIT
bench_build
OLD_DLL="$BASE_ROOT/src/MediaVault.Server/bin/Release/net10.0/MediaVault.Server.dll"
chmod 755 "$BENCH_WORK"
mkdir -p "$BENCH_WORK/dav"
chmod 777 "$BENCH_WORK/dav"
file="$BENCH_WORK/file.mp4"
bench_random_mp4 "$file" "$SIZE_MIB"
size=$(stat -c%s "$file")

# start NAME DLL ENV: a server over $BENCH_WORK/NAME; sets PORT_<NAME> and PID_<NAME>.
start() {
  local name=$1 dll=$2 extra=$3 port
  port=$(bench_free_port)
  # shellcheck disable=SC2086
  env $extra ASPNETCORE_ENVIRONMENT=Production DataPath="$BENCH_WORK/$name" Auth__Jwt__SigningKey="$BENCH_KEY" \
    Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$port" >"$BENCH_WORK/$name.log" 2>&1 &
  BENCH_PIDS+=($!)
  printf -v "PID_$name" '%s' "$!"
  printf -v "PORT_$name" '%s' "$port"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "server $name did not start" >&2; cat "$BENCH_WORK/$name.log" >&2; exit 1
}
start old "$OLD_DLL" "${OLD_ENV:-}"
start new "$MV_DLL" "${NEW_ENV:-}"
TOKEN=$(ASPNETCORE_ENVIRONMENT=Production DataPath="$BENCH_WORK/new" Auth__Jwt__SigningKey="$BENCH_KEY" \
  dotnet "$MV_DLL" tokens create --tenant bench --sub bench --permissions admin --ttl 2h)
auth=(-H "Authorization: Bearer $TOKEN")

nginx_port=$(bench_free_port)
bench_start_nginx_dav "$nginx_port"
sleep 0.5
nginx_workers=$(pgrep -P "$(cat "$BENCH_WORK/nginx.pid")" | tr '\n' ' ')

ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
# user_ticks PIDS: the user-mode share of ticks; what a server does in its own code, apart from the kernel's page-cache
# and socket work, whose cost on this VM depends on the state of the pages (bench_recycle_pages).
user_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14}' "/proc/$p/stat"))); done; echo "$t"; }
hz=$(getconf CLK_TCK)
# measure LABEL PIDS -- CURL_ARGS...: one timed curl; prints "LABEL wall server_cpu curl_cpu" (seconds).
measure() {
  local label=$1 pids=$2 before after user_before user_after out
  shift 3
  bench_recycle_pages "$SIZE_MIB"
  # shellcheck disable=SC2086
  before=$(ticks $pids)
  # shellcheck disable=SC2086
  user_before=$(user_ticks $pids)
  out=$( { /usr/bin/time -f '%e %U %S' curl -sf -o "$BENCH_WORK/answer" "$@"; } 2>&1 )
  # shellcheck disable=SC2086
  after=$(ticks $pids)
  # shellcheck disable=SC2086
  user_after=$(user_ticks $pids)
  read -r wall user sys <<<"$out"
  python3 -c "print(f'$label wall {$wall:.2f} s, server {($after-$before)/$hz:.2f} CPU-s (user {($user_after-$user_before)/$hz:.2f}), curl {$user+$sys:.2f} CPU-s, {$size/1048576/$wall:.0f} MiB/s')"
}
# delete_media BASE ID NAME: deletes the media and waits until its file is gone from NAME's data folder (a background
# job removes it): the next upload, of either build, must write into recycled page cache like nginx's (see upload.sh).
delete_media() {
  curl -sf -X DELETE "${auth[@]}" "$1/v2/media/$2" >/dev/null
  for _ in $(seq 1 100); do
    [ -z "$(find "$BENCH_WORK/$3" -type f -size +100M -print -quit)" ] && return 0
    sleep 0.1
  done
}
library_put() {
  local name=$1 base created upload pid
  base="http://127.0.0.1:$(eval echo "\$PORT_$name")"; pid=$(eval echo "\$PID_$name")
  created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"f.mp4\",\"type\":\"video/mp4\",\"fileSize\":$size}" "$base/v2/media")
  upload=$(printf '%s' "$created" | bench_json uploadUrl)
  measure "$name put      " "$pid" -- -T "${2:-$file}" "$upload"
  delete_media "$base" "$(printf '%s' "$created" | bench_json id)" "$name"
}
release_multipart() {
  local name=$1 base release pid
  base="http://127.0.0.1:$(eval echo "\$PORT_$name")"; pid=$(eval echo "\$PID_$name")
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"bench"}' "$base/releases" | bench_json data.id)
  measure "$name multipart" "$pid" -- "${auth[@]}" -F "files=@${2:-$file}" "$base/releases/$release/media/files"
  delete_media "$base" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"][0]["cloudId"])' "$BENCH_WORK/answer")" "$name"
}
nginx_put() {
  measure "nginx          " "$nginx_workers" -- -T "$file" "http://127.0.0.1:$nginx_port/f.mp4"
  rm -f "$BENCH_WORK/dav/f.mp4"
}

# Warm-up as in upload.sh (page cache of the file; the JIT of both servers), then one 1 GiB upload of each path.
small="$BENCH_WORK/small.mp4"
head -c 1M "$file" >"$small"
for _ in $(seq 1 60); do
  for name in old new; do library_put "$name" "$small" >/dev/null; release_multipart "$name" "$small" >/dev/null; done
done
for name in old new; do library_put "$name" >/dev/null; release_multipart "$name" >/dev/null; done
nginx_put >/dev/null
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order=(old new); else order=(new old); fi
  nginx_put
  for name in "${order[@]}"; do library_put "$name"; done
  nginx_put
  for name in "${order[@]}"; do release_multipart "$name"; done
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
