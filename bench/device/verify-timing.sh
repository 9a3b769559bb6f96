#!/usr/bin/env bash
# verify's overhead and --parallel on a quiet multi-core machine (the lent GPU machine: 16 cores),
# where the 2 shared cores of the development machine make wall-clock ratios noise.
# Usage: bench/device/verify-timing.sh MLREPRO OUTDIR [DEBS_DIR] [EPOCHS] [REPEATS]
set -u
M=$1; OUT=$2; DEBS=${3:-}; EPOCHS=${4:-30}; N=${5:-5}
HERE=$(cd "$(dirname "$0")" && pwd); FX=$HERE/../verify-fixtures/torch-seeded
mkdir -p "$OUT"; exec > >(tee "$OUT/timing.txt") 2>&1
if [ -n "$DEBS" ] && ! command -v bwrap >/dev/null; then
  mkdir -p /opt/mlrepro-tools; for f in "$DEBS"/*.deb; do dpkg -x "$f" /opt/mlrepro-tools; done
  for lib in /opt/mlrepro-tools/usr/lib/x86_64-linux-gnu/*.so*; do
    [ -e "/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ] || cp -a "$lib" /usr/lib/x86_64-linux-gnu/; done
  ldconfig; export PATH=/opt/mlrepro-tools/usr/bin:$PATH
fi
PY=$(command -v python3)
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg); python $PY; $("$PY" -c 'import torch;print("torch",torch.__version__)')"
echo "bwrap $(bwrap --version 2>&1 | tail -1); strace $(strace -V 2>&1 | head -1)"
now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", a - b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
plain() { local d; d=$(mktemp -d); cp -r "$FX/." "$d"; (cd "$d" && local s; s=$(now); "$PY" train.py "$EPOCHS" >/dev/null; sub "$(now)" "$s"); rm -rf "$d"; }
plain >/dev/null  # warm the page cache
: > "$OUT/t"; : > "$OUT/pair"; : > "$OUT/seq"; : > "$OUT/par"
for i in $(seq "$N"); do
  plain >> "$OUT/t"
  s=$(now); plain >/dev/null & bg=$!; plain >/dev/null; wait "$bg"; sub "$(now)" "$s" >> "$OUT/pair"
  s=$(now); "$M" verify "$FX" --cmd "python train.py $EPOCHS" --python "$PY" --no-probe-config > "$OUT/seq-$i.txt" 2>&1; rc=$?; sub "$(now)" "$s" >> "$OUT/seq"
  s=$(now); "$M" verify "$FX" --cmd "python train.py $EPOCHS" --python "$PY" --no-probe-config --parallel > "$OUT/par-$i.txt" 2>&1; rc2=$?; sub "$(now)" "$s" >> "$OUT/par"
  echo "round $i: T $(tail -1 "$OUT/t") s, two plain at once $(tail -1 "$OUT/pair") s, verify $(tail -1 "$OUT/seq") s (rc $rc), verify --parallel $(tail -1 "$OUT/par") s (rc $rc2)"
done
T=$(median < "$OUT/t"); S=$(median < "$OUT/seq"); P=$(median < "$OUT/par"); Q=$(median < "$OUT/pair")
echo "medians of $N: T $T s; verify (2 runs) $S s = $(div "$S" "$T") T (target <= 2.10 T); verify --parallel $P s = $(div "$P" "$T") T (target <= 1.15 T); two plain runs at once $Q s = $(div "$Q" "$T") T"
grep -h "sandbox:\|runs:" "$OUT/seq-1.txt" | head -3; grep -h "run 1\|run 2" "$OUT/par-1.txt" | head -2
