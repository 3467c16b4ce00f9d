#!/usr/bin/env bash
# Compression level for JSON API answers: captures a catalogue list page (30 media) and a library list page (20 media)
# from a real server, then compresses each with Brotli and gzip at Fastest and Optimal (bench/api-compression.cs).
# Usage: bench/api-compression.sh
set -euo pipefail
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
port=$(bench_free_port)
base="http://127.0.0.1:$port"
bench_start_mediavault "$port"
TOKEN=$(bench_token)
python3 - "$BENCH_WORK/small.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = b"".join(b"\0" + bytes((x * 7 + y) % 256 for x in range(48)) for y in range(16))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
for i in $(seq 1 30); do
  curl -sf -H "Authorization: Bearer $TOKEN" -H "X-Flowkiwi-Organization-Id: bench" -F "file=@$BENCH_WORK/small.png;filename=image-$i.png" "$base/rest/api/medias" >/dev/null
done
for i in $(seq 1 20); do
  bench_library_upload "$base" "$BENCH_WORK/small.png" image/png >/dev/null
done
sleep 2
curl -sf -H "Authorization: Bearer $TOKEN" -H "X-Flowkiwi-Organization-Id: bench" "$base/rest/api/medias?itemsPerPage=30" >"$BENCH_WORK/catalog-list-30.json"
curl -sf -H "Authorization: Bearer $TOKEN" "$base/v2/media?limit=20" >"$BENCH_WORK/library-list-20.json"
bench_stop
dotnet run "$BENCH_ROOT/bench/api-compression.cs" -- "$BENCH_WORK/catalog-list-30.json" "$BENCH_WORK/library-list-20.json"
