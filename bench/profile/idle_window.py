#!/usr/bin/env python3
"""Summarizes a cpu_timeline.py file between two times (seconds from its start): the share of the two cores that was
idle (iowait counted apart), and the CPU ticks (1/100 s) of the process's thread groups and of the other processes.

Usage: idle_window.py TIMELINE FROM TO"""
import collections, re, sys

path, since, until = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
machine, cpu = collections.Counter(), collections.Counter()
for line in open(path):
    head, rest = line.split("|", 1)
    server, other = rest.split("||")
    parts = head.split()
    at = float(parts[0])
    if at <= since or at > until:
        continue
    for item in parts[1:]:
        key, value = item.split("=")
        machine[key] += int(value)
    for key, value in re.findall(r"\s*(.+?)=(\d+)", server):
        cpu["server: " + key] += int(value)
    for key, value in re.findall(r"\s*(.+?)=(\d+)", other):
        cpu["other: " + key] += int(value)
total = sum(machine.values()) or 1
print(f"{since:.2f}-{until:.2f} s: idle {100 * machine['idle'] / total:.1f} %, iowait {100 * machine['iow'] / total:.1f} %, "
      f"busy {100 * (machine['user'] + machine['sys']) / total:.1f} % of {total} core-ticks")
for key, value in cpu.most_common(12):
    print(f"  {key}: {value}")
