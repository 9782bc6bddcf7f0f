#!/bin/sh
# Times iommulab's analysis on a synthetic record of RUNS runs and a perf stat -I table of
# RUNS x 10 events x INTERVALS rows (defaults: 1000 runs, 10 million perf rows).
# Usage: toolkit/bench/analysis.sh [RUNS [INTERVALS]]   (build the jar first: mvn -q -DskipTests package)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/iommulab.jar"
[ -f "$jar" ] || { echo "no $jar: run 'mvn -q -ntp -DskipTests package' first" >&2; exit 1; }
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
exec java -Xmx4g -cp "$jar" iommulab.analysis.AnalysisBench "$@"
