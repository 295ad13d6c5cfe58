#include "models/instruments/params.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/population/params.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace missionsim::model {

const std::vector<InstrumentKindInfo>& instrument_kinds() {
  static const std::vector<InstrumentKindInfo> kinds{
      {"research_grant", InstrumentKind::research_grant, PolicySide::supply,
       "speeds the innovation's maturation: (1 + speedup × funded share) times as fast"},
      {"trial_funding", InstrumentKind::trial_funding, PolicySide::supply,
       "clinical-trial evidence: lowers every adopter's threshold by threshold_reduction × funded share"},
      {"procurement", InstrumentKind::procurement, PolicySide::demand,
       "procurement and reimbursement pull demand: lowers thresholds by threshold_reduction × funded share"},
      {"regulation", InstrumentKind::regulation, PolicySide::demand,
       "a mandate: from its start everyone adopts the innovation (whatever its maturity)"},
      {"campaign", InstrumentKind::campaign, PolicySide::demand,
       "a communication campaign: adds innovation_rate_boost × funded share to the Bass rule's p"},
      {"field_lab", InstrumentKind::field_lab, PolicySide::demand,
       "seeds the innovation in a community of `community` real persons (at least 100,000) of one region "
       "when it starts (a protected niche)"},
      {"infrastructure", InstrumentKind::infrastructure, PolicySide::supply,
       "new centres: on its first funded step adds `capacity` real persons of capacity to the care "
       "providers of `region` (all providers when empty), split equally, so their new practices reach "
       "more patients; needs [[stakeholders]]"},
      {"coordination", InstrumentKind::coordination, PolicySide::supply,
       "coordination across silos: on its first funded step adds `ties` collaboration ties between "
       "organisations of different type and region; needs [[stakeholders]]"},
      {"patient_involvement", InstrumentKind::patient_involvement, PolicySide::demand,
       "patients involved in design and decisions: lowers thresholds by threshold_reduction × funded share "
       "and raises every organisation's engagement by engagement_gain × funded share a year; needs "
       "[[stakeholders]]"},
  };
  return kinds;
}

bool needs_stakeholders(InstrumentKind kind) noexcept {
  return kind == InstrumentKind::infrastructure || kind == InstrumentKind::coordination ||
         kind == InstrumentKind::patient_involvement;
}

bool takes_targets(InstrumentKind kind) noexcept {
  return kind == InstrumentKind::trial_funding || kind == InstrumentKind::procurement ||
         kind == InstrumentKind::regulation || kind == InstrumentKind::campaign ||
         kind == InstrumentKind::patient_involvement;
}

const InstrumentKindInfo& info(InstrumentKind kind) {
  for (const auto& k : instrument_kinds())
    if (k.kind == kind) return k;
  throw InternalError("unknown instrument kind");
}

void declare_instrument_keys(TableSpec& root) {
  auto& t = root.table_array(
      "instruments",
      "Policy instruments: each acts on one innovation from `start` to `end` while its budget "
      "lasts, in the order they are listed when the mission budget runs short.");
  std::vector<std::string> names;
  std::string what;
  for (const auto& k : instrument_kinds()) {
    names.push_back(k.name);
    what += std::string(" ") + k.name + " (" + (k.side == PolicySide::supply ? "supply" : "demand") +
            "-side): " + k.what + ".";
  }
  t.choice("kind", names, "What the instrument does." + what).required();
  t.string("innovation", "Name of the [[innovations]] element it acts on.").required();
  t.date("start", "First day it acts.").required();
  t.date("end", "It stops acting before this day.").required();
  t.real("budget_per_year", "What it may spend per year; 0 means it costs nothing and always acts fully.")
      .unit("currency per year")
      .min(0)
      .default_value(0.0);
  t.real("total_budget",
         "What it may spend in all; 0 means budget_per_year over the whole period. When it is spent the "
         "instrument "
         "stops and a budget_exhausted event is recorded.")
      .unit("currency")
      .min(0)
      .default_value(0.0);
  for (const auto& k : instrument_kinds()) {
    if (!takes_targets(k.kind)) continue;
    auto& targeted = t.when("kind", k.name);
    targeted
        .string("regions",
                "Comma-separated [[regions]] it acts in, e.g. \"north, east\"; empty: every region and the "
                "national organisations.")
        .default_value(std::string());
    targeted
        .string(
            "stakeholder_types",
            "Comma-separated stakeholder types it acts on, e.g. \"care_provider\" (only for innovations "
            "adopted by stakeholders; patient_involvement also raises the engagement of these types only); "
            "empty: every type.")
        .default_value(std::string());
  }
  t.when("kind", "research_grant")
      .real("speedup", "Extra maturation speed with full funding (1 = twice as fast).")
      .min(0)
      .default_value(1.0);
  for (const char* k : {"trial_funding", "procurement", "patient_involvement"})
    t.when("kind", k)
        .real("threshold_reduction", "Lowering of every adopter's threshold with full funding.")
        .unit("share of contacts")
        .range(0, 1)
        .default_value(0.05);
  t.when("kind", "campaign")
      .real("innovation_rate_boost", "Added to the Bass rule's innovation rate p with full funding.")
      .unit("per year")
      .min(0)
      .default_value(0.05);
  auto& lab = t.when("kind", "field_lab");
  lab.real("community", "Real persons in the field lab's community (simulated persons × population.scale).")
      .unit("persons")
      .min(100000)
      .default_value(100000.0);
  lab.string("region", "The [[regions]] element hosting the lab; empty: the first region.")
      .default_value(std::string());
  auto& infra = t.when("kind", "infrastructure");
  infra
      .real("capacity", "Real persons a year the new centres can serve, added once on the first funded step.")
      .unit("persons")
      .min(0)
      .default_value(100000.0);
  infra.string("region", "The [[regions]] element whose providers get the capacity; empty: every provider.")
      .default_value(std::string());
  t.when("kind", "coordination")
      .integer("ties", "Collaboration ties added between organisations of different type and region.")
      .min(0)
      .default_value(std::int64_t{20});
  t.when("kind", "patient_involvement")
      .real("engagement_gain",
            "Rise of every organisation's engagement a year with full funding (capped at 1).")
      .unit("per year")
      .min(0)
      .default_value(0.1);
}

namespace {
std::size_t find_index(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}
}  // namespace

std::vector<InstrumentParams> read_instruments(const TableView& root,
                                               const std::vector<std::string>& innovations,
                                               const PopulationParams& population,
                                               const std::vector<std::string>& type_names,
                                               std::vector<Diagnostic>& problems, bool has_stakeholders) {
  std::vector<InstrumentParams> out;
  std::vector<std::string> regions;
  for (const auto& r : population.regions) regions.push_back(r.name);
  for (const auto& t : root.array("instruments")) {
    InstrumentParams p;
    p.name = t.get<std::string>("name");
    const auto kind = t.get<std::string>("kind");
    for (const auto& k : instrument_kinds())
      if (kind == k.name) p.kind = k.kind;
    p.innovation = t.get<std::string>("innovation");
    if (find_index(innovations, p.innovation) == innovations.size())
      problems.push_back(
          t.diagnostic("innovation", "no [[innovations]] element is named '" + p.innovation + "'"));
    p.start = t.get<Date>("start");
    p.end = t.get<Date>("end");
    if (!(std::chrono::sys_days{p.start} < std::chrono::sys_days{p.end}))
      problems.push_back(t.diagnostic("end", "must be after start (" + format_date(p.start) + ")"));
    if (needs_stakeholders(p.kind) && !has_stakeholders)
      problems.push_back(
          t.diagnostic("kind", std::string("a ") + kind + " instrument needs [[stakeholders]]"));
    p.budget_per_year = t.get<double>("budget_per_year");
    p.total_budget = t.get<double>("total_budget");
    if (takes_targets(p.kind)) {
      p.regions = t.names("regions", regions, "region", problems);
      for (const auto type : t.names("stakeholder_types", type_names, "stakeholder type", problems))
        p.stakeholder_types |= 1u << type;
    }
    switch (p.kind) {
      case InstrumentKind::research_grant:
        p.speedup = t.get<double>("speedup");
        break;
      case InstrumentKind::trial_funding:
      case InstrumentKind::procurement:
        p.threshold_reduction = t.get<double>("threshold_reduction");
        break;
      case InstrumentKind::patient_involvement:
        p.threshold_reduction = t.get<double>("threshold_reduction");
        p.engagement_gain = t.get<double>("engagement_gain");
        break;
      case InstrumentKind::coordination:
        p.ties = static_cast<std::uint32_t>(std::min<std::int64_t>(t.get<std::int64_t>("ties"), 1'000'000));
        break;
      case InstrumentKind::infrastructure: {
        p.capacity = t.get<double>("capacity");
        const auto region = t.get<std::string>("region");
        p.every_region = region.empty();
        p.region = region.empty() ? 0 : find_index(regions, region);
        if (p.region == regions.size())
          problems.push_back(t.diagnostic("region", "no [[regions]] element is named '" + region + "'"));
        break;
      }
      case InstrumentKind::campaign:
        p.innovation_rate_boost = t.get<double>("innovation_rate_boost");
        break;
      case InstrumentKind::regulation:
        break;
      case InstrumentKind::field_lab: {
        p.community = t.get<double>("community");
        const auto region = t.get<std::string>("region");
        p.region = region.empty() ? 0 : find_index(regions, region);
        if (p.region == regions.size()) {
          problems.push_back(t.diagnostic("region", "no [[regions]] element is named '" + region + "'"));
          break;
        }
        const auto& r = population.regions[p.region];
        const double real_people = r.share * population.size * population.scale;
        if (p.community > real_people)
          problems.push_back(
              t.diagnostic("community", "is larger than region '" + r.name + "' (" +
                                            std::to_string(std::llround(real_people)) +
                                            " real persons at this population size and scale)"));
        break;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace missionsim::model
