// Counts every call of the global operator new, for tests that promise "no allocation here".
// Link allocation_counter.cpp into the test executable: it replaces operator new and delete.
#pragma once

#include <cstddef>

namespace missionsim::test {

/// Allocations through operator new (all forms) since the program started.
std::size_t allocation_count() noexcept;

}  // namespace missionsim::test
