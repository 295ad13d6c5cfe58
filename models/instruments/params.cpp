#include "models/instruments/params.hpp"

#include "models/instruments/instrument_kind.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/population/params.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace missionsim::model {

void declare_instrument_keys(TableSpec& root) {
  auto& t = root.table_array(
      "instruments",
      "Policy instruments: each acts on one innovation from `start` to `end` while its budget "
      "lasts, in the order they are listed when the mission budget runs short.");
  std::vector<std::string> names;
  std::string what;
  for (const auto& k : instrument_kinds()) {
    names.emplace_back(k->name());
    what += " " + std::string(k->name()) + " (" + (k->side() == PolicySide::supply ? "supply" : "demand") +
            "-side): " + std::string(k->what()) + ".";
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
    if (!k->takes_targets()) continue;
    auto& targeted = t.when("kind", std::string(k->name()));
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
  for (const auto& k : instrument_kinds()) k->declare_keys(t.when("kind", std::string(k->name())));
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
    p.kind = &instrument_kind(kind);
    p.innovation = t.get<std::string>("innovation");
    if (find_index(innovations, p.innovation) == innovations.size())
      problems.push_back(
          t.diagnostic("innovation", "no [[innovations]] element is named '" + p.innovation + "'"));
    p.start = t.get<Date>("start");
    p.end = t.get<Date>("end");
    if (!(std::chrono::sys_days{p.start} < std::chrono::sys_days{p.end}))
      problems.push_back(t.diagnostic("end", "must be after start (" + format_date(p.start) + ")"));
    if (p.kind->needs_stakeholders() && !has_stakeholders)
      problems.push_back(
          t.diagnostic("kind", std::string("a ") + kind + " instrument needs [[stakeholders]]"));
    p.budget_per_year = t.get<double>("budget_per_year");
    p.total_budget = t.get<double>("total_budget");
    if (p.kind->takes_targets()) {
      p.regions = t.names("regions", regions, "region", problems);
      for (const auto type : t.names("stakeholder_types", type_names, "stakeholder type", problems))
        p.stakeholder_types |= 1u << type;
    }
    p.kind->read(t, InstrumentReading{population, regions, problems}, p);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace missionsim::model
