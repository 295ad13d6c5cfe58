#!/usr/bin/env bash
# Runs every benchmark (W1 threshold, W2 contagion, their numpy + scipy.sparse versions, W3 the
# health-system model, and the drivers: D1 a 64-run sweep and D2 a 4-mix compare of a
# 20,000-person library scenario, bench/python/drivers.py) and writes one Markdown table, with
# the raw JSON lines beside it.
#   scripts/bench.sh [--sizes "100000 1000000"] [--threads "1 2"] [--rounds 5]
#                    [--w3-sizes "1000000"] [--out DIR] [--no-build] [--no-python]
#                    [--against OLD_BUILD_DIR] [--pairs 7]
# With --against (the release build of another commit, e.g. a git worktree's build/release),
# it instead runs W1, W2, W3, D1 and D2 at the first size and thread count, alternating the old
# and the new binaries --pairs times, and prints the medians and new / old (bench/python/against.py);
# exit 1 if a workload moved by more than 5 %.
# Timings use the release preset. PYTHON overrides the interpreter that has numpy and scipy
# (Debian's /usr/bin/python3 by default).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="100000 1000000"
threads="1 2"
rounds=5
w3_sizes=""
out=results/bench
build=1
python_runs=1
against=""
pairs=7
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --w3-sizes) w3_sizes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-python) python_runs=0; shift ;;
    --against) against=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-/usr/bin/python3}
bin=build/release
if [[ $build == 1 ]]; then scripts/build.sh release >/dev/null; fi

mkdir -p "$out"
if [[ -n $against ]]; then
  n=${sizes%% *} t=${threads%% *} w3=${w3_sizes:-100000}
  w3=${w3%% *}
  : >"$out/old.jsonl"
  : >"$out/new.jsonl"
  # Alternating old and new, so that a slow spell of the machine falls on both alike.
  for ((k = 1; k <= pairs; k++)); do
    echo "== pair $k of $pairs" >&2
    for side in old new; do
      dir=$bin
      [[ $side == old ]] && dir=$against
      "$dir/bench/threshold_ba/bench_threshold_ba" --size "$n" --threads "$t" --rounds "$rounds" --json >>"$out/$side.jsonl"
      "$dir/bench/contagion_ba/bench_contagion_ba" --size "$n" --threads "$t" --rounds "$rounds" --json >>"$out/$side.jsonl"
      "$dir/bench/health_system/bench_health_system" --size "$w3" --threads "$t" --rounds "$rounds" --no-hdf5 --json \
        >>"$out/$side.jsonl"
      "$python" bench/python/drivers.py "$dir/cli/missionsim" --threads "$t" --rounds 1 >>"$out/$side.jsonl"
    done
  done
  exec "$python" bench/python/against.py "$out/old.jsonl" "$out/new.jsonl"
fi
json="$out/results.jsonl"
: >"$json"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for n in $sizes; do
  for t in $threads; do
    echo "== W1 and W2 at N = $n, $t threads" >&2
    "$bin/bench/threshold_ba/bench_threshold_ba" --size "$n" --threads "$t" --rounds "$rounds" --json \
      --dump "$scratch/w1-$n.bin" >>"$json"
    "$bin/bench/contagion_ba/bench_contagion_ba" --size "$n" --threads "$t" --rounds "$rounds" --json \
      --dump "$scratch/w2-$n.bin" >>"$json"
  done
  if [[ $python_runs == 1 ]]; then
    echo "== numpy + scipy.sparse at N = $n" >&2
    "$python" bench/python/threshold_ba.py "$scratch/w1-$n.bin" --rounds "$rounds" >>"$json"
    "$python" bench/python/contagion_ba.py "$scratch/w2-$n.bin" --rounds "$rounds" >>"$json"
  fi
done
for n in $w3_sizes; do
  for t in $threads; do
    echo "== W3 at N = $n, $t threads" >&2
    "$bin/bench/health_system/bench_health_system" --size "$n" --threads "$t" --json >>"$json"
  done
done

for n in 10000 100000; do
  echo "== the organisations' collaboration network at $n organisations" >&2
  "$bin/bench/collaboration/bench_collaboration" --organisations "$n" --rounds "$rounds" --json >>"$json"
done

echo "== the drivers: a 64-run sweep and a 4-mix compare at 20,000 people" >&2
for t in $threads; do
  "$python" bench/python/drivers.py "$bin/cli/missionsim" --threads "$t" --rounds "$rounds" >>"$json"
done

"$python" bench/python/table.py "$json" >"$out/table.md"
cat "$out/table.md"
echo "bench.sh: wrote $out/table.md and $out/results.jsonl" >&2
