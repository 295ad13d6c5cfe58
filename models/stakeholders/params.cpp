#include "models/stakeholders/params.hpp"

#include "engine/core/error.hpp"
#include "engine/core/spelling.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <algorithm>

namespace missionsim::model {

const std::array<std::string_view, stakeholder_type_count>& stakeholder_type_names() noexcept {
  static constexpr std::array<std::string_view, stakeholder_type_count> names = {
      "ministry", "funding_agency", "local_authority",     "care_provider", "cancer_centre", "industry",
      "sme",      "academia",       "patient_association", "payer",         "regulator",     "citizen_group"};
  return names;
}

std::uint32_t StakeholderParams::organisation_count() const noexcept {
  std::uint32_t n = 0;
  for (const auto& g : groups) n += g.count;
  return n;
}

void declare_stakeholder_keys(TableSpec& root) {
  auto& s = root.table_array(
      "stakeholders",
      "Organisations of the quintuple helix, in groups of similar ones. Without any, there is no stakeholder "
      "model. With any, every region needs a care_provider or cancer_centre (its own or a national one): "
      "every citizen is a patient of one.");
  std::vector<std::string> types(stakeholder_type_names().begin(), stakeholder_type_names().end());
  s.choice("type", types, "What kind of organisation the group's members are.").required();
  s.string("region", "Name of the [[regions]] element the organisations work in, or \"national\".")
      .default_value(std::string("national"));
  s.integer("count", "Number of organisations in the group, all drawn from the same parameters.")
      .unit("organisations")
      .range(1, max_organisations)
      .default_value(std::int64_t{1});
  s.real("resources", "Budget each organisation can put into the mission.")
      .unit("currency per year")
      .min(0)
      .default_value(0.0);
  s.real("engagement", "Commitment of each organisation to the mission (the mean when it varies).")
      .unit("share")
      .range(0, 1)
      .default_value(0.5);
  s.real(
       "engagement_spread",
       "Half-width of the uniform spread of engagement across the group's organisations; clamped to [0, 1].")
      .unit("share")
      .min(0)
      .default_value(0.0);
  s.real("incumbency",
         "Commitment of each organisation to today's practice, which holds back change (the mean when it "
         "varies).")
      .unit("share")
      .range(0, 1)
      .default_value(0.5);
  s.real(
       "incumbency_spread",
       "Half-width of the uniform spread of incumbency across the group's organisations; clamped to [0, 1].")
      .unit("share")
      .min(0)
      .default_value(0.0);
  // A variant key, so the validator itself reports capacity set on a type without patients.
  for (const char* provider : {"care_provider", "cancer_centre"})
    s.when("type", provider)
        .real("capacity",
              "Real persons each organisation can reach with a new practice it adopts; patients beyond it "
              "keep today's practice. 0 means unlimited. Only care providers and cancer centres have it.")
        .unit("persons")
        .min(0)
        .default_value(0.0);

  auto& net = root.table("stakeholder_network",
                         "The collaboration network between organisations, with silos: each pair is linked "
                         "independently, with one probability per kind of pair, chosen so that the mean "
                         "number of partners of each kind is as given (fewer when there are too few "
                         "organisations of that kind). National organisations form a region of their own.");
  net.real("within_type_and_region", "Mean partners of the same type in the same region.")
      .unit("organisations")
      .min(0)
      .default_value(4.0);
  net.real("within_type", "Mean partners of the same type in other regions.")
      .unit("organisations")
      .min(0)
      .default_value(1.0);
  net.real("within_region", "Mean partners of other types in the same region.")
      .unit("organisations")
      .min(0)
      .default_value(2.0);
  net.real("across", "Mean partners of another type in another region.")
      .unit("organisations")
      .min(0)
      .default_value(0.5);
}

namespace {
StakeholderType type_from(const std::string& word) {
  const auto& names = stakeholder_type_names();
  const auto it = std::find(names.begin(), names.end(), word);
  if (it == names.end())
    throw InternalError("stakeholder type '" + word + "' passed validation but is unknown");
  return static_cast<StakeholderType>(it - names.begin());
}
}  // namespace

StakeholderParams read_stakeholders(const TableView& root, const std::vector<std::string>& region_names,
                                    std::vector<Diagnostic>& problems) {
  StakeholderParams p;
  const auto groups = root.array("stakeholders");
  std::vector<bool> served(region_names.size(), false);
  bool national_provider = false;
  std::uint64_t total = 0;
  bool refused = false;
  for (const auto& t : groups) {
    StakeholderGroupParams g;
    g.name = t.get<std::string>("name");
    g.type = type_from(t.get<std::string>("type"));
    const auto region = t.get<std::string>("region");
    if (region != "national") {
      const auto it = std::find(region_names.begin(), region_names.end(), region);
      if (it == region_names.end()) {
        std::vector<std::string> candidates = region_names;
        candidates.emplace_back("national");
        std::string message = "no [[regions]] element is named '" + region + "' (regions: ";
        for (std::size_t i = 0; i < region_names.size(); ++i)
          message += (i ? ", '" : "'") + region_names[i] + "'";
        message += "; or \"national\")";
        if (auto guess = did_you_mean(region, candidates)) message += "; did you mean '" + *guess + "'?";
        problems.push_back(t.diagnostic("region", message));
      } else {
        g.region = static_cast<int>(it - region_names.begin());
      }
    }
    g.count = static_cast<std::uint32_t>(t.get<std::int64_t>("count"));
    total += g.count;
    if (total > max_organisations && !refused) {
      refused = true;
      problems.push_back(t.diagnostic(
          "count", "more than " + std::to_string(max_organisations) +
                       " organisations in all [[stakeholders]] (organisations are agents of their own, "
                       "each with a row of the collaboration network)"));
    }
    g.resources = t.get<double>("resources");
    g.engagement = t.get<double>("engagement");
    g.engagement_spread = t.get<double>("engagement_spread");
    g.incumbency = t.get<double>("incumbency");
    g.incumbency_spread = t.get<double>("incumbency_spread");
    if (serves_patients(g.type)) {
      g.capacity = t.get<double>("capacity");
      if (g.region == national_region && region == "national")
        national_provider = true;
      else if (g.region != national_region)
        served[static_cast<std::size_t>(g.region)] = true;
    }
    p.groups.push_back(std::move(g));
  }

  if (!groups.empty() && !national_provider) {
    std::string missing;
    for (std::size_t r = 0; r < region_names.size(); ++r)
      if (!served[r]) missing += (missing.empty() ? "'" : ", '") + region_names[r] + "'";
    if (!missing.empty())
      problems.push_back(root.diagnostic(
          "stakeholders",
          "every citizen is a patient of a care_provider or cancer_centre of their region or a "
          "national one, but no such group serves region(s) " +
              missing));
  }

  const auto net = root.table("stakeholder_network");
  p.network = {net.get<double>("within_type_and_region"), net.get<double>("within_type"),
               net.get<double>("within_region"), net.get<double>("across")};
  return p;
}

}  // namespace missionsim::model
