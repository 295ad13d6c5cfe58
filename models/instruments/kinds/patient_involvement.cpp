// Patients involved in design and decisions: thresholds fall and organisations' engagement
// rises while it is funded.
#include "models/instruments/kinds/lowers_thresholds.hpp"
#include "models/stakeholders/stakeholders.hpp"

namespace missionsim::model {

namespace {
class PatientInvolvement final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "patient_involvement"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::demand; }
  [[nodiscard]] std::string_view what() const override {
    return "patients involved in design and decisions: lowers thresholds by threshold_reduction × funded "
           "share "
           "and raises every organisation's engagement by engagement_gain × funded share a year; needs "
           "[[stakeholders]]";
  }
  [[nodiscard]] bool needs_stakeholders() const override { return true; }
  [[nodiscard]] bool takes_targets() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    declare_threshold_reduction(t);
    t.real("engagement_gain",
           "Rise of every organisation's engagement a year with full funding (capped at 1).")
        .unit("per year")
        .min(0)
        .default_value(0.1);
  }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.threshold_reduction = t.get<double>("threshold_reduction");
    p.engagement_gain = t.get<double>("engagement_gain");
  }
  // Targeted at some regions or types: the organisations there (national bodies only when it
  // targets no region); untargeted: everyone, with no list.
  [[nodiscard]] std::vector<std::uint32_t> organisations(const InstrumentParams& p,
                                                         const Stakeholders& s) const override {
    std::vector<std::uint32_t> out;
    if (p.regions.empty() && p.stakeholder_types == 0) return out;
    for (std::uint32_t o = 0; o < s.size(); ++o) {
      const auto region = s.region()[o];
      const bool in_region =
          p.regions.empty() ||
          std::find(p.regions.begin(), p.regions.end(), static_cast<std::size_t>(region)) != p.regions.end();
      const bool of_type = p.stakeholder_types == 0 || ((p.stakeholder_types >> s.type()[o]) & 1u);
      if (in_region && of_type && (region != national_region || p.regions.empty())) out.push_back(o);
    }
    return out;
  }
  void act(InstrumentAct& a) const override {
    lower_thresholds(a);
    if (a.p.regions.empty() && a.p.stakeholder_types == 0)
      a.stakeholders->raise_engagement(a.p.engagement_gain * a.strength * a.dt_years);
    else
      a.stakeholders->raise_engagement(a.p.engagement_gain * a.strength * a.dt_years, a.organisations);
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> patient_involvement_kind() {
  return std::make_unique<PatientInvolvement>();
}

}  // namespace missionsim::model
