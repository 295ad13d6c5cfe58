// Adoption among organisations, per stakeholder type: for each innovation organisations adopt,
// the share of each type's organisations that have adopted it (NaN for a type with none).
#pragma once

#include "engine/io/recorder.hpp"
#include "models/adoption/adoption.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <span>
#include <vector>

namespace missionsim::model {

class AdoptionByType {
 public:
  AdoptionByType(const Adoption& organisations, const Stakeholders& stakeholders);

  /// One metric per innovation: stakeholder_adopter_share_INNOVATION_by_type.
  void describe_metrics(std::vector<MetricSpec>& out) const;
  [[nodiscard]] std::size_t metric_width() const noexcept;
  void write_metrics(std::span<double> out) const;

 private:
  const Adoption& adoption_;
  const Stakeholders& stakeholders_;
  std::vector<double> organisations_of_type_;
};

}  // namespace missionsim::model
