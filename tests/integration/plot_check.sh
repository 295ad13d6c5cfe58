#!/usr/bin/env bash
# Runs the demo small, draws it with scripts/plot.py and checks that non-empty PNGs come out,
# and that a file which is not missionsim's is refused with exit status 2.
# Exit 77 (skipped) when the Python has no matplotlib or h5py.
#   plot_check.sh MISSIONSIM PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
exe=$1 python=$2 src=$3 work=$4
if ! "$python" -c "import matplotlib, h5py" 2>/dev/null; then
  echo "skipped: $python has no matplotlib or h5py (Debian: apt-get install python3-matplotlib python3-h5py)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
"$exe" run "$src/scenarios/demo.toml" -o "$work/demo.h5" --force -q \
  --set population.size=3000 --set population.scale=500 --set time.end=2028-01-01 \
  --set goals.early_detection.deadline=2027-12-31 --set goals.fewer_cancers.deadline=2027-12-31
"$python" "$src/scripts/plot.py" "$work/demo.h5" -o "$work/img" | tee "$work/written.txt"
for kind in adoption goals equity; do
  png="$work/img/demo-$kind.png"
  [[ -s "$png" ]] || { echo "missing or empty: $png"; exit 1; }
  grep -qx "$png" "$work/written.txt" || { echo "not printed: $png"; exit 1; }
  [[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || { echo "not a PNG: $png"; exit 1; }
done
set +e
"$python" "$src/scripts/plot.py" "$work/nothing.h5" -o "$work/img" 2>"$work/err1.txt"; rc1=$?
echo "not hdf5" > "$work/text.h5"
"$python" "$src/scripts/plot.py" "$work/text.h5" -o "$work/img" 2>"$work/err2.txt"; rc2=$?
set -e
[[ $rc1 -eq 2 ]] && grep -q "no such file" "$work/err1.txt" || { echo "missing file: exit $rc1"; cat "$work/err1.txt"; exit 1; }
[[ $rc2 -eq 2 ]] && grep -q "not an HDF5 file\|not a missionsim" "$work/err2.txt" || { echo "bad file: exit $rc2"; cat "$work/err2.txt"; exit 1; }
echo "ok: plot.py"
