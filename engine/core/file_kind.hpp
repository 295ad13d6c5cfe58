// What a path is when it is not a regular file, in words for messages: inputs and outputs are
// regular files only (opening a FIFO blocks, a folder or a device cannot be read as a table).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace missionsim {

/// "a directory", "a FIFO", "a socket", "a character device", "a block device" or "not a
/// regular file" for a path that exists (following symbolic links) and is not a regular file;
/// nullopt for a regular file or a path that does not exist.
inline std::optional<std::string> not_a_regular_file(const std::filesystem::path& p) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(p, ec);
  if (ec || !fs::exists(status) || fs::is_regular_file(status)) return std::nullopt;
  switch (status.type()) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::fifo:
      return "a FIFO (named pipe)";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    default:
      return "not a regular file";
  }
}

}  // namespace missionsim
