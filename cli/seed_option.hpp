// The --seed option of the commands that run scenarios: an integer from 0 to 2^63 − 1, the
// range of scenario.seed (TOML integers are signed 64-bit). CLI11 would read "-1" into an
// unsigned seed as 18446744073709551615; as a signed one, what was typed is what is refused.
#pragma once

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

namespace missionsim::cli {

inline CLI::Option* add_seed_option(CLI::App& app, std::optional<std::int64_t>& seed, const std::string& help) {
  // Checked on the text: CLI11 would clamp 2^64 − 1 to the largest int64 without a word.
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
