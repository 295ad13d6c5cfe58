#include "engine/analysis/economic_table.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <variant>

namespace missionsim {
namespace {

const EconomicRow& row(const std::vector<EconomicRow>& rows, const std::string& name) {
  const auto it =
      std::find_if(rows.begin(), rows.end(), [&](const EconomicRow& r) { return r.name == name; });
  INFO("row " << name);
  REQUIRE(it != rows.end());
  return *it;
}

}  // namespace

TEST_CASE("economic_table has one described row per comparison figure, with the given units") {
  EconomicComparison c;
  c.settings = {0.035, 20000};
  c.deaths_averted = 7;
  c.qalys_gained = 12.5;
  c.incremental_cost = 25000;
  c.icer = 2000;
  c.net_monetary_benefit = 225000;
  c.equity_gap_closed = std::numeric_limits<double>::quiet_NaN();
  c.icer_note = "dominant";

  const std::vector<EconomicRow> rows = economic_table(c, {"GBP", "deaths per 100000"});
  std::set<std::string> names;
  for (const EconomicRow& r : rows) {
    INFO(r.name);
    CHECK(names.insert(r.name).second);
    CHECK(!r.description.empty());
  }
  // Every numeric field of EconomicComparison, the two settings and the note.
  CHECK(rows.size() == 17);

  CHECK(std::get<double>(row(rows, "discount_rate").value) == 0.035);
  CHECK(std::get<double>(row(rows, "willingness_to_pay").value) == 20000);
  CHECK(row(rows, "willingness_to_pay").units == "GBP/QALY");
  CHECK(std::get<double>(row(rows, "deaths_averted").value) == 7);
  CHECK(std::get<double>(row(rows, "qalys_gained").value) == 12.5);
  CHECK(row(rows, "qalys_gained").units == "QALY");
  CHECK(row(rows, "incremental_cost").units == "GBP");
  CHECK(std::get<double>(row(rows, "icer").value) == 2000);
  CHECK(row(rows, "icer").units == "GBP/QALY");
  CHECK(std::get<double>(row(rows, "net_monetary_benefit").value) == 225000);
  CHECK(std::isnan(std::get<double>(row(rows, "equity_gap_closed").value)));
  CHECK(row(rows, "equity_gap_closed").units == "deaths per 100000");
  CHECK(std::get<std::string>(row(rows, "icer_note").value) == "dominant");
}

}  // namespace missionsim
