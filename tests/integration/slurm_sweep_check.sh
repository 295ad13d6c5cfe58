#!/usr/bin/env bash
# The job-array path for real: starts a single-node Slurm cluster, submits the sweep with the
# scripts docs/clusters.md gives (an array of 3 shards, then the merge), polls squeue, and
# compares the merged file with a single-machine sweep; then the mpirun-in-an-allocation
# script with 2 tasks. Stops the daemons by PID on exit.
#   slurm_sweep_check.sh EXE PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
exe=$1 python=$2 src=$3 work=$4
if [[ $(id -u) -ne 0 || ! -x /usr/sbin/slurmctld || ! -x /usr/sbin/munged ]]; then
  echo "skipped: needs root and Debian's slurmctld, slurmd, slurm-client and munge (scripts/setup-deps.sh --test)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cluster=$work/cluster
trap '"$src/tests/integration/slurm_cluster.sh" down "$cluster"' EXIT
"$src/tests/integration/slurm_cluster.sh" up "$cluster" 4
export SLURM_CONF=$cluster/slurm.conf MISSIONSIM=$exe
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # jobs run as root in CI
sweep=("$src/scenarios/demo.toml" --set population.size=2000 --set time.end=2027-01-01
       --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31
       --param pathway.onset_rate=0.002:0.006 --param pathway.early_detection_rate=0.1:0.4 --samples 5 --replicates 2)
fail() { echo "FAILED: $*" >&2; tail -n 20 "$cluster"/log/*.log slurm-*.out 2>/dev/null >&2; exit 1; }

wait_for() {  # job ids...: poll squeue (sbatch --wait backs off to 10 s) for up to 90 s
  for _ in $(seq 450); do
    [[ -z "$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null)" ]] && return 0
    sleep 0.2
  done
  fail "jobs $* still queued after 90 s"
}

"$exe" sweep "${sweep[@]}" -q -o single.h5 >/dev/null

echo "== job array of 3 shards, then the merge job"
read -r array merge < <("$src/scripts/cluster/submit-array.sh" 3 "${sweep[@]::1}" array "${sweep[@]:1}")
wait_for "$array" "$merge"
[[ -e array/sweep.h5 ]] || fail "the merge job wrote no array/sweep.h5"
for i in 0 1 2; do [[ -e array/shards/shard-$i.h5 ]] || fail "no shard $i"; done
$python "$src/tests/integration/sweep_files.py" compare single.h5 array/sweep.h5

echo "== mpirun inside a 2-task allocation"
job=$(sbatch --parsable -n 2 "$src/scripts/cluster/sweep-mpi.sbatch" "${sweep[@]::1}" mpi.h5 "${sweep[@]:1}")
wait_for "${job%%;*}"
[[ -e mpi.h5 ]] || fail "the MPI job wrote no mpi.h5"
$python "$src/tests/integration/sweep_files.py" compare single.h5 mpi.h5
echo "Slurm job array + merge and mpirun in an allocation: identical to the single-machine sweep"
