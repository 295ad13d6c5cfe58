#include "models/composition/adoption_by_type.hpp"

#include <limits>

namespace missionsim::model {

AdoptionByType::AdoptionByType(const Adoption& organisations, const Stakeholders& stakeholders)
    : adoption_(organisations),
      stakeholders_(stakeholders),
      organisations_of_type_(stakeholder_type_count, 0.0) {
  for (auto t : stakeholders.type()) organisations_of_type_[t] += 1.0;
}

void AdoptionByType::describe_metrics(std::vector<MetricSpec>& out) const {
  const Breakdown by{"type", Stakeholders::type_labels()};
  for (std::size_t i = 0; i < adoption_.innovation_count(); ++i)
    out.push_back({"stakeholder_adopter_share_" + adoption_.params(i).name, "1",
                   "Share of the organisations of each type that have adopted " + adoption_.params(i).name +
                       ", at the end of the step (NaN for a type without organisations)",
                   by});
}

std::size_t AdoptionByType::metric_width() const noexcept {
  return adoption_.innovation_count() * stakeholder_type_count;
}

void AdoptionByType::write_metrics(std::span<double> out) const {
  const auto types = stakeholders_.type();
  for (std::size_t i = 0; i < adoption_.innovation_count(); ++i) {
    auto shares = out.subspan(i * stakeholder_type_count, stakeholder_type_count);
    std::fill(shares.begin(), shares.end(), 0.0);
    const auto adopted = adoption_.adopted(i);
    for (std::size_t k = 0; k < types.size(); ++k) shares[types[k]] += adopted[k];
    for (std::size_t t = 0; t < stakeholder_type_count; ++t)
      shares[t] = organisations_of_type_[t] > 0 ? shares[t] / organisations_of_type_[t]
                                                : std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace missionsim::model
