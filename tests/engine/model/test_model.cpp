// The generic loop: phases run in the frozen order with the bodies their components bound,
// metrics are written through handles, state lists snapshot and restore, and the mistakes a
// component can make in setup are internal errors that name it.
#include "engine/core/error.hpp"
#include "engine/model/model.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace missionsim {

namespace {
// A counter that adds `by` each step in a serial phase and publishes it as a metric; `log`
// records the order in which phases ran.
class Counter final : public Component {
 public:
  Counter(std::string name, int stage, double by, std::vector<std::string>& log, bool bind = true)
      : name_(std::move(name)), stage_(stage), by_(by), log_(log), bind_(bind) {}
  [[nodiscard]] std::string_view name() const override { return name_; }
  void describe(ComponentDescription& d) override {
    value_ = d.set_up_column<double>("value", "the count");
    metric_ = d.metric({name_ + "_count", "1", "The count", std::nullopt});
    add_ = d.phase("add", Phase::Kind::serial, stage_).reads(value_).writes(value_);
    write_ = d.phase("metrics", Phase::Kind::serial, 100).reads(value_).writes_metric(metric_);
  }
  void setup(SetupContext& ctx) override {
    count_ = 0;
    ctx.state().keep(count_);
    if (!bind_) return;
    ctx.body(add_, [this](const StepContext&) {
      count_ += by_;
      log_.push_back(name_);
    });
    ctx.body(write_, [this, out = ctx.values()[metric_]](const StepContext&) { out[0] = count_; });
  }

 private:
  std::string name_;
  int stage_;
  double by_;
  std::vector<std::string>& log_;
  bool bind_;
  double count_ = 0;
  Column<double> value_;
  MetricHandle metric_;
  PhaseHandle add_, write_;
};
}  // namespace

TEST_CASE("Phases run by stage, metrics land at their handles, and a snapshot restores the state") {
  std::vector<std::string> log;
  Counter late("late", 20, 1.0, log), early("early", 10, 10.0, log);
  Model model({&late, &early});  // registry order is not stage order
  model.setup(1, 0, 1);
  for (std::uint32_t t = 0; t < 3; ++t) model.run_step({0, t, 1.0 / 12});
  CHECK(log == std::vector<std::string>{"early", "late", "early", "late", "early", "late"});
  const auto& metrics = model.description().metrics();
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0].name == "late_count");  // in the components' order
  CHECK(model.values()[0] == 3.0);
  CHECK(model.values()[1] == 30.0);
  const ModelSnapshot at3 = model.snapshot();
  model.run_step({0, 3, 1.0 / 12});
  CHECK(model.values()[1] == 40.0);
  model.restore(at3);
  CHECK(model.values()[1] == 30.0);
  model.run_step({0, 3, 1.0 / 12});
  CHECK(model.values()[1] == 40.0);  // the count was restored with the values
}

TEST_CASE("A declared phase left without a body is an internal error naming it") {
  std::vector<std::string> log;
  Counter lazy("lazy", 10, 1.0, log, false);
  Model model({&lazy});
  try {
    model.setup(1, 0, 1);
    FAIL("set up without bodies");
  } catch (const InternalError& e) {
    CHECK(std::string(e.what()).find("'lazy.add'") != std::string::npos);
  }
}

TEST_CASE("A state list refuses a snapshot of another shape, and a view of an unbound column throws on use") {
  int a = 1;
  std::vector<double> b{1, 2};
  StateList list;
  list.keep(a);
  list.keep(b);
  const auto s = list.snapshot();
  a = 5;
  b.push_back(3);
  list.restore(s);
  CHECK(a == 1);
  CHECK(b == std::vector<double>{1, 2});
  StateList other;
  other.keep(a);
  CHECK_THROWS_AS(other.restore(s), InternalError);

  const TypedColumnBinding<int> unbound;
  const ColumnView<int> view(unbound);
  CHECK_THROWS_AS(view(), InternalError);
}

TEST_CASE("Two types for one column read as type names, not mangled ones") {
  ModelDescription d;
  ComponentDescription a(d, "a");
  a.set_up_column<double>("x", "a double");
  ComponentDescription b(d, "b");
  try {
    (void)b.use<int>("a.x");
    FAIL("accepted two types");
  } catch (const InternalError& e) {
    const std::string what = e.what();
    CHECK(what.find("int") != std::string::npos);
    CHECK(what.find("double") != std::string::npos);
  }
}

}  // namespace missionsim
