#!/usr/bin/env bash
# Library list latency as a tenant grows: p99 (and req/s) of GET /v2/media?limit=20 under wrk (2 threads, 64
# connections, so the p99 includes queueing) with LARGE media in the tenant against SMALL media, same server, same
# run. The first page is the first keyset page (no total: counting is opt-in with `page`); two more keyset pages are
# measured too: the second page (cursor from page 1) and a deep one (cursor from the middle of the list).
# The tenant is filled by bench/seed-media.py (copies of one real processed JPEG, inserted into SQLite while the
# server is stopped), not by uploads. Usage: bench/list-scale.sh [SMALL (10000)] [LARGE (1000000)] [SECONDS (10)]
# quick: bench/list-scale.sh 1000 10000 1
set -euo pipefail
SMALL=${1:-10000}
LARGE=${2:-1000000}
SECONDS_PER_URL=${3:-10}
RUNS=${4:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages wrk:wrk
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
port=$(bench_free_port)
base=http://127.0.0.1:$port
db="$BENCH_WORK/data/mediavault.db"
bench_start_mediavault "$port"
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")
ffmpeg -v error -f lavfi -i "testsrc2=size=1600x1200:duration=1:rate=1" -frames:v 1 -q:v 4 "$BENCH_WORK/photo.jpg"
template=$(bench_library_upload "$base" "$BENCH_WORK/photo.jpg" image/jpeg)
bench_wait_ready "$base" "$template"
bench_stop

# latency URL SECONDS: prints "p99_ms req_per_s requests" of one wrk run; a request may take up to 10 minutes.
latency() {
  local out
  out=$(wrk -t2 -c64 -d"$2"s --timeout 600s --latency "${auth[@]}" "$1")
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "wrk saw errors on $1:" >&2; echo "$out" >&2; return 1; fi
  awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
         ms = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
       / requests in / { n = $1 } /^Requests\/sec:/ { rps = $2 } END { printf "%.2f %.1f %d\n", ms, rps, n }' <<<"$out"
}
# one URL: seconds of one request alone (curl).
one() { curl -sf -o /dev/null -w '%{time_total}' "${auth[@]}" "$1"; }
# idle: waits until the server used under 10% of a core for half a second (requests wrk left behind have finished).
idle() {
  local before after
  after=$(awk '{print $14 + $15}' "/proc/${BENCH_PIDS[0]}/stat")
  while :; do
    sleep 0.5; before=$after; after=$(awk '{print $14 + $15}' "/proc/${BENCH_PIDS[0]}/stat")
    [ $((after - before)) -lt 5 ] && return 0
  done
}

# measure COUNT: seeds the tenant to COUNT media, restarts the server and sets p99, rps for COUNT. Each URL is warmed
# by a 3-second wrk run (so the freshly started server's tiered JIT has compiled the list path, as in a server that has
# been running; without it the first URL measured paid for the JIT) and 4 requests alone; a slow one gets a longer wrk run (200 times the median request alone, up to 10 x SECONDS) so
# that enough requests finish for a p99.
declare -A p99 rps
measure() {
  local count=$1 page1 middle alone seconds requests
  python3 "$BENCH_ROOT/bench/seed-media.py" "$db" "$template" "$count"
  bench_start_mediavault "$port"
  page1=$(curl -sf "${auth[@]}" "$base/v2/media?limit=20")
  [ "$(curl -sf "${auth[@]}" "$base/v2/media?limit=1&page=1" | bench_json pagination.total)" = "$count" ] || { echo "the list does not show $count media" >&2; return 1; }
  second="$base/v2/media?limit=20&cursor=$(bench_json pagination.nextCursor <<<"$page1")"
  middle=$(curl -sf "${auth[@]}" "$base/v2/media?limit=20&page=$((count / 40))" | bench_json pagination.nextCursor)
  deep="$base/v2/media?limit=20&cursor=$middle"
  local -A urls=([page1]="$base/v2/media?limit=20" [second]="$second" [deep]="$deep")
  for name in page1 second deep; do
    latency "${urls[$name]}" 3 >/dev/null
    idle
    one "${urls[$name]}" >/dev/null
    alone=$(bench_median "$(one "${urls[$name]}")" "$(one "${urls[$name]}")" "$(one "${urls[$name]}")")
    seconds=$(python3 -c "import math; print(max($SECONDS_PER_URL, min(10 * $SECONDS_PER_URL, 300, math.ceil(200 * $alone))))")
    local run p99s=() rpss=() p r
    for run in $(seq "$RUNS"); do
      idle
      read -r p r requests < <(latency "${urls[$name]}" "$seconds")
      p99s+=("$p"); rpss+=("$r")
      echo "$count media, $name, run $run: alone $alone s; wrk ${seconds} s: p99 $p ms, $r req/s, $requests requests"
    done
    p99[$name-$count]=$(bench_median "${p99s[@]}")
    rps[$name-$count]=$(bench_median "${rpss[@]}")
    echo "$count media, $name: median of $RUNS runs p99 ${p99[$name-$count]} ms, ${rps[$name-$count]} req/s"
  done
  bench_stop
}
measure "$SMALL"
measure "$LARGE"

declare -A describe
describe=([page1]="GET /v2/media?limit=20 (first page, keyset, no total)" [second]="keyset page 2 (cursor)" [deep]="keyset page at the middle (cursor)")
for name in page1 second deep; do
  bench_record "list p99, ${describe[$name]}, wrk -c64, $LARGE vs $SMALL media (lower is better)" \
    "${p99[$name-$LARGE]}" "$SMALL media" "${p99[$name-$SMALL]}" "ms"
done
bench_record "list req/s, GET /v2/media?limit=20 (first page), wrk -c64, $LARGE vs $SMALL media (higher is better)" \
  "${rps[page1-$LARGE]}" "$SMALL media" "${rps[page1-$SMALL]}" "req/s"
