// Scenario keys of the early-warning indicators ([early_warning]): the rolling window, the
// detrending and the Gaussian kernel's bandwidth, and how they are read.
#pragma once

#include "engine/analysis/early_warning.hpp"

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

/// Declares the optional table [early_warning] with its defaults.
void declare_early_warning_keys(TableSpec& root);
/// Reads the validated table (defaults filled).
EarlyWarningSettings read_early_warning(const TableView& root);

/// "none", "gaussian" or "linear": the scenario's word for each detrending.
const char* detrending_name(Detrending d);

}  // namespace missionsim::model
