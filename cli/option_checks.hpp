// Checks of command-line numbers that say what was typed and what is allowed in plain numbers.
// CLI11's own (PositiveNumber, NonNegativeNumber) print DBL_MAX as 300 digits, and would read
// "-1" into an unsigned seed as 18446744073709551615.
#pragma once

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace missionsim::cli {

/// A finite number > 0 (or ≥ 0 with `or_zero`).
inline CLI::Validator positive_number(bool or_zero = false) {
  return CLI::Validator(
      [or_zero](const std::string& text) -> std::string {
        double value = 0;
        const auto* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && ptr == end && std::isfinite(value) && (value > 0 || (or_zero && value == 0)))
          return {};
        return std::string("expected a number ") + (or_zero ? "≥ 0" : "> 0") + ", found '" + text + "'";
      },
      or_zero ? "NUMBER ≥ 0" : "NUMBER > 0");
}

/// The --seed option of the commands that run scenarios: an integer from 0 to 2^63 − 1, the
/// range of scenario.seed (TOML integers are signed 64-bit), checked on the text.
inline CLI::Option* add_seed_option(CLI::App& app, std::optional<std::int64_t>& seed,
                                    const std::string& help) {
  const auto whole = [](const std::string& text) -> std::string {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc() && ptr == end && value >= 0) return {};
    return "expected an integer from 0 to 9223372036854775807, found '" + text + "'";
  };
  return app.add_option("--seed", seed, help)->check(CLI::Validator(whole, "SEED"));
}

}  // namespace missionsim::cli
