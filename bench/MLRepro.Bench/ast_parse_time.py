"""Baseline for the benchmark: CPython's ast.parse over files listed on stdin, single-threaded.
Files are read first; only parsing is timed. Prints: <files parsed> <seconds> <best-of-N seconds per run>."""
import ast
import sys
import time
import warnings

warnings.simplefilter("ignore")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
texts = []
for line in sys.stdin:
    p = line.rstrip("\n")
    if p:
        with open(p, "rb") as f:
            texts.append(f.read())
times = []
ok = 0
for r in range(runs):
    ok = 0
    t0 = time.perf_counter()
    for t in texts:
        try:
            ast.parse(t)
            ok += 1
        except Exception:  # noqa: BLE001 - unparseable files still cost time
            pass
    times.append(time.perf_counter() - t0)
times.sort()
print(ok, times[len(times) // 2])
