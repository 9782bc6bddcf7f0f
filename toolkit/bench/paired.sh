#!/usr/bin/env bash
# Paired, interleaved whole-process timing of two or more iommulab jars on one input: every round runs
# each jar once (the order alternates between rounds), so a machine whose speed drifts over minutes
# slows every jar alike. Prints each jar's wall times in seconds and their median.
#   toolkit/bench/paired.sh ROUNDS FILE JAR... [-- PARSE_ARGS...]
# PARSE_ARGS default to: --tool perf-stat --format summary. Example (the README's 1 GB comparison):
#   toolkit/bench/paired.sh 4 toolkit/target/bench-data/perf-stat-csv-s10.csv /tmp/before.jar toolkit/target/iommulab.jar
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,7p' "$0" >&2; exit 1; }
rounds=$1 file=$2; shift 2
jars=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do jars+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--tool perf-stat --format summary)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $file ($(stat -c %s "$file") bytes), $rounds rounds, java -Xmx1g -jar JAR parse ${args[*]}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for r in $(seq "$rounds"); do
  order=("${jars[@]}")
  if [ $((r % 2)) = 0 ]; then   # reverse the order every other round
    order=(); for ((i = ${#jars[@]} - 1; i >= 0; i--)); do order+=("${jars[i]}"); done
  fi
  for jar in "${order[@]}"; do
    s=$(date +%s%N)
    java -Xmx1g -jar "$jar" parse "${args[@]}" "$file" >/dev/null
    e=$(date +%s%N)
    echo "$jar $(( (e - s) / 1000000 ))" >> "$out"
  done
done
for jar in "${jars[@]}"; do
  runs=$(awk -v jar="$jar" '$1 == jar { printf " %.2f", $2 / 1000 }' "$out")
  median=$(awk -v jar="$jar" '$1 == jar { print $2 / 1000 }' "$out" | sort -n |
    awk '{ t[NR] = $1 } END { printf "%.2f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  echo "$jar: median $median s; runs in order:$runs"
done
