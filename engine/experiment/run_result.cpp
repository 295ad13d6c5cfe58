#include "engine/experiment/run_result.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace missionsim {

namespace {

class Writer {
 public:
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void put(const T& value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void put(const std::string& s) {
    put(static_cast<std::uint64_t>(s.size()));
    out.append(s);
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::span<const char> bytes) : bytes_(bytes) {}
  template <class T>
  requires std::is_trivially_copyable_v<T> T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string get_string() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s(bytes_.data() + at_, n);
    at_ += n;
    return s;
  }
  std::uint64_t get_count(std::size_t element_size) {
    const auto n = get<std::uint64_t>();
    if (element_size > 0 && n > (bytes_.size() - at_) / element_size) fail();
    return n;
  }
  [[nodiscard]] bool done() const noexcept { return at_ == bytes_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > bytes_.size() - at_) fail();
  }
  [[noreturn]] static void fail() { throw IoError("a recorded run is truncated or malformed"); }
  std::span<const char> bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_run_result(const RunResult& r) {
  Writer w;
  w.put(r.record.index);
  w.put(r.record.seed);
  w.put(r.record.replicate);
  w.put(r.record.status);
  w.put(r.record.wall_seconds);
  w.put(r.record.point);
  w.put(static_cast<std::uint64_t>(r.record.parameters.size()));
  for (double p : r.record.parameters) w.put(p);
  w.put(static_cast<std::uint64_t>(r.values.size()));
  w.out.append(reinterpret_cast<const char*>(r.values.data()), r.values.size() * sizeof(double));
  w.put(static_cast<std::uint64_t>(r.goals.size()));
  for (const auto& g : r.goals) {
    w.put(g.achieved);
    w.put(g.value_at_deadline);
  }
  w.put(static_cast<std::uint64_t>(r.events.size()));
  for (const auto& e : r.events) {
    w.put(e.step);
    w.put(e.kind);
    w.put(e.subject);
    w.put(e.value);
  }
  return std::move(w.out);
}

RunResult decode_run_result(std::span<const char> bytes) {
  Reader in(bytes);
  RunResult r;
  r.record.index = in.get<std::uint32_t>();
  r.record.seed = in.get<std::uint64_t>();
  r.record.replicate = in.get<std::uint32_t>();
  r.record.status = in.get_string();
  r.record.wall_seconds = in.get<double>();
  r.record.point = in.get<std::uint32_t>();
  r.record.parameters.resize(in.get_count(sizeof(double)));
  for (double& p : r.record.parameters) p = in.get<double>();
  r.values.resize(in.get_count(sizeof(double)));
  for (double& v : r.values) v = in.get<double>();
  r.goals.resize(in.get_count(sizeof(std::int8_t) + sizeof(double)));
  for (auto& g : r.goals) {
    g.achieved = in.get<std::int8_t>();
    g.value_at_deadline = in.get<double>();
  }
  r.events.resize(in.get_count(4 + 8 + 8 + 8));
  for (auto& e : r.events) {
    e.run = r.record.index;
    e.step = in.get<std::uint32_t>();
    e.kind = in.get_string();
    e.subject = in.get_string();
    e.value = in.get<double>();
  }
  if (!in.done()) throw IoError("a recorded run has trailing bytes");
  return r;
}

void RunCapture::begin(const RecordingHeader& header) {
  validate_header(header);
  if (header.run_count != 1) throw InternalError("RunCapture: the header must describe one run");
  width_ = header.values_per_step();
  result_.values.assign(header.step_count() * width_, 0.0);
  result_.goals.assign(header.goals.size(), GoalOutcome{});
}

void RunCapture::record_step(std::uint32_t, std::uint32_t step, std::span<const double> values) {
  if (values.size() != width_ || (step + 1) * width_ > result_.values.size())
    throw InternalError("RunCapture: step or value count out of range");
  std::copy(values.begin(), values.end(),
            result_.values.begin() + static_cast<std::ptrdiff_t>(step * width_));
}

void RunCapture::record_event(const Event& e) {
  Event copy = e;
  copy.run = index_;
  result_.events.push_back(std::move(copy));
}

void RunCapture::record_goals(std::uint32_t, std::span<const GoalOutcome> outcomes) {
  if (outcomes.size() != result_.goals.size())
    throw InternalError("RunCapture: one outcome per goal expected");
  std::copy(outcomes.begin(), outcomes.end(), result_.goals.begin());
}

void RunCapture::record_analysis(std::uint32_t, std::size_t, std::span<const AnalysisValue>) {}

void RunCapture::end_run(const RunRecord& run) {
  result_.record = run;
  result_.record.index = index_;
  ended_ = true;
}

RunResult RunCapture::take() {
  if (!ended_) throw InternalError("RunCapture: take() before end_run()");
  ended_ = false;
  return std::move(result_);
}

}  // namespace missionsim
