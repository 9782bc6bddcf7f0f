#!/usr/bin/env bash
# Kernel speed benchmark (issue 5): start to first result, trivial-cell round trip, 100-cell notebook
# through nbconvert, each beside Debian's ipykernel under the same client when it is installed (the
# peer). Uses the built jar and Debian's Jupyter (jupyter_client, nbconvert).
#   toolkit/bench/kernel.sh [RUNS]     (RUNS start-ups to time, default 5; NB_RUNS notebook runs, default 5)
# Prints one line per figure; the README quotes them with the machine they were measured on.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/toolkit/target/iommulab.jar
RUNS=${1:-5}
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

java -jar "$JAR" kernel install --prefix "$WORK/prefix" >/dev/null
export JUPYTER_PATH=$WORK/prefix/share/jupyter

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"

/usr/bin/python3 - "$RUNS" <<'PY'
import statistics, subprocess, sys, time
from jupyter_client.manager import KernelManager

runs = int(sys.argv[1])

def run_cell(kc, code):
    msg_id = kc.execute(code)
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return result

def warm_trips(kc):
    """Round trips of 200 trivial cells after 20 warm-up cells, in seconds."""
    for _ in range(20):
        run_cell(kc, "1 + 1")
    trips = []
    for i in range(200):
        s = time.perf_counter()
        assert run_cell(kc, "%d + 1" % i) == str(i + 1)
        trips.append(time.perf_counter() - s)
    return trips

ready, first = [], []
for _ in range(runs):
    km = KernelManager(kernel_name="iommulab")
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    t1 = time.perf_counter()
    assert run_cell(kc, "1 + 1") == "2"
    t2 = time.perf_counter()
    ready.append(t1 - t0)
    first.append(t2 - t0)
    if _ == runs - 1:
        trips = warm_trips(kc)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

def fmt(xs):
    return "median %.3f s (min %.3f, max %.3f, n=%d)" % (statistics.median(xs), min(xs), max(xs), len(xs))
print("kernel ready (kernel_info answered): " + fmt(ready))
print("kernel start to first result (1 + 1): " + fmt(first))
def trip_line(label, trips):
    trips = sorted(trips)
    return ("%s: median %.1f ms, p90 %.1f ms (n=%d, warm kernel)"
            % (label, 1000 * statistics.median(trips), 1000 * trips[int(0.9 * len(trips))], len(trips)))
print(trip_line("trivial cell round trip", trips))

# The peer under the same client: Debian's ipykernel, when its python3 kernelspec exists.
from jupyter_client.kernelspec import KernelSpecManager
if "python3" in KernelSpecManager().find_kernel_specs():
    km = KernelManager(kernel_name="python3")
    km.start_kernel(stderr=subprocess.DEVNULL)  # its debugger's start-up warnings
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    peer = warm_trips(kc)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print(trip_line("peer: ipykernel, trivial cell round trip", peer))
PY

# The notebooks: the benchmark's 100 cells and one cell, for this kernel and, as the peer under the
# same nbconvert, Debian's ipykernel (same arithmetic in Python) when its python3 kernelspec exists.
# Every round runs each command once, in an order that alternates between rounds, so a machine whose
# speed drifts over minutes slows every command alike; whole-process wall times, medians reported.
/usr/bin/python3 - "$WORK" "$JAR" "${NB_RUNS:-5}" <<'PY'
import json, os, statistics, subprocess, sys, time
work, jar, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def notebook(path, kernel, language, source, n):
    cells = [{"cell_type": "code", "id": "c%03d" % i, "metadata": {}, "execution_count": None,
              "outputs": [], "source": source(i)} for i in range(n)]
    nb = {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
          "metadata": {"kernelspec": {"name": kernel, "display_name": kernel, "language": language}}}
    json.dump(nb, open(path, "w"))
    return path
java = lambda i: "int x%d = %d;\nx%d * 2" % (i, i, i)
python = lambda i: "x%d = %d\nx%d * 2" % (i, i, i)
j100 = notebook(work + "/100cells.ipynb", "iommulab", "java", java, 100)
j1 = notebook(work + "/1cell.ipynb", "iommulab", "java", java, 1)
nbconvert = ["/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute", "--output-dir", work + "/out"]
c1 = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
commands = [
    ("100-cell notebook through nbconvert (process start to exit)", nbconvert + [j100]),
    ("1-cell notebook through nbconvert", nbconvert + [j1]),
    ("100-cell notebook through the headless runner (java start to exit)",
     ["java", "-jar", jar, "notebook", "run", j100, "--out", work + "/headless"]),
    ("100-cell notebook through the headless runner, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
     ["java"] + c1 + ["-jar", jar, "notebook", "run", j100, "--out", work + "/headless-c1"]),
]
from jupyter_client.kernelspec import KernelSpecManager
if "python3" in KernelSpecManager().find_kernel_specs():
    p100 = notebook(work + "/py100cells.ipynb", "python3", "python", python, 100)
    p1 = notebook(work + "/py1cell.ipynb", "python3", "python", python, 1)
    commands += [("peer: ipykernel, the same 100 cells in Python through nbconvert", nbconvert + [p100]),
                 ("peer: ipykernel, 1-cell notebook through nbconvert", nbconvert + [p1])]
times = {label: [] for label, _ in commands}
for r in range(rounds):
    for label, cmd in (commands if r % 2 == 0 else commands[::-1]):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[label].append(time.perf_counter() - t0)
        if done.returncode != 0:
            sys.exit("failed (exit %d): %s" % (done.returncode, " ".join(cmd)))
for label, _ in commands:
    xs = times[label]
    print("%s: median %.2f s (min %.2f, max %.2f, n=%d)" % (label, statistics.median(xs), min(xs), max(xs), len(xs)))
PY
