#!/usr/bin/env bash
# Conform job speed: a 60 s 1080p H.264/AAC clip made to fit Instagram Reels (fit "crop": 9:16 centre crop, 608×1080),
# timed from POST /v2/media/{id}/conform to Get a Media listing the rendition as SUCCESS (plan, jailed ffmpeg encode,
# re-analysis with ffprobe and the packet listing, the profile check, storing), against ffmpeg run by hand with the
# same options (ConformArguments for that plan). Seconds, median of RUNS, lower is better; each run conforms a fresh
# upload, since a second request for the same target reuses the rendition.
# Usage: bench/conform.sh [SECONDS_OF_VIDEO (60)] [RUNS (3)]        quick: bench/conform.sh 10 1
set -euo pipefail
VIDEO_SECONDS=${1:-60}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
clip="$BENCH_WORK/clip.mp4"
ffmpeg -v error -f lavfi -i "testsrc2=s=1920x1080:r=30:d=$VIDEO_SECONDS" -f lavfi -i "sine=frequency=440:sample_rate=48000:d=$VIDEO_SECONDS" \
  -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -movflags +faststart "$clip"

now() { date +%s.%N; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }

# The peer: the encode the conform job runs for this plan (crop 608×1080, 30 fps kept, 12 Mbit/s cap, stereo AAC).
by_hand() {
  ffmpeg -hide_banner -nostdin -v error -y -f mov -i "$clip" -map 0:v:0 -map 0:a:0 \
    -vf "crop=608:1080,scale=608:1080,setsar=1,format=yuv420p" \
    -c:v libx264 -profile:v high -pix_fmt yuv420p -preset veryfast -crf 21 -maxrate 12000k -bufsize 24000k -g 60 -bf 2 -x264-params open-gop=0 \
    -c:a aac -profile:a aac_low -b:a 128k -ar 48000 -ac 2 -sn -dn -map_metadata -1 -movflags +faststart -f mp4 "$BENCH_WORK/by-hand.mp4"
}

port=$(bench_free_port)
base=http://127.0.0.1:$port
bench_start_mediavault "$port"
TOKEN=$(bench_token)

conform_until_ready() {
  local id=$1 body
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"network":"instagram","placement":"reels","fit":"crop"}' "$base/v2/media/$id/conform" >/dev/null
  while :; do
    body=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/v2/media/$id")
    case $body in
      *'"conformed":[{'*'"status":"SUCCESS"'*) return 0 ;;
      *'"conformed":[{'*'"status":"ERROR"'*) echo "conform failed: $body" >&2; return 1 ;;
    esac
    sleep 0.05
  done
}
fresh_upload() { local id; id=$(bench_library_upload "$base" "$clip" video/mp4); bench_wait_ready "$base" "$id"; echo "$id"; }

by_hand # warm-up: binaries and the clip in the page cache
conform_until_ready "$(fresh_upload)" # warm-up: JIT, first job
ours=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  id=$(fresh_upload)
  start=$(now); by_hand; theirs+=("$(elapsed "$start" "$(now)")")
  start=$(now); conform_until_ready "$id"; ours+=("$(elapsed "$start" "$(now)")")
done
echo "MediaVault conform runs: ${ours[*]} s; ffmpeg by hand: ${theirs[*]} s"
bench_record "conform ${VIDEO_SECONDS} s 1080p → Instagram Reels 9:16 (lower is better)" "$(bench_median "${ours[@]}")" \
  "ffmpeg by hand, same options" "$(bench_median "${theirs[@]}")" "s"
