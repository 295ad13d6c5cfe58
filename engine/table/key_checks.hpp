// Checks across the rows of a table keyed by some of its columns: one row per combination of
// keys, and, for a grid, every combination of the expected labels present.
#pragma once

#include "engine/table/csv_table.hpp"

#include <string>
#include <vector>

namespace missionsim {

/// One key column of a grid and the labels it must take, written as CsvTable::cell() shows
/// them ("north", "3", "0.5").
struct GridAxis {
  std::string column;
  std::vector<std::string> labels;
};

/// Throws InputError naming every combination of `key_columns` that appears on more than one
/// row, with the line it first appeared on.
void require_unique_keys(const CsvTable& table, const std::vector<std::string>& key_columns);

/// Throws InputError unless there is exactly one row per combination of the axes' labels:
/// reports every cell whose label is not among its axis's (with a did-you-mean), every repeated
/// combination, and every combination with no row.
void require_complete_grid(const CsvTable& table, const std::vector<GridAxis>& axes);

}  // namespace missionsim
