#!/usr/bin/env bash
# Checks (default) or applies (--fix) the repository's .clang-format on every C++ file.
# The format is pinned to clang-format 14, Debian 12's.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.hpp.in' 2>/dev/null || find engine models cli tests bench -name '*.[ch]pp')
[[ ${#files[@]} -gt 0 ]] || exit 0
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files clean"
fi
