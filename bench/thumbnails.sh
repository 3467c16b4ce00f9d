#!/usr/bin/env bash
# 256 px thumbnails of N 12 MP JPEGs (photo-like, ~3.5 MB each): MediaVault against vipsthumbnail run 2 in parallel
# on the same files, same run. MediaVault's figure is end to end: upload through the library surface (create, PUT,
# confirm; 4 uploads in flight over keep-alive connections), then until every media is ready — metadata read and the
# 256 px WebP made. A second line records until every image also has its 1024 px preview (made by the follow-up
# render-previews jobs). One server for all runs, warmed up first with every file twice; each run uploads the files
# again as new media.
# Usage: bench/thumbnails.sh [COUNT (100)] [RUNS (3)]
set -euo pipefail
COUNT=${1:-100}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages vipsthumbnail:libvips-tools
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mkdir -p "$BENCH_WORK/images"
# Ten distinct photo-like frames (noise keeps the JPEGs at a camera's size); copies differ by trailing bytes, which
# decoders ignore, so every file is a distinct upload.
distinct=$((COUNT < 10 ? COUNT : 10))
for i in $(seq 1 "$distinct"); do
  ffmpeg -v error -f lavfi -i "testsrc2=size=4000x3000:duration=1:rate=1" -vf "hue=h=$((i * 30)),noise=alls=12:allf=t" \
    -frames:v 1 -q:v 3 "$BENCH_WORK/base-$i.jpg"
done
for i in $(seq 1 "$COUNT"); do
  { cat "$BENCH_WORK/base-$(((i - 1) % distinct + 1)).jpg"; printf 'copy %08d' "$i"; } >"$BENCH_WORK/images/$i.jpg"
done

rate() { python3 -c "print(round($COUNT/$1, 1))"; }
bench_start_mediavault 18084
TOKEN=$(bench_token)
# Warm-up, not measured: every file twice, until ready and previewed, as on a server that has been up a while. A fresh
# server's tiered JIT compiles the upload and job paths twice (instrumented, then optimized: ~4 600 methods, ~6 CPU-s)
# over its first ~200 images; after only ten warm-up files that was 35–47 and 23–26 ms of CPU per image in the first
# two measured runs, ~0 in the third (RESULTS.md, item 6).
for _ in 1 2; do
  python3 "$BENCH_ROOT/bench/clients/library_upload.py" http://127.0.0.1:18084 "$TOKEN" 4 "$BENCH_WORK/images"/*.jpg >/dev/null
done
peer_times=() ready_times=() complete_times=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$BENCH_WORK/out" && mkdir -p "$BENCH_WORK/out"
  start=$(date +%s.%N)
  ls "$BENCH_WORK/images"/*.jpg | xargs -P 2 -n 10 vipsthumbnail -s 256 -o "$BENCH_WORK/out/%s.webp"
  end=$(date +%s.%N)
  peer_times+=("$(python3 -c "print($end-$start)")")
  read -r _ ready complete < <(python3 "$BENCH_ROOT/bench/clients/library_upload.py" http://127.0.0.1:18084 "$TOKEN" 4 "$BENCH_WORK/images"/*.jpg)
  ready_times+=("$ready") complete_times+=("$complete")
done
peer=$(rate "$(bench_median "${peer_times[@]}")")
bench_record "${COUNT} x 12 MP JPEG, 256 px thumbnails (ours: upload + metadata + 256 px WebP, until ready)" \
  "$(rate "$(bench_median "${ready_times[@]}")")" "vipsthumbnail -P2" "$peer" "images/s"
bench_record "${COUNT} x 12 MP JPEG, until the 1024 px previews too (ours; peer makes 256 px only)" \
  "$(rate "$(bench_median "${complete_times[@]}")")" "vipsthumbnail -P2" "$peer" "images/s"
