// The organisations as columns, their collaboration network with silos, and the care
// providers' patients: who serves each citizen, and which patients a provider's new practice reaches.
#pragma once

#include "engine/io/recorder.hpp"
#include "models/population/population.hpp"
#include "models/stakeholders/params.hpp"
#include "models/world/world.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace missionsim::model {

/// Kinds of pair in the collaboration network, in the order of tie_probabilities().
enum class TieKind : std::uint8_t { same_type_and_region, same_type, same_region, across };
inline constexpr std::size_t tie_kind_count = 4;

class Stakeholders {
 public:
  /// provider_of() of a citizen when the scenario has no organisations at all.
  static constexpr std::uint32_t no_provider = std::numeric_limits<std::uint32_t>::max();

  /// Places the organisations, draws their engagement and incumbency, builds the collaboration
  /// network (time linear in its ties) and assigns every citizen a provider (O(N log N)).
  /// InternalError if a region with citizens has no provider although organisations exist
  /// (read_stakeholders reports that), or if params name a region the population lacks.
  Stakeholders(const StakeholderParams& params, const Population& population, std::uint64_t seed,
               std::uint32_t run);

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(type_.size()); }

  // Columns over organisations, ids 0 .. size()-1, group after group in scenario order.
  [[nodiscard]] std::span<const std::uint8_t> type() const noexcept { return type_; }  ///< StakeholderType
  /// Population region index, or national_region (−1).
  [[nodiscard]] std::span<const std::int16_t> region() const noexcept { return region_; }
  [[nodiscard]] std::span<const double> resources() const noexcept { return resources_; }  ///< per year
  [[nodiscard]] std::span<const float> engagement() const noexcept { return engagement_; }
  [[nodiscard]] std::span<const float> incumbency() const noexcept { return incumbency_; }
  /// Real persons a provider's new practice can reach; +∞ when unlimited; 0 for non-providers
  /// (unless add_capacity gave them some, which reaches nobody).
  [[nodiscard]] std::span<const double> capacity() const noexcept { return capacity_; }
  /// First organisation of each [[stakeholders]] group, then size() (groups + 1 entries).
  [[nodiscard]] std::span<const std::uint32_t> group_starts() const noexcept { return group_starts_; }

  /// Layer "collaboration" over organisations (never well mixed).
  [[nodiscard]] const NetworkLayer& collaboration() const noexcept { return collaboration_; }
  /// Probability of a tie for each TieKind: mean degree × S / (2 × pairs of that kind), at most 1.
  [[nodiscard]] const std::array<double, tie_kind_count>& tie_probabilities() const noexcept {
    return tie_probability_;
  }
  [[nodiscard]] static TieKind tie_kind(std::uint8_t type_a, std::int16_t region_a, std::uint8_t type_b,
                                        std::int16_t region_b) noexcept;

  // Columns over citizens.
  /// The organisation serving each citizen (no_provider only without organisations).
  [[nodiscard]] std::span<const std::uint32_t> provider_of() const noexcept { return provider_of_; }
  /// 1 if a new practice adopted by the citizen's provider reaches them (1 for all without providers).
  [[nodiscard]] std::span<const std::uint8_t> reached() const noexcept { return reached_; }

  /// A provider's patients, in the order its capacity reaches them (by a random priority).
  [[nodiscard]] std::span<const std::uint32_t> patients(std::uint32_t org) const noexcept;
  /// How many of patients(org) are reached: min(P, round(capacity / scale)).
  [[nodiscard]] std::uint32_t reached_count(std::uint32_t org) const noexcept { return reached_count_[org]; }

  /// More capacity (real persons, ≥ 0) for one organisation, e.g. from an infrastructure
  /// instrument; reaches the next patients in priority order, never un-reaches anyone.
  /// O(newly reached patients), allocates nothing. Call only between parallel phases.
  void add_capacity(std::uint32_t org, double extra);

  /// Adds undirected collaboration ties (self-ties and ties already present are ignored) by
  /// rebuilding the graph in place: the NetworkLayer object stays, so pointers to it stay valid.
  /// Allocates; meant for the rare step a coordination instrument acts (the graph is small).
  /// Call only between parallel phases.
  void add_ties(std::span<const std::pair<std::uint32_t, std::uint32_t>> ties);
  /// Adds up to `count` ties between organisations of different type AND different region that
  /// are not tied yet, drawn from a stream keyed by `name` (the same name, seed and run give the
  /// same ties). Fewer when such pairs are rare or nearly all tied already (rejection sampling
  /// with at most 64 × count + 1024 draws). Returns how many were added.
  std::uint32_t add_cross_silo_ties(std::uint32_t count, std::string_view name);
  /// What instruments change during a run (a snapshot for counterfactual runs).
  struct State {
    std::vector<float> engagement;
    std::vector<double> capacity;
    CsrGraph collaboration;
    std::vector<std::uint8_t> reached;
    std::vector<std::uint32_t> reached_count;
  };
  [[nodiscard]] State state() const {
    return {engagement_, capacity_, collaboration_.graph, reached_, reached_count_};
  }
  void restore(const State& s) {
    engagement_ = s.engagement;
    capacity_ = s.capacity;
    collaboration_.graph = s.collaboration;
    reached_ = s.reached;
    reached_count_ = s.reached_count;
  }
  /// Raises every organisation's engagement by `gain` (≥ 0), capped at 1.
  void raise_engagement(double gain);
  /// The same for the organisations listed only.
  void raise_engagement(double gain, std::span<const std::uint32_t> organisations);
  /// Mutable access to the collaboration layer, for a World that must share it.
  [[nodiscard]] NetworkLayer& collaboration_mut() noexcept { return collaboration_; }

  /// Organisations whose type is in `mask`, in id order.
  [[nodiscard]] std::vector<std::uint32_t> members_of_types(StakeholderTypeMask mask) const;

  [[nodiscard]] static std::vector<std::string> type_labels();
  /// The group's name, or "name#k" (k = 1 .. count) for groups of more than one.
  [[nodiscard]] const std::vector<std::string>& organisation_labels() const noexcept { return labels_; }

  /// stakeholders_by_type (organisations of each type) and mean_engagement_by_type (NaN for a
  /// type without organisations).
  static void describe_metrics(std::vector<MetricSpec>& out);
  [[nodiscard]] static constexpr std::size_t metric_width() noexcept { return 2 * stakeholder_type_count; }
  void write_metrics(std::span<double> out) const;

 private:
  void place_organisations(const StakeholderParams& params, std::size_t region_count, std::uint64_t seed,
                           std::uint32_t run);
  void build_collaboration(const CollaborationParams& p, std::uint64_t seed, std::uint32_t run);
  void assign_patients(const Population& population, std::uint64_t seed, std::uint32_t run);
  [[nodiscard]] std::uint32_t reachable(std::uint32_t org) const noexcept;

  double scale_;
  std::uint64_t seed_;
  std::uint32_t run_;
  std::vector<std::uint8_t> type_;
  std::vector<std::int16_t> region_;
  std::vector<double> resources_;
  std::vector<float> engagement_;
  std::vector<float> incumbency_;
  std::vector<double> capacity_;
  std::vector<std::uint32_t> group_starts_;
  std::vector<std::string> labels_;

  NetworkLayer collaboration_;
  std::array<double, tie_kind_count> tie_probability_{};

  std::vector<std::uint32_t> provider_of_;
  std::vector<std::uint8_t> reached_;
  std::vector<std::uint64_t> patient_offsets_;  ///< [size() + 1] into patients_
  std::vector<std::uint32_t> patients_;         ///< citizens by provider, each provider's by priority
  std::vector<std::uint32_t> reached_count_;    ///< [size()]
};

}  // namespace missionsim::model
