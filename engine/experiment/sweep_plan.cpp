#include "engine/experiment/sweep_plan.hpp"

#include "engine/core/error.hpp"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>

namespace missionsim {

namespace {
std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
}  // namespace

Shard parse_shard(std::string_view text) {
  const auto fail = [&] {
    throw InputError(
        Diagnostic{{"--shard", 0, 0}, "", "expected I/N with 0 <= I < N, got '" + std::string(text) + "'"});
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) fail();
  Shard s;
  const auto a = std::from_chars(text.data(), text.data() + slash, s.index);
  const auto b = std::from_chars(text.data() + slash + 1, text.data() + text.size(), s.count);
  if (a.ec != std::errc{} || a.ptr != text.data() + slash || b.ec != std::errc{} ||
      b.ptr != text.data() + text.size() || s.count == 0 || s.index >= s.count)
    fail();
  return s;
}

SweepPlan::SweepPlan(Design design, std::uint32_t replicates, std::uint64_t base_seed)
    : design_(std::move(design)), replicates_(replicates), base_seed_(base_seed) {
  if (replicates_ == 0) throw InputError(Diagnostic{{"--replicates", 0, 0}, "", "must be at least 1"});
  const std::uint64_t runs = std::uint64_t{design_.point_count()} * replicates_;
  if (runs == 0) throw InputError(Diagnostic{{"--samples", 0, 0}, "", "the design has no points"});
  if (runs > std::numeric_limits<std::uint32_t>::max() || runs > max_design_points)
    throw InputError(
        Diagnostic{{"--replicates", 0, 0},
                   "",
                   "the sweep would have more than " + std::to_string(max_design_points) + " runs"});
  run_count_ = static_cast<std::uint32_t>(runs);
}

std::uint64_t SweepPlan::seed_of(std::uint32_t run) const noexcept {
  return splitmix64(base_seed_ ^ splitmix64(run)) >> 2;
}

std::vector<std::uint32_t> SweepPlan::runs_of(Shard shard) const {
  std::vector<std::uint32_t> runs;
  for (std::uint32_t r = shard.index; r < run_count_; r += shard.count) runs.push_back(r);
  return runs;
}

std::string SweepPlan::fingerprint() const {
  std::string f = std::string(method_name(design_.method)) + " samples=" + std::to_string(design_.samples) +
                  " replicates=" + std::to_string(replicates_) + " seed=" + std::to_string(base_seed_) +
                  " keys=";
  for (const auto& k : design_.keys) f += k + ",";
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a over the values' bits
  for (double v : design_.values) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    for (int byte = 0; byte < 8; ++byte) hash = (hash ^ ((bits >> (8 * byte)) & 0xFF)) * 0x100000001B3ULL;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return f + " values=" + std::to_string(design_.values.size()) + ":" + buffer;
}

}  // namespace missionsim
