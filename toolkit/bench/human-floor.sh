#!/bin/sh
# How close can any JVM parser get to the human-form target (2x pandas)? Times, whole process and
# interleaved by hyperfine: pandas, iommulab's parser, and HumanFormFloor (a lower bound that does
# a fraction of the parser's work, see its comment) with one and two threads, on the 100 MB human form.
# Usage (from the project root, after `mvn -q -DskipTests package`):
#   toolkit/bench/human-floor.sh [RUNS]
set -eu
RUNS=${1:-10}
SHARED=${SHARED:-../shared/bench}
DATA=toolkit/target/bench-data
F=$DATA/perf-stat-std-s1.txt
JAR=toolkit/target/iommulab.jar
[ -f "$F" ] || /usr/bin/python3 "$SHARED/gen.py" --scale 1 --only perf-std --out "$DATA"
CLASSES=toolkit/target/bench-classes
mkdir -p "$CLASSES"
javac -cp "$JAR" -d "$CLASSES" toolkit/bench/HumanFormFloor.java
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
java -cp "$JAR:$CLASSES" HumanFormFloor "$F"
hyperfine -N --warmup 1 --runs "$RUNS" --export-markdown toolkit/target/bench-human-floor.md \
  -n pandas "/usr/bin/python3 $SHARED/peers/pandas_perfstd.py $F" \
  -n iommulab "java -Xmx1g -jar $JAR parse --tool perf-stat --format summary $F" \
  -n floor-1-thread "java -Xmx1g -cp $JAR:$CLASSES HumanFormFloor $F 1" \
  -n floor-2-threads "java -Xmx1g -cp $JAR:$CLASSES HumanFormFloor $F 2" \
  -n java-start "java -Xmx1g -cp $JAR:$CLASSES HumanFormFloor /dev/null 1"
