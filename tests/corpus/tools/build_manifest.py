#!/usr/bin/env python3
"""Chooses the corpus: walks extracted Debian packages and writes tests/corpus/manifest.tsv.

Run once by hand when the corpus is rebuilt (not by the tests):
    apt-get download <the packages in RULES>   # into DEBS
    tests/corpus/tools/build_manifest.py DEBS > tests/corpus/manifest.tsv
Each row: id, family, package, version, path inside the package, sha256, size, sample rank (0 = full corpus only).
The family is read from the content (ffprobe, file(1)), not from the file name.
"""
import hashlib, json, os, re, subprocess, sys, tempfile

# (package, regular expression on the path inside the package, at most this many files); files in name order.
RULES = [
    # audio
    ("sound-theme-freedesktop", r"\.oga$", 12),
    ("yaru-theme-sound", r"\.oga$", 6),
    ("gbrainy", r"\.oga$", 2),
    ("libpython3.11-testsuite", r"/test/(audiodata/.*|sndhdrdata/sndhdr\.(aifc|aiff|au|wav)|Sine-1000Hz-300ms\.aif|audiotest\.au)$", 30),
    ("libpython3.11-testsuite", r"/test/imghdrdata/python(-raw)?\.(bmp|gif|jpg|png|tiff|webp)$", 10),
    ("python3-scipy", r"scipy/io/tests/data/.*\.wav$", 30),
    ("forensics-samples-files", r"original-files/.*\.(wav|mp3|ogg|mp4|avi|mpeg|jpg|JPG|png|pdf)$", 40),
    ("teeworlds-data", r"\.wv$", 15),
    ("grandorgue", r"\.wv$", 2),
    ("whipper", r"\.flac$", 2),
    ("ardour-data", r"\.(flac|wav)$", 6),
    ("hydrogen-data", r"\.(flac|wav)$", 10),
    ("lmms-common", r"\.(flac|ogg|wav)$", 18),
    ("basic256", r"\.mp3$", 5),
    ("emacspeak", r"\.(mp3|au|ogg|oga)$", 12),
    ("gourmand", r"\.opus$", 3),
    ("jami-daemon", r"\.opus$", 5),
    ("linphone-common", r"\.mkv$", 8),
    ("mkvtoolnix-gui", r"\.webm$", 3),
    ("renpy-demo", r"\.(opus|webm|webp)$", 8),
    ("saytime", r"\.au$", 5),
    # video
    ("janus-demos", r"\.mp4$", 2),
    ("golang-github-gabriel-vasile-mimetype-dev", r"testdata/.*\.(3gp|mkv|mov|mp4|webm|ogv|flv|avif|png|jpg)$", 12),
    ("python3-imageio", r"resources/images/.*\.(mp4|gif|png|jpg)$", 12),
    ("gem-doc", r"\.(mpg|mov|avi|pdf)$", 6),
    ("wx3.2-examples", r"\.(mpg|gif)$", 4),
    ("python-pygame-doc", r"\.(mpg|gif|jpg|png|bmp)$", 8),
    ("k3b-data", r"\.(mpg|pdf)$", 4),
    ("gnome-devel-docs", r"\.ogv$", 3),
    ("gnome-mahjongg", r"\.ogv$", 2),
    ("gnome-user-docs", r"/C/.*\.webm$", 2),
    ("libgtkmm-4.0-doc", r"\.webm$", 1),
    ("planetblupi-common", r"\.mkv$", 4),
    ("hollywood", r"\.mp4$", 1),
    # images
    ("jmagick6-docs", r"exif_orientation/.*\.jpg$", 9),
    ("jmagick6-docs", r"\.(jpg|png|gif)$", 6),
    ("golang-golang-x-image-dev", r"testdata/.*\.(tiff|webp|bmp|jpeg)$", 40),
    ("libsixel-examples", r"examples/images/(pngsuite/.*\.png|[^/]*\.(png|gif|jpg|bmp|tiff))$", 45),
    ("libsdl2-image-tests", r"\.(avif|bmp|gif|jpg|jxl|png|svg|tif|webp)$", 20),
    ("golang-go4-dev", r"\.heic$", 2),
    ("golang-github-bep-gowebp-dev", r"\.webp$", 5),
    ("desktop-base", r"\.(svg|png|jpg)$", 14),
    ("tango-icon-theme", r"/(scalable|32x32)/.*\.(svg|png)$", 14),
    ("gnome-backgrounds", r"\.(webp|jpg|png|jxl)$", 5),
    ("libjxl-testdata", r"\.jxl$", 8),
    ("libjxl-testdata", r"\.(gif|jpg|png)$", 16),
    # documents
    ("golang-gonum-v1-plot-dev", r"\.pdf$", 9),
    ("librust-sha1collisiondetection-dev", r"\.pdf$", 2),
    ("r-cran-tikzdevice", r"\.pdf$", 12),
]

# The --sample subset: small packages only, so a cold fetch downloads little. Round-robin over families.
SAMPLE_PACKAGES = ["sound-theme-freedesktop", "libpython3.11-testsuite", "jmagick6-docs", "golang-github-gabriel-vasile-mimetype-dev",
                   "golang-go4-dev", "libsdl2-image-tests", "whipper", "basic256", "gourmand", "saytime", "wx3.2-examples",
                   "python-pygame-doc", "gem-doc", "golang-golang-x-image-dev", "libsixel-examples", "mkvtoolnix-gui",
                   "gnome-mahjongg", "golang-gonum-v1-plot-dev", "k3b-data", "grandorgue", "librust-sha1collisiondetection-dev"]
SAMPLE_SIZE = 40
# Files the sample takes first in their family, for the quirks they carry: a rotated JPEG, 16-bit PNG with alpha, an
# animated GIF, a multi-page PDF, 24-bit WAV, A-law AIFC.
SAMPLE_PREFERRED = r"(exif_orientation_6\.jpg|basn6a16\.png|throbber\.gif|multipage_golden\.pdf|pluck-pcm24\.wav|pluck-alaw\.aifc)$"

def run(*args):
    return subprocess.run(args, capture_output=True, text=True, errors="replace")

def family(path):
    """The format family, from the content."""
    kind = run("file", "-b", path).stdout.strip()
    if kind.startswith("PDF"):
        return "pdf"
    if "SVG" in kind:
        return "svg"
    if "JPEG XL" in kind:
        return "jxl"
    for word, name in [("JPEG", "jpeg"), ("PNG", "png"), ("GIF", "gif"), ("Web/P", "webp"), ("TIFF", "tiff"), ("PC bitmap", "bmp"),
                       ("HEIF", "heic"), ("AVIF", "avif"), ("JPEG XL", "jxl")]:
        if kind.startswith(word) or (word in ("HEIF", "AVIF", "Web/P") and word in kind):
            return name
    if "JPEG XL" in kind or open(path, "rb").read(12)[:2] == b"\xff\x0a" or open(path, "rb").read(12)[4:12] == b"JXL \r\n\x87\n":
        return "jxl"
    probe = run("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path)
    if probe.returncode != 0:
        return "wav" if "WAVE" in kind else None
    data = json.loads(probe.stdout)
    fmt = data.get("format", {}).get("format_name", "")
    streams = data.get("streams", [])
    video = [s for s in streams if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")]
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    acodec = audio[0].get("codec_name", "") if audio else ""
    if fmt == "wav":
        return "wav"
    if fmt in ("flac", "mp3", "wv", "au", "flv", "avi"):
        return fmt
    if fmt == "aiff":
        return "aifc" if not acodec.startswith("pcm_s") or "AIFF-C" in kind else "aiff"
    if fmt == "ogg":
        return "ogg-theora" if video else ("ogg-opus" if acodec == "opus" else "ogg-vorbis")
    if fmt == "matroska,webm":
        container = "webm" if "WebM" in kind else "mkv"
        return container if video else container + "-" + acodec
    if fmt.startswith("mov,"):
        brand = data["format"].get("tags", {}).get("major_brand", "").strip()
        if brand.startswith("3g"):
            return "3gp"
        if brand in ("qt", ""):
            return "mov"
        return "mp4" if video else "m4a"
    if fmt == "mpeg":
        return "mpeg-ps"
    if fmt == "mpegvideo":
        return "mpeg-es"
    if fmt == "mpegts":
        return "mpegts"
    return None

def main(debs):
    rows, seen = [], set()
    by_package = {}
    for name in sorted(os.listdir(debs)):
        if name.endswith(".deb"):
            deb = os.path.join(debs, name)
            package = run("dpkg-deb", "-f", deb, "Package").stdout.strip()
            by_package[package] = deb
    with tempfile.TemporaryDirectory() as root:
        for package, pattern, limit in RULES:
            deb = by_package[package]
            version = run("dpkg-deb", "-f", deb, "Version").stdout.strip()
            target = os.path.join(root, package)
            if not os.path.isdir(target):
                subprocess.run(["dpkg-deb", "-x", deb, target], check=True)
            chosen = 0
            for directory, _, files in sorted(os.walk(target)):
                for file in sorted(files):
                    full = os.path.join(directory, file)
                    inner = os.path.relpath(full, target)
                    if chosen >= limit or not re.search(pattern, inner) or os.path.islink(full) or os.path.getsize(full) == 0:
                        continue
                    digest = hashlib.sha256(open(full, "rb").read()).hexdigest()
                    fam = family(full)
                    if digest in seen or fam is None:
                        continue
                    seen.add(digest)
                    chosen += 1
                    rows.append({"family": fam, "package": package, "version": version, "path": inner, "sha256": digest,
                                 "size": os.path.getsize(full)})
    # Sample ranks: round-robin over families, smallest files of the sample packages first.
    pools = {}
    for row in sorted(rows, key=lambda r: (not re.search(SAMPLE_PREFERRED, r["path"]), r["size"], r["path"])):
        if row["package"] in SAMPLE_PACKAGES:
            pools.setdefault(row["family"], []).append(row)
    rank = 0
    while rank < SAMPLE_SIZE and any(pools.values()):
        for fam in sorted(pools):
            if pools[fam] and rank < SAMPLE_SIZE:
                rank += 1
                pools[fam].pop(0)["sample"] = rank
    print("id\tfamily\tpackage\tversion\tpath\tsha256\tsize\tsample")
    names = {}
    for row in rows:
        base = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(row["path"]))
        ident = f"{row['package']}/{base}"
        names[ident] = names.get(ident, 0) + 1
        if names[ident] > 1:
            ident = f"{row['package']}/{names[ident]}-{base}"
        print("\t".join([ident, row["family"], row["package"], row["version"], row["path"], row["sha256"], str(row["size"]),
                         str(row.get("sample", 0))]))

if __name__ == "__main__":
    main(sys.argv[1])
