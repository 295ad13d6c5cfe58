// Gathering the problems of several inputs into one report: a reader that throws InputError
// (a malformed table, edge list or id file) adds its diagnostics to the scenario's list, so the
// user sees them with every other problem rather than one file at a time.
#pragma once

#include "engine/core/error.hpp"

#include <utility>
#include <vector>

namespace missionsim {

/// Runs `read`; if it throws InputError, appends its diagnostics to `problems` instead.
template <class Read>
void collect_problems(std::vector<Diagnostic>& problems, Read&& read) {
  try {
    std::forward<Read>(read)();
  } catch (const InputError& e) {
    problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
}

}  // namespace missionsim
