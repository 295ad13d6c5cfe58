#include "engine/table/key_checks.hpp"

#include "engine/core/spelling.hpp"
#include "engine/table/detail/near_miss.hpp"
#include "engine/table/problem_list.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <utility>

namespace missionsim {

namespace {

using Key = std::vector<std::string>;

// "region=north, quintile=3"
std::string describe(const std::vector<std::string>& columns, const Key& key) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += columns[i] + "=" + key[i];
  }
  return out;
}

Key key_of(const CsvTable& table, std::size_t row, const std::vector<std::string>& columns) {
  Key key;
  key.reserve(columns.size());
  for (const auto& c : columns) key.push_back(table.cell(row, c));
  return key;
}

// Reports every row whose key was already seen; `use` says which rows take part.
template <typename Use>
std::set<Key> check_unique(const CsvTable& table, const std::vector<std::string>& columns,
                           ProblemList& problems, Use&& use) {
  std::map<Key, std::size_t> first_row;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (!use(row)) continue;
    Key key = key_of(table, row, columns);
    const auto [it, inserted] = first_row.emplace(std::move(key), row);
    if (!inserted) {
      problems.add(table.diagnostic(row, "",
                                    "duplicate row for " + describe(columns, it->first) +
                                        ": the same combination is already on line " +
                                        std::to_string(table.line_of_row(it->second))));
    }
  }
  std::set<Key> keys;
  for (auto& [key, row] : first_row) keys.insert(key);
  return keys;
}

}  // namespace

void require_unique_keys(const CsvTable& table, const std::vector<std::string>& key_columns) {
  ProblemList problems(table.file());
  check_unique(table, key_columns, problems, [](std::size_t) { return true; });
  problems.throw_if_any();
}

void require_complete_grid(const CsvTable& table, const std::vector<GridAxis>& axes) {
  ProblemList problems(table.file());
  std::vector<std::string> columns;
  columns.reserve(axes.size());
  for (const auto& axis : axes) columns.push_back(axis.column);

  // Labels outside an axis: reported at their cell; such rows take no further part.
  std::vector<bool> on_grid(table.rows(), true);
  for (const auto& axis : axes) {
    const std::set<std::string> labels(axis.labels.begin(), axis.labels.end());
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const std::string label = table.cell(row, axis.column);
      if (labels.count(label)) continue;
      on_grid[row] = false;
      std::string message =
          "unexpected label '" + label + "'; expected one of " + table_detail::quoted_list(axis.labels);
      if (const auto guess = did_you_mean(label, axis.labels)) {
        message += "; did you mean '" + *guess + "'?";
      }
      problems.add(table.diagnostic(row, axis.column, std::move(message)));
    }
  }
  const std::set<Key> present =
      check_unique(table, columns, problems, [&](std::size_t row) { return on_grid[row]; });

  // Every combination, odometer style, last axis fastest: the order a reader scans a table in.
  bool any_empty = false;
  for (const auto& axis : axes) any_empty = any_empty || axis.labels.empty();
  if (!axes.empty() && !any_empty) {
    std::vector<std::size_t> at(axes.size(), 0);
    Key key(axes.size());
    for (;;) {
      for (std::size_t a = 0; a < axes.size(); ++a) key[a] = axes[a].labels[at[a]];
      if (!present.count(key)) problems.add_for_file("missing row for " + describe(columns, key));
      std::size_t a = axes.size();
      while (a > 0 && ++at[a - 1] == axes[a - 1].labels.size()) at[--a] = 0;
      if (a == 0) break;
    }
  }
  problems.throw_if_any();
}

}  // namespace missionsim
