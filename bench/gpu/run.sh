#!/usr/bin/env bash
# GPU checks of `mlrepro verify`, run on a machine with an NVIDIA GPU (see README.md here).
# Usage: bench/gpu/run.sh MLREPRO_BINARY OUTDIR [DEBS_DIR]
#   DEBS_DIR: bubblewrap/strace .deb files to unpack when the machine lacks them (optional).
set -u
M=$1; OUT=$2; DEBS=${3:-}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
exec > >(tee "$OUT/log.txt") 2>&1
export PYTHONUNBUFFERED=1
echo "== machine"; date -u; uname -r; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
PY=$(command -v python3); echo "python: $PY"
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"

if [ -n "$DEBS" ] && ! command -v bwrap >/dev/null; then
  echo "== unpacking tools from $DEBS"
  mkdir -p /opt/mlrepro-tools
  for f in "$DEBS"/*.deb; do dpkg -x "$f" /opt/mlrepro-tools; done
  for lib in /opt/mlrepro-tools/usr/lib/x86_64-linux-gnu/*.so*; do
    [ -e "/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ] || cp -a "$lib" /usr/lib/x86_64-linux-gnu/
  done
  ldconfig
  export PATH=/opt/mlrepro-tools/usr/bin:$PATH
fi
echo "bwrap: $(command -v bwrap) $(bwrap --version 2>&1)"; echo "strace: $(command -v strace) $(strace -V 2>&1 | head -1)"

echo "== CUDA under memory limits (why verify uses prlimit --data, not --as)"
for lim in --as=17179869184 --data=17179869184; do
  printf '%s: ' "$lim"
  prlimit "$lim" "$PY" -c "import torch; print('ok', torch.ones(8, device='cuda').sum().item())" 2>&1 | tail -1
done

echo "== CUDA inside the bubblewrap sandbox as verify builds it (devices bound, environment cleared)"
bwrap --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp $(for d in /dev/nvidia*; do [ -c "$d" ] && printf -- '--dev-bind-try %s %s ' "$d" "$d"; done) \
  --unshare-all --die-with-parent --clearenv --setenv PATH "$(dirname "$PY"):/usr/bin:/bin" \
  "$PY" -c "import torch; print('in sandbox: cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')" 2>&1 | tail -2

for p in cuda-atomics cuda-deterministic; do
  echo "== check $p"
  "$M" check "$HERE/$p" --format json > "$OUT/check-$p.json"; echo "rc=$?"
  echo "== verify $p"
  start=$(date +%s)
  extra=(); [ "$p" = cuda-atomics ] && extra=(--isolate)
  timeout 300 "$M" verify "$HERE/$p" --cmd "python train.py" --python "$PY" --no-probe-config "${extra[@]}" --out "$OUT/verify-$p.json" > "$OUT/verify-$p.txt" 2>&1
  echo "rc=$? seconds=$(( $(date +%s) - start ))"
  tail -40 "$OUT/verify-$p.txt"
done
