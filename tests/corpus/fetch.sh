#!/usr/bin/env bash
# Fetches the real-media corpus listed in tests/corpus/manifest.tsv from Debian packages into the git-ignored
# tests/corpus/.cache/files/<id>, checking each file's sha256.
#   tests/corpus/fetch.sh             every file of the manifest
#   tests/corpus/fetch.sh --sample [N] the deterministic subset ranked 1..N in the manifest's `sample` column (default 40),
#                                     drawn from a few small packages and covering every family
# Idempotent: a file already in the cache with the right sha256 is kept, a package is downloaded once (.cache/debs).
# A package whose listed version can no longer be downloaded is fetched at its current version; any file whose
# content then differs is skipped and reported (exit status stays 0: the harness measures what it has).
# Writes .cache/fetched.tsv: the ids present and verified, which is what the harness reads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$here/.cache"
manifest="$here/manifest.tsv"
sample=0
case "${1:-}" in
  --sample) sample="${2:-40}" ;;
  "" | --full) ;;
  *) echo "usage: $0 [--sample [N]]" >&2; exit 2 ;;
esac

mkdir -p "$cache/debs" "$cache/files"
wanted="$cache/wanted.tsv"
# Columns: 1 id, 2 family, 3 package, 4 version, 5 path, 6 sha256, 7 size, 8 sample rank.
awk -F'\t' -v n="$sample" 'NR > 1 && (n == 0 || ($8 > 0 && $8 <= n))' "$manifest" > "$wanted"

verified() { [ -f "$cache/files/$1" ] && [ "$(sha256sum "$cache/files/$1" | cut -d' ' -f1)" = "$2" ]; }

updated=0
download() { # package version -> path of the .deb in the cache (or nothing)
  local package="$1" version="$2" deb
  deb=$(ls "$cache/debs/${package}_"*.deb 2>/dev/null | head -n1 || true)
  if [ -n "$deb" ]; then echo "$deb"; return; fi
  for attempt in listed current; do
    local spec="$package=$version"
    [ "$attempt" = current ] && spec="$package"
    if (cd "$cache/debs" && apt-get download -q "$spec" >/dev/null 2>&1); then
      [ "$attempt" = current ] && echo "corpus: $package $version is no longer served; using the current version" >&2
      ls "$cache/debs/${package}_"*.deb | head -n1
      return
    fi
    if [ "$updated" = 0 ]; then
      updated=1
      apt-get update -q >/dev/null 2>&1 || true
      if (cd "$cache/debs" && apt-get download -q "$spec" >/dev/null 2>&1); then
        ls "$cache/debs/${package}_"*.deb | head -n1
        return
      fi
    fi
  done
  echo "corpus: cannot download $package" >&2
}

missing=0
skipped=0
for package in $(cut -f3 "$wanted" | sort -u); do
  rows=$(awk -F'\t' -v p="$package" '$3 == p' "$wanted")
  need=""
  while IFS=$'\t' read -r id _ _ _ path sha _ _; do
    verified "$id" "$sha" || need="$need$path"$'\n'
  done <<< "$rows"
  [ -z "$need" ] && continue
  version=$(head -n1 <<< "$rows" | cut -f4)
  deb=$(download "$package" "$version")
  if [ -z "$deb" ]; then
    missing=$((missing + $(grep -c . <<< "$need")))
    continue
  fi
  work=$(mktemp -d)
  # Only the listed paths are unpacked (some packages are large).
  mapfile -t paths < <(grep . <<< "$need" | sed 's|^|./|')
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" "${paths[@]}" 2>/dev/null || true
  while IFS=$'\t' read -r id _ _ _ path sha _ _; do
    verified "$id" "$sha" && continue
    if [ ! -f "$work/$path" ]; then
      echo "corpus: $id: $path is not in $(basename "$deb")" >&2
      skipped=$((skipped + 1))
      continue
    fi
    if [ "$(sha256sum "$work/$path" | cut -d' ' -f1)" != "$sha" ]; then
      echo "corpus: $id: content changed in $(basename "$deb") (package version changed?); skipped" >&2
      skipped=$((skipped + 1))
      continue
    fi
    mkdir -p "$(dirname "$cache/files/$id")"
    cp "$work/$path" "$cache/files/$id"
  done <<< "$rows"
  rm -rf "$work"
done

: > "$cache/fetched.tsv.new"
# Every verified file of the manifest, so files fetched by an earlier (larger) run stay usable.
while IFS=$'\t' read -r id _ _ _ _ sha _ _; do
  if verified "$id" "$sha"; then printf '%s\n' "$id" >> "$cache/fetched.tsv.new"; fi
done < <(tail -n +2 "$manifest")
mv "$cache/fetched.tsv.new" "$cache/fetched.tsv"
echo "corpus: $(grep -c . "$cache/fetched.tsv" || true) files ready in $cache/files ($skipped skipped, $missing not downloadable)"
