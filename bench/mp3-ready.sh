#!/usr/bin/env bash
# Upload → ready for a 3-minute MP3 (192 kbit/s stereo, ID3 tags, no cover art): MediaVault's time from creating the
# library media to GET /v2/media/{id} saying SUCCESS (create, PUT, confirm, then its job: ffprobe + the waveform
# decode), against the same two tools run back to back by hand with the arguments MediaVault passes them
# (FfprobeMetadataExtractor, WaveformGenerator). Seconds, median of RUNS, lower is better. MediaVault's side is timed
# inside one client process (clients/upload_until_ready.py: the three requests on one keep-alive connection, then a GET
# every 10 ms), so it holds the requests and the server's work, not the bench's own process starts (a python3 and
# four curl starts per upload plus a curl per poll took 0.7–0.9 s more per upload at load 17).
# Usage: bench/mp3-ready.sh [SECONDS_OF_AUDIO (180)] [RUNS (3)]        quick: bench/mp3-ready.sh 20 1
set -euo pipefail
AUDIO_SECONDS=${1:-180}
RUNS=${2:-3}
BENCH_WORK="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'bench_stop; rm -rf "$BENCH_WORK"' EXIT

bench_build
mp3="$BENCH_WORK/song.mp3"
ffmpeg -v error -f lavfi -i "aevalsrc=0.4*sin(2*PI*440*t)+0.1*random(0)|0.4*sin(2*PI*554*t)+0.1*random(1):s=44100:d=$AUDIO_SECONDS" \
  -c:a libmp3lame -b:a 192k -metadata title="Bench song" -metadata artist="MediaVault bench" "$mp3"

now() { date +%s.%N; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }

# The peer: exactly what the processing job runs for an MP3 without cover art, one after the other.
tools() {
  ffprobe -v error -print_format json -show_format -show_streams -- "$mp3" >/dev/null
  ffmpeg -hide_banner -nostdin -v error -y -i "$mp3" -map 0:a:0 -ac 1 -ar 8000 -f s16le -acodec pcm_s16le - >/dev/null
}

port=$(bench_free_port)
base=http://127.0.0.1:$port
bench_start_mediavault "$port"
TOKEN=$(bench_token)
upload_until_ready() { python3 "$BENCH_ROOT/bench/clients/upload_until_ready.py" "$base" "$TOKEN" "$mp3" audio/mpeg; }

tools # warm-up: binaries and the file in the page cache
# Warm-up: JIT (a fresh server still compiles request and job paths beside the decode for several uploads), first job.
for _ in 1 2 3 4 5; do upload_until_ready >/dev/null; done
ours=(); theirs=()
for _ in $(seq 1 "$RUNS"); do
  start=$(now); tools; theirs+=("$(elapsed "$start" "$(now)")")
  ours+=("$(upload_until_ready)")
done
echo "MediaVault runs: ${ours[*]} s; ffprobe + ffmpeg runs: ${theirs[*]} s"
bench_record "upload → ready, ${AUDIO_SECONDS} s MP3 (lower is better)" "$(bench_median "${ours[@]}")" \
  "ffprobe + ffmpeg waveform decode" "$(bench_median "${theirs[@]}")" "s"
