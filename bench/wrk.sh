# HTTP load with wrk (Debian's `wrk`). Sourced after lib.sh.
#   bench_wrk DURATION CONNECTIONS URL [HEADER...]  prints "REQ_PER_S P99_MS" for one run of
#   wrk -t2 -cCONNECTIONS -dDURATION --latency --timeout 10s; fails when any response was not 2xx/3xx or a socket
#   errored, since a rate made of errors would be meaningless. wrk's output is kept in $BENCH_WORK/wrk.log.
ensure_packages wrk:wrk

bench_wrk() {
  local duration=$1 connections=$2 url=$3
  shift 3
  local headers=()
  for header in "$@"; do headers+=(-H "$header"); done
  wrk -t"$((connections < 2 ? connections : 2))" -c"$connections" -d"$duration" --latency --timeout 10s "${headers[@]}" "$url" >"$BENCH_WORK/wrk.log" 2>&1
  python3 - "$BENCH_WORK/wrk.log" "$url" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if bad or (errors and any(int(n) for n in errors.groups())):
    sys.exit(f"wrk {sys.argv[2]}: failed responses\n{text}")
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
print(f"{rate:.0f} {p99:.2f}")
PY
}
