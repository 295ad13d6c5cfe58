// Collects the diagnostics of one input file up to a cap, so a user sees every problem at once
// without a wall of repeats, then throws them together as one InputError.
#pragma once

#include "engine/core/error.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace missionsim {

class ProblemList {
 public:
  /// Past this many problems the rest of a report would only repeat itself.
  static constexpr std::size_t default_cap = 20;

  explicit ProblemList(std::string file, std::size_t cap = default_cap);

  /// Keeps `d` while fewer than the cap are kept; past it, only counts it.
  void add(Diagnostic d);
  /// A diagnostic for the whole file (line and column unknown).
  void add_for_file(std::string message);

  [[nodiscard]] bool empty() const noexcept { return found_ == 0; }
  [[nodiscard]] std::size_t found() const noexcept { return found_; }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

  /// Throws InputError with every kept diagnostic (plus one saying how many were left out),
  /// if there are any.
  void throw_if_any() const;

 private:
  std::string file_;
  std::size_t cap_;
  std::size_t found_ = 0;
  std::vector<Diagnostic> kept_;
};

}  // namespace missionsim
