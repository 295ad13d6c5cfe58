#!/usr/bin/env bash
# Configures and builds one CMake preset (release, ci, asan-ubsan, dev, tsan) with ccache.
# Fails when CMake reports manually specified variables that nothing used: a flag that sets
# no option is drift. With --target, only that target and what it links are compiled (the
# demo builds the missionsim executable alone, no tests or benchmarks).
#   scripts/build.sh PRESET [--target NAME]... [extra cmake -D options...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:?usage: scripts/build.sh PRESET [--target NAME]... [cmake options...]}
shift
targets=()
while [[ $# -gt 0 && "$1" == "--target" ]]; do
  targets+=(--target "${2:?build.sh: --target needs a name}")
  shift 2
done

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cmake --preset "$preset" "${launcher[@]}" "$@" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
if grep -q "Manually-specified variables were not used" "$log"; then
  cat "$log" >&2
  echo "build.sh: unused -D variables (see above)" >&2
  exit 1
fi
cmake --build "build/$preset" -j "$(nproc)" "${targets[@]}"
