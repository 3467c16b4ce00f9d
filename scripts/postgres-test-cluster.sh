# Sourced by test.sh (and usable by hand): a throwaway PostgreSQL cluster from Debian's packages, on loopback,
# in a temporary folder, on a free port. start_test_postgres sets MEDIAVAULT_TEST_PG (an Npgsql connection string
# without a database); stop_test_postgres removes everything.

start_test_postgres() {
  ensure_packages pg_ctlcluster:postgresql
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_TEST_DIR=$(mktemp -d /tmp/mediavault-pg.XXXXXX)
  PG_TEST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" --auth=trust --username=postgres --encoding=UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  PG_TEST_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data")
  export MEDIAVAULT_TEST_PG="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Pooling=true;Maximum Pool Size=40"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    "${PG_TEST_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
  fi
}
