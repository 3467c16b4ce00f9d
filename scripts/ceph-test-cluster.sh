#!/usr/bin/env bash
# A throwaway Ceph cluster with its S3 gateway (Debian's ceph-mon, ceph-osd and radosgw) for the S3 tests: one
# monitor, one OSD keeping objects as files (filestore: the HTTP suite streams several GiB, more than memstore should
# hold in memory), no manager, cephx off, every address on loopback, all in a temporary folder. The gateway has a user owning the bucket `mediavault`, and a second one, whose 1 MiB quota any
# larger upload exceeds, owning `mediavault-quota`.
#
# Sourced (test.sh): start_test_ceph exports MEDIAVAULT_TEST_S3_URL, MEDIAVAULT_TEST_S3_BUCKET,
# MEDIAVAULT_TEST_S3_ACCESS_KEY, MEDIAVAULT_TEST_S3_SECRET_KEY and MEDIAVAULT_TEST_S3_QUOTA_BUCKET / _ACCESS_KEY /
# _SECRET_KEY; stop_test_ceph stops the processes it started (by their ids) and removes the folder.
# Run (by hand, or by the S3 test fixture): prints those `export` lines and `# ready` once the gateway answers, then
# keeps the cluster until its standard input closes or it is signalled.

ceph_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_test_ceph() {
  if ! command -v ensure_packages >/dev/null 2>&1; then
    . "$(dirname "${BASH_SOURCE[0]}")/prereqs.sh"
  fi
  ensure_packages ceph-mon:ceph-mon ceph-osd:ceph-osd radosgw:radosgw
  CEPH_TEST_DIR=$(mktemp -d /tmp/mediavault-ceph.XXXXXX)
  CEPH_TEST_PIDS=()
  local dir=$CEPH_TEST_DIR mon_port rgw_port fsid osd_uuid conf
  mon_port=$(ceph_free_port)
  rgw_port=$(ceph_free_port)
  fsid=$(python3 -c 'import uuid; print(uuid.uuid4())')
  osd_uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
  conf=$dir/ceph.conf
  mkdir -p "$dir/mon" "$dir/osd" "$dir/rgw" "$dir/run" "$dir/log"
  cat >"$conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
keyring = $dir/keyring
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
mon data = $dir/mon
osd data = $dir/osd
osd objectstore = filestore
osd journal = $dir/osd/journal
osd journal size = 256
journal dio = false
journal aio = false
osd max object name len = 256
osd max object namespace len = 64
mon allow pool size one = true
mon allow pool delete = true
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
paxos propose interval = 0.01
paxos min wait = 0.001
mon warn on pool no redundancy = false
[client]
ms mon client mode = crc
rgw data = $dir/rgw
rgw frontends = beast endpoint=127.0.0.1:$rgw_port tcp_nodelay=1
EOF
  : >"$dir/keyring"
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" >"$dir/log/mkfs-mon.out" 2>&1 || { ceph_test_failed "ceph-mon --mkfs"; return 1; }
  ceph-mon -c "$conf" -i a -f >"$dir/log/mon.out" 2>&1 &
  CEPH_TEST_PIDS+=($!)
  ceph -c "$conf" --connect-timeout 30 osd create "$osd_uuid" >/dev/null 2>"$dir/log/osd-create.out" || { ceph_test_failed "ceph osd create"; return 1; }
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$dir/log/mkfs-osd.out" 2>&1 || { ceph_test_failed "ceph-osd --mkfs"; return 1; }
  ceph-osd -c "$conf" -i 0 -f >"$dir/log/osd.out" 2>&1 &
  CEPH_TEST_PIDS+=($!)
  radosgw -c "$conf" -n client.rgw -f >"$dir/log/rgw.out" 2>&1 &
  CEPH_TEST_PIDS+=($!)
  local _ pid
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$rgw_port/" && break
    for pid in "${CEPH_TEST_PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null || { ceph_test_failed "a Ceph process (pid $pid) exited"; return 1; }
    done
    sleep 0.1
  done
  curl -s -o /dev/null "http://127.0.0.1:$rgw_port/" || { ceph_test_failed "radosgw did not answer within 60 s"; return 1; }
  ceph_test_user mediavault mediavault || return 1
  export MEDIAVAULT_TEST_S3_URL="http://127.0.0.1:$rgw_port" MEDIAVAULT_TEST_S3_BUCKET=mediavault
  export MEDIAVAULT_TEST_S3_ACCESS_KEY="$CEPH_TEST_KEY" MEDIAVAULT_TEST_S3_SECRET_KEY="$CEPH_TEST_SECRET"
  # A second user whose quota (1 MiB) is used up by any larger upload: the gateway's "storage full".
  ceph_test_user mediavault-quota mediavault-quota || return 1
  radosgw-admin -c "$conf" quota set --quota-scope=user --uid=mediavault-quota --max-size=1048576 >/dev/null 2>>"$dir/log/user.out" \
    && radosgw-admin -c "$conf" quota enable --quota-scope=user --uid=mediavault-quota >/dev/null 2>>"$dir/log/user.out" \
    || { ceph_test_failed "radosgw-admin quota set"; return 1; }
  export MEDIAVAULT_TEST_S3_QUOTA_BUCKET=mediavault-quota
  export MEDIAVAULT_TEST_S3_QUOTA_ACCESS_KEY="$CEPH_TEST_KEY" MEDIAVAULT_TEST_S3_QUOTA_SECRET_KEY="$CEPH_TEST_SECRET"
}

# ceph_test_user UID BUCKET creates a gateway user with fresh keys (in CEPH_TEST_KEY, CEPH_TEST_SECRET) and its bucket.
ceph_test_user() {
  local dir=$CEPH_TEST_DIR port
  port=$(sed -n 's/^rgw frontends = beast endpoint=127.0.0.1:\([0-9]*\).*/\1/p' "$dir/ceph.conf")
  CEPH_TEST_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(10).upper())')
  CEPH_TEST_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(20))')
  radosgw-admin -c "$dir/ceph.conf" user create --uid="$1" --display-name="$1" \
    --access-key="$CEPH_TEST_KEY" --secret-key="$CEPH_TEST_SECRET" >/dev/null 2>>"$dir/log/user.out" \
    || { ceph_test_failed "radosgw-admin user create $1"; return 1; }
  # curl signs the request itself (SigV4); the gateway wants the payload's hash header as well.
  curl -sSf -X PUT --aws-sigv4 "aws:amz:us-east-1:s3" --user "$CEPH_TEST_KEY:$CEPH_TEST_SECRET" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "http://127.0.0.1:$port/$2" >/dev/null 2>>"$dir/log/bucket.out" \
    || { ceph_test_failed "creating the bucket $2"; return 1; }
  # The first object written makes the gateway create its data pool: write (and delete) one here, retrying until the
  # gateway takes it, so that no test's first write meets a gateway still setting the pool up.
  local signed=(-sSf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$CEPH_TEST_KEY:$CEPH_TEST_SECRET" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
  local attempt
  for attempt in $(seq 1 60); do
    curl "${signed[@]}" -X PUT --data-binary "warm" "http://127.0.0.1:$port/$2/warm-up" >/dev/null 2>>"$dir/log/bucket.out" && break
    [ "$attempt" = 60 ] && { ceph_test_failed "a first write into the bucket $2"; return 1; }
    sleep 0.5
  done
  curl "${signed[@]}" -X DELETE "http://127.0.0.1:$port/$2/warm-up" >/dev/null 2>>"$dir/log/bucket.out" \
    || { ceph_test_failed "deleting the warm-up object of $2"; return 1; }
}

ceph_test_failed() {
  echo "Ceph test cluster: $1 failed; its logs:" >&2
  tail -n 20 "$CEPH_TEST_DIR"/log/* >&2 2>/dev/null || true
  stop_test_ceph
}

stop_test_ceph() {
  local pid
  # Nothing of a throwaway cluster needs saving or a clean stop.
  for pid in "${CEPH_TEST_PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "${CEPH_TEST_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  CEPH_TEST_PIDS=()
  if [ -n "${CEPH_TEST_DIR:-}" ]; then
    rm -rf "$CEPH_TEST_DIR"
    CEPH_TEST_DIR=""
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  trap stop_test_ceph EXIT
  trap 'exit 143' TERM INT HUP
  start_test_ceph
  for name in MEDIAVAULT_TEST_S3_URL MEDIAVAULT_TEST_S3_BUCKET MEDIAVAULT_TEST_S3_ACCESS_KEY MEDIAVAULT_TEST_S3_SECRET_KEY \
    MEDIAVAULT_TEST_S3_QUOTA_BUCKET MEDIAVAULT_TEST_S3_QUOTA_ACCESS_KEY MEDIAVAULT_TEST_S3_QUOTA_SECRET_KEY; do
    echo "export $name=${!name}"
  done
  echo "# ready"
  cat <&0 >/dev/null &
  wait $! || true
fi
