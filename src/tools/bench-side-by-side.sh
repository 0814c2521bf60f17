#!/usr/bin/env bash
# Training throughput of VAE Explorer and of the PyTorch reference, side by side: the two programs alternate, for
# latent 2 and 20 at 1 and 2 threads, ROUNDS times (default 2). Needs the jar (mvn -B -ntp -q package -DskipTests), an
# IDX folder (e.g. assets/fashion-mnist) and the reference script with a python that has torch (Debian: python3-torch,
# libopenblas0-openmp). The reference unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE itself: PyTorch at its best.
#   src/tools/bench-side-by-side.sh JAR DATA_DIR REFERENCE.py [ROUNDS] [SECONDS]
set -euo pipefail
jar=$1 data=$2 ref=$3 rounds=${4:-2} seconds=${5:-10}
uptime
for round in $(seq "$rounds"); do
  for latent in 2 20; do
    for threads in 1 2; do
      j=$(java -jar "$jar" bench --dataset "$data" --latent "$latent" --threads "$threads" --seconds "$seconds" --json | tail -1)
      p=$(/usr/bin/python3 "$ref" --data "$data" --latent "$latent" --threads "$threads" --bench-seconds "$seconds" --json | tail -1)
      echo "round=$round latent=$latent threads=$threads vae-explorer $j"
      echo "round=$round latent=$latent threads=$threads pytorch $p"
    done
  done
done
uptime
