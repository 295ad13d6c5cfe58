#include "engine/io/output_target.hpp"

#include "engine/core/error.hpp"
#include "engine/core/file_kind.hpp"

#include <string>

namespace missionsim {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void refuse(const fs::path& out, const std::string& why) {
  throw InputError(Diagnostic{{out.string(), 0, 0}, "", why});
}
}  // namespace

void check_output_target(const fs::path& out, bool force, std::span<const fs::path> inputs) {
  if (out.empty()) refuse(out, "the output path is empty; give a file name with -o");
  std::error_code ec;
  const auto link = fs::symlink_status(out, ec);
  const bool is_link = !ec && fs::is_symlink(link);
  if (const auto kind = not_a_regular_file(out))
    refuse(out, "the output path is " + *kind + "; outputs are written to regular files only");
  if (!out.has_filename() || out.filename() == "." || out.filename() == "..")
    refuse(out, "the output path names a folder, not a file");
  if (fs::exists(out, ec))
    for (const auto& input : inputs)
      if (fs::equivalent(out, input, ec))
        refuse(out, "the output path is an input of this command (" + input.string() +
                        "); choose another with -o");
  if (is_link && !force) {
    const auto target = fs::read_symlink(out, ec);
    refuse(out, "the output path is a symbolic link" + (ec ? std::string() : " to " + target.string()) +
                    "; pass --force to replace the link with the output file, or -o to choose another");
  }
  if (fs::exists(link) && !force)
    refuse(out, "output file exists; pass --force to overwrite it or -o to choose another");
  // The nearest folder above that exists must be a folder: "afile/x.h5" cannot be created.
  for (fs::path up = out.parent_path(); !up.empty(); up = up.parent_path()) {
    const auto status = fs::status(up, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
      refuse(out, "cannot look at " + up.string() + ": " + ec.message());
    if (fs::exists(status)) {
      if (!fs::is_directory(status))
        refuse(out, up.string() + " is " + not_a_regular_file(up).value_or("a file") + ", not a folder");
      break;
    }
    if (up == up.parent_path()) break;
  }
}

void create_output_folder(const fs::path& out) {
  const fs::path folder = out.parent_path();
  if (folder.empty()) return;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) refuse(out, "cannot create the folder " + folder.string() + ": " + ec.message());
}

}  // namespace missionsim
