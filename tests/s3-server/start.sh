#!/usr/bin/env bash
# Starts s3rver in the background for the S3 blob store tests (through server.js, which fixes the s3rver bugs the
# contract tests ran into) and prints its PID once the port answers.
# Usage: tests/s3-server/start.sh <dataDir> <port> <bucket>
# Then: MEDIAVAULT_TEST_S3_URL=http://127.0.0.1:<port> MEDIAVAULT_TEST_S3_BUCKET=<bucket> dotnet test tests/MediaVault.Storage.Tests
# Credentials: any access key s3rver knows, i.e. S3RVER / S3RVER. Stop it with: kill <pid>
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 <dataDir> <port> <bucket>" >&2
  exit 2
fi
data_dir="$1" port="$2" bucket="$3"
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/node_modules/s3rver/package.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null
fi
mkdir -p "$data_dir"
log="$(mktemp)"
node "$here/server.js" --directory "$data_dir" --port "$port" --address 127.0.0.1 \
  --configure-bucket "$bucket" --silent >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    # Its output (silenced; only a crash would write more) goes on into the unlinked file.
    rm -f "$log"
    echo "$pid"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "s3rver exited; its output:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  sleep 0.1
done
echo "s3rver did not answer on port $port within 10 s; its output:" >&2
cat "$log" >&2
rm -f "$log"
kill "$pid"
exit 1
