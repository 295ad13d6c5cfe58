// The state a component keeps between steps, declared once as a list: snapshot() copies every
// entry, restore() puts each back, so a run resumed from a snapshot continues bit-identically.
#pragma once

#include "engine/core/error.hpp"

#include <any>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace missionsim {

class StateList {
 public:
  using Snapshot = std::vector<std::any>;

  /// A member kept by value: a number, a vector, a struct that copies.
  template <class T>
  void keep(T& member) {
    static_assert(std::is_copy_assignable_v<T>, "state must be copyable");
    entries_.push_back({[&member] { return std::any(member); },
                        [&member](const std::any& a) { member = std::any_cast<const T&>(a); }});
  }
  /// State behind an accessor pair (a class's own state() and restore()).
  template <class Get, class Set>
  void keep(Get get, Set set) {
    using T = std::decay_t<decltype(get())>;
    entries_.push_back({[get = std::move(get)] { return std::any(get()); },
                        [set = std::move(set)](const std::any& a) { set(std::any_cast<const T&>(a)); }});
  }

  [[nodiscard]] Snapshot snapshot() const {
    Snapshot out;
    out.reserve(entries_.size());
    for (const auto& e : entries_) out.push_back(e.get());
    return out;
  }
  void restore(const Snapshot& s) const {
    if (s.size() != entries_.size())
      throw InternalError("StateList::restore: a snapshot of " + std::to_string(s.size()) + " entries for " +
                          std::to_string(entries_.size()));
    for (std::size_t i = 0; i < s.size(); ++i) entries_[i].set(s[i]);
  }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

 private:
  struct Entry {
    std::function<std::any()> get;
    std::function<void(const std::any&)> set;
  };
  std::vector<Entry> entries_;
};

}  // namespace missionsim
