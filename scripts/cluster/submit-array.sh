#!/usr/bin/env bash
# Submits a sweep as a job array of N tasks plus a merge job that starts when all succeeded,
# and prints the two job ids ("ARRAY_ID MERGE_ID").
#   scripts/cluster/submit-array.sh N SCENARIO OUT_DIR [sweep options...]
# e.g. scripts/cluster/submit-array.sh 16 scenarios/demo.toml runs/sobol \
#        --method sobol --param pathway.onset_rate=0.002:0.006 --samples 256 --replicates 4
# Extra sbatch options (partition, time, account) go in SBATCH_* variables or in the scripts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${1:?number of array tasks}; scenario=${2:?scenario}; out_dir=${3:?output directory}; shift 3
array=$(sbatch --parsable --array="0-$((n - 1))" "$here/sweep-array.sbatch" "$scenario" "$out_dir" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" "$here/merge.sbatch" "$out_dir" "$n")
echo "$array ${merge%%;*}"
