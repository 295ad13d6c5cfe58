#!/usr/bin/env bash
# End-to-end checks of `missionsim sweep` and `merge` on a tiny demo: bad input, thread counts,
# a run repeated on its own, shards merged, a design file, and kill -9 then resume, each
# compared dataset by dataset with h5py (tests/integration/sweep_files.py).
#   sweep_checks.sh EXE PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
exe=$1 python=$2 src=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
files="$python $src/tests/integration/sweep_files.py"
scenario=$src/scenarios/demo.toml
tiny=(--set population.size=2000 --set time.end=2027-01-01
      --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31)
params=(--param pathway.onset_rate=0.002:0.006 --param pathway.early_detection_rate=0.1:0.4)
fail() { echo "FAILED: $*" >&2; exit 1; }

echo "== a bad key path: exit 2 naming the key, nothing written"
set +e
"$exe" sweep "$scenario" "${tiny[@]}" --param pathway.no_such_key=0:1 --samples 2 -o bad.h5 -q 2>err.txt
rc=$?
set -e
[[ $rc == 2 ]] || fail "exit $rc, expected 2"
grep -q "pathway.no_such_key" err.txt || fail "message does not name the key: $(cat err.txt)"
[[ ! -e bad.h5 && ! -e bad.h5.journal ]] || fail "files written for bad input"

echo "== 1 and 2 threads give the same file; the layout reads in h5py and xarray"
"$exe" sweep "$scenario" "${tiny[@]}" "${params[@]}" --samples 4 --replicates 2 --threads 1 -o t1.h5 -q >/dev/null
"$exe" sweep "$scenario" "${tiny[@]}" "${params[@]}" --samples 4 --replicates 2 --threads 2 -o t2.h5 -q >/dev/null
$files check t1.h5 8
$files compare t1.h5 t2.h5
[[ ! -e t1.h5.journal ]] || fail "the journal outlived a finished sweep"

echo "== a run of the sweep repeated alone with run --seed --set gives the same series"
read -r seed onset detection < <($python -c "
import h5py; r = h5py.File('t1.h5')['runs']
print(r['seed'][5], repr(float(r['pathway.onset_rate'][5])), repr(float(r['pathway.early_detection_rate'][5])))")
"$exe" run "$scenario" "${tiny[@]}" --seed "$seed" --set "pathway.onset_rate=$onset" \
  --set "pathway.early_detection_rate=$detection" -o alone.h5 -q >/dev/null
$python -c "
import h5py, numpy as np
s, a = h5py.File('t1.h5')['metrics'], h5py.File('alone.h5')['metrics']
for name in ('incidence', 'deaths_disease', 'early_stage_share_by_region'):
    assert np.array_equal(s[name][5], a[name][0], equal_nan=True), name
print('run 5 repeated alone: identical')"

echo "== shards merged give the single sweep's file; a missing shard is refused"
for i in 0 1 2; do
  "$exe" sweep "$scenario" "${tiny[@]}" "${params[@]}" --samples 4 --replicates 2 --shard $i/3 -o shard$i.h5 -q >/dev/null
done
"$exe" merge shard0.h5 shard1.h5 shard2.h5 -o merged.h5 >/dev/null
$files compare t1.h5 merged.h5
$files check merged.h5 8  # the ranges and typed attributes survive the merge
set +e
"$exe" merge shard0.h5 shard2.h5 -o partial.h5 2>err.txt
rc=$?
set -e
[[ $rc == 2 && ! -e partial.h5 ]] || fail "merge of two of three shards: exit $rc"

echo "== a design file: one run per row and replicate"
printf 'pathway.onset_rate,population.size\n0.002,1600\n0.004,2000\n0.006,2500\n' >design.csv
"$exe" sweep "$scenario" "${tiny[@]}" --design design.csv --replicates 2 -o design.h5 -q >/dev/null
$files check design.h5 6

echo "== sensitivity: Sobol indices from a sobol sweep, Morris from a morris sweep, into /sensitivity"
"$exe" sweep "$scenario" "${tiny[@]}" "${params[@]}" --method sobol --samples 4 -o sobol.h5 -q >sobol.txt
grep -q "16 runs" sobol.txt || fail "sobol: N(k+2) = 16 runs expected: $(cat sobol.txt)"
"$exe" sensitivity sobol.h5 --metric incidence --bootstrap 50 >sens.txt
grep -q "incidence_final" sens.txt || fail "no incidence_final in: $(cat sens.txt)"
"$exe" sweep "$scenario" "${tiny[@]}" "${params[@]}" --method morris --samples 3 -o morris.h5 -q >morris.txt
grep -q "9 runs" morris.txt || fail "morris: N(k+1) = 9 runs expected: $(cat morris.txt)"
"$exe" sensitivity morris.h5 --metric incidence >/dev/null
$python -c "
import xarray as xr, numpy as np
s = xr.open_dataset('sobol.h5', group='sensitivity', engine='h5netcdf')
assert list(s['parameter'].values) == ['pathway.onset_rate', 'pathway.early_detection_rate'], s['parameter'].values
assert 'incidence_final' in list(s['output'].values)
for v in ('first_order', 'first_order_low', 'first_order_high', 'total_order', 'total_order_low', 'total_order_high'):
    assert s[v].dims == ('output', 'parameter'), (v, s[v].dims)
m = xr.open_dataset('morris.h5', group='sensitivity', engine='h5netcdf')
mu_star = m['mu_star'].sel(output='incidence_final').values
assert np.all(np.isfinite(mu_star)) and np.all(mu_star >= 0), mu_star
print('sensitivity groups read by xarray')"
set +e
"$exe" sensitivity t1.h5 2>err.txt
rc=$?
set -e
[[ $rc == 2 ]] || fail "sensitivity of an lhs sweep: exit $rc, expected 2"

echo "== kill -9 at any moment, then the same command again: the uninterrupted sweep's file"
long=("$scenario" "${tiny[@]}" --set population.size=6000 "${params[@]}"
      --samples 12 --replicates 2 --threads 2 -q)
"$exe" sweep "${long[@]}" -o whole.h5 >/dev/null
kills=0
for moment in journal-appears journal-grows journal-grows; do
  "$exe" sweep "${long[@]}" -o resumed.h5 >/dev/null &
  pid=$!
  # Kill as soon as the journal exists (perhaps mid-header), or once a run has been added to it.
  start=""
  for _ in $(seq 4000); do
    if [[ -e resumed.h5.journal ]]; then
      [[ $moment == journal-appears ]] && break
      size=$(stat -c %s resumed.h5.journal)
      start=${start:-$size}
      (( size > start )) && break
    fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.005
  done
  if kill -9 $pid 2>/dev/null; then kills=$((kills + 1)); fi
  wait $pid 2>/dev/null || true
  [[ ! -e resumed.h5 ]] || $python -c "import h5py; h5py.File('resumed.h5')" || fail "unreadable output after kill"
done
(( kills >= 2 )) || fail "the sweep finished before it could be killed ($kills kills)"
[[ -e resumed.h5 ]] && fail "a killed sweep left an output file"
"$exe" sweep "${long[@]}" -o resumed.h5 >resume.txt
cat resume.txt
grep -Eq "kept from the journal" resume.txt || fail "no resume summary"
grep -Eq " 0 kept from the journal" resume.txt && fail "nothing was kept from the journal"
$files compare whole.h5 resumed.h5
[[ ! -e resumed.h5.journal ]] || fail "the journal outlived the resumed sweep"
echo "all sweep checks passed"
