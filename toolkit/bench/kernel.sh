#!/usr/bin/env bash
# Kernel speed benchmark (issue 5): start to first result, trivial-cell round trip, 100-cell notebook
# through nbconvert. Uses the built jar and Debian's Jupyter (jupyter_client, nbconvert).
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
import statistics, sys, time
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
        for _ in range(20):
            run_cell(kc, "1 + 1")
        trips = []
        for i in range(200):
            s = time.perf_counter()
            assert run_cell(kc, "%d + 1" % i) == str(i + 1)
            trips.append(time.perf_counter() - s)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

def fmt(xs):
    return "median %.3f s (min %.3f, max %.3f, n=%d)" % (statistics.median(xs), min(xs), max(xs), len(xs))
print("kernel ready (kernel_info answered): " + fmt(ready))
print("kernel start to first result (1 + 1): " + fmt(first))
trips.sort()
print("trivial cell round trip: median %.1f ms, p90 %.1f ms (n=%d, warm kernel)"
      % (1000 * statistics.median(trips), 1000 * trips[int(0.9 * len(trips))], len(trips)))
PY

/usr/bin/python3 - "$WORK/100cells.ipynb" <<'PY'
import json, sys
cells = [{"cell_type": "code", "id": "c%03d" % i, "metadata": {}, "execution_count": None, "outputs": [],
          "source": "int x%d = %d;\nx%d * 2" % (i, i, i)} for i in range(100)]
nb = {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
      "metadata": {"kernelspec": {"name": "iommulab", "display_name": "iommulab (Java)", "language": "java"}}}
json.dump(nb, open(sys.argv[1], "w"))
PY
# Whole-process wall times vary by a second from run to run on a shared 2-CPU VM: report the median.
timed() {   # timed LABEL COMMAND...: runs the command NB_RUNS times, prints median (min, max)
  label=$1; shift
  for _ in $(seq "$NB_RUNS"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | sort -n | awk -v label="$label" '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%s: median %.2f s (min %.2f, max %.2f, n=%d)\n", label, m, t[1], t[NR], NR }'
}
NB_RUNS=${NB_RUNS:-5}
timed "100-cell notebook through nbconvert (process start to exit)" \
  /usr/bin/jupyter nbconvert --to notebook --execute --output-dir "$WORK/out" "$WORK/100cells.ipynb"
timed "100-cell notebook through the headless runner (java start to exit)" \
  java -jar "$JAR" notebook run "$WORK/100cells.ipynb" --out "$WORK/headless"
timed "100-cell notebook through the headless runner, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" notebook run "$WORK/100cells.ipynb" --out "$WORK/headless-c1"
