#!/usr/bin/python3
"""Independent derivation of the expected tables for the stackcount fixtures (see README.md).

Written with regular expressions from the documented output shapes, without looking at the Java
parser's code, so that the golden test compares two separate readings of the same text.
Usage: /usr/bin/python3 expected.py FIXTURE.txt ...   (writes FIXTURE.csv beside each)
"""
import ast
import csv
import re
import sys

FRAME = re.compile(r"^  (\S.*)$")
COUNT = re.compile(r"^    (\d+)$")
PROC = re.compile(r"^    (.*) \[(\d+)\]$")
ADDR = re.compile(r"^([0-9a-f]+) +(\S.*)$")
TIME = re.compile(r"^\d\d:\d\d:\d\d *$")
# bpftrace time() with a format of one's own, e.g. time("%Y-%m-%d %H:%M:%S\n"): a date and a time
DATETIME = re.compile(r"^\d[\d\-/. T]*\d\d:\d\d:\d\d[\d.]* *$")
FOLDED = re.compile(r"^(.*) (\d+)$")
MAP_ENTRY = re.compile(r"^@[^\[]*\[(.*)\]: (\d+)$")
MAP_OPEN = re.compile(r"^@[^\[]*\[(.*)$")
MAP_CLOSE = re.compile(r"^,?(.*)\]: (\d+)$")
# any bpftrace entry "KEY: VALUE" on one line (bpftrace's map_keyval_to_str): the value may be a number,
# "count N, average N, total N" (stats()), text, or nothing when a histogram or a stack follows below
MAP_ANY = re.compile(r"^@[^\[]*\[(.*?)\]:(?: (.*))?$")
STATS = re.compile(r"^count -?\d+, average -?\d+, total -?\d+$")
VALUE_LINE = re.compile(r"^([\[(].*\||[ \t]+\S.*)$")  # hist()/lhist() bucket, or a frame of a stack value
PERF_FRAME = re.compile(r"^\t[0-9a-f]+ (\S.*)$")  # kstack(perf)/ustack(perf): "\tADDR SYMBOL+OFF" or "\tADDR SYM (MODULE)"


def unquote(name):
    m = re.match(r"^b(['\"])(.*)\1$", name)
    if not m:
        return name
    try:  # Python's own reading of its bytes repr; the bytes are the comm's UTF-8
        return ast.literal_eval(name).decode("utf-8", "replace")
    except (SyntaxError, ValueError):
        return m.group(2)


def strip_address(text):
    m = ADDR.match(text)
    # bcc -v prints "%-16x " before the symbol: 16 columns then one space
    if m and len(text) - len(m.group(2)) == max(16, len(m.group(1))) + 1:
        return m.group(2)
    return text


def row(rows, interval, process, pid, count, frames, user_start, line):
    folded = []
    for i in range(len(frames) - 1, -1, -1):
        if user_start is not None and i == user_start - 1:
            folded.append("-")
        folded.append(frames[i])
    if user_start == 0:
        folded.append("-")
    rows.append([len(rows), interval, process, pid, count, len(frames),
                 frames[0] if frames else "", frames[-1] if frames else "", ";".join(folded), line])


def parse(lines):
    rows = []
    interval, started, prev, after_ctrl_c = -1, False, None, False
    bpf, folded_mode = False, False
    cur = None  # [frames, user_start, process, pid, first_line]
    map_name, last_map, last_count, has_entries, boundary = None, None, None, False, False
    printed = set()  # maps with rows in the current interval: one printed again means a new print()
    opened_by_blank = False
    skip = None  # after a non-stack entry: "lines" (its buckets or stack value, then ""), "blank" (stats())
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        ctrl_c = line.startswith("^C")
        if ctrl_c:
            line = line[2:]
        if skip is not None:
            if line == "":
                skip = None
                continue  # the map's own empty line, not an interval boundary
            if skip == "lines" and VALUE_LINE.match(line):
                continue
            skip = None
        kind = None
        if line.strip() == "":
            kind = "blank"
            if bpf:
                boundary = True
            elif not (folded_mode or not started or after_ctrl_c or prev in ("count", "time")):
                interval += 1
        elif line.startswith("Tracing ") and "Hit Ctrl-C to end." in line:
            started = True
        elif line.startswith("Attaching "):
            started, bpf = True, True
        elif line.startswith("Detaching..."):
            started = False
        elif TIME.match(line) or DATETIME.match(line):
            kind = "time"
            if bpf:
                interval = 0 if interval < 0 and not has_entries else interval + 1
                has_entries, boundary, last_map = False, False, None
                printed = set()
            elif not (prev == "blank" and opened_by_blank) or interval < 0:
                interval += 1
            started = True
        elif cur is not None and cur[5] and line.startswith(",") and not MAP_CLOSE.match(line):
            scalars(cur, line[1:])  # ", " between two stacks of one key: frames go on
        elif cur is not None and cur[5] and (line.startswith("]") or line.startswith(",")):
            m = MAP_CLOSE.match(line)
            scalars(cur, m.group(1))
            kind = "count"
            interval, has_entries, boundary, last_map, last_count = bpf_close(
                interval, has_entries, boundary, last_map, last_count, map_name, int(m.group(2)), printed)
            row(rows, interval, cur[2], cur[3], int(m.group(2)), cur[0], cur[1], cur[4])
            cur = None
        elif cur is not None and cur[5] and line.startswith("\t") and PERF_FRAME.match(line):
            cur[0].append(PERF_FRAME.match(line).group(1))
        elif cur is not None and cur[5] and line.startswith((" ", "\t")):
            cur[0].append(line.strip())
        elif line.startswith("@") and MAP_ANY.match(line) and all(
                t.strip() for t in MAP_ANY.match(line).group(1).split(",")):
            # a key of scalars only (@x[1234], @c[comm]): not a stack, no row, whatever the value
            value = MAP_ANY.match(line).group(2) or ""
            last_map = line[:line.index("[")]
            if value.strip() == "":
                skip = "lines"
            elif STATS.match(value):
                skip = "blank"
        elif line.startswith("@") and MAP_ENTRY.match(line):
            m = MAP_ENTRY.match(line)
            bpf, started = True, True
            map_name = line[:line.index("[")]
            cur = [[], None, "", "", n, False]
            scalars(cur, m.group(1))
            interval, has_entries, boundary, last_map, last_count = bpf_close(
                interval, has_entries, boundary, last_map, last_count, map_name, int(m.group(2)), printed)
            row(rows, interval, cur[2], cur[3], int(m.group(2)), cur[0], cur[1], cur[4])
            cur = None
        elif line.startswith("@") and MAP_OPEN.match(line):
            bpf, started = True, True
            map_name = line[:line.index("[")]
            cur = [[], None, "", "", n, True]
            scalars(cur, MAP_OPEN.match(line).group(1).rstrip(", "))
        elif COUNT.match(line):
            kind = "count"
            if cur is None:
                cur = [[], None, "", "", n, False]
            row(rows, max(interval, 0), cur[2], cur[3], int(COUNT.match(line).group(1)), cur[0], cur[1], cur[4])
            cur = None
        elif line == "    --":
            if cur is None:
                cur = [[], None, "", "", n, False]
            cur[1] = len(cur[0])
        elif PROC.match(line):
            m = PROC.match(line)
            if cur is None:
                cur = [[], None, "", "", n, False]
            cur[2], cur[3] = unquote(m.group(1)), int(m.group(2))
        elif FRAME.match(line):
            if cur is None:
                cur = [[], None, "", "", n, False]
                started = True
            cur[0].append(unquote(strip_address(FRAME.match(line).group(1))))
        elif (not line.startswith(" ") or (folded_mode and re.match(r"^ \d+$", line))) and FOLDED.match(
                line) and (";" in line or folded_mode):
            folded_mode, started = True, True
            m = FOLDED.match(line)
            parts = m.group(1).split(";")
            elements = []
            for p in parts:  # rejoin Java frames "Lpkg/Class;::method"
                if p.startswith("::") and elements:
                    elements[-1] += ";" + p
                else:
                    elements.append(p)
            process, rest = elements[0], elements[1:]
            user_start = None
            if "-" in rest:
                d = rest.index("-")
                user_start = len(rest) - 1 - d
                rest = rest[:d] + rest[d + 1:]
            row(rows, max(interval, 0), process, "", int(m.group(2)), list(reversed(rest)), user_start, n)
        opened_by_blank = kind == "blank" and prev != "count" and prev != "time"
        prev, after_ctrl_c = kind, ctrl_c and line == ""
    return rows


def scalars(cur, text):
    for token in [t.strip() for t in text.split(",") if t.strip()]:
        if token.isdigit() and cur[3] == "":
            cur[3] = int(token)
        elif cur[2] == "":
            cur[2] = token


def bpf_close(interval, has_entries, boundary, last_map, last_count, map_name, count, printed):
    # bpftrace prints entries in ascending order, a map's entries together: a drop in one map's values,
    # or a map coming back after another one, is the next print()
    if interval < 0:
        interval = 0
    elif has_entries and (boundary or (map_name == last_map and count < last_count)
                          or (map_name != last_map and map_name in printed)):
        interval += 1
        printed.clear()
    printed.add(map_name)
    return interval, True, False, map_name, count


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the final newline ends the last line, it does not start another
        rows = parse(lines)
        with open(re.sub(r"\.txt$", ".csv", path), "w", newline="") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["stack_id", "interval", "process", "pid", "count", "depth", "leaf", "root", "folded", "line"])
            w.writerows(rows)
