// One kind of policy instrument as a unit of its own: its scenario keys and how they are read,
// its supply- or demand-side label, and its effect on one funded step. Instruments spend the
// money; a kind says what the money does. The kinds are listed in instrument_kinds.cpp.
#pragma once

#include "engine/core/error.hpp"
#include "models/adoption/adoption.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

class Population;
class Stakeholders;
struct InstrumentParams;
struct PopulationParams;

enum class PolicySide { supply, demand };

/// What a kind's read() may use besides its own table.
struct InstrumentReading {
  const PopulationParams& population;
  const std::vector<std::string>& regions;  ///< the population's region names
  std::vector<Diagnostic>& problems;
};

/// What a kind's act() may touch on one funded step of one instrument.
struct InstrumentAct {
  const InstrumentParams& p;
  double strength;  ///< funded share × intensity × budget factor: what effect sizes are multiplied by
  double dt_years;
  Adoption& adoption;  ///< the adoption of the target innovation
  std::size_t innovation;
  std::span<const std::uint16_t> zones;  ///< the lever zones it acts in; empty: every zone
  std::uint8_t& acted_once;              ///< 0 until a one-off effect (a lab, a centre) has happened
  const Population& population;
  Stakeholders* stakeholders;                          ///< null without [[stakeholders]]
  std::span<const std::uint32_t> organisations;        ///< the kind's organisations(), prepared once
  std::uint32_t& ties_added;                           ///< coordination's record of what it added
  const std::function<void()>& collaboration_changed;  ///< call after adding ties (may be empty)

  /// Calls f on the levers of the target innovation in each of the instrument's zones.
  template <class F>
  void each_zone(F&& f) {
    if (zones.empty()) {
      for (std::uint16_t z = 0; z < adoption.zone_count(); ++z) f(adoption.levers(innovation, z));
    } else {
      for (const auto z : zones) f(adoption.levers(innovation, z));
    }
  }
};

class InstrumentKind {
 public:
  virtual ~InstrumentKind() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] virtual PolicySide side() const = 0;
  /// One line for the scenario reference and the model description.
  [[nodiscard]] virtual std::string_view what() const = 0;
  /// Acts on the organisations, so the scenario needs [[stakeholders]].
  [[nodiscard]] virtual bool needs_stakeholders() const { return false; }
  /// Seeds citizens, so its innovation must be adopted by citizens.
  [[nodiscard]] virtual bool seeds_citizens() const { return false; }
  /// May be targeted at some regions and stakeholder types (keys `regions`, `stakeholder_types`).
  [[nodiscard]] virtual bool takes_targets() const { return false; }
  /// Declares the kind's own keys on the table of instruments of this kind.
  virtual void declare_keys(TableSpec& /*kind*/) const {}
  /// Reads them into p; problems go to r.problems with the table's positions.
  virtual void read(const TableView& /*t*/, const InstrumentReading& /*r*/, InstrumentParams& /*p*/) const {}
  /// The organisations it acts on, found once when the instruments are built (empty: none, or all).
  [[nodiscard]] virtual std::vector<std::uint32_t> organisations(const InstrumentParams& /*p*/,
                                                                 const Stakeholders& /*s*/) const {
    return {};
  }
  /// What a funded step does.
  virtual void act(InstrumentAct& a) const = 0;
};

/// Every kind, in the order the reference lists them.
const std::vector<std::unique_ptr<InstrumentKind>>& instrument_kinds();
/// The kind named `name`; InternalError if none is (the schema's choice refuses unknown names).
const InstrumentKind& instrument_kind(std::string_view name);

}  // namespace missionsim::model
