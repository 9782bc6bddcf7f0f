#!/usr/bin/python3
"""Independent oracle for the golden tests: writes FIXTURE.csv beside every FIXTURE.txt.

Deliberately written differently from the Java parser (one regular expression per line shape,
json.loads for -j, the locale taken from the fixture's name) so that both must agree on the
expected table.  Run from this folder: /usr/bin/python3 expected.py
"""
import csv, glob, json, re, struct
from decimal import Decimal

COLS = "run,interval_s,aggr,aggr_cpus,event,value,unit,status,run_pct,variance_pct,metric_value,metric_unit,elapsed_s,line".split(",")
SEPS = {"csv-semicolon-de_DE": ";", "csv-space": " ", "csv-tab": "\t", "csv-space-interval-no-aggr": " ",
        "csv-semicolon-interval-de_DE": ";", "csv-colon-tracepoint": ":"}
# comm-tid: perf prints "%16s-%-8d"; the kernel keeps at most 15 characters of a command name, spaces included
AGGR = r"(?:CPU\d+|S\d+(?:-[DC]\d+)*|N\d+|\S[^\n]{0,14}?-\d+)"
HUMAN = re.compile(
    r"^\s*(?:(?P<ts>\d+\.\d{9})\s+)?"
    r"(?:(?P<aggr>" + AGGR + r")\s+(?:(?P<cpus>\d+)\s+)?)?"
    r"(?P<val><not counted>|<not supported>|\d[\d.,\u202f\u00a0\u2019]*)"
    r"(?: (?P<unit>[A-Za-z]+)(?= +\S))?\s+"
    r"(?P<ev>\S+(?: \S+)*?)"
    r"(?: (?P<note><---.*?))?"
    r"(?:\s+#\s+(?P<mv>[\d.,]+)%?\s+(?P<mu>\S+(?: \S+)*))?"
    r"(?:\s+\((?P<pct>[\d.]+)%\))?"
    r"(?:\s+\( \+-\s*(?P<var>[\d.,]+)% \))?\s*$")
ELAPSED = re.compile(r"^\s*([\d.,]+)(?: \+- [\d.,]+)? seconds time elapsed")
WALL = re.compile(r"^\s*Wall-clock time elapsed:\s+([\d.]+) msecs")


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def fmt(x, single=False):
    if x is None:
        return ""
    if single:
        # shortest text that reads back as the same float32 (what Java's Float.toString prints)
        for digits in range(1, 10):
            t = "%.*g" % (digits, x)
            if f32(float(t)) == f32(x):
                x = float(t)
                break
    if x == int(x) and abs(x) < 2 ** 53:
        return str(int(x))
    return format(Decimal(repr(x)).normalize(), "f")


def num(text, de=False, grouped=False):
    # fr_FR and ru_RU group with U+202F, de_CH with U+2019: never a decimal mark
    text = re.sub("[\u202f\u00a0\u2019]", "", text)
    if de:
        text = text.replace(".", "").replace(",", ".") if grouped else text.replace(",", ".")
    elif grouped:
        text = text.replace(",", "")
    return float(text)


def status(v):
    return {"<not counted>": "not-counted", "<not supported>": "not-supported"}.get(v, "counted")


def parse(path):
    name = path[:-4]
    de = any(loc in name for loc in ("de_DE", "fr_FR", "ru_RU"))  # decimal comma locales
    if name == "shared-perf-csv-sw":
        name = "shared-perf-csv-sw"
    fresh_start = False
    rows, run, started_rows, in_block, seen_any, closed, header_done = [], 0, 0, False, False, False, True
    lines = open(path, encoding="utf-8").read().split("\n")
    for no, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not header_done:
            header_done = line.rstrip().endswith(":")
            continue
        if "Performance counter stats for" in line and "'" in line:
            interval_rows = any(r[1] != "" for r in rows[started_rows:])
            fresh = fresh_start and len(rows) == started_rows
            if (seen_any or closed) and not (interval_rows and not closed) and not fresh:
                run += 1
                started_rows = len(rows)
            seen_any, closed, in_block = True, False, True
            header_done = line.rstrip().endswith(":")
            continue
        if line.startswith("# started on"):
            if seen_any or closed:
                run += 1
                started_rows = len(rows)
            seen_any, closed, fresh_start = True, False, True
            continue
        m = ELAPSED.match(line) or WALL.match(line)
        if m:
            secs = num(m.group(1), de)
            if m.re is WALL:
                secs /= 1000
            for r in rows[started_rows:]:
                r[12] = fmt(secs)
            closed, in_block = True, False
            continue
        if closed and line.strip() and not re.search(r"seconds (user|sys)", line):
            if re.match(r"^\s*[\d{<]", line):
                run += 1
                started_rows = len(rows)
                closed, seen_any = False, False
        row = None
        # -o --append files whose runs differ in form: a run's counter lines are CSV when comma-split
        mixed_csv = name.startswith("append-") and not line.startswith(" ") and line.count(",") >= 4
        if line.startswith("{"):
            if de:
                # perf -j under a decimal-comma locale: bare numbers such as 100,00 (not JSON)
                line = re.sub(r"(?<=\d),(?=\d)", ".", line)
            # --metric-only -I -j prints {"interval" : T}{"metric-value" : ""}... on one line
            o, _ = json.JSONDecoder().raw_decode(line)
            if "event" in o:
                aggr = "CPU" + o["cpu"] if "cpu" in o else next((o[k] for k in ("core", "socket", "die", "node", "thread") if k in o), "")
                v = o["counter-value"]
                mv = o.get("metric-value")
                row = [o.get("interval"), aggr, o.get("aggregate-number"), o["event"],
                       None if v.startswith("<") else float(v), o["unit"], status(v),
                       o["pcnt-running"], o.get("variance"),
                       mv if o.get("metric-unit", "") != "" or mv else None, o.get("metric-unit", "")]
                if row[9] == 0.0 and o.get("metric-unit", "") in ("", "(null)"):
                    # perf's "(null)" unit of duration_time and friends: the text forms print no metric
                    row[9], row[10] = None, ""
        elif name == "csv-comma-de_DE":
            # -x, under a decimal-comma locale: the two-decimal value and share are split by the separator
            m = re.match(r"^(\d+(?:,\d\d(?=,[A-Za-z]))?),([A-Za-z]*),([^,]+),(\d+),(\d+,\d\d),([^,]*),(.*)$", line)
            if m:
                v, unit, ev, _, pct, mv, mu = m.groups()
                row = [None, "", None, ev, num(v, True), unit, "counted", num(pct, True), None,
                       num(mv, True) if mv else None, mu]
        elif mixed_csv or not name.startswith("append-") and (
                name.startswith("csv") or "-csv" in name or name == "shared-perf-csv-sw"):
            sep = SEPS.get(name, ",")
            f = line.strip(" ").split(sep) if line.strip() else []
            if len(f) >= 5:
                ts = aggr = cpus = None
                if re.fullmatch(r"\s*(\d+\.\d{9}|summary)", f[0]):
                    ts = None if f[0].strip() == "summary" else float(f[0])
                    f = f[1:]
                if "per-thread" in name:
                    # a thread's name may hold the separator: the label runs to perf's "-TID"
                    while not re.search(r"-\d+$", f[0]) and len(f) > 7:
                        f = [f[0] + sep + f[1]] + f[2:]
                if not re.fullmatch(r"<not .*>|[\d.,]+", f[0]):
                    aggr = f[0]
                    f = f[1:]
                    if re.fullmatch(r"S\d+(-[DC]\d+)*|N\d+", aggr):
                        cpus = int(f[0])
                        f = f[1:]
                # perf does not quote an event holding the separator (PMU terms under -x, a tracepoint
                # under -x:): the event runs up to the optional variance, the runtime and the percent
                j = next((j for j in range(3, len(f) - 1)
                          if re.fullmatch(r"\d+", f[j]) and re.fullmatch(r"\d+[.,]\d+", f[j + 1])), None)
                if j is None:
                    continue  # no runtime and percent: a workload's line (qemu-io's -C line, say)
                if f[j - 1].endswith("%") and j > 3 and re.fullmatch(r"[\d.,]+%", f[j - 1]):
                    f = f[:2] + [sep.join(f[2:j - 1])] + f[j - 1:]
                else:
                    f = f[:2] + [sep.join(f[2:j])] + f[j:]
                var = None
                if f[3].endswith("%"):
                    var = num(f[3][:-1], de)
                    f = f[:3] + f[4:]
                v = f[0]
                mv = f[5] if len(f) > 5 and f[5] != "" else None
                mu = sep.join(f[6:]).strip() if len(f) > 6 else ""
                row = [ts, aggr or "", cpus, f[2], None if v.startswith("<") else num(v, de), f[1], status(v),
                       num(f[4], de), var, None if mv is None else num(mv, de), mu]
        else:
            m = HUMAN.match(line)
            if m and not re.search(r"\(\S+\) #+\s*$", line) and (in_block or m.group("ts") or m.group("aggr")) and not ELAPSED.match(line):
                v = m.group("val")
                g = lambda k: m.group(k)
                row = [float(g("ts")) if g("ts") else None, g("aggr") or "", int(g("cpus")) if g("cpus") else None,
                       g("ev"), None if v.startswith("<") else num(v, de, grouped=True), g("unit") or "", status(v),
                       float(g("pct")) if g("pct") else 100.0, num(g("var"), de) if g("var") else None,
                       num(g("mv"), de) if g("mv") else None, g("mu") or ""]
        if row is not None:
            ts, aggr, cpus, ev, val, unit, st, pct, var, mv, mu = row
            rows.append([str(run), fmt(ts), aggr, "" if cpus is None else str(cpus), ev, fmt(val), unit, st,
                         fmt(pct, True), fmt(var, True), fmt(mv, True), mu, "", str(no)])
            seen_any = True
    with open(name + ".csv", "w", newline="") as out:
        for row in [COLS] + rows:
            out.write(",".join(cell(v) for v in row) + "\n")


def cell(v):
    """A CSV field quoted as Apache Commons CSV's minimal mode does: also when it starts with a
    character up to '#' (its comment marker) or ends with a space."""
    if v and (v[0] <= "#" or v[-1] <= " " or any(c in v for c in ',"\r\n')):
        return '"' + v.replace('"', '""') + '"'
    return v


for p in sorted(glob.glob("*.txt")):
    parse(p)
