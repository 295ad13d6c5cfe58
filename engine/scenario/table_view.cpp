#include "engine/scenario/table_view.hpp"

#include "engine/core/file_kind.hpp"
#include "engine/scenario/detail/text.hpp"

#include <algorithm>

namespace missionsim {

using scenario_detail::position_of;

TableView::TableView(const toml::table& t, std::string path, std::string file)
    : TableView(t, std::move(path), std::move(file), nullptr, nullptr) {}

TableView::TableView(const ScenarioDocument& doc)
    : TableView(doc.root, "", doc.file, &doc.overridden, &doc.inputs) {}

TableView::TableView(const toml::table& t, std::string path, std::string file,
                     const std::set<std::string>* overridden, std::vector<std::filesystem::path>* inputs)
    : table_(&t), path_(std::move(path)), file_(std::move(file)), overridden_(overridden), inputs_(inputs) {}

std::string TableView::key_path(std::string_view key) const {
  return scenario_detail::join_path(path_, key);
}

bool TableView::has(std::string_view key) const {
  return table_->contains(key);
}

const toml::node& TableView::node(std::string_view key) const {
  const toml::node* n = table_->get(key);
  if (!n)
    throw InternalError("scenario: '" + key_path(key) + "' is absent (validation should have caught it)");
  return *n;
}

void TableView::wrong(std::string_view key, std::string_view expected) const {
  throw InternalError("scenario: '" + key_path(key) + "' is not " + std::string(expected) +
                      " (validation should have caught it)");
}

template <>
std::int64_t TableView::get<std::int64_t>(std::string_view key) const {
  const auto v = node(key).value_exact<std::int64_t>();
  if (!v) wrong(key, "an integer");
  return *v;
}

template <>
double TableView::get<double>(std::string_view key) const {
  const toml::node& n = node(key);
  if (!n.is_number()) wrong(key, "a number");
  return *n.value<double>();
}

template <>
bool TableView::get<bool>(std::string_view key) const {
  const auto v = node(key).value_exact<bool>();
  if (!v) wrong(key, "a boolean");
  return *v;
}

template <>
std::string TableView::get<std::string>(std::string_view key) const {
  const auto v = node(key).value_exact<std::string>();
  if (!v) wrong(key, "a string");
  return *v;
}

template <>
Date TableView::get<Date>(std::string_view key) const {
  const auto v = node(key).value_exact<toml::date>();
  if (!v) wrong(key, "a date");
  return Date{std::chrono::year(v->year), std::chrono::month(v->month), std::chrono::day(v->day)};
}

TableView TableView::table(std::string_view key) const {
  const toml::table* t = node(key).as_table();
  if (!t) wrong(key, "a table");
  return TableView(*t, key_path(key), file_, overridden_, inputs_);
}

std::vector<TableView> TableView::array(std::string_view key) const {
  std::vector<TableView> out;
  if (!has(key)) return out;
  const toml::array* a = node(key).as_array();
  if (!a) wrong(key, "an array of tables");
  const std::string base = key_path(key);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const toml::node& element = *a->get(i);
    const toml::table* t = element.as_table();
    if (!t) wrong(key, "an array of tables");
    out.push_back(
        TableView(*t, scenario_detail::element_path(base, element, i), file_, overridden_, inputs_));
  }
  return out;
}

Diagnostic TableView::diagnostic(std::string_view key, std::string message) const {
  const toml::node* n = table_->get(key);
  const std::string full = key_path(key);
  const SourcePosition where =
      n ? position_of(*n, full, file_, overridden_) : position_of(*table_, path_, file_, overridden_);
  return Diagnostic{where, full, std::move(message)};
}

std::optional<std::filesystem::path> TableView::input_file(std::string_view key,
                                                           const std::filesystem::path& scenario_dir,
                                                           std::vector<Diagnostic>& problems) const {
  const std::string written_in = diagnostic(key, "").where.file;
  const bool in_base = written_in != file_ && written_in != "--set";
  auto file =
      (in_base ? std::filesystem::path(written_in).parent_path() : scenario_dir) / get<std::string>(key);
  if (const auto kind = not_a_regular_file(file)) {
    problems.push_back(diagnostic(key, file.string() + " is " + *kind + ", not a file"));
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(file)) {
    problems.push_back(diagnostic(key, "no such file: " + file.string()));
    return std::nullopt;
  }
  if (inputs_) inputs_->push_back(file);
  return file;
}

std::vector<std::size_t> TableView::names(std::string_view key, const std::vector<std::string>& allowed,
                                          std::string_view what, std::vector<Diagnostic>& problems) const {
  const auto trim = [](std::string_view s) {
    const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
  };
  const auto text = get<std::string>(key);
  std::vector<std::size_t> out;
  if (trim(text).empty()) return out;
  for (std::size_t start = 0; start <= text.size();) {
    const auto comma = std::min(text.find(',', start), text.size());
    const auto name = std::string(trim(std::string_view(text).substr(start, comma - start)));
    start = comma + 1;
    const auto it = std::find(allowed.begin(), allowed.end(), name);
    if (it == allowed.end()) {
      std::string message = "unknown " + std::string(what) + " '" + name + "'";
      if (const auto guess = did_you_mean(name, allowed))
        message += "; did you mean '" + *guess + "'?";
      else
        message += " (" + std::string(what) + "s: " + scenario_detail::quoted_list(allowed) + ")";
      problems.push_back(diagnostic(key, message));
      continue;
    }
    const auto index = static_cast<std::size_t>(it - allowed.begin());
    if (std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
  }
  return out;
}

}  // namespace missionsim
