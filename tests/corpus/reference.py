#!/usr/bin/env python3
"""Writes tests/corpus/reference.json: what the reference tools say about every corpus file.

Run through tests/corpus/reference.sh (it installs the tools and fetches the whole corpus first).
  audio/video  ffprobe -show_format -show_streams: duration, sampleRate, channels, codec, bitDepth, width, height
  images       vipsheader (libvips) and exiftool: displayed width/height (swapped for EXIF orientations 5-8),
               orientation, frames (animations and multi-page images)
  PDFs         pdfinfo: pageCount, encrypted
A file the reference tool cannot read is expected to be refused or to fail (`readable: false`). So is audio or video
whose main stream (the audio of an audio file, the video of a video file) has no codec ffprobe can name: its header
reads, but no tool can decode it (scipy's 36-, 45- and 53-bit PCM WAVs), so it is not usable media.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, ".cache", "files")

AUDIO = {"wav", "flac", "mp3", "ogg-vorbis", "ogg-opus", "aiff", "aifc", "au", "wv", "m4a", "mkv-opus", "webm-opus", "mkv-vorbis",
         "webm-vorbis", "caf"}
VIDEO = {"mp4", "mov", "webm", "mkv", "avi", "mpeg-ps", "mpeg-es", "3gp", "ogg-theora", "flv", "mpegts"}
IMAGE = {"jpeg", "png", "gif", "webp", "tiff", "heic", "avif", "jxl", "bmp", "svg"}
# Codecs whose samples have a bit depth worth reporting (lossy codecs decode to float; their depth means nothing).
LOSSLESS_PREFIXES = ("pcm_", "flac", "wavpack", "alac", "adpcm_", "tta", "ape")
SAMPLE_FORMAT_BITS = {"u8": 8, "u8p": 8, "s16": 16, "s16p": 16, "s32": 32, "s32p": 32, "flt": 32, "fltp": 32, "dbl": 64, "dblp": 64,
                      "s64": 64, "s64p": 64}


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, errors="replace")


def kind_of(family):
    if family in AUDIO:
        return "audio"
    if family in VIDEO:
        return "video"
    if family in IMAGE:
        return "image"
    return "document"


def number(value):
    try:
        parsed = float(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed == parsed and parsed >= 0 else None


def probe_av(path, expected):
    result = run("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", path)
    data = json.loads(result.stdout or "{}") if result.returncode == 0 else {}
    streams = data.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if video is None and audio is None:
        expected["readable"] = False
        expected["reason"] = (result.stderr.strip().splitlines() or ["no audio or video stream"])[-1][:200]
        return
    primary = audio if expected["type"] == "audio" else (video or audio)
    if not primary.get("codec_name"):
        expected["readable"] = False
        expected["reason"] = f"no decoder for the {primary.get('codec_type', 'main')} stream (ffprobe names no codec)"
        return
    expected["readable"] = True
    duration = number(data.get("format", {}).get("duration")) or number((video or audio).get("duration"))
    if duration is not None:
        expected["duration"] = round(duration, 3)
    expected["codec"] = primary.get("codec_name")
    if audio is not None:
        expected["sampleRate"] = int(audio["sample_rate"]) if number(audio.get("sample_rate")) else None
        expected["channels"] = audio.get("channels")
        codec = audio.get("codec_name", "")
        if expected["type"] == "audio" and codec.startswith(LOSSLESS_PREFIXES):
            bits = int(audio.get("bits_per_raw_sample") or 0) or int(audio.get("bits_per_sample") or 0) \
                or SAMPLE_FORMAT_BITS.get(audio.get("sample_fmt", ""))
            expected["bitDepth"] = bits
        if video is not None:
            expected["audioCodec"] = codec
    if video is not None and expected["type"] == "video":
        width, height = video.get("width"), video.get("height")
        rotation = 0
        for side in video.get("side_data_list", []):
            if "rotation" in side:
                rotation = int(side["rotation"])
        rotation = int(video.get("tags", {}).get("rotate", rotation))
        if rotation % 180 != 0 and width and height:
            width, height = height, width
            expected["rotation"] = rotation
        expected["width"], expected["height"] = width, height


def probe_image(path, expected):
    fields = {}
    header = run("vipsheader", "-a", path)
    if header.returncode == 0:
        for line in header.stdout.splitlines():
            name, _, value = line.partition(": ")
            fields[name.strip()] = value.strip()
    tool = run("exiftool", "-j", "-n", "-Orientation", "-FrameCount", "-AnimationFrames", "-ImageWidth", "-ImageHeight", path)
    exif = (json.loads(tool.stdout) or [{}])[0] if tool.stdout.strip().startswith("[") else {}
    width, height = fields.get("width"), fields.get("height")
    if width is None or height is None:
        expected["readable"] = False
        expected["reason"] = (header.stderr.strip().splitlines() or ["vipsheader failed"])[0][:200]
        return
    expected["readable"] = True
    width, height = int(width), int(height)
    orientation = exif.get("Orientation")
    orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
    vips_orientation = fields.get("orientation", "1").split(" ")[0]
    if vips_orientation.isdigit() and int(vips_orientation) >= 5:
        width, height = height, width
    expected["width"], expected["height"] = width, height
    expected["orientation"] = orientation
    frames = [1]
    for value in (fields.get("n-pages", "1").split(" ")[0], exif.get("FrameCount"), exif.get("AnimationFrames")):
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            frames.append(int(value))
    expected["frames"] = max(frames)


def probe_pdf(path, expected):
    info = run("pdfinfo", "--", path)
    if info.returncode != 0:
        if "password" in info.stderr.lower():
            # Readable as a document, but its pages only open with the user password.
            expected["readable"] = True
            expected["encrypted"] = True
            expected["pageCount"] = None
            return
        expected["readable"] = False
        expected["reason"] = info.stderr.strip()[:200]
        return
    expected["readable"] = True
    for line in info.stdout.splitlines():
        key, _, value = line.partition(":")
        if key == "Pages":
            expected["pageCount"] = int(value.strip())
        elif key == "Encrypted":
            expected["encrypted"] = value.strip().startswith("yes")


def main():
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(HERE, "manifest.tsv"))][1:]
    reference = {}
    for row in rows:
        ident, family = row[0], row[1]
        path = os.path.join(FILES, ident)
        if not os.path.isfile(path):
            print(f"reference: {ident} is not fetched; run tests/corpus/fetch.sh", file=sys.stderr)
            sys.exit(1)
        expected = {"family": family, "type": kind_of(family)}
        if expected["type"] in ("audio", "video"):
            probe_av(path, expected)
        elif expected["type"] == "image":
            probe_image(path, expected)
        else:
            probe_pdf(path, expected)
        reference[ident] = {k: v for k, v in expected.items() if v is not None}
    tools = {
        "ffprobe": run("ffprobe", "-version").stdout.splitlines()[0],
        "vipsheader": run("vipsheader", "--version").stdout.strip(),
        "exiftool": run("exiftool", "-ver").stdout.strip(),
        "pdfinfo": (run("pdfinfo", "-v").stderr.splitlines() or [""])[0],
    }
    with open(os.path.join(HERE, "reference.json"), "w") as out:
        json.dump({"tools": tools, "files": reference}, out, indent=1, sort_keys=True)
        out.write("\n")
    print(f"reference: {len(reference)} files described in tests/corpus/reference.json")


if __name__ == "__main__":
    main()
