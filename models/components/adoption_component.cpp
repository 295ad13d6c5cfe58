#include "models/components/adoption_component.hpp"

#include "engine/scenario/schema.hpp"

#include "models/components/lever_zones.hpp"

#include "engine/core/error.hpp"
#include "engine/core/names.hpp"

namespace missionsim::model {

namespace {
std::vector<InnovationParams> innovations_of(const Scenario& s, Adopters who) {
  std::vector<InnovationParams> out;
  for (const auto& i : s.innovations)
    if (i.adopters == who) out.push_back(i);
  return out;
}

// Organisations of the adopter types may adopt; incumbency raises their thresholds.
std::vector<AdopterProfile> organisation_profiles(const std::vector<InnovationParams>& innovations,
                                                  const Stakeholders& orgs) {
  std::vector<AdopterProfile> out;
  for (const auto& p : innovations) {
    AdopterProfile profile;
    profile.eligible.resize(orgs.size());
    profile.threshold_offset.resize(orgs.size());
    for (std::uint32_t k = 0; k < orgs.size(); ++k) {
      profile.eligible[k] = (p.adopter_types >> orgs.type()[k]) & 1u;
      profile.threshold_offset[k] = p.incumbency_weight * orgs.incumbency()[k];
    }
    out.push_back(std::move(profile));
  }
  return out;
}

const AdoptionNames organisation_names{"stakeholder_", "stakeholder_innovation", "organisations"};
}  // namespace

void AdoptionComponent::declare_keys(TableSpec& root) {
  declare_innovation_keys(root.table_array("innovations", "Innovations that spread among the population."));
}

std::unique_ptr<AdoptionComponent> AdoptionComponent::make(const Scenario& s, const ComponentsAbove& above,
                                                           const RegistryOptions& o, Adopters who) {
  const auto& population = above.get<PopulationComponent>("population");
  if (who == Adopters::citizens) return std::make_unique<AdoptionComponent>(s, population, o.full_sweep);
  return std::make_unique<AdoptionComponent>(s, population, above.get<StakeholdersComponent>("stakeholders"),
                                             o.full_sweep);
}

AdoptionComponent::AdoptionComponent(const Scenario& s, const PopulationComponent& population,
                                     bool full_sweep)
    : scenario_(s),
      who_(Adopters::citizens),
      population_(population),
      stakeholders_(nullptr),
      full_sweep_(full_sweep),
      innovations_(innovations_of(s, Adopters::citizens)) {}

AdoptionComponent::AdoptionComponent(const Scenario& s, const PopulationComponent& population,
                                     StakeholdersComponent& stakeholders, bool full_sweep)
    : scenario_(s),
      who_(Adopters::stakeholders),
      population_(population),
      stakeholders_(&stakeholders),
      full_sweep_(full_sweep),
      innovations_(innovations_of(s, Adopters::stakeholders)) {}

void AdoptionComponent::describe(ComponentDescription& d) {
  if (!active()) return;
  const bool citizens = who_ == Adopters::citizens;
  adopted =
      d.set_up_column<std::uint8_t>("adopted", "Who has adopted each innovation (initial adopters at setup)");
  protected_adopters =
      d.set_up_column<std::uint8_t>("protected", "Adopters placed by a field lab or a mandate");
  levers = d.set_up_column<double>("levers", "This step's levers of each innovation in each lever zone");
  maturity = d.set_up_column<double>("maturity", "Each innovation's stage of maturity");
  const auto thresholds = d.set_up_column<double>("thresholds", "Each agent's adoption threshold");
  const auto next = d.column<std::uint8_t>("adopted_next", "Adoption at the end of the step being decided");
  const auto active_set = d.column<std::uint8_t>("active_set", "Agents whose decision may change this step");
  const auto changed = d.column<std::uint8_t>("block_changed", "Blocks with an agent marked");
  const auto tallies = d.column<std::uint64_t>("block_tallies", "New adopters and abandonments per block");
  const auto rates = d.column<double>("mixed_rates", "Well-mixed adoption probabilities of the step");
  const auto network =
      citizens ? d.use<CsrGraph>("population.network") : d.use<CsrGraph>("stakeholders.collaboration");
  const std::string self(name());

  // After the instruments' seeds and mandates of this step (DESIGN.md's order).
  d.phase("prepare", Phase::Kind::serial, citizens ? Stage::citizen_decisions : Stage::organisation_decisions)
      .reads(adopted, levers, maturity)
      .writes(rates, maturity);
  d.phase("mark", Phase::Kind::agents, citizens ? Stage::citizen_decisions : Stage::organisation_decisions)
      .reads(rates, adopted, next, network)
      .writes(active_set, changed);
  d.phase("marked", Phase::Kind::serial, citizens ? Stage::citizen_decisions : Stage::organisation_decisions)
      .reads(active_set);
  d.phase("decide", Phase::Kind::agents, citizens ? Stage::citizen_decisions : Stage::organisation_decisions)
      .reads(adopted, thresholds, rates, network, protected_adopters, changed, active_set)
      .writes(next, protected_adopters, tallies, active_set)
      .after(self + ".mark")
      .after("instruments.apply");
  d.phase("commit", Phase::Kind::serial, citizens ? Stage::citizen_decisions : Stage::organisation_decisions)
      .reads(tallies, next)
      .writes(adopted)
      .after("instruments.apply");

  std::vector<MetricSpec> specs, group_specs;
  Adoption::describe_metrics(innovations_, citizens ? AdoptionNames{} : organisation_names, specs);
  if (citizens)
    AdoptionByGroup::describe_metrics(innovations_,
                                      Breakdown{"region", names_of(scenario_.population.regions)},
                                      "adopter_share_", "people", group_specs);
  else
    AdoptionByGroup::describe_metrics(innovations_, Breakdown{"type", Stakeholders::type_labels()},
                                      "stakeholder_adopter_share_", "organisations", group_specs);
  metrics_ = d.metrics(specs);
  group_metrics_ = d.metrics(group_specs);
  auto metrics = d.phase("metrics", Phase::Kind::serial, Stage::metrics)
                     .reads(adopted, maturity, tallies)
                     .writes_metrics(metrics_)
                     .writes_metrics(group_metrics_);
  if (citizens)
    metrics.reads(d.use<std::uint16_t>("population.region"));
  else
    metrics.reads(stakeholders_->type);
  metrics_phase_ = metrics;
}

void AdoptionComponent::setup(SetupContext& ctx) {
  if (!active()) return;
  const std::uint16_t regions = population_.region_count();
  BlockPartition blocks = population_.blocks();
  if (who_ == Adopters::citizens) {
    adoption_.emplace(innovations_, population_.world(), blocks, AdoptionNames{},
                      std::vector<AdopterProfile>{}, LeverZones{population_.population().region(), regions});
    by_group_.emplace(*adoption_, population_.population().region(),
                      Breakdown{"region", population_.population().region_labels()}, "adopter_share_",
                      "people");
  } else {
    const Stakeholders& orgs = stakeholders_->organisations();
    organisation_world_.emplace(orgs.size(), std::vector<NetworkLayer>{orgs.collaboration()});
    zone_ = organisation_zones(orgs, regions);
    blocks = BlockPartition(orgs.size());
    adoption_.emplace(innovations_, *organisation_world_, blocks, organisation_names,
                      organisation_profiles(innovations_, orgs),
                      LeverZones{zone_, organisation_zone_count(regions)});
    group_.assign(orgs.type().begin(), orgs.type().end());
    by_group_.emplace(*adoption_, group_, Breakdown{"type", Stakeholders::type_labels()},
                      "stakeholder_adopter_share_", "organisations");
  }
  adoption_->setup(ctx.seed(), ctx.run());
  adoption_->force_full_sweep(full_sweep_);
  StepPlan phases;
  adoption_->add_phases(phases);
  ctx.bodies_from(phases, blocks);
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_], groups = ctx.values()[group_metrics_]](const StepContext&) {
             adoption_->write_metrics(out);
             by_group_->write_metrics(groups);
           });
  if (who_ == Adopters::citizens) {
    ctx.state().keep([this] { return adoption_->state(); },
                     [this](const Adoption::State& s) { adoption_->restore(s); });
  } else {
    // The stakeholders are restored first (the registry's order): the layer follows theirs.
    ctx.state().keep([this] { return adoption_->state(); },
                     [this](const Adoption::State& s) {
                       adoption_->restore(s);
                       follow_collaboration();
                     });
  }
}

void AdoptionComponent::follow_collaboration() {
  organisation_world_->layer_mut("collaboration").graph =
      stakeholders_->organisations().collaboration().graph;
}

void AdoptionComponent::collaboration_changed() {
  follow_collaboration();
  adoption_->network_changed();
}

void AdoptionComponent::summarise(RunSummary& out) const {
  if (!active()) return;
  const char* among = who_ == Adopters::citizens ? "people" : "organisations";
  for (std::size_t i = 0; i < adoption_->innovation_count(); ++i)
    out.final_shares.push_back({adoption_->params(i).name, among, adoption_->adopter_share(i)});
}

void AdoptionComponent::add_step_costs(double& cost, double dt_years) const {
  if (!active()) return;
  // A simulated citizen stands for scale() real people; an organisation for itself.
  for (std::size_t i = 0; i < adoption_->innovation_count(); ++i) {
    const double yearly = adoption_->params(i).cost_per_adopter_per_year;
    if (who_ == Adopters::citizens)
      cost += adoption_->adopter_count(i) * population_.population().scale() * yearly * dt_years;
    else
      cost += adoption_->adopter_count(i) * yearly * dt_years;
  }
}

InnovationTarget find_innovation(const std::string& name, AdoptionComponent& citizens,
                                 AdoptionComponent& organisations) {
  for (Adoption* a : {citizens.adoption(), organisations.adoption()}) {
    if (!a) continue;
    for (std::size_t i = 0; i < a->innovation_count(); ++i)
      if (a->params(i).name == name) return {a, i, {}};
  }
  throw InternalError("no innovation named '" + name + "' (the scenario reader checks this)");
}

}  // namespace missionsim::model
