// The early-warning indicators that follow adoption shares and goal KPIs, written after them.
#pragma once

#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"
#include "models/early_warning/early_warnings.hpp"

#include <optional>

namespace missionsim::model {

class EarlyWarningsComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<EarlyWarningsComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                      const RegistryOptions& o);
  explicit EarlyWarningsComponent(const Scenario& s);
  [[nodiscard]] std::string_view name() const override { return "early_warnings"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void conclude(ConcludeContext& ctx) override;

  /// The metrics whose trends are watched, when the scenario has them.
  static const std::vector<std::string>& watched();

 private:
  const Scenario& scenario_;
  std::size_t steps_;
  std::optional<EarlyWarnings> early_warnings_;
  MetricBlock metrics_;
  PhaseHandle observe_;
  std::optional<AnalysisHandle> analysis_;
};

}  // namespace missionsim::model
