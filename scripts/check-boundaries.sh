#!/usr/bin/env bash
# The layering rules CMake cannot see — HDF5's C API only in engine/io, detail/ headers only
# from their own module, a model module including only the modules in its DEPS — checked on a
# source tree (default: this repository). Prints FILE:LINE for each violation and exits 1.
#   scripts/check-boundaries.sh [ROOT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec python3 "$here/check_boundaries.py" "${1:-$here/..}"
