// Adoption per group of adopters: for each innovation, the share of each group's members (the
// organisations of a stakeholder type, the citizens of a region) that have adopted it (NaN for
// an empty group).
#pragma once

#include "engine/io/recorder.hpp"
#include "models/adoption/adoption.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace missionsim::model {

class AdoptionByGroup {
 public:
  /// `group[k]` is agent k's group, an index into `by.labels`; the column must outlive this.
  /// Metrics are named PREFIX + INNOVATION ("stakeholder_adopter_share_" + "screening").
  AdoptionByGroup(const Adoption& adoption, std::span<const std::uint16_t> group, Breakdown by,
                  std::string prefix, std::string among);

  /// One metric per innovation, with the breakdown `by`.
  void describe_metrics(std::vector<MetricSpec>& out) const;
  /// The same from the innovations alone, before any world exists.
  static void describe_metrics(const std::vector<InnovationParams>& innovations, const Breakdown& by,
                               const std::string& prefix, const std::string& among,
                               std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept;
  void write_metrics(std::span<double> out) const;

 private:
  const Adoption& adoption_;
  std::span<const std::uint16_t> group_;
  Breakdown by_;
  std::string prefix_, among_;
  std::vector<double> members_;  ///< per group
};

}  // namespace missionsim::model
