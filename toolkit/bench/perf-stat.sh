#!/bin/sh
# Benchmark of the perf stat parser against pandas, whole process, on the shared generator's inputs.
# Usage (from the project root, after `mvn -q -DskipTests package`):
#   toolkit/bench/perf-stat.sh [RUNS_100MB] [RUNS_1GB]
# Writes hyperfine's markdown tables to toolkit/target/bench-perf-stat-*.md.
set -eu
RUNS=${1:-5}
RUNS_BIG=${2:-3}
SHARED=${SHARED:-/work/shared/bench}
DATA=toolkit/target/bench-data
JAR=toolkit/target/iommulab.jar
mkdir -p "$DATA"
[ -f "$DATA/perf-stat-csv-s1.csv" ] && [ -f "$DATA/perf-stat-std-s1.txt" ] ||
  /usr/bin/python3 "$SHARED/gen.py" --scale 1 --only perf-csv,perf-std --out "$DATA"
[ -f "$DATA/perf-stat-csv-s10.csv" ] ||
  /usr/bin/python3 "$SHARED/gen.py" --scale 10 --only perf-csv --out "$DATA"
ls -l "$DATA"/perf-stat-*
java -version 2>&1 | head -1
/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'

ours() { echo "java -Xmx1g -jar $JAR parse --tool perf-stat --format summary $1"; }

# human-readable form, 100 MB: target at least 2x pandas
hyperfine --warmup 1 --runs "$RUNS" --export-markdown toolkit/target/bench-perf-stat-std.md \
  -n pandas-std "/usr/bin/python3 $SHARED/peers/pandas_perfstd.py $DATA/perf-stat-std-s1.txt" \
  -n iommulab-std "$(ours $DATA/perf-stat-std-s1.txt)"

# CSV, 100 MB
hyperfine --warmup 1 --runs "$RUNS" --export-markdown toolkit/target/bench-perf-stat-csv.md \
  -n pandas-csv "/usr/bin/python3 $SHARED/peers/pandas_perfcsv.py $DATA/perf-stat-csv-s1.csv" \
  -n iommulab-csv "$(ours $DATA/perf-stat-csv-s1.csv)"

# CSV, 1 GB: target at least 3x pandas with -Xmx1g
hyperfine --warmup 1 --runs "$RUNS_BIG" --export-markdown toolkit/target/bench-perf-stat-csv-1g.md \
  -n pandas-csv-1g "/usr/bin/python3 $SHARED/peers/pandas_perfcsv.py $DATA/perf-stat-csv-s10.csv" \
  -n iommulab-csv-1g "$(ours $DATA/perf-stat-csv-s10.csv)"

# peak memory of one run each
for f in perf-stat-std-s1.txt perf-stat-csv-s1.csv perf-stat-csv-s10.csv; do
  /usr/bin/time -f "$f iommulab %e s %M KB max RSS" sh -c "$(ours $DATA/$f) > /dev/null"
done
