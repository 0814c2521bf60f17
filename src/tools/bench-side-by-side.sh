#!/usr/bin/env bash
# Training throughput of VAE Explorer and of the PyTorch reference, side by side: the two programs alternate, for
# latent 2 and 20 at 1 and 2 threads, ROUNDS times (default 2), then a table of the medians and their ratio, and
# VAE Explorer's median per-step breakdown. Needs the jar (mvn -B -ntp package -DskipTests), an IDX folder (e.g.
# assets/fashion-mnist) and the reference script with a python that has torch (Debian: python3-torch,
# libopenblas0-openmp). The reference unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE itself: PyTorch at its best.
#   src/tools/bench-side-by-side.sh JAR DATA_DIR REFERENCE.py [ROUNDS] [SECONDS]
set -euo pipefail
jar=$1 data=$2 ref=$3 rounds=${4:-2} seconds=${5:-10}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
uptime
for round in $(seq "$rounds"); do
  for latent in 2 20; do
    for threads in 1 2; do
      j=$(java -jar "$jar" bench --dataset "$data" --latent "$latent" --threads "$threads" --seconds "$seconds" --json 2>/dev/null | tail -1)
      p=$(/usr/bin/python3 "$ref" --data "$data" --latent "$latent" --threads "$threads" --bench-seconds "$seconds" --json | tail -1)
      echo "round=$round latent=$latent threads=$threads vae-explorer $j" | tee -a "$log"
      echo "round=$round latent=$latent threads=$threads pytorch $p" | tee -a "$log"
    done
  done
done
uptime
/usr/bin/python3 - "$log" <<'PY'
import json, re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r'round=\d+ latent=(\d+) threads=(\d+) (\S+) (\{.*\})', line)
    if m: runs.setdefault((int(m[1]), int(m[2]), m[3]), []).append(json.loads(m[4]))
med = lambda rs, k: statistics.median(r[k] for r in rs)
print('\n| latent | threads | VAE Explorer | PyTorch at its best | ratio |\n|---|---|---|---|---|')
for (latent, threads) in sorted({(l, t) for (l, t, _) in runs}):
    v, p = runs[(latent, threads, 'vae-explorer')], runs[(latent, threads, 'pytorch')]
    vs = ' / '.join(f"{r['samples_per_sec']:,.0f}" for r in v); ps = ' / '.join(f"{r['samples_per_sec']:,.0f}" for r in p)
    print(f"| {latent} | {threads} | {vs} ({med(v, 'samples_per_sec'):,.0f}) | {ps} ({med(p, 'samples_per_sec'):,.0f}) "
          f"| {med(v, 'samples_per_sec') / med(p, 'samples_per_sec'):.2f} |")
keys = ['ms_per_step', 'ms_products', 'ms_elementwise', 'ms_optimiser', 'ms_checks', 'ms_data']
print('\nVAE Explorer per step, medians (ms):\n\n| latent | threads | ' + ' | '.join(k[3:] for k in keys) + ' |\n|' + '---|' * (len(keys) + 2))
for (latent, threads, who), rs in sorted(runs.items()):
    if who == 'vae-explorer' and all(k in rs[0] for k in keys):
        print(f"| {latent} | {threads} | " + ' | '.join(f"{med(rs, k):.2f}" for k in keys) + ' |')
PY
