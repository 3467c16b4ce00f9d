#!/usr/bin/env bash
# The @tus/server peer (with @tus/file-store; npm, pinned) and the tus-js-client the upload benchmarks drive it with.
# Usage: bench/peers/tus-server.sh install          installs the packages into bench/.cache/tus-server (once); prints
#                                                   that folder (pass it as TUS_CACHE to bench/tus-upload.mjs)
#        bench/peers/tus-server.sh start PORT DIR   serves tus at http://127.0.0.1:PORT/files into DIR (foreground)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="$(cd "$HERE/.." && pwd)/.cache/tus-server"
PACKAGE='{
  "name": "mediavault-bench-tus",
  "private": true,
  "description": "The tus peer and client of bench/upload.sh and bench/rss.sh (installed by bench/peers/tus-server.sh).",
  "dependencies": { "@tus/server": "2.4.5", "@tus/file-store": "2.1.1", "tus-js-client": "4.3.1" }
}'

case "${1:-}" in
  install)
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
      { echo "@tus/server needs Node >= 20.19 on the PATH (found $(node --version 2>/dev/null || echo none))" >&2; exit 1; }
    mkdir -p "$CACHE"
    if [ "$(cat "$CACHE/package.json" 2>/dev/null)" != "$PACKAGE" ] || [ ! -d "$CACHE/node_modules/@tus/server" ]; then
      printf '%s\n' "$PACKAGE" >"$CACHE/package.json"
      npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error >&2
    fi
    echo "$CACHE"
    ;;
  start)
    mkdir -p "$3"
    TUS_CACHE="$CACHE" exec node "$HERE/tus-server.mjs" "$2" "$3"
    ;;
  *)
    echo "usage: $0 install | start PORT DIR" >&2
    exit 2
    ;;
esac
