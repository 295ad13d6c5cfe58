#!/usr/bin/env bash
# scripts/check-boundaries.sh fails on a tree holding each of its violations, naming file
# and line of each, passes once they are gone, and passes on the repository itself.
#   test_check_boundaries.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: test_check_boundaries.sh SOURCE_DIR}
check="$src/scripts/check-boundaries.sh"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tree/engine/io" "$tree/engine/experiment" "$tree/engine/scenario/detail" "$tree/models/alpha" \
         "$tree/models/beta" "$tree/cli"
printf 'void ok() { H5Dwrite(0); }\n' > "$tree/engine/io/h5.cpp"          # allowed: inside engine/io
printf '#include "engine/io/h5.hpp"\n\nvoid w() {\n  H5LTmake_dataset(f);\n}\n' > "$tree/engine/experiment/file.cpp"
printf '// H5Dread( in a comment is not a call\nint H5P_DEFAULT_like = 0;\n' > "$tree/engine/experiment/quiet.cpp"
printf '#pragma once\n' > "$tree/engine/scenario/detail/text.hpp"
printf '#include "engine/scenario/detail/text.hpp"\n' > "$tree/engine/scenario/reader.cpp"  # allowed: own module
printf 'ms_add_module(alpha SOURCES a.cpp DEPS core)\n' > "$tree/models/alpha/CMakeLists.txt"
printf 'ms_add_module(beta SOURCES b.cpp DEPS core alpha scenario)\n' > "$tree/models/beta/CMakeLists.txt"
printf '#include "models/alpha/a.hpp"\n#include "engine/core/error.hpp"\n#include "models/beta/b.hpp"\n' \
  > "$tree/models/alpha/a.cpp"
printf '#include "engine/scenario/detail/text.hpp"\n' > "$tree/models/beta/b.cpp"
printf '#include "cli/commands.hpp"\n#include "models/experiments/sweep_driver.hpp"\n#include <tbb/parallel_for.h>\n' \
  > "$tree/cli/sweep_command.cpp"
printf '#include "engine/experiment/journal.hpp"\n' > "$tree/cli/run_command.cpp"
seq 151 | sed 's|^|// line |' > "$tree/cli/long_command.cpp"

set +e
out=$("$check" "$tree" 2>&1)
status=$?
set -e
echo "$out"
[[ $status -eq 1 ]] || fail "expected exit 1 on the broken tree, got $status"
grep -q '^engine/experiment/file.cpp:4: HDF5 C API call H5LTmake_dataset( outside engine/io' <<<"$out" \
  || fail "the HDF5 call outside engine/io was not named by file and line"
grep -q '^models/beta/b.cpp:1: includes engine/scenario/detail/text.hpp, a detail header of engine/scenario' <<<"$out" \
  || fail "the detail header included from another module was not named"
grep -q "^models/alpha/a.cpp:3: includes models/beta/b.hpp, but module 'alpha' does not declare 'beta'" <<<"$out" \
  || fail "the undeclared module dependency was not named"
grep -q '^cli/sweep_command.cpp:3: includes tbb/parallel_for.h; cli/ calls a driver' <<<"$out" \
  || fail "the oneTBB include in cli/ was not named"
grep -q '^cli/run_command.cpp:1: includes engine/experiment/journal.hpp; cli/ calls a driver' <<<"$out" \
  || fail "the journal include in cli/ was not named"
grep -q '^cli/long_command.cpp:151: 151 lines, over the 150' <<<"$out" \
  || fail "the command over 150 lines was not named"
[[ $(grep -c '^[a-z].*:[0-9]*: ' <<<"$out") -eq 6 ]] || fail "expected exactly six violations"

# Fixed, the same tree passes.
rm "$tree/engine/experiment/file.cpp" "$tree/models/beta/b.cpp" "$tree/cli/run_command.cpp"
sed -i '/tbb/d' "$tree/cli/sweep_command.cpp"
sed -i '151d' "$tree/cli/long_command.cpp"
sed -i 's/DEPS core)/DEPS core beta)/' "$tree/models/alpha/CMakeLists.txt"
"$check" "$tree" || fail "the fixed tree should pass"

"$check" "$src" || fail "the repository itself has violations"
echo "check-boundaries: all cases pass"
