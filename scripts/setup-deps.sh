#!/usr/bin/env bash
# Makes sure the Debian packages missionsim needs are installed. As root on Debian/Ubuntu it
# installs what is missing (running `apt-get update` only then); otherwise it names what is
# missing and how to provide it, and fails.
#   scripts/setup-deps.sh            build and run
#   scripts/setup-deps.sh --test     also what the test suite needs
set -euo pipefail

packages=(cmake ninja-build g++ ccache libboost-graph-dev libeigen3-dev libtbb-dev libhdf5-dev
          libtomlplusplus-dev libcli11-dev librandom123-dev catch2)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang-format python3-h5py python3-xarray python3-h5netcdf python3-matplotlib
            python3-numpy python3-scipy r-base-core r-cran-hdf5r
            openmpi-bin libopenmpi-dev slurmctld slurmd slurm-client munge)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$p")
  done
else
  echo "setup-deps: not a Debian system; make sure these (or their equivalents) are installed:" >&2
  printf '  %s\n' "${packages[@]}" >&2
  echo "and point CMake at them (see README.md, 'Building elsewhere')." >&2
  exit 0
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-deps: missing Debian packages: ${missing[*]}" >&2
  echo "install them as root with:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
