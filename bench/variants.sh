#!/usr/bin/env bash
# On-the-fly 256 px image variants of a 12 MP JPEG (4000x3000), MediaVault against Directus, both on one throwaway
# PostgreSQL cluster. For each of RUNS distinct images (uploaded to both; MediaVault's processing finished first):
#  - first request of the variant, ms (curl time_total: transform + store + send), target MediaVault <= 0.5x Directus;
#  - the same variant URL afterwards under wrk -t2 -c64 (served from each one's stored copy), req/s, target >= 50x.
# Medians over the RUNS images; 40 small images (5 with --quick) and one more 12 MP image warm both servers up first
# and are not counted.
# MediaVault: the original's signed URL + `preset=thumb` = 256x256 box, inside, WebP q80, cached as the rendition
# `v-256x256-inside-q80.webp`. Processing also makes an eager `thumb-256.webp` (same size) but ImageVariantService only
# looks up the `v-…` name, so this is a genuine on-the-fly transform (the script checks that no variant file exists
# before the first request); once the 1024 px preview exists (waited for), it is scaled from that preview rather than
# from the 12 MP original. Signed `w=` URLs are not handed out by any endpoint (MediaUrls.ForVariant is unused).
# Directus: /assets/{id}?width=256&format=webp&quality=80 with the token (same 256x192 WebP q80 output).
# Usage: bench/variants.sh [RUNS (3)]      bench/variants.sh --quick  (1 run, wrk 2 s)
set -euo pipefail
if [ "${1:-}" = "--quick" ]; then RUNS=1 DURATION=2s; else RUNS=${1:-3} DURATION=10s; fi
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
MV=http://127.0.0.1:18093 DU=http://127.0.0.1:18094
Database__Provider=postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=mediavault" \
  bench_start_mediavault 18093
TOKEN=$(bench_token)
directus_start 18094
DTOKEN=$(directus_token)

# Image 0 warms up, images 1..RUNS are measured; each differs (hue) so every first request is a fresh transform.
mkdir -p "$BENCH_WORK/images"
for i in $(seq 0 "$RUNS"); do
  ffmpeg -v error -f lavfi -i "testsrc2=size=4000x3000:duration=1:rate=1" -vf "hue=h=$((i * 37))" -frames:v 1 -q:v 3 "$BENCH_WORK/images/$i.jpg"
done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
ms() { python3 -c "print(round($1 * 1000))"; }
width_of() { ffprobe -v error -select_streams v:0 -show_entries stream=width -of csv=p=0 "$1"; }

# mv_upload FILE: the library flow (create, PUT, confirm), then waits until processing is done (ready, and the large
# preview made); prints the id.
mv_upload() {
  local file=$1 created id status
  created=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$(basename "$file")\",\"type\":\"image/jpeg\",\"fileSize\":$(stat -c%s "$file")}" "$MV/v2/media")
  id=$(json 'd["id"]' <<<"$created")
  curl -sf -T "$file" "$(json 'd["uploadUrl"]' <<<"$created")" >/dev/null
  curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" "$MV/v2/media/$id" >/dev/null
  for _ in $(seq 1 600); do
    status=$(curl -sf -H "Authorization: Bearer $TOKEN" "$MV/v2/media/$id" | json 'd["status"]')
    [ "$status" = PROCESSING ] || break
    sleep 0.2
  done
  [ "$status" = SUCCESS ] || { echo "MediaVault media $id: $status" >&2; return 1; }
  # Fully processed: the 1024 px preview follows the ready state (a render-previews job); small variants scale from it.
  for _ in $(seq 1 600); do
    curl -sf -H "Authorization: Bearer $TOKEN" "$MV/v2/media/$id" | grep -q 'thumb-1024' && break
    sleep 0.2
  done
  echo "$id"
}

# Warm-up like a server that has been up a while (tiered JIT: a fresh .NET server spends most of its CPU compiling
# during its first few dozen variants, Node's V8 likewise): WARM small 1600x1200 images, each uploaded to both and
# asked once for the same 256 px variant by the same path as the measured ones (from MediaVault's 1024 px preview).
WARM=${BENCH_VARIANT_WARMUP:-40}
[ "$RUNS" = 1 ] && WARM=5
mkdir -p "$BENCH_WORK/warm"
for i in $(seq 1 "$WARM"); do
  file="$BENCH_WORK/warm/$i.jpg"
  ffmpeg -v error -f lavfi -i "testsrc2=size=1600x1200:duration=1:rate=1" -vf "hue=h=$((i * 13))" -frames:v 1 -q:v 3 "$file"
  id=$(mv_upload "$file")
  did=$(curl -sf -H "Authorization: Bearer $DTOKEN" -F "file=@$file;type=image/jpeg" "$DU/files" | json 'd["data"]["id"]')
  curl -sf -o /dev/null "$(curl -sf -H "Authorization: Bearer $TOKEN" "$MV/v2/media/$id" | json 'd["path"]')&preset=thumb"
  curl -sf -o /dev/null -H "Authorization: Bearer $DTOKEN" "$DU/assets/$did?width=256&format=webp&quality=80"
done
echo "warmed both servers with $WARM first variants of other images"

mv_first=() du_first=() mv_rate=() du_rate=()
for i in $(seq 0 "$RUNS"); do
  file="$BENCH_WORK/images/$i.jpg"
  id=$(mv_upload "$file")
  did=$(curl -sf -H "Authorization: Bearer $DTOKEN" -F "file=@$file;type=image/jpeg" "$DU/files" | json 'd["data"]["id"]')
  mv_url="$(curl -sf -H "Authorization: Bearer $TOKEN" "$MV/v2/media/$id" | json 'd["path"]')&preset=thumb"
  du_url="$DU/assets/$did?width=256&format=webp&quality=80"
  if [ -n "$(find "$BENCH_WORK/data" -path "*/$id/renditions/v-*")" ]; then
    echo "MediaVault media $id already has a variant; the first request would not be on the fly" >&2
    exit 1
  fi

  mv_s=$(curl -sf -o "$BENCH_WORK/mv.webp" -w '%{time_total}' "$mv_url")
  du_s=$(curl -sf -o "$BENCH_WORK/du.webp" -H "Authorization: Bearer $DTOKEN" -w '%{time_total}' "$du_url")
  [ -n "$(find "$BENCH_WORK/data" -path "*/$id/renditions/v-256x256-inside-q80.webp")" ] ||
    { echo "MediaVault did not store the variant where expected" >&2; exit 1; }
  [ "$(width_of "$BENCH_WORK/mv.webp")" = 256 ] && [ "$(width_of "$BENCH_WORK/du.webp")" = 256 ] ||
    { echo "A variant is not 256 px wide" >&2; exit 1; }
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "$mv_url")
  read -r mv_r mv_p99 <<<"$out"
  out=$(bench_wrk "$DURATION" "$CONNECTIONS" "$du_url" "Authorization: Bearer $DTOKEN")
  read -r du_r du_p99 <<<"$out"
  echo "image $i$([ "$i" = 0 ] && echo ' (warm-up, not counted)'): first variant MediaVault $(ms "$mv_s") ms," \
    "Directus $(ms "$du_s") ms; cached MediaVault $mv_r req/s (p99 $mv_p99 ms), Directus $du_r req/s (p99 $du_p99 ms)"
  if [ "$i" -gt 0 ]; then
    mv_first+=("$(ms "$mv_s")") du_first+=("$(ms "$du_s")") mv_rate+=("$mv_r") du_rate+=("$du_r")
  fi
done

bench_record "first 256 px variant of a 12 MP JPEG, on the fly (ours preset=thumb, WebP q80), median of $RUNS images, lower is better" \
  "$(bench_median "${mv_first[@]}")" Directus "$(bench_median "${du_first[@]}")" "ms"
bench_record "cached 256 px variant of a 12 MP JPEG, wrk -c$CONNECTIONS -d$DURATION, median of $RUNS images" \
  "$(bench_median "${mv_rate[@]}")" Directus "$(bench_median "${du_rate[@]}")" "req/s"
