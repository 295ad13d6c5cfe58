#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace missionsim::test {

TempDir::TempDir() {
  std::random_device rd;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("missionsim-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = std::move(candidate);
      return;
    }
  }
  throw std::runtime_error("TempDir: cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
  auto p = path_ / name;
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("TempDir: cannot write " + p.string());
  return p;
}

namespace {
std::filesystem::path from_env(const char* var, const char* fallback) {
  const char* v = std::getenv(var);
  return v ? std::filesystem::path(v) : std::filesystem::path(fallback);
}
}  // namespace

std::filesystem::path source_dir() {
  return from_env("MISSIONSIM_SOURCE_DIR", ".");
}
std::filesystem::path binary_dir() {
  return from_env("MISSIONSIM_BINARY_DIR", "build");
}

}  // namespace missionsim::test
