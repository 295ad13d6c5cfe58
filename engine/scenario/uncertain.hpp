// Scenario keys given as probability distributions instead of values, for probabilistic
// sensitivity analysis: `threshold = { distribution = "beta", alpha = 2, beta = 5 }`. Any key of
// type real may be one. A plain run uses each distribution's mean; `compare --psa N` draws N
// parameter sets. The form is documented in docs/scenario-reference.md.
#pragma once

#include "engine/rng/distribution.hpp"
#include "engine/scenario/document.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace missionsim {

/// One thing wrong with a distribution table: the node to point at, the key below the table's
/// own path ("" for the table itself, "alpha" for one of its keys) and the message.
struct DistributionProblem {
  const toml::node* node;
  std::string key;
  std::string message;
};

/// Reads the distribution table `t` given for real key `k`: the `distribution` name, exactly
/// the parameters of that distribution (finite numbers with their constraints), and a support
/// that fits the key's range (a normal for a key ≥ 0 is refused, with the distributions that
/// would fit). nullopt with `problems` filled when anything is wrong.
std::optional<Distribution> read_distribution(const toml::table& t, const KeySpec& k,
                                              std::vector<DistributionProblem>& problems);

/// A key given as a distribution, by its dotted path (array elements by name, as overrides
/// address them).
struct UncertainParameter {
  std::string path;
  Distribution distribution;
};

/// Every key of a valid document given as a distribution, in the schema's order.
std::vector<UncertainParameter> uncertain_parameters(const ScenarioDocument& doc, const TableSpec& schema);

/// Values by key path, e.g. drawn for one parameter set.
using ParameterValues = std::map<std::string, double>;

/// Replaces every distribution table of a valid document with a number: its value in `values`
/// when given, else the distribution's mean. Throws InternalError for a value of a key that is
/// not a distribution.
void resolve_uncertain(ScenarioDocument& doc, const TableSpec& schema, const ParameterValues& values = {});

}  // namespace missionsim
