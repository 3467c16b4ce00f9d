#!/usr/bin/env bash
# Draws bench/ratios.png: one bar per figure of bench/RESULTS.md (its latest row; figures that differ only in their
# numbers, such as a quick 64 MiB run and a full 1024 MiB one, count as one), height = the ratio MediaVault/peer on a
# log scale, with a red mark at the figure's target where one is set below: green bars meet it, orange ones do not,
# grey ones have no target. Usage: bench/plot.sh
set -euo pipefail
cd "$(dirname "$0")"
. ../scripts/prereqs.sh
ensure_packages gnuplot:gnuplot-nox python3:python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - RESULTS.md "$work/ratios.dat" <<'PY'
import re, sys

# Targets: (pattern in the figure's text, comparison, ratio). Figures without one are drawn grey.
TARGETS = [
    (r"4 KiB signed GET", ">=", 0.5),
    (r"^list p99", "<=", 1.2),
    (r"upload → ready", "<=", 2.0),
    (r"RSS growth", "<", 1.0),
    (r"upload \(tus-js-client", ">=", 2.5),
]
latest = {}
for line in open(sys.argv[1], encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 7 or not re.match(r"\d{4}-\d\d-\d\d$", cells[0]):
        continue
    figure, ratio = cells[3], float(cells[6].strip("*"))
    latest[re.sub(r"\d+(\.\d+)?", "N", figure)] = (figure, ratio, cells[0], cells[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, (figure, ratio, date, commit) in enumerate(latest.values()):
        target = next(((op, value) for pattern, op, value in TARGETS if re.search(pattern, figure)), None)
        label = re.sub(r"\s*\((lower|higher) is better\)|;\s*(lower|higher) is better|,? wrk[^,]*", "", figure)
        label = label.replace("server RSS growth during a", "RSS growth,").replace("GET /v2/media?limit=20 (page 1 with total)", "page 1 with total")
        label = (label[:64] + "…" if len(label) > 65 else label) + (f" [{target[0]} {target[1]:g}]" if target else "")
        if target is None:
            color = 0x999999
        else:
            ok = {">=": ratio >= target[1], "<=": ratio <= target[1], "<": ratio < target[1]}[target[0]]
            color = 0x3a9a3a if ok else 0xe08a1e
        label = label.replace('"', "'")
        print(f'{i} {max(ratio, 0.001)} {target[1] if target else "NaN"} "{label}" {color} {ratio:.2f}', file=out)
PY

gnuplot <<GNUPLOT
set terminal pngcairo noenhanced size 1600,900 font "sans,10"
set output "ratios.png"
set title "MediaVault / peer, latest row of each figure in bench/RESULTS.md (red: target)"
set ylabel "ratio MediaVault / peer (log scale)"
set logscale y
set yrange [0.001:*]
set grid ytics
set boxwidth 0.7
set style fill solid 0.85 border -1
set xtics rotate by 35 right nomirror
set bmargin 22
set lmargin 12
set key off
plot "$work/ratios.dat" using 1:2:5:xtic(4) with boxes lc rgb variable, \
     "" using (\$1 - 0.4):3:(0.8):(0) with vectors nohead lw 3 lc rgb "red", \
     "" using 1:2:6 with labels offset 0,0.8 font "sans,9"
GNUPLOT
echo "wrote bench/ratios.png ($(wc -l <"$work/ratios.dat") figures)"
