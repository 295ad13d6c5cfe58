#include "engine/scenario/uncertain.hpp"

#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::all;
using test::check;
using test::demo_schema;
using test::demo_text;
using test::with_line;

TEST_CASE("a real key may be a distribution table, and is valid when it fits the key's range") {
  for (const char* line : {"threshold = { distribution = \"beta\", alpha = 2, beta = 5 }",
                           "threshold = { distribution = \"uniform\", min = 0.1, max = 0.4 }",
                           "threshold = { distribution = \"triangular\", min = 0, mode = 0.2, max = 1 }"}) {
    const auto ds = check(with_line(demo_text, 17, line));
    INFO(line << "\n" << all(ds));
    CHECK(ds.empty());
  }
  // > 0 without an upper bound: lognormal and gamma fit.
  CHECK(check(with_line(demo_text, 6, "step_years = { distribution = \"gamma\", shape = 2, scale = 0.1 }"))
            .empty());
  CHECK(check(with_line(demo_text, 6, "step_years = { distribution = \"lognormal\", mu = -2, sigma = 0.3 }"))
            .empty());
}

TEST_CASE("a malformed distribution is reported at its line with the key path") {
  struct Case {
    std::string replacement;
    std::string key;
    std::string fragment;
  };
  const auto c = GENERATE(values<Case>({
      {"threshold = { distribution = \"betta\", alpha = 2, beta = 5 }",
       "innovations.screening.threshold.distribution", "did you mean \"beta\"?"},
      {"threshold = { alpha = 2, beta = 5 }", "innovations.screening.threshold",
       "needs distribution = one of"},
      {"threshold = { distribution = \"beta\", alpha = 2 }", "innovations.screening.threshold.beta",
       "required key 'beta' of a beta distribution is missing; it takes alpha, beta"},
      {"threshold = { distribution = \"beta\", alpha = 2, beta = 5, sd = 1 }",
       "innovations.screening.threshold.sd", "unknown key 'sd' for a beta distribution"},
      {"threshold = { distribution = \"beta\", alpha = \"two\", beta = 5 }",
       "innovations.screening.threshold.alpha", "expected a finite number, found a string"},
      {"threshold = { distribution = \"beta\", alpha = -1, beta = 5 }", "innovations.screening.threshold",
       "needs alpha > 0 and beta > 0"},
      {"threshold = { distribution = \"uniform\", min = 0.5, max = 0.2 }", "innovations.screening.threshold",
       "needs min < max"},
      {"threshold = { distribution = \"normal\", mean = 0.3, sd = 0.1 }", "innovations.screening.threshold",
       "takes values outside the key's range (in [0, 1]); use beta, uniform or triangular"},
      {"threshold = { distribution = \"uniform\", min = 0.5, max = 1.2 }", "innovations.screening.threshold",
       "outside the key's range"},
  }));
  const auto ds = check(with_line(demo_text, 17, c.replacement));
  INFO(c.replacement << "\n" << all(ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == "demo.toml");
  CHECK(ds[0].where.line == 17);
  CHECK(ds[0].key == c.key);
  CHECK(ds[0].message.find(c.fragment) != std::string::npos);
}

TEST_CASE("an integer key does not take a distribution") {
  const auto ds = check(with_line(demo_text, 7, "steps = { distribution = \"uniform\", min = 1, max = 5 }"));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message.find("expected an integer") != std::string::npos);
}

TEST_CASE("uncertain parameters are listed by path and resolve to their means or given values") {
  auto doc = parse_document(
      with_line(demo_text, 17, "threshold = { distribution = \"beta\", alpha = 2, beta = 6 }"), "demo.toml");
  REQUIRE(validate(doc, demo_schema()).empty());
  const auto params = uncertain_parameters(doc, demo_schema());
  REQUIRE(params.size() == 1);
  CHECK(params[0].path == "innovations.screening.threshold");
  CHECK(params[0].distribution.kind == DistributionKind::beta);
  CHECK(to_toml_text(doc).find("threshold = { alpha = 2, beta = 6, distribution = \"beta\" }") !=
        std::string::npos);

  auto drawn = doc;
  resolve_uncertain(drawn, demo_schema(), {{"innovations.screening.threshold", 0.4}});
  CHECK(drawn.root["innovations"][0]["threshold"].value<double>() == 0.4);
  resolve_uncertain(doc, demo_schema());
  CHECK(doc.root["innovations"][0]["threshold"].value<double>() == 0.25);  // 2 / (2 + 6)
  CHECK(uncertain_parameters(doc, demo_schema()).empty());
  CHECK_THROWS_AS(resolve_uncertain(doc, demo_schema(), {{"seed", 1.0}}), InternalError);
}

}  // namespace missionsim
