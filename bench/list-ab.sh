#!/usr/bin/env bash
# Before/after of the list on one machine window: two builds (BASE_ROOT, a worktree of the old commit, and this one)
# serve the SAME database (one SQLite file, one PostgreSQL database; this build starts first and applies its
# migrations), so their answers can be compared byte for byte, then wrk -c64 runs alternate old, new, new, old per
# database, each with the CPU per request of the server (and of the PostgreSQL backends).
# Usage: BASE_ROOT=/path/to/old/worktree bench/list-ab.sh [MEDIA (200)] [DURATION (10s)]
set -euo pipefail
MEDIA=${1:-200} DURATION=${2:-10s} CONNECTIONS=64
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/wrk.sh"
. "$BENCH_ROOT/scripts/postgres-test-cluster.sh"
trap 'bench_stop; stop_test_postgres; rm -rf "$BENCH_WORK"' EXIT
OLD_DLL="$BASE_ROOT/src/MediaVault.Server/bin/Release/net10.0/MediaVault.Server.dll"
start_test_postgres
psql -q -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -c 'CREATE DATABASE mediavault' >/dev/null
MV_PG="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=mediavault"

# start DLL PORT [ENV...]: a server over $BENCH_WORK/data (shared by both builds).
start() {
  local dll=$1 port=$2
  shift 2
  env "$@" ASPNETCORE_ENVIRONMENT=Production DataPath="$BENCH_WORK/data" Auth__Jwt__SigningKey="$BENCH_KEY" \
    Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$port" >>"$BENCH_WORK/mediavault-$port.log" 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "server on $port did not start" >&2; cat "$BENCH_WORK/mediavault-$port.log" >&2; exit 1
}
start "$MV_DLL" 18190 Database__Provider=postgres ConnectionStrings__Default="$MV_PG"; NEW_PG=${BENCH_PIDS[-1]}
start "$MV_DLL" 18191; NEW_LITE=${BENCH_PIDS[-1]}
start "$OLD_DLL" 18192 Database__Provider=postgres ConnectionStrings__Default="$MV_PG"; OLD_PG=${BENCH_PIDS[-1]}
start "$OLD_DLL" 18193; OLD_LITE=${BENCH_PIDS[-1]}
TOKEN=$(bench_token)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
mkdir -p "$BENCH_WORK/images"
ffmpeg -v error -f lavfi -i "testsrc2=size=640x480:rate=25" -frames:v "$MEDIA" -q:v 4 "$BENCH_WORK/images/%04d.jpg"
upload() {
  local base=$1 file=$2 created id
  created=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$(basename "$file")\",\"type\":\"image/jpeg\",\"fileSize\":$(stat -c%s "$file")}" "$base/v2/media")
  id=$(json 'd["id"]' <<<"$created")
  curl -sf -T "$file" "$(json 'd["uploadUrl"]' <<<"$created")" >/dev/null
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" "$base/v2/media/$id" >/dev/null
}
for base in http://127.0.0.1:18190 http://127.0.0.1:18191; do
  pids=()
  for file in "$BENCH_WORK/images"/*.jpg; do
    upload "$base" "$file" & pids+=($!)
    if [ ${#pids[@]} -ge 4 ]; then wait "${pids[@]}"; pids=(); fi
  done
  if [ ${#pids[@]} -gt 0 ]; then wait "${pids[@]}"; fi
  for _ in $(seq 1 1200); do
    [ "$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/v2/media?limit=1&page=1&status=PROCESSING" | json 'd["pagination"]["total"]')" = 0 ] && break
    sleep 0.5
  done
done
sleep 3

# Same bytes: every shape answered by the old and the new build over the same rows (twice by the new one: made, then
# remembered), with one Host header (the signed URLs are built on it).
shapes=("limit=20" "" "sort=name" "sort=-size&limit=7" "page=2&limit=30" "q=00" "type=image" "status=SUCCESS&limit=3" "status=ARCHIVED" "limit=1")
for pair in "18192 18190" "18193 18191"; do
  read -r old new <<<"$pair"
  for shape in "${shapes[@]}"; do
    curl -sf -H "Host: media.test" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$old/v2/media?$shape" >"$BENCH_WORK/a.json"
    curl -sf -H "Host: media.test" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$new/v2/media?$shape" >"$BENCH_WORK/b.json"
    curl -sf -H "Host: media.test" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$new/v2/media?$shape" >"$BENCH_WORK/c.json"
    cmp -s "$BENCH_WORK/a.json" "$BENCH_WORK/b.json" && cmp -s "$BENCH_WORK/b.json" "$BENCH_WORK/c.json" || {
      echo "different bytes for ?$shape on $old / $new" >&2
      for f in a b c; do python3 -m json.tool "$BENCH_WORK/$f.json" >"$BENCH_WORK/$f.pretty" || cp "$BENCH_WORK/$f.json" "$BENCH_WORK/$f.pretty"; done
      diff "$BENCH_WORK/a.pretty" "$BENCH_WORK/b.pretty" | head -20 >&2; diff "$BENCH_WORK/b.pretty" "$BENCH_WORK/c.pretty" | head -20 >&2
      exit 1
    }
  done
done
echo "same bytes: ${#shapes[@]} shapes x 2 databases, old build vs new (made and remembered)"

ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
pg_pids() {
  local postmaster
  postmaster=$(head -n 1 "$PG_TEST_DIR/data/postmaster.pid")
  echo "$postmaster" $(pgrep -P "$postmaster")
}
per_request() {
  local requests
  requests=$(grep -oP '^\s+\K\d+(?= requests in)' "$BENCH_WORK/wrk.log")
  python3 -c "print(f'{($2 - $1) * 1e6 / $(getconf CLK_TCK) / $requests:.0f}')"
}
# run NAME PORT PID [pg]: one measured wrk run.
run() {
  local name=$1 port=$2 pid=$3 server backends out extra=""
  server=$(ticks "$pid") backends=$(ticks $(pg_pids))
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "http://127.0.0.1:$port/v2/media?limit=20" "Authorization: Bearer $TOKEN")
  [ "${4:-}" = pg ] && extra=" + PostgreSQL $(per_request "$backends" "$(ticks $(pg_pids))") µs"
  read -r rate p99 <<<"$out"
  echo "$name: $rate req/s, p99 $p99 ms, CPU per request: server $(per_request "$server" "$(ticks "$pid")") µs$extra (load $(cut -d' ' -f1-3 /proc/loadavg))"
}
for port in 18190 18191 18192 18193; do
  bench_wrk 5s "$CONNECTIONS" "http://127.0.0.1:$port/v2/media?limit=20" "Authorization: Bearer $TOKEN" >/dev/null
done
run "SQLite old" 18193 "$OLD_LITE"; run "SQLite new" 18191 "$NEW_LITE"; run "SQLite new" 18191 "$NEW_LITE"; run "SQLite old" 18193 "$OLD_LITE"
run "PostgreSQL old" 18192 "$OLD_PG" pg; run "PostgreSQL new" 18190 "$NEW_PG" pg; run "PostgreSQL new" 18190 "$NEW_PG" pg; run "PostgreSQL old" 18192 "$OLD_PG" pg
