// The one error hierarchy of missionsim. Library code throws; only cli/main.cpp maps an
// error to an exit status (InputError → 2, anything else → 1).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace missionsim {

/// Base of every error missionsim raises on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Where in a user's file something went wrong. line/column are 1-based; 0 means unknown.
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

/// One finding about user input: position, dotted key path (may be empty) and the message
/// (what was expected, what was found).
struct Diagnostic {
  SourcePosition where;
  std::string key;
  std::string message;

  /// "file:line:col: key: message", leaving out the parts that are unknown.
  [[nodiscard]] std::string format() const;
};

/// The user gave us something we cannot use: a malformed or inconsistent scenario, a bad
/// override, an unreadable or malformed input file. Carries every diagnostic found.
class InputError : public Error {
 public:
  explicit InputError(Diagnostic d);
  explicit InputError(std::vector<Diagnostic> ds);

  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// A scenario file (or an override applied to it) is invalid.
class ScenarioError : public InputError {
 public:
  using InputError::InputError;
};

/// Reading or writing a file failed for reasons other than its content (HDF5, disk, permissions).
class IoError : public Error {
 public:
  using Error::Error;
};

/// Violated internal invariant: a bug in missionsim, never the user's fault.
class InternalError : public Error {
 public:
  using Error::Error;
};

}  // namespace missionsim
