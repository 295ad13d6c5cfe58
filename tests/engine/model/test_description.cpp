// Freezing a model description: the checks that guard the step plan (reads nothing writes,
// writes nothing reads, undeclared writer order, races, metrics read before written), the
// order of phases, and the plan as info --plan prints it.
#include "engine/core/error.hpp"
#include "engine/model/description.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace missionsim {

namespace {
using Kind = Phase::Kind;

// The message freeze() throws, or "" when it freezes.
std::string freeze_error(ModelDescription& d) {
  try {
    d.freeze();
  } catch (const InternalError& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("A column read that nothing writes names the reading component, phase and column") {
  SECTION("a column no component declares") {
    ModelDescription d;
    ComponentDescription b(d, "b");
    b.phase("read", Kind::serial, 1).reads(b.use<int>("ghost.x"));
    const auto e = freeze_error(d);
    CHECK(has(e, "'b.read'"));
    CHECK(has(e, "component 'b'"));
    CHECK(has(e, "'ghost.x'"));
  }
  SECTION("a declared column neither set up nor written by a phase") {
    ModelDescription d;
    ComponentDescription a(d, "a");
    a.column<int>("x", "never written");
    ComponentDescription b(d, "b");
    b.phase("read", Kind::serial, 1).reads(b.use<int>("a.x"));
    const auto e = freeze_error(d);
    CHECK(has(e, "'b.read'"));
    CHECK(has(e, "'a.x'"));
    CHECK(has(e, "component 'a' does not set up"));
  }
  SECTION("setup counts as a writer") {
    ModelDescription d;
    ComponentDescription a(d, "a");
    a.set_up_column<int>("x", "written by setup");
    ComponentDescription b(d, "b");
    b.phase("read", Kind::serial, 1).reads(b.use<int>("a.x"));
    CHECK(freeze_error(d).empty());
  }
}

TEST_CASE("A column a phase writes that no phase reads names the writer and the column") {
  ModelDescription d;
  ComponentDescription a(d, "a");
  const auto x = a.column<double>("x", "written, never read");
  a.phase("write", Kind::serial, 1).writes(x);
  const auto e = freeze_error(d);
  CHECK(has(e, "'a.write'"));
  CHECK(has(e, "component 'a'"));
  CHECK(has(e, "'a.x'"));
  CHECK(has(e, "no phase reads"));
}

TEST_CASE("Two writers of one column need the later one to declare the order") {
  auto describe = [](ModelDescription& d, bool declared) {
    ComponentDescription a(d, "a");
    const auto x = a.set_up_column<int>("x", "shared");
    a.phase("first", Kind::serial, 2).writes(x);
    ComponentDescription b(d, "b");
    auto second = b.phase("second", Kind::serial, 3).reads(b.use<int>("a.x")).writes(b.use<int>("a.x"));
    if (declared) second.after("a.first");
  };
  SECTION("undeclared: both sides are named") {
    ModelDescription d;
    describe(d, false);
    const auto e = freeze_error(d);
    CHECK(has(e, "'a.first' (component 'a')"));
    CHECK(has(e, "'b.second' (component 'b')"));
    CHECK(has(e, "'a.x'"));
    CHECK(has(e, "after(\"a.first\")"));
  }
  SECTION("declared: it freezes") {
    ModelDescription d;
    describe(d, true);
    CHECK(freeze_error(d).empty());
  }
}

TEST_CASE("Two agent phases writing one column need a serial phase between them") {
  for (const bool barrier : {false, true}) {
    ModelDescription d;
    ComponentDescription a(d, "a");
    const auto x = a.column<int>("x", "per-block tallies");
    a.phase("one", Kind::agents, 1).writes(x);
    if (barrier) a.phase("between", Kind::serial, 1).reads(x);
    a.phase("two", Kind::agents, 1).reads(x).writes(x).after("a.one");
    const auto e = freeze_error(d);
    if (barrier) {
      CHECK(e.empty());
    } else {
      CHECK(has(e, "'a.two'"));
      CHECK(has(e, "no serial phase between"));
    }
  }
}

TEST_CASE("A metric read before a phase of the step writes it is an error, and after it is not") {
  for (const int reader_stage : {1, 3}) {
    ModelDescription d;
    ComponentDescription a(d, "a");
    const auto m = a.metric({"count", "persons", "A count", std::nullopt});
    a.phase("metrics", Kind::serial, 2).writes_metric(m);
    ComponentDescription b(d, "b");
    b.phase("watch", Kind::serial, reader_stage).reads_metric(b.use_metric("count"));
    const auto e = freeze_error(d);
    if (reader_stage < 2) {
      CHECK(has(e, "'b.watch'"));
      CHECK(has(e, "'count'"));
    } else {
      CHECK(e.empty());
      CHECK(d.primary_metrics().size() == 1);
    }
  }
}

TEST_CASE("A column named with two types, or declared twice, is refused at once") {
  ModelDescription d;
  ComponentDescription a(d, "a");
  a.set_up_column<int>("x", "an int");
  ComponentDescription b(d, "b");
  CHECK_THROWS_AS(b.use<double>("a.x"), InternalError);
  CHECK_THROWS_AS(a.set_up_column<int>("x", "again"), InternalError);
  CHECK_THROWS_AS(ComponentDescription(d, "a"), InternalError);
}

TEST_CASE("Phases run by stage, then in the order components and phases were declared") {
  ModelDescription d;
  ComponentDescription a(d, "a");
  const auto x = a.set_up_column<int>("x", "state");
  const auto count = a.metric({"count", "persons", "A count", Breakdown{"region", {"north", "south"}}});
  a.phase("late", Kind::serial, 30).reads(x).writes_metric(count);
  a.phase("early", Kind::serial, 10).reads(x).writes(x);
  ComponentDescription b(d, "b");
  b.phase("middle", Kind::agents, 20).reads(b.use<int>("a.x"));
  d.freeze();
  CHECK(d.plan_text() ==
        "a.setup writes: a.x\n"
        "a.early reads: a.x writes: a.x\n"
        "b.middle reads: a.x writes: -\n"
        "a.late reads: a.x writes: metrics/count_by_region\n");
  CHECK(d.value_count() == 2);
  const auto dot = d.plan_dot();
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(has(dot, "\"a.early\" -> \"b.middle\" [style=bold]"));
  CHECK(has(dot, "\"a.x\" -> \"b.middle\" [style=dashed]"));
  CHECK(has(dot, "\"a.late\" -> \"metrics/count_by_region\" [style=dashed]"));
  CHECK(has(dot, "\"a.x\" [shape=note, tooltip=\"state\"]"));
  CHECK(has(dot, "\"metrics/count_by_region\" [shape=note, tooltip=\"A count\"]"));
}

}  // namespace missionsim
