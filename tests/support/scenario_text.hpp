// Small scenario files for tests, built from a template so each test states only what it varies.
#pragma once

#include <initializer_list>
#include <string>

namespace missionsim::test {

/// A complete, valid scenario: `population` people, one network layer and one innovation,
/// `years` of monthly steps from 2025-01-01. `network` and `innovation` are the bodies of the
/// [[network]] and [[innovations]] tables (without their name keys: "net" and "idea").
inline std::string scenario_text(int population, const std::string& network, const std::string& innovation,
                                 int years = 2, const std::string& step = "1 month", long seed = 7) {
  return "schema_version = 1\n"
         "[scenario]\nname = \"test\"\nseed = " +
         std::to_string(seed) +
         "\n"
         "[time]\nstart = 2025-01-01\nend = " +
         std::to_string(2025 + years) + "-01-01\nstep = \"" + step +
         "\"\n"
         "[population]\nsize = " +
         std::to_string(population) +
         "\n"
         "[[network]]\nname = \"net\"\n" +
         network +
         "\n"
         "[[innovations]]\nname = \"idea\"\nnetwork = \"net\"\n" +
         innovation + "\n";
}

/// The head of a scenario: [scenario], [time] (monthly from 2025-01-01 for `years`),
/// [population] and, when given, two or more [[regions]] of equal share. Tests append the tables
/// they vary.
inline std::string scenario_head(const std::string& name, long seed, int population, int scale, int years,
                                 std::initializer_list<const char*> regions = {}) {
  std::string text = "schema_version = 1\n[scenario]\nname = \"" + name +
                     "\"\nseed = " + std::to_string(seed) +
                     "\n[time]\nstart = 2025-01-01\nend = " + std::to_string(2025 + years) +
                     "-01-01\n[population]\nsize = " + std::to_string(population) +
                     "\nscale = " + std::to_string(scale) + "\n";
  for (const char* r : regions)
    text += "[[regions]]\nname = \"" + std::string(r) +
            "\"\nshare = " + std::to_string(1.0 / static_cast<double>(regions.size())) + "\n";
  return text;
}

}  // namespace missionsim::test
