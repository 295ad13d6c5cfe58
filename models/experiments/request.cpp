#include "models/experiments/request.hpp"

#include "engine/core/number_text.hpp"

namespace missionsim::model {

std::vector<std::string> ScenarioRequest::with_seed() const {
  std::vector<std::string> out = overrides;
  if (seed) out.push_back("scenario.seed=" + std::to_string(*seed));
  return out;
}

std::string number_override(std::string_view key, double value) {
  return std::string(key) + "=" + format_number(value);
}

}  // namespace missionsim::model
