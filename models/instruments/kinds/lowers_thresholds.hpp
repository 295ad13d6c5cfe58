// The kinds whose effect is to lower adopters' thresholds with the money spent: the key, its
// reading and the effect, shared so that each kind is its name, side and line.
#pragma once

#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"

namespace missionsim::model {

/// Every adopter's threshold, in the instrument's zones, falls by threshold_reduction × strength.
inline void lower_thresholds(InstrumentAct& a) {
  a.each_zone([&](ZoneLevers& z) { z.threshold_shift -= a.p.threshold_reduction * a.strength; });
}

class LowersThresholds final : public InstrumentKind {
 public:
  LowersThresholds(std::string_view name, PolicySide side, std::string_view what)
      : name_(name), side_(side), what_(what) {}
  [[nodiscard]] std::string_view name() const override { return name_; }
  [[nodiscard]] PolicySide side() const override { return side_; }
  [[nodiscard]] std::string_view what() const override { return what_; }
  [[nodiscard]] bool takes_targets() const override { return true; }
  void declare_keys(TableSpec& t) const override { declare_threshold_reduction(t); }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.threshold_reduction = t.get<double>("threshold_reduction");
  }
  void act(InstrumentAct& a) const override { lower_thresholds(a); }

 private:
  std::string_view name_;
  PolicySide side_;
  std::string_view what_;
};

}  // namespace missionsim::model
