#include "models/components/adoption_by_group.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <limits>

namespace missionsim::model {

AdoptionByGroup::AdoptionByGroup(const Adoption& adoption, std::span<const std::uint16_t> group, Breakdown by,
                                 std::string prefix, std::string among)
    : adoption_(adoption),
      group_(group),
      by_(std::move(by)),
      prefix_(std::move(prefix)),
      among_(std::move(among)),
      members_(by_.labels.size(), 0.0) {
  for (const auto g : group_) {
    if (g >= members_.size()) throw InternalError("AdoptionByGroup: group out of range");
    members_[g] += 1.0;
  }
}

void AdoptionByGroup::describe_metrics(std::vector<MetricSpec>& out) const {
  std::vector<InnovationParams> innovations;
  for (std::size_t i = 0; i < adoption_.innovation_count(); ++i) innovations.push_back(adoption_.params(i));
  describe_metrics(innovations, by_, prefix_, among_, out);
}

void AdoptionByGroup::describe_metrics(const std::vector<InnovationParams>& innovations, const Breakdown& by,
                                       const std::string& prefix, const std::string& among,
                                       std::vector<MetricSpec>& out) {
  for (const auto& p : innovations)
    out.push_back({prefix + p.name, "1",
                   "Share of the " + among + " of each " + by.dim + " that have adopted " + p.name +
                       ", at the end of the step (NaN where there are none)",
                   by});
}

std::size_t AdoptionByGroup::metric_width() const noexcept {
  return adoption_.innovation_count() * members_.size();
}

void AdoptionByGroup::write_metrics(std::span<double> out) const {
  const std::size_t groups = members_.size();
  for (std::size_t i = 0; i < adoption_.innovation_count(); ++i) {
    auto shares = out.subspan(i * groups, groups);
    std::fill(shares.begin(), shares.end(), 0.0);
    const auto adopted = adoption_.adopted(i);
    for (std::size_t k = 0; k < group_.size(); ++k) shares[group_[k]] += adopted[k];
    for (std::size_t g = 0; g < groups; ++g)
      shares[g] = members_[g] > 0 ? shares[g] / members_[g] : std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace missionsim::model
