#!/usr/bin/env bash
# `mpirun -np K missionsim sweep` against the single-machine sweep: runs of deliberately uneven
# length (populations from 1,600 to 16,000 people, long runs first and last) so the dynamic
# hand-out of runs is exercised; the files must be identical dataset by dataset.
#   mpi_sweep_check.sh EXE PYTHON MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
exe=$1 python=$2 mpiexec=$3 src=$4 work=$5
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # CI runs as root
tiny=( --set time.end=2027-01-01
      --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31)
printf 'population.size,pathway.onset_rate\n16000,0.004\n1600,0.002\n1600,0.006\n8000,0.003\n1600,0.005\n16000,0.002\n' >uneven.csv
sweep=(sweep "$src/scenarios/demo.toml" "${tiny[@]}" --design uneven.csv --replicates 2 -q)

"$exe" "${sweep[@]}" --threads 2 -o single.h5 >/dev/null
"$mpiexec" -np 2 "$exe" "${sweep[@]}" -o mpi2.h5 </dev/null >mpi2.txt
"$mpiexec" -np 3 --oversubscribe "$exe" "${sweep[@]}" -o mpi3.h5 </dev/null >/dev/null
grep -q "12 runs" mpi2.txt || { cat mpi2.txt; echo "FAILED: no summary from rank 0" >&2; exit 1; }
$python "$src/tests/integration/sweep_files.py" check mpi2.h5 12
$python "$src/tests/integration/sweep_files.py" compare single.h5 mpi2.h5
$python "$src/tests/integration/sweep_files.py" compare single.h5 mpi3.h5
echo "MPI sweeps with 2 and 3 ranks identical to the single-machine sweep"
