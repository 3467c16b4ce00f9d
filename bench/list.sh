#!/usr/bin/env bash
# List 20 media as JSON under load: MediaVault's GET /v2/media?limit=20 against Directus's GET /files?limit=20, both
# with a Bearer token, over the same MEDIA small JPEGs, both on one throwaway PostgreSQL cluster (separate databases,
# each with its default pool). wrk -t2 -c64 --latency; req/s and p99, medians of RUNS runs. MediaVault is measured a
# second time on its default SQLite (against the same Directus figures). wrk shares the 2 cores with the servers.
# Targets: MediaVault >= 20x Directus in req/s, MediaVault p99 < 20 ms.
# Usage: bench/list.sh [RUNS (3)] [MEDIA (200)]      bench/list.sh --quick  (20 media, 1 run, wrk 2 s)
# Directus is installed into bench/.cache on first use (see peers/directus.sh); that time is not measured.
set -euo pipefail
if [ "${1:-}" = "--quick" ]; then
  RUNS=1 MEDIA=20 DURATION=2s WARMUP=1s
else
  RUNS=${1:-3} MEDIA=${2:-200} DURATION=10s WARMUP=3s
fi
CONNECTIONS=64
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/wrk.sh"
. "$(dirname "$0")/peers/directus.sh"
trap 'directus_stop; bench_stop; stop_test_postgres; rm -rf "$BENCH_WORK"' EXIT

bench_build
directus_install
start_test_postgres
psql -q -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -c 'CREATE DATABASE mediavault' >/dev/null
MV_PG="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=mediavault"
MV=http://127.0.0.1:18090      # MediaVault on PostgreSQL
MV_LITE=http://127.0.0.1:18091 # MediaVault on SQLite (its default)
DU=http://127.0.0.1:18092      # Directus on PostgreSQL

Database__Provider=postgres ConnectionStrings__Default="$MV_PG" bench_start_mediavault 18090
MV_PID=${BENCH_PIDS[-1]}
mkdir -p "$BENCH_WORK/sqlite"
BENCH_WORK="$BENCH_WORK/sqlite" bench_start_mediavault 18091
LITE_PID=${BENCH_PIDS[-1]}
# One JWT works on both instances (same signing key; the tenant is provisioned on first use in each database).
TOKEN=$(BENCH_WORK="$BENCH_WORK/sqlite" bench_token)
directus_start 18092
DTOKEN=$(directus_token)

# MEDIA distinct 640x480 JPEGs (successive frames of a test pattern), the same files for every server.
mkdir -p "$BENCH_WORK/images"
ffmpeg -v error -f lavfi -i "testsrc2=size=640x480:rate=25" -frames:v "$MEDIA" -q:v 4 "$BENCH_WORK/images/%04d.jpg"

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# mv_upload BASE FILE: the library flow (create, PUT the bytes, confirm).
mv_upload() {
  local base=$1 file=$2 created id
  created=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$(basename "$file")\",\"type\":\"image/jpeg\",\"fileSize\":$(stat -c%s "$file")}" "$base/v2/media")
  id=$(json 'd["id"]' <<<"$created")
  curl -sf -T "$file" "$(json 'd["uploadUrl"]' <<<"$created")" >/dev/null
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" "$base/v2/media/$id" >/dev/null
}
directus_upload() {
  curl -sf -H "Authorization: Bearer $DTOKEN" -F "file=@$1;type=image/jpeg" "$DU/files" >/dev/null
}
# upload_all CMD...: CMD FILE for every image, 4 at a time (counts are checked afterwards).
upload_all() {
  local pids=()
  for file in "$BENCH_WORK/images"/*.jpg; do
    "$@" "$file" & pids+=($!)
    if [ ${#pids[@]} -ge 4 ]; then wait "${pids[@]}"; pids=(); fi
  done
  if [ ${#pids[@]} -gt 0 ]; then wait "${pids[@]}"; fi
}
mv_count() { curl -sf -H "Authorization: Bearer $TOKEN" "$1/v2/media?limit=1&page=1&status=$2" | json 'd["pagination"]["total"]'; }

upload_all mv_upload "$MV"
upload_all mv_upload "$MV_LITE"
upload_all directus_upload
for base in "$MV" "$MV_LITE"; do
  for _ in $(seq 1 1200); do [ "$(mv_count "$base" PROCESSING)" = 0 ] && break; sleep 0.5; done
  ready=$(mv_count "$base" SUCCESS)
  [ "$ready" = "$MEDIA" ] || { echo "$base: $ready of $MEDIA media ready" >&2; exit 1; }
done
stored=$(curl -sf -H "Authorization: Bearer $DTOKEN" "$DU/files?limit=0&meta=total_count" | json 'd["meta"]["total_count"]')
[ "$stored" = "$MEDIA" ] || { echo "Directus: $stored of $MEDIA files stored" >&2; exit 1; }

mv_url="$MV/v2/media?limit=20" lite_url="$MV_LITE/v2/media?limit=20" du_url="$DU/files?limit=20"
expected=$((MEDIA < 20 ? MEDIA : 20))
for url in "$mv_url" "$lite_url"; do
  [ "$(curl -sf -H "Authorization: Bearer $TOKEN" "$url" | json 'len(d["data"])')" = "$expected" ]
done
[ "$(curl -sf -H "Authorization: Bearer $DTOKEN" "$du_url" | json 'len(d["data"])')" = "$expected" ]
echo "Page sizes: MediaVault $(curl -sf -H "Authorization: Bearer $TOKEN" "$mv_url" | wc -c) B," \
  "Directus $(curl -sf -H "Authorization: Bearer $DTOKEN" "$du_url" | wc -c) B"

# CPU per request of a run (user + system clock ticks of the processes, over wrk's request count): the figure that
# compares builds on a shared machine, where req/s follow whatever share of the cores the others leave.
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
# cpu_per_request BEFORE AFTER: microseconds per request of the last wrk run.
cpu_per_request() {
  local requests
  requests=$(grep -oP '^\s+\K\d+(?= requests in)' "$BENCH_WORK/wrk.log")
  python3 -c "print(f'{($2 - $1) * 1e6 / $(getconf CLK_TCK) / $requests:.0f}')"
}

# Warm up (JIT, connection pools), then alternate the servers run by run.
bench_wrk "$WARMUP" "$CONNECTIONS" "$mv_url" "Authorization: Bearer $TOKEN" >/dev/null
bench_wrk "$WARMUP" "$CONNECTIONS" "$lite_url" "Authorization: Bearer $TOKEN" >/dev/null
bench_wrk "$WARMUP" "$CONNECTIONS" "$du_url" "Authorization: Bearer $DTOKEN" >/dev/null
mv_rate=() mv_p99=() lite_rate=() lite_p99=() du_rate=() du_p99=()
for run in $(seq 1 "$RUNS"); do
  server=$(ticks "$MV_PID") backends=$(ticks $(pg_pids))
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "$mv_url" "Authorization: Bearer $TOKEN")
  mv_cpu="server $(cpu_per_request "$server" "$(ticks "$MV_PID")") µs + PostgreSQL $(cpu_per_request "$backends" "$(ticks $(pg_pids))") µs"
  read -r rate p99 <<<"$out"; mv_rate+=("$rate") mv_p99+=("$p99")
  server=$(ticks "$LITE_PID")
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "$lite_url" "Authorization: Bearer $TOKEN")
  lite_cpu="server $(cpu_per_request "$server" "$(ticks "$LITE_PID")") µs"
  read -r rate p99 <<<"$out"; lite_rate+=("$rate") lite_p99+=("$p99")
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "$du_url" "Authorization: Bearer $DTOKEN")
  read -r rate p99 <<<"$out"; du_rate+=("$rate") du_p99+=("$p99")
  echo "run $run: MediaVault/PostgreSQL ${mv_rate[-1]} req/s p99 ${mv_p99[-1]} ms," \
    "MediaVault/SQLite ${lite_rate[-1]} req/s p99 ${lite_p99[-1]} ms, Directus ${du_rate[-1]} req/s p99 ${du_p99[-1]} ms;" \
    "CPU per request: PostgreSQL run $mv_cpu, SQLite run $lite_cpu (load $(cut -d' ' -f1-3 /proc/loadavg))"
done

du_r=$(bench_median "${du_rate[@]}") du_p=$(bench_median "${du_p99[@]}")
what="list 20 media JSON, $MEDIA media, wrk -c$CONNECTIONS -d$DURATION x$RUNS"
bench_record "$what (both on PostgreSQL)" "$(bench_median "${mv_rate[@]}")" Directus "$du_r" "req/s"
bench_record "$what (both on PostgreSQL), p99, lower is better" "$(bench_median "${mv_p99[@]}")" Directus "$du_p" "ms"
bench_record "$what (MediaVault on SQLite)" "$(bench_median "${lite_rate[@]}")" "Directus (PostgreSQL)" "$du_r" "req/s"
bench_record "$what (MediaVault on SQLite), p99, lower is better" "$(bench_median "${lite_p99[@]}")" "Directus (PostgreSQL)" "$du_p" "ms"
