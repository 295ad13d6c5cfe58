// Where an output file may go, checked before anything is created: a command never replaces a
// device, a FIFO, a folder or one of its own inputs, never a file or a link without --force,
// and a mistyped path is the user's input error (exit 2), not an internal one.
#pragma once

#include <filesystem>
#include <span>

namespace missionsim {

/// InputError naming `out` and why, when it is empty; exists and is not a regular file; is a
/// symbolic link (dangling or not) and `force` is not set; is the same file as one of
/// `inputs`; exists and `force` is not set; or lies under something that is not a folder.
/// Writers replace the path itself: with `force`, a link is replaced, not what it points to.
void check_output_target(const std::filesystem::path& out, bool force,
                         std::span<const std::filesystem::path> inputs);

/// Creates the folder `out` goes in (and its parents); InputError naming it when that fails.
void create_output_folder(const std::filesystem::path& out);

}  // namespace missionsim
