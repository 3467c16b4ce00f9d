#!/usr/bin/env bash
# Recomputes tests/corpus/reference.json with the reference tools (ffprobe, libvips' vipsheader, exiftool, pdfinfo).
# Installs those tools from Debian if missing, fetches the whole corpus, then runs reference.py. Not run by test.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
missing=()
command -v ffprobe >/dev/null || missing+=(ffmpeg)
command -v vipsheader >/dev/null || missing+=(libvips-tools)
command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
"$here/fetch.sh"
python3 "$here/reference.py"
