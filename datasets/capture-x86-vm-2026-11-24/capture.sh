#!/bin/sh
# Remakes this dataset's runs (see README.md). Run from the repository root after
# `mvn -q -DskipTests package`, into a fresh record made with `iommulab record new`.
set -eu
REC=${1:-datasets/capture-x86-vm-2026-11-24}
IMG=${IMG:-/var/tmp/iommulab-capture.img}
TOTAL=$((8 * 1024 * 1024))
[ -f "$IMG" ] || dd if=/dev/urandom of="$IMG" bs=1M count=64 status=none
for rep in 1 2 3; do
  for target in file null-co; do
    for bs in 4096 16384 65536 262144 1048576; do
      set --
      off=0
      while [ "$off" -lt "$TOTAL" ]; do
        set -- "$@" -c "read $off $bs"
        off=$((off + bs))
      done
      if [ "$target" = file ]; then
        set -- qemu-io -f raw -n "$@" "$IMG"
      else
        set -- qemu-io -f raw "$@" null-co://
      fi
      java -jar toolkit/target/iommulab.jar capture --record "$REC" --label "$target-$bs-rep$rep" \
        --set target="$target" --set block_size_bytes="$bs" --set total_bytes="$TOTAL" --set repeat="$rep" \
        --progress 0 -- perf stat -e task-clock,context-switches,cpu-migrations,page-faults,minor-faults,major-faults -- "$@" \
        > /dev/null
    done
  done
done
