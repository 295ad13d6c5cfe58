#include "engine/table/problem_list.hpp"

#include <utility>

namespace missionsim {

ProblemList::ProblemList(std::string file, std::size_t cap) : file_(std::move(file)), cap_(cap) {}

void ProblemList::add(Diagnostic d) {
  ++found_;
  if (kept_.size() < cap_) kept_.push_back(std::move(d));
}

void ProblemList::add_for_file(std::string message) {
  add(Diagnostic{{file_, 0, 0}, "", std::move(message)});
}

void ProblemList::throw_if_any() const {
  if (found_ == 0) return;
  std::vector<Diagnostic> all = kept_;
  if (found_ > kept_.size()) {
    all.push_back(Diagnostic{{file_, 0, 0},
                             "",
                             "stopped after " + std::to_string(kept_.size()) + " problems (" +
                                 std::to_string(found_ - kept_.size()) + " more not shown)"});
  }
  throw InputError(std::move(all));
}

}  // namespace missionsim
