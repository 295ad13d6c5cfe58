// The step loop allocates nothing after the first step: every operator new is counted and
// the count must not move between the end of step 0 and the end of the last step.
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return operator new(size, align);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

namespace missionsim::model {

namespace {
struct AllocationWatch final : StepObserver {
  std::size_t after_first = 0, after_last = 0;
  void on_step_end(std::uint32_t, std::uint32_t step, std::uint32_t steps) override {
    if (step == 0) after_first = allocations.load();
    if (step + 1 == steps) after_last = allocations.load();
  }
};
}  // namespace

TEST_CASE("No heap allocation in the step loop after the first step") {
  const unsigned threads = GENERATE(1u, 2u);
  const auto s = load_scenario(test::source_dir() / "scenarios/demo.toml",
                               std::vector<std::string>{"population.size=20000", "time.end=2026-01-01"});
  AllocationWatch watch;
  const std::size_t before = allocations.load();
  test::run_in_memory(s, threads, 0, &watch);
  REQUIRE(allocations.load() > before);  // the counter does see this code's allocations
  CHECK(watch.after_last == watch.after_first);
}

}  // namespace missionsim::model
