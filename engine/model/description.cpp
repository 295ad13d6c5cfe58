#include "engine/model/description.hpp"

#include "engine/core/error.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>

namespace missionsim {

namespace {
// typeid names are mangled ("d" for double): a message should name the type as written.
std::string readable(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangled, nullptr, nullptr, &status),
                                              std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

std::string join(const std::vector<std::string>& names) {
  if (names.empty()) return "-";
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string quoted(const PhaseInfo& p) {
  return "phase '" + p.name + "' (component '" + p.component + "')";
}
}  // namespace

// ---- declaring ---------------------------------------------------------------------------

void ModelDescription::begin_component(const std::string& name) {
  if (frozen_) throw InternalError("model description: component '" + name + "' added after freeze()");
  if (std::find(components_.begin(), components_.end(), name) != components_.end())
    throw InternalError("model description: two components named '" + name + "'");
  components_.push_back(name);
}

ComponentDescription::ComponentDescription(ModelDescription& d, std::string component)
    : d_(d), component_(std::move(component)) {
  d_.begin_component(component_);
}

std::uint32_t ComponentDescription::mention(std::string_view full_name, std::type_index type,
                                            const char* label) {
  auto& cols = d_.columns_;
  const auto it =
      std::find_if(cols.begin(), cols.end(), [&](const ColumnInfo& c) { return c.name == full_name; });
  if (it != cols.end()) {
    if (it->type != type)
      throw InternalError("model description: component '" + component_ + "' names column '" + it->name +
                          "' as type " + readable(label) + ", but it is " + readable(it->type_name));
    return static_cast<std::uint32_t>(it - cols.begin());
  }
  ColumnInfo c;
  c.name = std::string(full_name);
  c.type = type;
  c.type_name = label;
  cols.push_back(std::move(c));
  return static_cast<std::uint32_t>(cols.size() - 1);
}

std::uint32_t ComponentDescription::own(std::string_view name, std::string description, std::type_index type,
                                        const char* label, bool set_up) {
  const std::uint32_t id = mention(component_ + "." + std::string(name), type, label);
  ColumnInfo& c = d_.columns_[id];
  if (c.declared)
    throw InternalError("model description: component '" + component_ + "' declares column '" + c.name +
                        "', already declared by '" + c.owner + "'");
  c.owner = component_;
  c.description = std::move(description);
  c.set_up = set_up;
  c.declared = true;
  return id;
}

MetricHandle ComponentDescription::metric(MetricSpec spec) {
  for (std::size_t i = 0; i < d_.metrics_.size(); ++i)
    if (d_.metrics_[i].dataset_name() == spec.dataset_name())
      throw InternalError("model description: metric '" + spec.dataset_name() + "' of component '" +
                          component_ + "' is already declared by '" + d_.metric_owner_[i] + "'");
  d_.metric_refs_.push_back(
      {spec.dataset_name(), static_cast<std::uint32_t>(d_.metrics_.size()), component_});
  d_.metrics_.push_back(std::move(spec));
  d_.metric_owner_.push_back(component_);
  return {static_cast<std::uint32_t>(d_.metric_refs_.size() - 1)};
}

MetricBlock ComponentDescription::metrics(const std::vector<MetricSpec>& specs) {
  MetricBlock b;
  for (const auto& s : specs) {
    const MetricHandle h = metric(s);
    if (b.count++ == 0) b.first = h;
  }
  return b;
}

const std::vector<MetricSpec>& ComponentDescription::declared_metrics() const noexcept {
  return d_.metrics_;
}

MetricHandle ComponentDescription::use_metric(std::string_view dataset) {
  d_.metric_refs_.push_back({std::string(dataset), ~std::uint32_t{0}, component_});
  return {static_cast<std::uint32_t>(d_.metric_refs_.size() - 1)};
}

void ComponentDescription::event_kind(std::string kind) {
  if (std::find(d_.event_kinds_.begin(), d_.event_kinds_.end(), kind) == d_.event_kinds_.end())
    d_.event_kinds_.push_back(std::move(kind));
}

AnalysisHandle ComponentDescription::analysis(AnalysisSpec spec) {
  d_.analyses_.push_back(std::move(spec));
  return {static_cast<std::uint32_t>(d_.analyses_.size() - 1)};
}

void ComponentDescription::goal(GoalSpec goal) {
  d_.goals_.push_back(std::move(goal));
}

PhaseDecl ComponentDescription::phase(std::string_view name, Phase::Kind kind, int stage) {
  PhaseInfo p;
  p.name = component_ + "." + std::string(name);
  p.component = component_;
  p.kind = kind;
  p.stage = stage;
  d_.phases_.push_back(std::move(p));
  return {d_, static_cast<std::uint32_t>(d_.phases_.size() - 1)};
}

void PhaseDecl::add_read(std::uint32_t column) {
  d_->phases_[id_].reads.push_back(column);
}
void PhaseDecl::add_write(std::uint32_t column) {
  d_->phases_[id_].writes.push_back(column);
}
PhaseDecl& PhaseDecl::reads_metric(MetricHandle m) {
  d_->phases_[id_].reads_metrics.push_back(m.id);
  return *this;
}
PhaseDecl& PhaseDecl::writes_metric(MetricHandle m) {
  d_->phases_[id_].writes_metrics.push_back(m.id);
  return *this;
}
PhaseDecl& PhaseDecl::writes_metrics(MetricBlock b) {
  for (std::uint32_t k = 0; k < b.count; ++k) writes_metric({b.first.id + k});
  return *this;
}
PhaseDecl& PhaseDecl::after(std::string phase) {
  d_->phases_[id_].after.push_back(std::move(phase));
  return *this;
}

// ---- freezing ----------------------------------------------------------------------------

void ModelDescription::freeze() {
  if (frozen_) return;
  const std::string where = "model description: ";

  for (auto& r : metric_refs_) {
    if (r.metric != ~std::uint32_t{0}) continue;
    const auto it = std::find_if(metrics_.begin(), metrics_.end(),
                                 [&](const MetricSpec& m) { return m.dataset_name() == r.dataset; });
    if (it == metrics_.end())
      throw InternalError(where + "component '" + r.by_component + "' reads metric '" + r.dataset +
                          "', which no component declares");
    r.metric = static_cast<std::uint32_t>(it - metrics_.begin());
  }

  // Phases run by stage; within a stage, in the order they were declared (components in
  // registry order, each's phases in its own order).
  order_.resize(phases_.size());
  for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
  std::stable_sort(order_.begin(), order_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return phases_[a].stage < phases_[b].stage; });

  std::set<std::string> names;
  std::vector<std::int64_t> last_writer(columns_.size(), -1);
  std::vector<std::int64_t> metric_writer(metrics_.size(), -1);
  std::vector<std::uint8_t> read(columns_.size(), 0), written(columns_.size(), 0);
  std::set<std::uint32_t> written_since_barrier;
  for (const std::uint32_t id : order_) {
    const PhaseInfo& p = phases_[id];
    if (!names.insert(p.name).second) throw InternalError(where + "two phases named '" + p.name + "'");
    for (const auto c : p.reads) {
      if (!columns_[c].declared)
        throw InternalError(where + quoted(p) + " reads column '" + columns_[c].name +
                            "', which no component declares");
      read[c] = 1;
    }
    if (p.kind == Phase::Kind::serial) written_since_barrier.clear();
    for (const auto c : p.writes) {
      const ColumnInfo& col = columns_[c];
      if (!col.declared)
        throw InternalError(where + quoted(p) + " writes column '" + col.name +
                            "', which no component declares");
      if (last_writer[c] >= 0 && last_writer[c] != id) {
        const PhaseInfo& first = phases_[static_cast<std::size_t>(last_writer[c])];
        if (std::find(p.after.begin(), p.after.end(), first.name) == p.after.end())
          throw InternalError(where + quoted(first) + " and " + quoted(p) + " both write column '" +
                              col.name + "' and the order is not declared (" + p.name +
                              " should say after(\"" + first.name + "\"))");
      }
      // Two parallel phases writing the same state with nothing serial between would race on
      // whatever they aggregate.
      if (p.kind == Phase::Kind::agents && !written_since_barrier.insert(c).second)
        throw InternalError(where + "agent " + quoted(p) + " writes column '" + col.name +
                            "' that an earlier agent phase writes, with no serial phase between");
      last_writer[c] = id;
      written[c] = 1;
    }
    for (const auto r : p.reads_metrics) {
      const std::uint32_t m = metric_refs_[r].metric;
      if (metric_writer[m] < 0)
        throw InternalError(where + quoted(p) + " reads metric '" + metrics_[m].dataset_name() +
                            "', which no earlier phase of the step writes");
    }
    for (const auto r : p.writes_metrics) {
      const std::uint32_t m = metric_refs_[r].metric;
      if (metric_owner_[m] != p.component)
        throw InternalError(where + quoted(p) + " writes metric '" + metrics_[m].dataset_name() +
                            "' of component '" + metric_owner_[m] + "'");
      if (metric_writer[m] >= 0)
        throw InternalError(where + quoted(phases_[static_cast<std::size_t>(metric_writer[m])]) + " and " +
                            quoted(p) + " both write metric '" + metrics_[m].dataset_name() + "'");
      metric_writer[m] = id;
    }
  }
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const ColumnInfo& col = columns_[c];
    if (read[c] && !written[c] && !col.set_up) {
      const auto reader = std::find_if(phases_.begin(), phases_.end(), [&](const PhaseInfo& p) {
        return std::find(p.reads.begin(), p.reads.end(), c) != p.reads.end();
      });
      throw InternalError(where + quoted(*reader) + " reads column '" + col.name +
                          "', which no phase writes and component '" + col.owner + "' does not set up");
    }
    // Work no phase consumes is a bug; a set-up column some compositions leave unread is not.
    if (written[c] && !read[c]) {
      const auto writer = std::find_if(phases_.begin(), phases_.end(), [&](const PhaseInfo& p) {
        return std::find(p.writes.begin(), p.writes.end(), c) != p.writes.end();
      });
      throw InternalError(where + quoted(*writer) + " writes column '" + col.name +
                          "', which no phase reads");
    }
    if (col.declared && !written[c] && !col.set_up)
      throw InternalError(where + "component '" + col.owner + "' declares column '" + col.name +
                          "', which nothing writes");
  }
  for (std::size_t m = 0; m < metrics_.size(); ++m)
    if (metric_writer[m] < 0)
      throw InternalError(where + "component '" + metric_owner_[m] + "' declares metric '" +
                          metrics_[m].dataset_name() + "', which none of its phases writes");

  metric_offset_.clear();
  value_count_ = 0;
  for (const auto& m : metrics_) {
    metric_offset_.push_back(value_count_);
    value_count_ += m.width();
  }
  frozen_ = true;
}

std::vector<MetricSpec> ModelDescription::primary_metrics() const {
  std::vector<std::uint8_t> derived(metrics_.size(), 0);
  for (const auto& p : phases_)
    if (!p.reads_metrics.empty())
      for (const auto w : p.writes_metrics) derived[metric_refs_[w].metric] = 1;
  std::vector<MetricSpec> out;
  for (std::size_t m = 0; m < metrics_.size(); ++m)
    if (!derived[m]) out.push_back(metrics_[m]);
  return out;
}

// ---- printing ----------------------------------------------------------------------------

std::string ModelDescription::state_name(bool metric, std::uint32_t id) const {
  return metric ? "metrics/" + metrics_[metric_refs_[id].metric].dataset_name() : columns_[id].name;
}

std::string ModelDescription::plan_text() const {
  if (!frozen_) throw InternalError("model description: plan_text() before freeze()");
  std::string out;
  for (const auto& component : components_) {
    std::vector<std::string> set_up;
    for (const auto& c : columns_)
      if (c.set_up && c.owner == component) set_up.push_back(c.name);
    if (!set_up.empty()) out += component + ".setup writes: " + join(set_up) + "\n";
  }
  for (const auto id : order_) {
    const PhaseInfo& p = phases_[id];
    std::vector<std::string> reads, writes;
    for (const auto c : p.reads) reads.push_back(state_name(false, c));
    for (const auto m : p.reads_metrics) reads.push_back(state_name(true, m));
    for (const auto c : p.writes) writes.push_back(state_name(false, c));
    for (const auto m : p.writes_metrics) writes.push_back(state_name(true, m));
    out += p.name + " reads: " + join(reads) + " writes: " + join(writes) + "\n";
  }
  return out;
}

std::string ModelDescription::plan_dot() const {
  if (!frozen_) throw InternalError("model description: plan_dot() before freeze()");
  std::string out = "digraph step {\n  rankdir=LR;\n  node [shape=box];\n";
  std::set<std::string> state;
  const PhaseInfo* previous = nullptr;
  auto edge = [&](const std::string& from, const std::string& to) {
    out += "  \"" + from + "\" -> \"" + to + "\" [style=dashed];\n";
  };
  for (const auto& component : components_)
    for (const auto& c : columns_)
      if (c.set_up && c.owner == component) {
        state.insert(c.name);
        edge(component + ".setup", c.name);
      }
  for (const auto id : order_) {
    const PhaseInfo& p = phases_[id];
    out += "  \"" + p.name + "\" [shape=" + (p.kind == Phase::Kind::serial ? "ellipse" : "box") + "];\n";
    if (previous) out += "  \"" + previous->name + "\" -> \"" + p.name + "\" [style=bold];\n";
    previous = &p;
    for (const auto c : p.reads) edge(*state.insert(state_name(false, c)).first, p.name);
    for (const auto m : p.reads_metrics) edge(*state.insert(state_name(true, m)).first, p.name);
    for (const auto c : p.writes) edge(p.name, *state.insert(state_name(false, c)).first);
    for (const auto m : p.writes_metrics) edge(p.name, *state.insert(state_name(true, m)).first);
  }
  // Each column's and metric's description as its tooltip: an SVG of the plan explains itself.
  auto tooltip = [&](const std::string& name) {
    for (const auto& c : columns_)
      if (c.name == name) return c.description;
    for (const auto& m : metrics_)
      if ("metrics/" + m.dataset_name() == name) return m.description;
    return std::string();
  };
  for (const auto& s : state) {
    std::string tip = tooltip(s);
    std::erase(tip, '"');
    out += "  \"" + s + "\" [shape=note, tooltip=\"" + tip + "\"];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace missionsim
