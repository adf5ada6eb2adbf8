#!/usr/bin/env bash
# A Slurm job array: 8 shards of a portfolio, one task each.
# Slurm sets SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN;
# sightline derives the shard from them.
#SBATCH --job-name=sightline-portfolio
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=02:00:00
#SBATCH --output=logs/sightline-%A_%a.log
set -u
mkdir -p results logs
# Exit 1 only means "findings"; the task itself succeeded.
sightline batch /portfolio --db "results/shard-${SLURM_ARRAY_TASK_ID}.sqlite" \
  --jobs "${SLURM_CPUS_PER_TASK:-2}" --quiet
status=$?
[ "$status" -le 1 ] && exit 0 || exit "$status"
