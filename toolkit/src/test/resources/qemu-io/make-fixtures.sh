#!/bin/bash
# Re-creates the qemu-io fixtures of this folder (timings differ on every run, so re-running
# changes them: regenerate the expected CSVs with expected.py and re-check them afterwards).
# Needs qemu-utils; over-hour-faketime.txt also needs the faketime package.
set -u
out=$(cd "$(dirname "$0")" && pwd)
work=/tmp/qio
mkdir -p $work && cd $work || exit 1
rm -f disk.raw disk.qcow2
qemu-img create -q -f raw disk.raw 64M
qemu-img create -q -f qcow2 disk.qcow2 64M
cat > blkdebug.conf <<'CONF'
[inject-error]
event = "read_aio"
errno = "5"
once = "off"
CONF

qemu-io -c 'read 0 1G' null-co:// > $out/null-co-warning.txt 2>&1
qemu-io -f raw -c 'read 0 512' -c 'read 0 1536' -c 'write -P 0xab 0 64k' -c 'read -C 0 4k' \
  -c 'discard 0 64k' -c 'discard -C 0 64k' -c 'write -z 0 64k' -c 'readv 0 4k 4k' \
  -c 'writev -P 7 0 512 1k' -c 'write -C 0 4k' -c 'read 0 2G' disk.raw > $out/raw-many-commands.txt 2>&1
qemu-io --image-opts -c 'read 0 2147483136' -c 'read -C 0 2147483136' driver=null-co,size=4G \
  > $out/image-opts-2g.txt 2>&1
qemu-io --image-opts -c 'read 0 4k' driver=null-co,size=1M,latency-ns=61500000000 \
  > $out/over-minute.txt 2>&1
# qemu-io cannot be made to wait an hour here: libfaketime moves its clock 3725 s forward
# 1.5 s into a 3 s read, so qemu-io's own timestr/cvtstr print the over-an-hour forms.
echo "+0" > $work/ft
(sleep 1.5; echo "+3725s" > $work/ft) &
LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 FAKETIME_TIMESTAMP_FILE=$work/ft \
  FAKETIME_NO_CACHE=1 qemu-io --image-opts -c 'read 0 4k' -c 'read -C 0 4k' \
  driver=null-co,size=1M,latency-ns=3000000000 > $out/over-hour-faketime.txt 2>&1
wait
printf 'write -P 0x5a 0 8k\nread -v 0 48\nread -P 0x5a 0 8k\nread -P 0x11 0 4k\nlength\nquit\n' \
  | qemu-io -f raw disk.raw > $out/interactive-pipe.txt 2>&1
(sleep 0.5; echo 'read 0 4k'; sleep 0.5; echo 'read -v 0 16'; sleep 0.5; echo 'frobnicate'; sleep 0.5; echo 'quit') \
  | script -qc "qemu-io -f raw disk.raw" /dev/null > $out/interactive-tty.txt 2>&1
qemu-io -f raw -c 'aio_write -P 0x33 0 1M' -c 'aio_read 1M 4k' -c 'aio_read -C 0 64k' -c 'aio_flush' \
  -c 'aio_read -P 0x33 0 4k' -c 'aio_read -P 0x44 0 4k' -c 'aio_flush' disk.raw > $out/aio.txt 2>&1
qemu-io -f qcow2 -c 'write -P 0x1 0 64k' -c 'write -P 0x2 1M 128k' -c 'map' -c 'alloc 0 64k' \
  -c 'alloc 64k 64k' -c 'alloc 1M 4M' -c 'length' -c 'info' -c 'flush' disk.qcow2 > $out/qcow2-map-alloc-info.txt 2>&1
qemu-io -c 'read 0 1' $work/nonexistent.img > $out/open-error.txt 2>&1
qemu-io -f qcow2 -c 'sleep 3000' disk.qcow2 &
sleep 1
qemu-io -f qcow2 -c 'read 0 4k' disk.qcow2 > $out/lock-error.txt 2>&1
wait
qemu-io -f raw -c 'read 0' -c 'read abc 512' -c 'frobnicate' -c 'read -P 0x1ff 0 512' -c 'write 1 512' \
  -c 'read 60M 8M' -c 'alloc' -c 'read -q 0 512' -c 'read 0 3G' -c 'readv 0 1x' disk.raw > $out/argument-errors.txt 2>&1
qemu-io -c 'read 0 4k' -c 'write 0 4k' -c 'read -C 0 4k' -c 'aio_read 0 4k' -c 'aio_flush' \
  blkdebug:blkdebug.conf:disk.qcow2 > $out/blkdebug-io-errors.txt 2>&1
# the filter of qemu's tests/qemu-iotests/common.filter (_filter_qemu_io), applied to a real run
qemu-io -f raw -c 'write -P 0x5 0 64k' -c 'read 0 65535' -c 'read -C 0 4k' disk.raw 2>&1 \
  | sed -e 's/[0-9]* ops\; [0-9/:. sec]* ([0-9/.inf]* [EPTGMKiBbytes]*\/sec and [0-9/.inf]* ops\/sec)/X ops\; XX:XX:XX.X (XXX YYY\/sec and XXX ops\/sec)/' \
        -e 's/qemu-io> //g' > $out/iotests-filtered.txt
# several runs in one capture: version banner, command-level errors, open/close at the prompt
{ qemu-io --version
  qemu-io -f raw -c 'open disk.raw' -c 'reopen -r' -c 'write 0 512' -c 'read 0 512' disk.raw
  qemu-io -c 'open -f raw disk.raw' -c 'open -o driver=raw disk.raw' -c 'read -C 0 512' -c 'close' -c 'read 0 512'
} > $out/version-and-command-errors.txt 2>&1
# iotest 046 filters byte counts and offsets as well (tests/qemu-iotests/046, after _filter_qemu_io)
qemu-io -f raw -c 'write -P 0x7 0 64k' -c 'aio_write 64k 4k' -c 'aio_flush' -c 'read 0 8k' disk.raw 2>&1 \
  | sed -e 's/[0-9]* ops\; [0-9/:. sec]* ([0-9/.inf]* [EPTGMKiBbytes]*\/sec and [0-9/.inf]* ops\/sec)/X ops\; XX:XX:XX.X (XXX YYY\/sec and XXX ops\/sec)/' \
        -e 's/qemu-io> //g' \
  | sed -e 's/[0-9]*\/[0-9]* bytes at offset [0-9]*/XXX\/XXX bytes at offset XXX/g' -e 's/^[0-9]* KiB/XXX KiB/g' \
  > $out/iotests-046-filtered.txt
# parse sweep 3 (2026-12-03): blkdebug breakpoints; wait_break and resume make blkdebug print its own lines
qemu-io -c 'break write_aio A' -c 'aio_write 0 4k' -c 'wait_break A' -c 'resume A' -c 'aio_flush' \
  -c 'remove_break A' blkdebug::disk.qcow2 > $out/blkdebug-break.txt 2>&1
# terminal pastes: each run's output after a prompt line written as a terminal shows it
paste_run() { printf '%s%s\n' "$1" "$2"; eval "$2" 2>&1; }
{ paste_run '$ ' "qemu-io -f raw -c 'write -P 0x2 0 8k' disk.raw"
  paste_run '$ ' "qemu-io -f raw -c 'read -v 0 32' disk.raw"
  paste_run '$ ' "qemu-io -f raw -c 'map' disk.raw"
  printf '$ \n'
} > $out/shell-prompts-dollar.txt
{ paste_run 'user@host:/tmp/qio$ ' "qemu-io -f raw -c 'write -P 0x2 0 8k' disk.raw"
  paste_run 'user@host:/tmp/qio$ ' "qemu-io -f raw -c 'read 0 8k' disk.raw"
} > $out/shell-prompts-userhost.txt
{ paste_run '# ' "qemu-io -f raw -c 'write -P 0x2 0 8k' disk.raw"
  paste_run '# ' "qemu-io -f raw -c 'read 0 8k' disk.raw"
} > $out/shell-prompts-hash.txt
# 2026-12-07: nested format specific fields (lists and maps) of info
qemu-img create -q -f qcow2 bm.qcow2 64M && qemu-img bitmap --add bm.qcow2 bm0 && qemu-img bitmap --add -g 128k bm.qcow2 bm1
qemu-io -f qcow2 -c info bm.qcow2 > $out/info-qcow2-bitmaps.txt 2>&1
qemu-img create -q -f vmdk -o subformat=twoGbMaxExtentSparse v.vmdk 3G
qemu-io -f vmdk -c info -c map v.vmdk > $out/info-vmdk-extents.txt 2>&1
