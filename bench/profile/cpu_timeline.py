#!/usr/bin/env python3
"""Samples where two cores' time goes, every 50 ms, until STOP_FILE exists: the machine's user / system / idle /
iowait ticks, one process's CPU ticks per thread name (".NET TP Worker", "libvips worker", …), and every other process's
CPU ticks per command name. One line per sample; summarize with idle_window.py.

Usage: cpu_timeline.py PID OUT STOP_FILE      (used by thumbnails-idle.sh)"""
import os, sys, time

pid, out, stop = sys.argv[1], open(sys.argv[2], "w"), sys.argv[3]


def machine():
    user, nice, system, idle, iowait, irq, softirq = map(int, open("/proc/stat").readline().split()[1:8])
    return user + nice, system + irq + softirq, idle, iowait


def ticks(stat):
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    return name, int(fields[11]) + int(fields[12])


def threads():
    found = {}
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                found[tid] = ticks(open(f"/proc/{pid}/task/{tid}/stat").read())
            except OSError:
                pass
    except OSError:
        pass
    return found


def others():
    found = {}
    for other in os.listdir("/proc"):
        if other.isdigit() and other != pid:
            try:
                found[other] = ticks(open(f"/proc/{other}/stat").read())
            except OSError:
                pass
    return found


def grouped(now, before):
    by = {}
    for key, (name, value) in now.items():
        delta = value - before.get(key, (name, 0))[1]
        if delta:
            by[name] = by.get(name, 0) + delta
    return " ".join(f"{name}={value}" for name, value in sorted(by.items()))


start = time.time()
m0, t0, o0 = machine(), threads(), others()
while not os.path.exists(stop):
    time.sleep(0.05)
    m1, t1, o1 = machine(), threads(), others()
    user, system, idle, iowait = (a - b for a, b in zip(m1, m0))
    out.write(f"{time.time() - start:.3f} user={user} sys={system} idle={idle} iow={iowait} | {grouped(t1, t0)} || {grouped(o1, o0)}\n")
    m0, t0, o0 = m1, t1, o1
