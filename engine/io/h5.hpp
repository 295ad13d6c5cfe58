// A thin RAII layer over the HDF5 C API: handles that close themselves, and one checked-call
// helper that turns every failed call into an IoError carrying HDF5's own error stack.
#pragma once

#include <hdf5.h>

#include <concepts>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// Written by hand (after HighFive's bits/h5*_wrapper.hpp) because we need only a few dozen calls
// and no C++ HDF5 binding is among our dependencies; h5.hpp is the only header that includes hdf5.h.
namespace missionsim::h5 {

/// Turns HDF5's automatic error printing off, once per process: every failure reaches the user
/// as an IoError instead. Every function here that opens or creates something calls it.
void silence_automatic_error_printing();

/// The outermost and innermost messages on the HDF5 error stack, joined with "; ", on one line.
std::string error_stack_message();

/// Throws IoError("HDF5: <operation> failed: <error stack>").
[[noreturn]] void throw_failure(std::string_view operation);

/// Every HDF5 call goes through here: negative results (ids, herr_t, htri_t) become IoError.
template <std::signed_integral Result>
Result check(Result result, std::string_view operation) {
  if (result < 0) throw_failure(operation);
  return result;
}

/// Owns one HDF5 identifier and closes it with `Close`. Move-only. Each kind of object gets its
/// own type (File, Group, ...), so a dataset id cannot be closed as a file.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() noexcept = default;
  /// Takes ownership of `id`, which must be valid (pass results through check() first).
  explicit Handle(hid_t id) noexcept : id_(id) {}
  ~Handle() { reset(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }

  [[nodiscard]] hid_t id() const noexcept { return id_; }
  operator hid_t() const noexcept {
    return id_;
  }  // NOLINT(google-explicit-constructor): reads like the C API
  [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }

  /// Closes now and reports failure (a destructor cannot): use where closing completes work,
  /// as for a file that must be flushed before it is renamed.
  void close(std::string_view operation) {
    if (!valid()) return;
    const hid_t id = std::exchange(id_, H5I_INVALID_HID);
    check(Close(id), operation);
  }

  /// Closes quietly; a failure here has nowhere to go.
  void reset() noexcept {
    if (valid()) static_cast<void>(Close(std::exchange(id_, H5I_INVALID_HID)));
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using Attribute = Handle<H5Aclose>;
using PropertyList = Handle<H5Pclose>;

// --- files and groups ---------------------------------------------------------------------

/// Creates (truncating) a file for writing.
File create_file(const std::filesystem::path& path);
/// Opens an existing file read-only.
File open_file_read_only(const std::filesystem::path& path);
/// Opens an existing file for reading and writing.
File open_file_read_write(const std::filesystem::path& path);
/// True if `path` is an HDF5 file (false for other files; IoError if it cannot be read).
bool is_hdf5_file(const std::filesystem::path& path);

/// Creates a group; with `track_order` its members list in creation order, not by name.
Group create_group(hid_t parent, const std::string& name, bool track_order = false);
Group open_group(hid_t parent, const std::string& name);
/// True if `name` is a link in `parent` (a plain name, not a path).
bool link_exists(hid_t parent, const std::string& name);
/// Names of the members of a group (or of a file's root group), in creation order if tracked,
/// else by name.
std::vector<std::string> member_names(hid_t group);

// --- types and spaces ---------------------------------------------------------------------

/// Variable-length UTF-8 string type (C strings), the one string type of our files.
Datatype utf8_string_type();
Dataspace scalar_space();
/// A simple dataspace; `max_dims` empty means fixed size, H5S_UNLIMITED marks growable axes.
Dataspace simple_space(std::span<const hsize_t> dims, std::span<const hsize_t> max_dims = {});

// --- datasets -----------------------------------------------------------------------------

Dataset open_dataset(hid_t parent, const std::string& name);
/// Current extent of a dataset (empty for a scalar).
std::vector<hsize_t> shape(hid_t dataset);
/// "[12 × 3]", for messages about shapes.
std::string shape_text(std::span<const hsize_t> dims);
/// The extent of a dataset, which must be `expected`: IoError("<where> has shape [..], expected
/// [..]") otherwise. Readers check a shape before they size a buffer by it, so a damaged file
/// gives a message, not an allocation of petabytes or a read past a vector's end.
std::vector<hsize_t> expect_shape(hid_t dataset, std::span<const hsize_t> expected, std::string_view where);
/// The length of a dataset of one axis (a coordinate or a table column): IoError("<where> has
/// shape [..], expected one axis") for another rank.
std::size_t column_length(hid_t dataset, std::string_view where);
/// The class (integer, float, string…) of a memory or file type; IoError naming `where` when
/// HDF5 cannot say (H5T_NO_CLASS), which a damaged type gives.
H5T_class_t type_class(hid_t type, std::string_view where);
/// The kind of the object `name` in `parent` (H5I_GROUP, H5I_DATASET, …); IoError naming
/// `where` when it cannot be opened or has no kind.
H5I_type_t object_kind(hid_t parent, const std::string& name, std::string_view where);
/// The object's path in its file ("/metrics/deaths"), for messages; "a dataset" when HDF5
/// cannot give one.
std::string object_path(hid_t object);
/// IoError("<where> does not hold integers", or strings, ...) unless the dataset's type is of
/// `type_class`.
void expect_class(hid_t dataset, H5T_class_t type_class, std::string_view where);
/// Writes a whole dataset of variable-length strings.
void write_strings(hid_t dataset, std::span<const std::string> values);
/// Reads a whole dataset of strings (variable or fixed length) of any rank, in row-major order;
/// its errors name the dataset by its path.
std::vector<std::string> read_strings(hid_t dataset);

// --- attributes ---------------------------------------------------------------------------

/// The current time in UTC as "2026-11-25T06:20:00Z", for the files' created_utc attribute.
std::string utc_now_iso8601();

/// Scalar attributes; a string attribute is variable-length UTF-8.
void write_attribute(hid_t object, const std::string& name, std::string_view value);
void write_attribute(hid_t object, const std::string& name, const char* value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, double value);

bool attribute_exists(hid_t object, const std::string& name);

/// CF metadata over a whole file, before it is closed: the root's `Conventions`, and a
/// `long_name` on every dataset without one (its description, else its name in words), so
/// that CF readers label every variable.
void add_cf_names(hid_t file);
/// Reads a scalar string attribute, variable or fixed length (as written by other tools).
std::string read_string_attribute(hid_t object, const std::string& name);
std::int64_t read_int_attribute(hid_t object, const std::string& name);
/// A scalar attribute as written: a string, an integer or a floating-point number.
std::variant<std::string, std::int64_t, double> read_attribute(hid_t object, const std::string& name);
/// Reads a scalar numeric attribute (integer or floating point) as a double.
double read_double_attribute(hid_t object, const std::string& name);

}  // namespace missionsim::h5
