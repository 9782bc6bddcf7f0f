#!/usr/bin/python3
"""Independent derivation of the expected CSV beside each qemu-io fixture.

Written from qemu's print formats (qemu-io-cmds.c print_report/timestr/cvtstr), not from the Java
parser: regular expressions per report shape and exact Decimal arithmetic for unit scaling.
Usage: ./expected.py FIXTURE.txt...  (writes FIXTURE.csv next to each; check the result by eye).
"""
import re
import sys
from decimal import Decimal

UNIT = {"bytes": 0, "KiB": 10, "MiB": 20, "GiB": 30, "TiB": 40, "PiB": 50, "EiB": 60}
HEAD = re.compile(r"^(read|wrote|discard) (\d+|X+)/(\d+|X+) bytes at offset (\d+|X+)$")
STATS = re.compile(r"^(?:[\d.]+|X+) \w+, (\d+|X) ops; (\S+)(?: sec)? \((\S+) (\w+)/sec and (\S+) ops/sec\)$")
TERSE = re.compile(r"^(\d+),(\d+),(\d+):(\d+):([\d.]+),([\d.]+),([\d.]+)$")


def canon(d):
    """Like TableCsv: integral values without a point, others plain decimal."""
    if d is None:
        return ""
    d = d.normalize()
    if d == d.to_integral_value():
        return str(int(d))
    return format(d, "f")


def seconds(text):
    if set(text) <= set("X:."):
        return None
    parts = text.split(":")
    total = Decimal(0)
    for p in parts:
        total = total * 60 + Decimal(p)
    return total


def rows(path):
    out = []
    pending = None
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for number, raw in enumerate(f.read().split("\n"), start=1):
            line = raw.rstrip("\r")
            while line.startswith("qemu-io>"):
                line = line[len("qemu-io>"):].lstrip(" ")
            m = HEAD.match(line)
            if m:
                op = {"read": "read", "wrote": "write", "discard": "discard"}[m.group(1)]
                pending = [op] + ["" if g.startswith("X") else g for g in (m.group(4), m.group(3), m.group(2))] + [number]
                continue
            m = STATS.match(line)
            if m:
                op, offset, requested, total, at = pending
                pending = None
                ops, t, rate, unit, opsrate = m.groups()
                filtered = ops == "X"
                bps = None if rate.startswith("X") else Decimal(rate) * 2 ** UNIT[unit]
                out.append([op, offset, requested, total, "" if filtered else ops,
                            canon(seconds(t)), canon(bps),
                            "" if opsrate.startswith("X") else canon(Decimal(opsrate)), str(at)])
                continue
            m = TERSE.match(line)
            if m:
                total, ops, h, mi, s, bps, opsrate = m.groups()
                secs = (int(h) * 60 + int(mi)) * 60 + Decimal(s)
                out.append(["", "", "", total, ops, canon(secs), canon(Decimal(bps)),
                            canon(Decimal(opsrate)), str(number)])
    return out


HEADER = "index,op,offset,requested_bytes,bytes,ops,seconds,bytes_per_second,ops_per_second,line"
for path in sys.argv[1:]:
    lines = [HEADER] + [",".join([str(i)] + r) for i, r in enumerate(rows(path))]
    with open(path[:-4] + ".csv", "w") as f:
        f.write("\n".join(lines) + "\n")
