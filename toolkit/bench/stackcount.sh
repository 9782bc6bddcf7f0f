#!/bin/bash
# Paired whole-process benchmark of `iommulab parse --tool stackcount` against the stack collapsers a
# performance engineer uses today (awk and Perl, from ../shared/bench/peers), on the generated
# 113 MB bcc stackcount text. Commands run interleaved (A B C A B C ...) after one discarded warm-up
# round, inputs in the page cache; prints the median (min-max) wall seconds, MB/s and peak RSS.
#
#   toolkit/bench/stackcount.sh [RUNS]        (from the project root; default 10 runs)
#   FLAMEGRAPH=DIR toolkit/bench/stackcount.sh [RUNS]   also runs DIR/stackcollapse.pl (FlameGraph)
#
# Needs: the jar (mvn -q -DskipTests package), /usr/bin/python3, mawk, perl, GNU time.
# FlameGraph is not a Debian package; with a checkout of brendangregg/FlameGraph its stackcollapse.pl
# is the peer the targets name.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
BENCH=${BENCH:-../shared/bench}
DATA=toolkit/target/bench-data
F=$DATA/stackcount-s1.txt
JAR=toolkit/target/iommulab.jar
[ -f "$F" ] || /usr/bin/python3 "$BENCH/gen.py" --scale 1 --only stackcount,folded --out "$DATA"
[ -f "$JAR" ] || mvn -q -ntp -DskipTests package
BYTES=$(stat -L -c %s "$F")

names=("iommulab parse --format summary" "iommulab parse --format folded" "mawk collapser" "Perl collapser")
cmds=("java -jar $JAR parse --tool stackcount --format summary $F"
      "java -jar $JAR parse --tool stackcount --format folded $F"
      "awk -f $BENCH/peers/collapse_stackcount.awk $F"
      "perl $BENCH/peers/collapse_stackcount.pl $F")
if [ -n "${FLAMEGRAPH:-}" ]; then
  names+=("FlameGraph stackcollapse.pl")
  cmds+=("perl $FLAMEGRAPH/stackcollapse.pl $F")
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input:   $F ($BYTES bytes, $(wc -l < "$F") lines)"
cat "$F" > /dev/null
for round in $(seq 0 "$RUNS"); do
  for i in "${!cmds[@]}"; do
    /usr/bin/time -f "%e %M" -o "$OUT/t" ${cmds[$i]} > /dev/null 2> "$OUT/err" || { cat "$OUT/err"; exit 1; }
    [ "$round" -eq 0 ] || cat "$OUT/t" >> "$OUT/$i"      # round 0 is the discarded warm-up
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n| command | median wall s (min-max) | MB/s | peak RSS MiB |\n|---|---:|---:|---:|\n'
for i in "${!cmds[@]}"; do
  sort -n "$OUT/$i" | awk -v name="${names[$i]}" -v bytes="$BYTES" '
    { t[NR] = $1; rss = ($2 > rss ? $2 : rss) }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "| %s | %.3f (%.3f-%.3f) | %.0f | %.0f |\n", name, m, t[1], t[NR], bytes / 1e6 / m, rss / 1024
    }'
done
java -jar "$JAR" parse --tool stackcount --format summary "$F"
