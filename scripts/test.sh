#!/usr/bin/env bash
# The test command, and all CI runs: installs what is missing, checks formatting, builds the
# `ci` preset (release + seatbelts) and runs every tier but `slow`, then builds the
# `asan-ubsan` preset and runs the unit, integration and determinism tiers.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/setup-deps.sh --test

echo "== format"
scripts/format.sh

echo "== release build (ci preset)"
scripts/build.sh ci
ctest --test-dir build/ci --output-on-failure -j "$jobs" -LE slow

echo "== address + undefined sanitizers (asan-ubsan preset)"
scripts/build.sh asan-ubsan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan-ubsan --output-on-failure -j "$jobs" -L 'unit|integration|determinism'
