// Reading an output file that may be damaged: a crash of the HDF5 library on it becomes an
// InputError naming the file, as does every failure HDF5 reports while reading it.
#pragma once

#include "engine/core/error.hpp"

#include <chrono>
#include <concepts>
#include <filesystem>
#include <functional>
#include <string>
#include <type_traits>

namespace missionsim {

/// Throws InputError "FILE: MESSAGE".
[[noreturn]] void refuse_file(const std::filesystem::path& file, const std::string& message);

/// Runs `read` (a read of `file`) in a forked child process and waits for it. Returns if the
/// read succeeded there; rethrows what it threw (an InputError with its diagnostics, an IoError,
/// anything else as InternalError); and if a signal ended the child, throws InputError "FILE is
/// damaged: reading it crashed the HDF5 library (signal N: NAME)". The child has only the
/// calling thread, so `read` must not wait on other threads or locks they may hold (HDF5, built
/// serial, has none, and malloc is safe across fork). IoError if no child can be started.
/// A child still reading after `limit` is killed and the file refused as damaged: HDF5 can
/// loop for ever on a damaged index, and a command must not hang on one.
void read_in_child(const std::filesystem::path& file, const std::function<void()>& read,
                   std::chrono::milliseconds limit);

/// The time a read of `file` may take before it is taken for a hang: 60 s, and a further second
/// for every 10 MB beyond 600 MB (a slow network disk reads faster than that), so a large file
/// is never refused for its size.
std::chrono::milliseconds read_time_limit(const std::filesystem::path& file);

/// Reads `file` with `read`, first in a child (read_in_child), then, if that succeeded, here. An
/// IoError of the read (HDF5 refusing the file, a dataset of the wrong shape) becomes InputError
/// "FILE: unreadable missionsim output file: ...": a damaged or truncated file is bad input.
template <std::invocable Read>
std::invoke_result_t<Read> read_untrusted(const std::filesystem::path& file, Read read) {
  const auto refusing_io_errors = [&] {
    try {
      return read();
    } catch (const IoError& e) {
      refuse_file(file, std::string("unreadable missionsim output file: ") + e.what());
    }
  };
  read_in_child(
      file, [&] { static_cast<void>(refusing_io_errors()); }, read_time_limit(file));
  return refusing_io_errors();
}

}  // namespace missionsim
