#!/usr/bin/env bash
# 256 px thumbnails of N generated 12 MP JPEGs: MediaVault (upload through the library, time until every media is
# ready — it makes 256 and 1024 px WebP thumbnails) against vipsthumbnail run 2 in parallel on the same files.
# Usage: bench/thumbnails.sh [COUNT (100)]
set -euo pipefail
COUNT=${1:-100}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages vipsthumbnail:libvips-tools
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mkdir -p "$BENCH_WORK/images" "$BENCH_WORK/out"
for i in $(seq 1 "$COUNT"); do
  ffmpeg -v error -f lavfi -i "testsrc2=size=4000x3000:duration=1:rate=1" -vf "hue=h=$((i * 7))" -frames:v 1 -q:v 3 "$BENCH_WORK/images/$i.jpg"
done

start=$(date +%s.%N)
ls "$BENCH_WORK/images"/*.jpg | xargs -P 2 -n 10 vipsthumbnail -s 256 -o "$BENCH_WORK/out/%s.webp"
end=$(date +%s.%N)
peer=$(python3 -c "print(round($COUNT/($end-$start), 1))")

bench_start_mediavault 18084
TOKEN=$(bench_token)
start=$(date +%s.%N)
for file in "$BENCH_WORK/images"/*.jpg; do
  size=$(stat -c%s "$file")
  created=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$(basename "$file")\",\"type\":\"image/jpeg\",\"fileSize\":$size}" http://127.0.0.1:18084/v2/media)
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$created")
  curl -sf -T "$file" "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uploadUrl"])' "$created")" >/dev/null
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18084/v2/media/$id" >/dev/null
done
while :; do
  pending=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18084/v2/media?status=PROCESSING&limit=1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]))')
  [ "$pending" = "0" ] && break
  sleep 0.2
done
end=$(date +%s.%N)
ours=$(python3 -c "print(round($COUNT/($end-$start), 1))")
bench_record "${COUNT} x 12 MP JPEG thumbnails (ours: upload + 256 and 1024 px)" "$ours" "vipsthumbnail -P2" "$peer" "images/s"
