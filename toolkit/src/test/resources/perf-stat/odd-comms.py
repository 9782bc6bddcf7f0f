#!/usr/bin/python3
# Threads named as given (prctl PR_SET_NAME), busy for 60 s: for perf stat --per-thread fixtures.
# usage: odd-comms.py NAME... &   (make-fixtures.sh names: '# hash' '12 34' 'x,y' 'a;b')
import ctypes, sys, threading, time
libc = ctypes.CDLL(None)
def busy(name):
    libc.prctl(15, ctypes.c_char_p(name.encode()), 0, 0, 0)
    end = time.time() + 60
    while time.time() < end:
        sum(range(1000))
        time.sleep(0.001)
for name in sys.argv[1:]:
    threading.Thread(target=busy, args=(name,), daemon=True).start()
time.sleep(60)
