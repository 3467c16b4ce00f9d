# Sourced by run.sh and test.sh: installs what MediaVault needs when it is missing.
# Only Debian's packages are used; nothing is downloaded from elsewhere.

apt_updated=0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages CMD:PACKAGE ... installs PACKAGE when CMD is not on PATH.
ensure_packages() {
  local missing=()
  for pair in "$@"; do
    local cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}" >&2
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK 10 is required (dotnet on PATH). Install it from your distribution or Microsoft's packages." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# bwrap confines every media tool to the one file it reads (Tools:Sandbox, README "Limits and hostile input").
ensure_media_tools() {
  ensure_packages ffprobe:ffmpeg ffmpeg:ffmpeg pdfinfo:poppler-utils rsvg-convert:librsvg2-bin bwrap:bubblewrap fpcalc:libchromaprint-tools
}

# exiftool writes the EXIF orientation of the test images made at run time (tests only).
ensure_test_image_tools() {
  ensure_packages exiftool:libimage-exiftool-perl
}
