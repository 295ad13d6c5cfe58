#!/usr/bin/env bash
# Quick start, one command: installs what is missing, builds the missionsim executable of the
# release preset (not the tests or benchmarks: the first result comes sooner), runs the demo
# scenario against its baseline, and prints a summary and the path of its HDF5 file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh release --target missionsim
echo
build/release/cli/missionsim run scenarios/demo.toml -o results/demo.h5 --force --baseline "$@"
echo
echo "HDF5 file: $(pwd)/results/demo.h5"
echo "see what it holds:  build/release/cli/missionsim info results/demo.h5"
