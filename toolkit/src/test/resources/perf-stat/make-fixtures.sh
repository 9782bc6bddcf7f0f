#!/bin/sh
# Regenerates the real perf stat fixtures of this folder (run as root on the capture machine).
# Every fixture is the stderr (and, where noted, stdout) of one perf run; see README.md.
set -u
W="sh -c 'echo workload says hi; i=0; while [ \$i -lt 20000 ]; do i=\$((i+1)); done'"
EV=task-clock,context-switches,cpu-migrations,page-faults
run() { out=$1; shift; echo "\$ $*" >&2; sh -c "$*" 2> "$out"; }
run default-C.txt            "LC_ALL=C perf stat -e $EV -- $W > /dev/null"
run default-en_US.txt        "LC_ALL=en_US.UTF-8 perf stat -e $EV,duration_time,user_time,system_time -- $W > /dev/null"
run default-de_DE.txt        "LC_ALL=de_DE.UTF-8 perf stat -e $EV,duration_time,user_time,system_time -- $W > /dev/null"
run workload-interleaved.txt "LC_ALL=C perf stat -e task-clock,page-faults -- $W 2>&1"
sh -c "LC_ALL=C perf stat -e task-clock,page-faults -- $W" > workload-interleaved.txt 2>&1
run csv-comma.txt            "LC_ALL=C perf stat -x, -e $EV,duration_time -- $W > /dev/null"
run csv-semicolon-de_DE.txt  "LC_ALL=de_DE.UTF-8 perf stat -x';' -e $EV,duration_time -- $W > /dev/null"
run csv-space.txt            "LC_ALL=C perf stat -x' ' -e $EV -- $W > /dev/null"
run json.txt                 "LC_ALL=C perf stat -j -e $EV,duration_time -- $W > /dev/null"
run interval-std.txt         "LC_ALL=en_US.UTF-8 perf stat -I 100 -e task-clock,page-faults -- sleep 0.35"
run interval-csv.txt         "LC_ALL=C perf stat -I 100 -x, -e task-clock,page-faults -- sleep 0.35"
run interval-json.txt        "LC_ALL=C perf stat -I 100 -j -e task-clock,page-faults -- sleep 0.35"
run system-wide.txt          "LC_ALL=en_US.UTF-8 perf stat -a -e task-clock,context-switches -- sleep 0.1"
run no-aggr.txt              "LC_ALL=en_US.UTF-8 perf stat -a -A -e task-clock,context-switches -- sleep 0.1"
run no-aggr-csv.txt          "LC_ALL=C perf stat -a --no-aggr -x, -e task-clock,context-switches -- sleep 0.1"
run no-aggr-json.txt         "LC_ALL=C perf stat -a -A -j -e task-clock,context-switches -- sleep 0.1"
run per-core.txt             "LC_ALL=en_US.UTF-8 perf stat -a --per-core -e task-clock,context-switches -- sleep 0.1"
run per-socket.txt           "LC_ALL=en_US.UTF-8 perf stat -a --per-socket -e task-clock,context-switches -- sleep 0.1"
run per-die.txt              "LC_ALL=en_US.UTF-8 perf stat -a --per-die -e task-clock -- sleep 0.1"
run per-node.txt             "LC_ALL=en_US.UTF-8 perf stat -a --per-node -e task-clock -- sleep 0.1"
run per-core-csv.txt         "LC_ALL=C perf stat -a --per-core -x, -e task-clock -- sleep 0.1"
run per-socket-json.txt      "LC_ALL=C perf stat -a --per-socket -j -e task-clock -- sleep 0.1"
run per-thread.txt           "LC_ALL=en_US.UTF-8 perf stat --per-thread -p 1 -e task-clock,context-switches -- sleep 0.2"
run per-thread-csv.txt       "LC_ALL=C perf stat --per-thread -p 1 -x, -e task-clock,context-switches -- sleep 0.2"
run interval-per-core.txt    "LC_ALL=en_US.UTF-8 perf stat -I 100 -a --per-core -e task-clock -- sleep 0.25"
run interval-no-aggr-csv.txt "LC_ALL=C perf stat -I 100 -a -A -x, -e task-clock,page-faults -- sleep 0.25"
run repeat.txt               "LC_ALL=en_US.UTF-8 perf stat -r 3 -e $EV -- $W > /dev/null"
run repeat-csv.txt           "LC_ALL=C perf stat -r 3 -x, -e $EV -- $W > /dev/null"
run repeat-json.txt          "LC_ALL=C perf stat -r 3 -j -e $EV -- $W > /dev/null"
run not-supported.txt        "LC_ALL=en_US.UTF-8 perf stat -e cycles,instructions,task-clock -- $W > /dev/null"
run not-supported-csv.txt    "LC_ALL=C perf stat -x, -e cycles,instructions,task-clock -- $W > /dev/null"
run metric-only.txt          "LC_ALL=C perf stat --metric-only -e task-clock,page-faults,context-switches -- $W > /dev/null"
run metric-only-csv.txt      "LC_ALL=C perf stat --metric-only -x, -e task-clock,page-faults,context-switches -- $W > /dev/null"
run metric-only-json.txt     "LC_ALL=C perf stat --metric-only -j -e task-clock,page-faults,context-switches -- $W > /dev/null"
run modifiers.txt            "LC_ALL=en_US.UTF-8 perf stat -e page-faults:u,page-faults:k,task-clock:u -- $W > /dev/null"
run groups.txt               "LC_ALL=en_US.UTF-8 perf stat -e '{task-clock,page-faults},{context-switches,cpu-clock}' -- $W > /dev/null"
run multi-line-command.txt   "LC_ALL=C perf stat -e task-clock -- sh -c 'true
echo second line >/dev/null'"
LC_ALL=C perf stat -o output-file.txt -e task-clock,page-faults -- sh -c 'true' 2>/dev/null
LC_ALL=C perf stat -o output-file-append.txt -e task-clock -- true; LC_ALL=C perf stat -o output-file-append.txt --append -e page-faults -- true
run error-event-syntax.txt   "LC_ALL=C perf stat -e nosuchevent -- true"
run error-bad-pmu.txt        "LC_ALL=C perf stat -e 'smmuv3_pmcg_27ffe0202/transaction/' -a -- true"
run interval-summary.txt     "LC_ALL=C perf stat -I 100 --summary -e task-clock -- sleep 0.25"
run interval-summary-csv.txt "LC_ALL=C perf stat -I 100 --summary -x, -e task-clock -- sleep 0.25"
run csv-comma-de_DE.txt     "LC_ALL=de_DE.UTF-8 perf stat -x, -e task-clock,context-switches,page-faults,duration_time -- $W > /dev/null"
# --per-thread of a thread whose command name holds a space (set through /proc/self/comm)
sh -c 'printf "busy loop" > /proc/self/comm; i=0; while [ $i -lt 3000000 ]; do i=$((i+1)); done' & busy=$!
sleep 0.3
run per-thread-spaces.txt          "LC_ALL=en_US.UTF-8 perf stat --per-thread -p $busy -e task-clock,context-switches,page-faults -- sleep 0.2"
run per-thread-interval-spaces.txt "LC_ALL=C perf stat -I 100 --per-thread -p $busy -e task-clock,context-switches -- sleep 0.25"
kill $busy
# 2026-12-07, perf 6.1.187 on a 2-vCPU Intel Xeon VM: event names that hold perf's separator, and a
# workload that prints lines perf's own look like
run csv-comma-pmu-terms.txt        "LC_ALL=C perf stat -x, -e 'software/config=0,period=100000/,page-faults' -- $W > /dev/null"
run interval-no-aggr-csv-pmu-terms.txt "LC_ALL=C perf stat -I 100 -a -A -x, -e 'software/config=0,period=100000/u' -- sleep 0.25"
run csv-colon-tracepoint.txt       "LC_ALL=C perf stat -x: -e 'sched:sched_switch,page-faults:u,software/config=0,period=100000/' -- $W > /dev/null"
sh -c "LC_ALL=C perf stat -e task-clock,page-faults -- sh -c 'echo \"Performance counter stats for '\\''x'\\'' are below\"; echo important workload line; echo time; echo \"time: 3 s\"; echo \"#counts: 5\"'" > workload-lookalikes.txt 2>&1
LC_ALL=C perf stat -I 100 -e task-clock,page-faults -- sh -c 'sleep 0.15; echo "  # comment"; echo "  # 3 retries"; echo "Result  # not a metric"; sleep 0.1' > interval-workload-hash-lines.txt 2>&1
# 2026-12-07 sweep (perf 6.1.187, locale unset): stderr and stdout of each
sh -c "perf stat -I 100 -x, -e task-clock,page-faults -- qemu-io --image-opts -c 'read -C 0 4k' -c 'read -C 0 4k' driver=null-co,size=1M,latency-ns=150000000" > interval-csv-workload-qemu-io-C.txt 2>&1
sh -c "perf stat -I 100 -x, -e task-clock -- sh -c 'sleep 0.12; echo \"12,345 records processed\"; sleep 0.1'" > interval-csv-workload-grouped-number.txt 2>&1
perf stat --metric-only -A -a -I 100 -e task-clock,page-faults -- sleep 0.25 > metric-only-no-aggr-interval.txt 2>&1
perf stat --metric-only -A -a -e task-clock,page-faults -- sleep 0.1 > metric-only-no-aggr.txt 2>&1
perf stat --metric-only --per-core -a -e task-clock -- sleep 0.1 > metric-only-per-core.txt 2>&1
perf stat --metric-only -A -a -I 100 -x, -e task-clock,page-faults -- sleep 0.15 > metric-only-no-aggr-interval-csv.txt 2>&1
perf stat --metric-only -A -a -x, -e task-clock,page-faults -- sleep 0.1 > metric-only-no-aggr-csv.txt 2>&1
perf stat --metric-only -A -a -I 100 -j -e task-clock,page-faults -- sleep 0.15 > metric-only-no-aggr-interval-json.txt 2>&1
# --per-thread of threads whose names hold '#', a number and a space, and the separator
/usr/bin/python3 odd-comms.py '# hash' '12 34' 'x,y' 'a;b' & odd=$!
sleep 0.5
LC_ALL=C perf stat -p $odd --per-thread -e task-clock -- sleep 0.1 > per-thread-odd-comms.txt 2>&1
LC_ALL=C perf stat -p $odd --per-thread -x, -e task-clock -- sleep 0.1 > per-thread-odd-comms-csv.txt 2>&1
LC_ALL=C perf stat -p $odd --per-thread -I 100 -e task-clock -- sleep 0.25 > per-thread-odd-comms-interval.txt 2>&1
kill $odd
perf stat -e 'syscalls:sys_enter_sched_get_priority_max,syscalls:sys_exit_sched_rr_get_interval,syscalls:sys_enter_rt_sigtimedwait_time32,irq_vectors:irq_work_entry' -- sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done' > error-hint-tracepoint.txt 2>&1
