#!/usr/bin/env bash
# What release analysis (issue 20) adds to a 3-minute track: upload as a release track file → ready (processing:
# ffprobe + waveform) → analysed (the analyze-media job: one ffmpeg decode through ebur128 with the PCM streamed out
# for peaks and silence, then fpcalc). Compared with the analysis tools run back to back by hand with the same
# arguments. Seconds, median of RUNS, lower is better.
# Usage: bench/release-analysis.sh [SECONDS_OF_AUDIO (180)] [RUNS (3)]        quick: bench/release-analysis.sh 20 1
set -euo pipefail
AUDIO_SECONDS=${1:-180}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
ensure_packages fpcalc:libchromaprint-tools
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mp3="$BENCH_WORK/song.mp3"
ffmpeg -v error -f lavfi -i "aevalsrc=0.4*sin(2*PI*440*t)+0.1*random(0)|0.4*sin(2*PI*554*t)+0.1*random(1):s=44100:d=$AUDIO_SECONDS" \
  -c:a libmp3lame -b:a 192k "$mp3"

now() { date +%s.%N; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }

tools() {
  ffmpeg -hide_banner -nostdin -nostats -v info -f mp3 -i "$mp3" -map 0:a:0 -af ebur128=peak=true:framelog=verbose -f null - \
    -map 0:a:0 -ac 2 -ar 44100 -c:a pcm_f32le -f f32le - 2>/dev/null >/dev/null
  fpcalc -raw -json -length 600 -format mp3 "$mp3" >/dev/null 2>&1 || true
}

port=$(bench_free_port)
base=http://127.0.0.1:$port
bench_start_mediavault "$port"
TOKEN=$(bench_token)
auth=(-H "Authorization: Bearer $TOKEN")

# upload_track: prints "seconds-to-ready seconds-to-analysed" for one track file upload.
upload_track() {
  local release track media start ready="" body
  release=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"Bench"}' "$base/releases" | bench_json data.id)
  track=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"title":"Song"}' "$base/releases/$release/tracks" | bench_json data.id)
  start=$(now)
  media=$(curl -sf "${auth[@]}" -F "file=@$mp3" "$base/releases/$release/tracks/$track/media/file" | bench_json data.cloudId)
  while :; do
    body=$(curl -sf "${auth[@]}" "$base/releases/$release/media")
    if [ -z "$ready" ] && [[ $body == *'"state":"ready"'* ]]; then ready=$(elapsed "$start" "$(now)"); fi
    if [[ $body == *'"analyzedAt"'* ]]; then echo "$ready $(elapsed "$start" "$(now)")"; return 0; fi
    [[ $body == *'"analysisFailure"'* || $body == *'"state":"failed"'* ]] && { echo "media $media failed: $body" >&2; return 1; }
    sleep 0.02
  done
}

tools
upload_track >/dev/null
readies=(); analysed=(); added=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  start=$(now); tools; theirs+=("$(elapsed "$start" "$(now)")")
  read -r r a < <(upload_track)
  readies+=("$r"); analysed+=("$a"); added+=("$(python3 -c "print(round($a - $r, 3))")")
done
echo "upload → ready: ${readies[*]} s; upload → analysed: ${analysed[*]} s; analysis tools by hand: ${theirs[*]} s"
bench_record "analysis added to upload → ready (ready → analysed), ${AUDIO_SECONDS} s MP3 release track (lower is better)" \
  "$(bench_median "${added[@]}")" "ffmpeg ebur128 + PCM decode, then fpcalc, by hand" "$(bench_median "${theirs[@]}")" "s"
