#include "engine/core/error.hpp"
#include "engine/schedule/step_plan.hpp"

#include <catch2/catch.hpp>

namespace missionsim {

namespace {
Phase agents(std::string name, std::vector<std::string> writes) {
  Phase p;
  p.name = std::move(name);
  p.writes = std::move(writes);
  p.on_block = [](const StepContext&, const AgentBlock&) {};
  return p;
}
Phase serial(std::string name) {
  Phase p;
  p.name = std::move(name);
  p.kind = Phase::Kind::serial;
  p.on_step = [](const StepContext&) {};
  return p;
}
}  // namespace

TEST_CASE("A valid plan freezes and refuses later changes") {
  StepPlan plan;
  plan.add(agents("decide", {"adopted.next"}));
  plan.add(serial("commit"));
  plan.freeze();
  CHECK(plan.frozen());
  CHECK_THROWS_AS(plan.add(serial("late")), InternalError);
}

TEST_CASE("Freezing rejects malformed plans") {
  StepPlan plan;
  SECTION("duplicate names") {
    plan.add(serial("a"));
    plan.add(serial("a"));
  }
  SECTION("agent phase without a body") {
    Phase p;
    p.name = "empty";
    plan.add(p);
  }
  SECTION("two agent phases writing the same state with no barrier") {
    plan.add(agents("one", {"x"}));
    plan.add(agents("two", {"x"}));
  }
  CHECK_THROWS_AS(plan.freeze(), InternalError);
  CHECK_FALSE(plan.frozen());
}

TEST_CASE("A serial phase between two writers makes the plan valid") {
  StepPlan plan;
  plan.add(agents("one", {"x"}));
  plan.add(serial("barrier"));
  plan.add(agents("two", {"x"}));
  CHECK_NOTHROW(plan.freeze());
}

}  // namespace missionsim
