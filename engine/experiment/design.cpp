#include "engine/experiment/design.hpp"

#include "engine/core/error.hpp"
#include "engine/rng/philox_stream.hpp"
#include "engine/table/csv_records.hpp"
#include "engine/table/csv_table.hpp"

#include <boost/random/sobol.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

namespace missionsim {

namespace {

// Stream ids of the design draws; a design never shares draws with a run.
constexpr std::uint32_t lhs_stream = 0xD0E1;
constexpr std::uint32_t morris_stream = 0xD0E2;

[[noreturn]] void bad_param(std::string_view text, const std::string& message) {
  const auto eq = text.find('=');
  throw InputError(Diagnostic{{"--param", 0, 0}, std::string(text.substr(0, eq)), message});
}

double scale(const ParameterRange& r, double unit) {
  return r.low + (r.high - r.low) * unit;
}

Design empty_design(DesignMethod method, std::span<const ParameterRange> ranges, std::uint32_t samples) {
  if (ranges.empty())
    throw InputError(Diagnostic{{"--param", 0, 0}, "", "a sweep needs at least one parameter"});
  if (samples == 0) throw InputError(Diagnostic{{"--samples", 0, 0}, "", "must be at least 1"});
  Design d;
  d.method = method;
  d.samples = samples;
  std::set<std::string> seen;
  for (const auto& r : ranges) {
    if (!seen.insert(r.key).second)
      throw InputError(Diagnostic{{"--param", 0, 0}, r.key, "parameter given twice"});
    d.keys.push_back(r.key);
  }
  d.values.reserve(design_point_count(method, samples, ranges.size()) * ranges.size());
  return d;
}

// Fisher-Yates with the engine's unbiased integers, so the permutation is the same everywhere.
std::vector<std::uint32_t> permutation(std::uint32_t n, PhiloxEngine& engine) {
  std::vector<std::uint32_t> p(n);
  std::iota(p.begin(), p.end(), 0U);
  for (std::uint32_t i = n; i > 1; --i) std::swap(p[i - 1], p[engine.below(i)]);
  return p;
}

}  // namespace

ParameterRange parse_parameter_range(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0)
    bad_param(text, "expected key.path=LO:HI, got '" + std::string(text) + "'");
  const std::string_view bounds = text.substr(eq + 1);
  const auto colon = bounds.find(':');
  if (colon == std::string_view::npos)
    bad_param(text, "expected LO:HI after '=', got '" + std::string(bounds) + "'");
  auto number = [&](std::string_view s) {
    double x = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), x);
    if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size() || !std::isfinite(x))
      bad_param(text, "bound '" + std::string(s) + "' is not a finite number");
    return x;
  };
  ParameterRange r{std::string(text.substr(0, eq)), number(bounds.substr(0, colon)),
                   number(bounds.substr(colon + 1))};
  if (!(r.low < r.high)) bad_param(text, "LO must be below HI");
  return r;
}

std::string_view method_name(DesignMethod method) {
  switch (method) {
    case DesignMethod::grid:
      return "grid";
    case DesignMethod::lhs:
      return "lhs";
    case DesignMethod::sobol:
      return "sobol";
    case DesignMethod::morris:
      return "morris";
    case DesignMethod::file:
      return "file";
  }
  return "?";
}

std::uint64_t design_point_count(DesignMethod method, std::uint64_t samples, std::size_t parameters) {
  const std::uint64_t k = parameters;
  std::uint64_t n = 0;
  switch (method) {
    case DesignMethod::grid:
      n = 1;
      for (std::uint64_t i = 0; i < k; ++i) {
        n *= samples;
        if (n > max_design_points) break;
      }
      break;
    case DesignMethod::lhs:
    case DesignMethod::file:
      n = samples;
      break;
    case DesignMethod::sobol:
      n = samples * (k + 2);
      break;
    case DesignMethod::morris:
      n = samples * (k + 1);
      break;
  }
  if (n > max_design_points)
    throw InputError(
        Diagnostic{{"--samples", 0, 0},
                   "",
                   "the design would have more than " + std::to_string(max_design_points) + " points"});
  return n;
}

Design grid_design(std::span<const ParameterRange> ranges, std::uint32_t levels) {
  Design d = empty_design(DesignMethod::grid, ranges, levels);
  const std::size_t k = ranges.size();
  const std::uint64_t n = design_point_count(DesignMethod::grid, levels, k);
  std::vector<std::uint32_t> digit(k, 0);  // mixed-radix counter, last parameter fastest
  for (std::uint64_t p = 0; p < n; ++p) {
    for (std::size_t j = 0; j < k; ++j)
      d.values.push_back(levels == 1 ? scale(ranges[j], 0.5)
                                     : scale(ranges[j], static_cast<double>(digit[j]) / (levels - 1)));
    for (std::size_t j = k; j-- > 0;) {
      if (++digit[j] < levels) break;
      digit[j] = 0;
    }
  }
  return d;
}

Design latin_hypercube_design(std::span<const ParameterRange> ranges, std::uint32_t samples,
                              std::uint64_t seed) {
  Design d = empty_design(DesignMethod::lhs, ranges, samples);
  const std::size_t k = ranges.size();
  d.values.assign(std::size_t{samples} * k, 0.0);
  PhiloxEngine engine(StreamKey{seed, 0, lhs_stream});
  for (std::size_t j = 0; j < k; ++j) {
    const auto strata = permutation(samples, engine);
    for (std::uint32_t p = 0; p < samples; ++p)
      d.values[p * k + j] = scale(ranges[j], (strata[p] + engine.uniform()) / samples);
  }
  return d;
}

std::vector<double> sobol_points(std::uint32_t count, std::size_t dimensions) {
  boost::random::sobol generator(dimensions);
  std::vector<double> points(std::size_t{count} * dimensions);
  for (double& x : points) x = std::ldexp(static_cast<double>(generator()), -64);
  return points;
}

Design saltelli_design(std::span<const ParameterRange> ranges, std::uint32_t base_samples) {
  Design d = empty_design(DesignMethod::sobol, ranges, base_samples);
  const std::size_t k = ranges.size();
  const auto unit = sobol_points(base_samples, 2 * k);
  for (std::uint32_t j = 0; j < base_samples; ++j) {
    const double* a = unit.data() + std::size_t{j} * 2 * k;
    const double* b = a + k;
    for (std::size_t i = 0; i < k; ++i) d.values.push_back(scale(ranges[i], a[i]));
    for (std::size_t i = 0; i < k; ++i) d.values.push_back(scale(ranges[i], b[i]));
    for (std::size_t mixed = 0; mixed < k; ++mixed)
      for (std::size_t i = 0; i < k; ++i) d.values.push_back(scale(ranges[i], i == mixed ? b[i] : a[i]));
  }
  return d;
}

Design morris_design(std::span<const ParameterRange> ranges, std::uint32_t trajectories, std::uint64_t seed) {
  Design d = empty_design(DesignMethod::morris, ranges, trajectories);
  constexpr std::uint32_t levels = 4;
  d.morris_delta = levels / (2.0 * (levels - 1));  // 2/3: Morris's choice for an even number of levels
  const std::size_t k = ranges.size();
  PhiloxEngine engine(StreamKey{seed, 0, morris_stream});
  std::vector<double> x(k);
  for (std::uint32_t t = 0; t < trajectories; ++t) {
    for (double& xi : x) xi = static_cast<double>(engine.below(levels)) / (levels - 1);
    const auto order = permutation(static_cast<std::uint32_t>(k), engine);
    for (std::size_t i = 0; i < k; ++i) d.values.push_back(scale(ranges[i], x[i]));
    for (std::size_t step = 0; step < k; ++step) {
      double& xi = x[order[step]];
      xi = xi + d.morris_delta <= 1.0 + 1e-12 ? xi + d.morris_delta : xi - d.morris_delta;
      for (std::size_t i = 0; i < k; ++i) d.values.push_back(scale(ranges[i], x[i]));
    }
  }
  return d;
}

Design read_design_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(Diagnostic{{file.string(), 0, 0}, "", "cannot read the design file"});
  std::stringstream text;
  text << in.rdbuf();
  ProblemList problems(file.string());
  const auto records = split_csv_records(text.str(), problems);
  if (records.empty())
    throw InputError(Diagnostic{{file.string(), 0, 0}, "", "the design file has no header line"});
  std::vector<ColumnSpec> columns;
  for (const auto& name : records.front().fields) columns.push_back(ColumnSpec{.name = name});
  const CsvTable table = CsvTable::read(file, columns);
  if (table.rows() == 0)
    throw InputError(
        Diagnostic{{file.string(), records.front().line, 0}, "", "the design file has no points"});
  Design d;
  d.method = DesignMethod::file;
  d.samples = static_cast<std::uint32_t>(table.rows());
  for (const auto& c : columns) d.keys.push_back(c.name);
  d.values.resize(table.rows() * columns.size());
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const auto& cells = table.reals(columns[j].name);
    for (std::size_t p = 0; p < cells.size(); ++p) d.values[p * columns.size() + j] = cells[p];
  }
  return d;
}

}  // namespace missionsim
