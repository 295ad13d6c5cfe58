// Adds a table of results (outputs × parameters) to an existing output file as an analysis
// group such as /sensitivity, safely: the file is copied, the copy changed and renamed over the
// original, so a crash leaves the original as it was.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace missionsim {

/// One [outputs, parameters] float64 dataset of the group, row-major.
struct AnalysisMatrix {
  std::string name, description;
  std::vector<double> values;
};

/// Writes /GROUP (replacing one of that name) holding two string dimension scales, `output` and
/// `parameter`, the matrices attached to them, and string attributes. xarray opens the group
/// with those two coordinates.
void write_analysis_group(const std::filesystem::path& file, const std::string& group,
                          const std::vector<std::string>& outputs, const std::vector<std::string>& parameters,
                          const std::vector<AnalysisMatrix>& matrices,
                          const std::vector<std::pair<std::string, std::string>>& attributes);

}  // namespace missionsim
