#!/usr/bin/env bash
# Golden outputs: runs a fixed set of commands (run --baseline on demo and the five library
# scenarios, one sweep, one compare, one tipping), each at --threads 1 and 2, and records or
# checks the SHA-256 of every dataset of their HDF5 files (scripts/golden_hash.py).
#   scripts/golden.sh record [FILE]   writes FILE [default: tests/golden/hashes.txt]
#   scripts/golden.sh check [FILE]    prints `differs: LABEL DATASET` per change, exit 1 if any
# Paths are relative to the repository root. MISSIONSIM overrides the binary
# (build/release/cli/missionsim), PYTHON the interpreter with h5py (Debian's /usr/bin/python3).
# Exit status 2 when a command fails. Takes about 40-50 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C  # byte-order sort, the same on every machine

mode=${1:-}
file=${2:-tests/golden/hashes.txt}
if [[ $mode != record && $mode != check ]]; then
  echo "usage: scripts/golden.sh record|check [FILE]" >&2
  exit 2
fi
bin=${MISSIONSIM:-build/release/cli/missionsim}
python=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nondeterministic=0

# Both thread counts go to the same lines: the output must not depend on them.
golden() {
  local label=$1 t
  shift
  for t in 1 2; do
    echo "golden: $label (threads $t)" >&2
    if ! "$bin" "$@" --threads "$t" --quiet --force -o "$tmp/$label-t$t.h5" >/dev/null 2>"$tmp/stderr"; then
      echo "golden: $label (threads $t) failed: $bin $*" >&2
      cat "$tmp/stderr" >&2
      exit 2
    fi
    "$python" scripts/golden_hash.py "$label" "$tmp/$label-t$t.h5" | tee -a "$tmp/all-t$t" >"$tmp/$label-t$t"
  done
  if [[ $mode == record ]] && ! cmp -s "$tmp/$label-t1" "$tmp/$label-t2"; then
    comm -3 "$tmp/$label-t1" "$tmp/$label-t2" | awk '{print "nondeterministic (threads 1 vs 2): " $1, $2}' | sort -u >&2
    nondeterministic=1
  fi
}

golden run-demo run scenarios/demo.toml --baseline
for scenario in scenarios/*.toml; do
  [[ $scenario == scenarios/demo.toml ]] && continue
  golden "run-$(basename "$scenario" .toml)" run "$scenario" --baseline
done
golden sweep-camden sweep scenarios/camden_food.toml --method lhs --samples 4 --replicates 2 \
  --param innovations.eat_well.threshold=0.25:0.45 --set population.size=20000
golden compare-decade compare scenarios/decade_against_cancer.toml scenarios/mixes/decade_prevention_first.toml \
  scenarios/mixes/decade_without_nct.toml --replicates 2 --set population.size=40000
golden tipping-camden tipping scenarios/camden_food.toml --innovation eat_well --replicates 4 \
  --set population.size=20000

if [[ $mode == record ]]; then
  if ((nondeterministic)); then
    echo "golden: threads 1 and 2 disagree, $file not written" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$file")"
  commit=$(git -C "$(dirname "$bin")" rev-parse --short HEAD 2>/dev/null || echo unknown)
  {
    echo "# missionsim golden hashes, recorded by $bin at commit $commit; re-record: scripts/golden.sh record"
    sort "$tmp/all-t1"
  } >"$file"
  echo "golden: $(wc -l <"$tmp/all-t1") datasets written to $file"
  exit 0
fi

[[ -f $file ]] || { echo "golden: no $file (run scripts/golden.sh record)" >&2; exit 2; }
grep -v -e '^#' -e '^$' "$file" | sort >"$tmp/expected"
# A line on one side only is a changed, missing or new dataset; a change shows on both sides.
for t in 1 2; do
  sort "$tmp/all-t$t" | comm -3 "$tmp/expected" -
done | awk '{print "differs: " $1, $2}' | sort -u >"$tmp/differs"
cat "$tmp/differs"
echo "golden: $(wc -l <"$tmp/expected") datasets, $(wc -l <"$tmp/differs") differ"
if [[ -s $tmp/differs ]]; then exit 1; fi
