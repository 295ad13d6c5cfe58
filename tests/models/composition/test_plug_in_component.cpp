// A component defined here only, added after the registry's: it declares a column, a phase
// that reads the pathway's care states and writes its own column, a metric by region and an
// event kind. Its metric and events reach the output file, and a snapshot taken mid-run
// restores it bit-identically with the rest.
#include "engine/io/file_summary.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "models/components/health_component.hpp"
#include "models/composition/simulation.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

namespace missionsim::model {

namespace {
// People who have ever left the healthy state, by region; an event each time their number
// passes another `every` people.
class IllnessCensus final : public HealthComponent {
 public:
  IllnessCensus(const Scenario& s, std::uint32_t every) : scenario_(s), every_(every) {}
  [[nodiscard]] std::string_view name() const override { return "illness_census"; }

  void describe(ComponentDescription& d) override {
    ever_ill_ = d.set_up_column<std::uint8_t>("ever_ill", "1 once a person has left the healthy state");
    care_state_ = d.use<std::uint8_t>("pathway.care_state");
    region_ = d.use<std::uint16_t>("population.region");
    std::vector<std::string> regions;
    for (const auto& r : scenario_.population.regions) regions.push_back(r.name);
    metric_ =
        d.metric({"ever_ill", "persons", "People who have ever been ill", Breakdown{"region", regions}});
    count_ = d.phase("count", Phase::Kind::serial, Stage::disease + 1)
                 .reads(care_state_, ever_ill_)
                 .writes(ever_ill_);
    write_ = d.phase("metrics", Phase::Kind::serial, Stage::metrics)
                 .reads(ever_ill_, region_)
                 .writes_metric(metric_);
    d.event_kind("census_milestone");
  }

  void setup(SetupContext& ctx) override {
    ever_ill_column_.assign(scenario_.population.size, 0);
    total_ = 0;
    const ColumnView<std::uint8_t> care = ctx.view(care_state_);
    const ColumnView<std::uint16_t> region = ctx.view(region_);
    ctx.bind(ever_ill_, [this] { return std::span<const std::uint8_t>(ever_ill_column_); });
    ctx.body(count_, [this, care](const StepContext& step) {
      const auto states = care();
      for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i] != 0 && !ever_ill_column_[i]) {
          ever_ill_column_[i] = 1;
          if (++total_ % every_ == 0)
            events_.push_back({step.run, step.step, "census_milestone", "ever_ill", double(total_)});
        }
    });
    ctx.body(write_, [this, region, out = ctx.values()[metric_]](const StepContext&) {
      std::fill(out.begin(), out.end(), 0.0);
      const auto r = region();
      for (std::size_t i = 0; i < ever_ill_column_.size(); ++i) out[r[i]] += ever_ill_column_[i];
    });
    ctx.state().keep(ever_ill_column_);
    ctx.state().keep(total_);
  }

  void take_events(std::vector<Event>& out) override {
    out.insert(out.end(), events_.begin(), events_.end());
    events_.clear();
  }

 private:
  const Scenario& scenario_;
  std::uint32_t every_;
  Column<std::uint8_t> ever_ill_, care_state_;
  Column<std::uint16_t> region_;
  MetricHandle metric_;
  PhaseHandle count_, write_;
  std::vector<std::uint8_t> ever_ill_column_;
  std::uint64_t total_ = 0;
  std::vector<Event> events_;
};

Scenario small_demo() {
  // Small, as the CLI tests run it: 2,000 people standing for one million, two years.
  const std::string sets[] = {"population.size=2000", "time.end=2028-01-01",
                              "goals.early_detection.deadline=2027-12-31",
                              "goals.fewer_cancers.deadline=2027-12-31"};
  return load_scenario(test::source_dir() / "scenarios/demo.toml", sets);
}

std::vector<std::unique_ptr<HealthComponent>> census(const Scenario& s) {
  std::vector<std::unique_ptr<HealthComponent>> extra;
  extra.push_back(std::make_unique<IllnessCensus>(s, 20));
  return extra;
}

using Series = std::vector<std::vector<double>>;
Series advance(Simulation& sim, std::uint32_t to) {
  Series out;
  while (sim.next_step() < to) {
    sim.advance(sim.next_step() + 1);
    out.emplace_back(sim.values().begin(), sim.values().end());
  }
  return out;
}
bool identical(const Series& a, const Series& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t t = 0; t < a.size(); ++t)
    if (a[t].size() != b[t].size() ||
        std::memcmp(a[t].data(), b[t].data(), a[t].size() * sizeof(double)) != 0)
      return false;
  return true;
}
}  // namespace

TEST_CASE("A plug-in component's metric, with its labels, and its events reach the output file") {
  const Scenario s = small_demo();
  const RunSettings settings{0, 0, s.seed, 2, 0, false};
  test::TempDir dir;
  const auto file = dir.path() / "census.h5";
  {
    Simulation sim(s, settings, census(s));
    Hdf5Recorder recorder(file, false);
    recorder.begin(sim.recording_header("test"));
    sim.run(recorder);
    recorder.finish();
  }
  const FileSummary summary = read_file_summary(file);
  const auto m = std::find_if(summary.metrics.begin(), summary.metrics.end(),
                              [](const MetricSummary& x) { return x.name == "ever_ill_by_region"; });
  REQUIRE(m != summary.metrics.end());
  CHECK(m->shape == std::vector<std::size_t>{1, summary.steps, s.population.regions.size()});
  const auto e = std::find_if(summary.events.begin(), summary.events.end(),
                              [](const EventCount& x) { return x.kind == "census_milestone"; });
  REQUIRE(e != summary.events.end());
  CHECK(e->count > 0);

  // In memory: the labels are the scenario's regions, and the count never falls and is never
  // below the people the pathway holds outside the healthy state (an independent tally).
  Simulation sim(s, settings, census(s));
  MemoryRecorder rec;
  rec.begin(sim.recording_header("test"));
  sim.run(rec);
  rec.finish();
  const auto spec =
      std::find_if(rec.header().metrics.begin(), rec.header().metrics.end(),
                   [](const MetricSpec& x) { return x.dataset_name() == "ever_ill_by_region"; });
  REQUIRE(spec != rec.header().metrics.end());
  std::vector<std::string> regions;
  for (const auto& r : s.population.regions) regions.push_back(r.name);
  CHECK(spec->by->labels == regions);
  const std::size_t states = 8;
  double previous = 0;
  for (std::uint32_t t = 0; t < summary.steps; ++t) {
    double ever = 0, ill_now = 0;
    for (std::size_t r = 0; r < regions.size(); ++r) ever += rec.value("ever_ill_by_region", 0, t, r);
    for (std::size_t k = 1; k < states; ++k) ill_now += rec.value("people_by_care_state", 0, t, k);
    CHECK(ever >= previous);
    CHECK(ever * s.population.scale >= ill_now - 1e-6 * ill_now);
    previous = ever;
  }
  CHECK(previous > 0);
  std::size_t milestones = 0;
  for (const auto& ev : rec.events())
    if (ev.kind == "census_milestone") {
      ++milestones;
      CHECK(static_cast<std::uint64_t>(ev.value) % 20 == 0);
    }
  CHECK(milestones == static_cast<std::size_t>(previous) / 20);
}

TEST_CASE("A snapshot mid-run restores the plug-in component with the rest, bit-identically") {
  const Scenario s = small_demo();
  const RunSettings settings{0, 0, s.seed, 2, 0, false};
  Simulation straight(s, settings, census(s));
  const Series all = advance(straight, straight.step_count());
  const std::uint32_t at = 9;
  const Series tail(all.begin() + at, all.end());

  Simulation resumed(s, settings, census(s));
  REQUIRE(identical(advance(resumed, at), Series(all.begin(), all.begin() + at)));
  const auto snapshot = resumed.snapshot();
  CHECK(identical(advance(resumed, resumed.step_count()), tail));
  resumed.restore(*snapshot);
  CHECK(identical(advance(resumed, resumed.step_count()), tail));
  // The census moves over the tail, or identity would prove little.
  const auto& metrics = resumed.metrics();
  std::size_t offset = 0;
  for (const auto& m : metrics) {
    if (m.dataset_name() == "ever_ill_by_region") break;
    offset += m.width();
  }
  CHECK(tail.back()[offset] + tail.back()[offset + 1] > tail.front()[offset] + tail.front()[offset + 1]);
}

}  // namespace missionsim::model
