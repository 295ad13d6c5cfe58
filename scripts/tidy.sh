#!/usr/bin/env bash
# clang-tidy with the repository's .clang-tidy, over the files given or, with no arguments,
# over every C++ source file the release build compiles. The release build compiles in unity
# batches, so its compile_commands.json names batches, not files: build/tidy is the release
# preset configured (not built) with MISSIONSIM_UNITY=OFF, the same flags file by file, and is
# configured again when a CMake file is newer than it. Prints each finding and exits 1 if there is any, 0 on
# a clean tree. Not part of scripts/test.sh: the whole tree takes about 14 minutes on 2 cores.
#   scripts/tidy.sh                        # the whole tree, one clang-tidy per core
#   scripts/tidy.sh engine/io/h5.cpp       # a file or a few, before a commit
set -euo pipefail
cd "$(dirname "$0")/.."
db=build/tidy
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy is missing (apt-get install clang-tidy)" >&2; exit 2; }
if [[ ! -f $db/compile_commands.json ]] ||
  [[ -n $(find . -path ./build -prune -o \( -name CMakeLists.txt -o -name '*.cmake' -o -name CMakePresets.json \) \
    -newer "$db/compile_commands.json" -print -quit) ]]; then
  cmake --preset release -B "$db" -DMISSIONSIM_UNITY=OFF >/dev/null
fi

# The project's own translation units: not the header-check files the build generates.
mapfile -t known < <(/usr/bin/python3 - "$db/compile_commands.json" "$PWD" <<'PY'
import json, os, sys
root = sys.argv[2] + "/"
for entry in json.load(open(sys.argv[1])):
    f = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if f.startswith(root) and not f.startswith(root + "build/"):
        print(f[len(root):])
PY
)
if (($#)); then
  files=()
  for f in "$@"; do
    f=${f#./}
    printf '%s\n' "${known[@]}" | grep -qx -- "$f" || { echo "tidy: $f is not a source file the release build compiles" >&2; exit 2; }
    files+=("$f")
  done
else
  files=("${known[@]}")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
# GCC-only warning flags in the compile commands are unknown to clang: not findings.
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 1 clang-tidy -p "$db" --quiet --extra-arg=-Wno-unknown-warning-option \
    >"$log" 2>&1 || true
# A header's finding is reported by every file that includes it: each is counted once.
found=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' "$log" | sed "s|^$PWD/||" | sort -u || true)
[[ -n $found ]] && echo "$found"
findings=$(grep -c . <<<"$found" || true)
# clang-tidy failing without a finding (a file it cannot parse) is a failure too.
if ((findings == 0)) && grep -q 'Error while processing' "$log"; then cat "$log"; findings=1; fi
echo "tidy: ${#files[@]} files, $findings findings, $(($(date +%s) - start)) s"
((findings == 0))
