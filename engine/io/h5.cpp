#include "engine/io/h5.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <regex>

namespace missionsim::h5 {

void silence_automatic_error_printing() {
  static std::once_flag once;
  std::call_once(once, [] {
    // HDF5's exit handler closes every file still open, and crashes (HDF5 1.10.8) on one whose
    // close failed for want of space; our files are closed by their owners, so it has nothing
    // to do. It must be turned off before the library's first call, which this is.
    static_cast<void>(H5dont_atexit());
    static_cast<void>(H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr));
  });
}

namespace {
herr_t collect_message(unsigned /*depth*/, const H5E_error2_t* frame, void* data) {
  if (frame->desc != nullptr && *frame->desc != '\0') {
    static_cast<std::vector<std::string>*>(data)->emplace_back(frame->desc);
  }
  return 0;
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}
}  // namespace

std::string error_stack_message() {
  std::vector<std::string> frames;
  static_cast<void>(H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_message, &frames));
  static_cast<void>(H5Eclear2(H5E_DEFAULT));
  if (frames.empty()) return "no detail on the HDF5 error stack";
  // The outermost frame says what failed, the innermost why; the ones between repeat them.
  std::string out = one_line(frames.front());
  if (frames.size() > 1) out += "; " + one_line(frames.back());
  return out;
}

void throw_failure(std::string_view operation) {
  const std::string detail = error_stack_message();
  // A failed write or close carries the system's errno in its text ("errno = 28"): the
  // reason a user can act on (no space left, file too large), in place of HDF5's internals.
  static const std::regex errno_field("errno = ([0-9]+)");
  if (std::smatch m; std::regex_search(detail, m, errno_field)) {
    const int code = std::stoi(m[1].str());
    if (code != 0) throw IoError(std::string(operation) + " failed: " + std::strerror(code));
  }
  throw IoError("HDF5: " + std::string(operation) + " failed: " + detail);
}

// --- files and groups ---------------------------------------------------------------------

namespace {
PropertyList file_access() {
  PropertyList fapl(check(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties"));
  // Closing a file with objects still open is a bug of ours; "semi" makes it an error
  // instead of silently keeping the file open (and unflushed) until the last object closes.
  check(H5Pset_fclose_degree(fapl, H5F_CLOSE_SEMI), "setting the file close degree");
  // The 1.8 format at the least: its superblock, object headers and group indexes carry
  // checksums, so damage to them is an error on reading, not a crash (the 1.6 format, HDF5's
  // default, has none). Readers of HDF5 1.8 and later open it: h5py, h5netcdf, R's hdf5r.
  check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_LATEST), "setting the format versions");
  return fapl;
}
}  // namespace

File create_file(const std::filesystem::path& path) {
  silence_automatic_error_printing();
  const auto fapl = file_access();
  return File(
      check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl), "creating file " + path.string()));
}

File open_file_read_only(const std::filesystem::path& path) {
  silence_automatic_error_printing();
  const auto fapl = file_access();
  return File(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl), "opening file " + path.string()));
}

File open_file_read_write(const std::filesystem::path& path) {
  silence_automatic_error_printing();
  const auto fapl = file_access();
  return File(
      check(H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl), "opening file " + path.string() + " for writing"));
}

bool is_hdf5_file(const std::filesystem::path& path) {
  silence_automatic_error_printing();
  return check(H5Fis_hdf5(path.c_str()), "probing file " + path.string()) > 0;
}

Group create_group(hid_t parent, const std::string& name, bool track_order) {
  PropertyList gcpl(check(H5Pcreate(H5P_GROUP_CREATE), "creating group properties"));
  if (track_order) {
    check(H5Pset_link_creation_order(gcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          "tracking creation order");
  }
  return Group(
      check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), "creating group " + name));
}

Group open_group(hid_t parent, const std::string& name) {
  return Group(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening group " + name));
}

bool link_exists(hid_t parent, const std::string& name) {
  return check(H5Lexists(parent, name.c_str(), H5P_DEFAULT), "looking up " + name) > 0;
}

namespace {
herr_t collect_name(hid_t /*group*/, const char* name, const H5L_info_t* /*info*/, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}
}  // namespace

std::vector<std::string> member_names(hid_t group) {
  // Opened again as a group, since `group` may be a file id (its root group), which
  // H5Gget_create_plist refuses.
  const Group self = open_group(group, ".");
  PropertyList gcpl(check(H5Gget_create_plist(self), "reading group properties"));
  unsigned order_flags = 0;
  check(H5Pget_link_creation_order(gcpl, &order_flags), "reading the creation order flags");
  const auto index = (order_flags & H5P_CRT_ORDER_INDEXED) != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  std::vector<std::string> names;
  hsize_t position = 0;
  check(H5Literate(group, index, H5_ITER_INC, &position, collect_name, &names), "listing a group");
  return names;
}

// --- types and spaces ---------------------------------------------------------------------

Datatype utf8_string_type() {
  Datatype type(check(H5Tcopy(H5T_C_S1), "copying the string type"));
  check(H5Tset_size(type, H5T_VARIABLE), "making the string type variable-length");
  check(H5Tset_cset(type, H5T_CSET_UTF8), "making the string type UTF-8");
  return type;
}

Dataspace scalar_space() {
  return Dataspace(check(H5Screate(H5S_SCALAR), "creating a scalar dataspace"));
}

Dataspace simple_space(std::span<const hsize_t> dims, std::span<const hsize_t> max_dims) {
  return Dataspace(check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(),
                                          max_dims.empty() ? nullptr : max_dims.data()),
                         "creating a dataspace"));
}

// --- datasets -----------------------------------------------------------------------------

Dataset open_dataset(hid_t parent, const std::string& name) {
  return Dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening dataset " + name));
}

std::vector<hsize_t> shape(hid_t dataset) {
  Dataspace space(check(H5Dget_space(dataset), "reading a dataspace"));
  const int rank = check(H5Sget_simple_extent_ndims(space), "reading a rank");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), "reading an extent");
  return dims;
}

std::string shape_text(std::span<const hsize_t> dims) {
  std::string out = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) out += (i ? " × " : "") + std::to_string(dims[i]);
  return out + "]";
}

std::vector<hsize_t> expect_shape(hid_t dataset, std::span<const hsize_t> expected, std::string_view where) {
  auto dims = shape(dataset);
  if (!std::equal(dims.begin(), dims.end(), expected.begin(), expected.end()))
    throw IoError(std::string(where) + " has shape " + shape_text(dims) + ", expected " +
                  shape_text(expected));
  return dims;
}

std::size_t column_length(hid_t dataset, std::string_view where) {
  const auto dims = shape(dataset);
  if (dims.size() != 1)
    throw IoError(std::string(where) + " has shape " + shape_text(dims) + ", expected one axis");
  return static_cast<std::size_t>(dims[0]);
}

H5T_class_t type_class(hid_t type, std::string_view where) {
  const H5T_class_t c = H5Tget_class(type);
  if (c == H5T_NO_CLASS) throw_failure("reading the type class of " + std::string(where));
  return c;
}

H5I_type_t object_kind(hid_t parent, const std::string& name, std::string_view where) {
  const Handle<H5Oclose> object(
      check(H5Oopen(parent, name.c_str(), H5P_DEFAULT), "opening " + std::string(where)));
  const H5I_type_t kind = H5Iget_type(object);
  if (kind == H5I_BADID) throw_failure("reading the kind of " + std::string(where));
  return kind;
}

std::string object_path(hid_t object) {
  const ssize_t length = H5Iget_name(object, nullptr, 0);
  if (length <= 0) return "a dataset";
  std::string path(static_cast<std::size_t>(length) + 1, '\0');
  if (H5Iget_name(object, path.data(), path.size()) != length) return "a dataset";
  path.resize(static_cast<std::size_t>(length));
  return path;
}

void expect_class(hid_t dataset, H5T_class_t wanted, std::string_view where) {
  const Datatype type(check(H5Dget_type(dataset), "reading the type of " + std::string(where)));
  if (type_class(type, where) == wanted) return;
  const char* what = wanted == H5T_STRING    ? "strings"
                     : wanted == H5T_INTEGER ? "integers"
                     : wanted == H5T_FLOAT   ? "floating-point numbers"
                                             : "values of the expected type";
  throw IoError(std::string(where) + " does not hold " + what);
}

void write_strings(hid_t dataset, std::span<const std::string> values) {
  if (values.empty()) return;  // nothing to write; HDF5 rejects a null buffer
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v.c_str());
  const auto type = utf8_string_type();
  check(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "writing strings");
}

namespace {
std::size_t element_count(hid_t space) {
  return static_cast<std::size_t>(check(H5Sget_simple_extent_npoints(space), "counting elements"));
}

// Reads strings of any stored kind from a dataset or an attribute, which differ only in the
// read call and in where the type and space come from.
template <class ReadFn>
std::vector<std::string> read_string_values(hid_t stored_type, hid_t space, ReadFn read,
                                            const std::string& where, hid_t transfer = H5P_DEFAULT) {
  const std::size_t n = element_count(space);
  std::vector<std::string> out;
  out.reserve(n);
  const htri_t variable = check(H5Tis_variable_str(stored_type), "inspecting the string type of " + where);
  if (variable > 0) {
    Datatype memory(check(H5Tcopy(H5T_C_S1), "copying the string type"));
    check(H5Tset_size(memory, H5T_VARIABLE), "making the string type variable-length");
    const H5T_cset_t cset = H5Tget_cset(stored_type);
    if (cset == H5T_CSET_ERROR) throw_failure("reading the character set of " + where);
    check(H5Tset_cset(memory, cset), "matching the character set of " + where);
    std::vector<char*> pointers(n, nullptr);
    if (n > 0) read(memory.id(), static_cast<void*>(pointers.data()));
    for (const char* p : pointers) out.emplace_back(p != nullptr ? p : "");
    if (n > 0) {
      check(H5Dvlen_reclaim(memory, space, transfer, pointers.data()),
            "freeing the strings read from " + where);
    }
  } else {
    const std::size_t width = H5Tget_size(stored_type);
    if (width == 0) throw_failure("reading the string size of " + where);
    Datatype memory(check(H5Tcopy(stored_type), "copying a string type"));
    std::string buffer(n * width, '\0');
    if (n > 0) read(memory.id(), static_cast<void*>(buffer.data()));
    for (std::size_t i = 0; i < n; ++i) {
      std::string one = buffer.substr(i * width, width);
      one.erase(one.find_last_not_of(std::string_view("\0 ", 2)) + 1);  // null- or space-padded
      out.push_back(std::move(one));
    }
  }
  return out;
}
}  // namespace

namespace {
// The length of a variable-length string in a dataset sits in its raw data, which has no
// checksum: a damaged one would have HDF5 allocate and copy up to 4 GB for one string (seconds
// of work). No string is longer than the file that holds it, so larger allocations are refused
// and the read fails.
void* allocate_at_most(std::size_t size, void* limit) {
  return size <= *static_cast<const std::size_t*>(limit) ? std::malloc(size) : nullptr;
}
void release(void* memory, void* /*info*/) {
  std::free(memory);
}
}  // namespace

std::vector<std::string> read_strings(hid_t dataset) {
  const std::string where = object_path(dataset);
  Datatype stored(check(H5Dget_type(dataset), "reading the type of " + where));
  if (type_class(stored, where) != H5T_STRING) throw IoError("HDF5: " + where + " does not hold strings");
  Dataspace space(check(H5Dget_space(dataset), "reading the dataspace of " + where));
  hsize_t file_size = 0;
  {
    const File file(check(H5Iget_file_id(dataset), "finding the file of " + where));
    check(H5Fget_filesize(file, &file_size), "reading the file size");
  }
  std::size_t limit = static_cast<std::size_t>(file_size) + 1;  // and the terminating NUL
  PropertyList transfer(check(H5Pcreate(H5P_DATASET_XFER), "creating transfer properties"));
  check(H5Pset_vlen_mem_manager(transfer, allocate_at_most, &limit, release, nullptr),
        "bounding string allocations");
  return read_string_values(
      stored, space,
      [&](hid_t memory, void* buffer) {
        check(H5Dread(dataset, memory, H5S_ALL, H5S_ALL, transfer, buffer), "reading " + where);
      },
      where, transfer);
}

// --- attributes ---------------------------------------------------------------------------

namespace {
Attribute create_attribute(hid_t object, const std::string& name, hid_t type) {
  if (check(H5Aexists(object, name.c_str()), "looking up attribute " + name) > 0) {
    check(H5Adelete(object, name.c_str()), "replacing attribute " + name);
  }
  const auto space = scalar_space();
  return Attribute(check(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                         "creating attribute " + name));
}
}  // namespace

void write_attribute(hid_t object, const std::string& name, std::string_view value) {
  const auto type = utf8_string_type();
  const auto attribute = create_attribute(object, name, type);
  const std::string text(value);
  const char* pointer = text.c_str();
  check(H5Awrite(attribute, type, static_cast<const void*>(&pointer)), "writing attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, const char* value) {
  write_attribute(object, name, std::string_view(value));
}

void write_attribute(hid_t object, const std::string& name, std::int64_t value) {
  const auto attribute = create_attribute(object, name, H5T_STD_I64LE);
  check(H5Awrite(attribute, H5T_NATIVE_INT64, &value), "writing attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, double value) {
  const auto attribute = create_attribute(object, name, H5T_IEEE_F64LE);
  check(H5Awrite(attribute, H5T_NATIVE_DOUBLE, &value), "writing attribute " + name);
}

bool attribute_exists(hid_t object, const std::string& name) {
  return check(H5Aexists(object, name.c_str()), "looking up attribute " + name) > 0;
}

namespace {
herr_t collect_dataset(hid_t /*root*/, const char* name, const H5O_info_t* info, void* data) {
  if (info->type == H5O_TYPE_DATASET) static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}
}  // namespace

void add_cf_names(hid_t file) {
  if (!attribute_exists(file, "Conventions")) write_attribute(file, "Conventions", "CF-1.8");
  // Collected first: attributes are not written while the visit walks the file.
  std::vector<std::string> datasets;
  check(H5Ovisit(file, H5_INDEX_NAME, H5_ITER_NATIVE, collect_dataset, &datasets), "listing the datasets");
  for (const auto& path : datasets) {
    const Dataset d = open_dataset(file, path);
    if (attribute_exists(d, "long_name")) continue;
    std::string name;
    if (attribute_exists(d, "description")) name = read_string_attribute(d, "description");
    if (name.empty()) {
      name = path.substr(path.find_last_of('/') + 1);
      for (char& c : name)
        if (c == '_') c = ' ';
    }
    write_attribute(d, "long_name", name);
  }
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  Attribute attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  Datatype stored(check(H5Aget_type(attribute), "reading the type of attribute " + name));
  if (type_class(stored, "attribute " + name) != H5T_STRING)
    throw IoError("HDF5: attribute " + name + " is not a string");
  Dataspace space(check(H5Aget_space(attribute), "reading the space of attribute " + name));
  auto values = read_string_values(
      stored, space,
      [&](hid_t memory, void* buffer) {
        check(H5Aread(attribute, memory, buffer), "reading attribute " + name);
      },
      "attribute " + name);
  if (values.size() != 1) throw IoError("HDF5: attribute " + name + " is not a single string");
  return std::move(values.front());
}

std::int64_t read_int_attribute(hid_t object, const std::string& name) {
  Attribute attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  Datatype stored(check(H5Aget_type(attribute), "reading the type of attribute " + name));
  if (type_class(stored, "attribute " + name) != H5T_INTEGER)
    throw IoError("HDF5: attribute " + name + " is not an integer");
  Dataspace space(check(H5Aget_space(attribute), "reading the space of attribute " + name));
  if (element_count(space) != 1) throw IoError("HDF5: attribute " + name + " is not a single integer");
  std::int64_t value = 0;
  check(H5Aread(attribute, H5T_NATIVE_INT64, &value), "reading attribute " + name);
  return value;
}

std::variant<std::string, std::int64_t, double> read_attribute(hid_t object, const std::string& name) {
  H5T_class_t kind = H5T_NO_CLASS;
  {
    Attribute attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
    Datatype stored(check(H5Aget_type(attribute), "reading the type of attribute " + name));
    kind = type_class(stored, "attribute " + name);
  }
  if (kind == H5T_STRING) return read_string_attribute(object, name);
  if (kind == H5T_INTEGER) return read_int_attribute(object, name);
  return read_double_attribute(object, name);
}

double read_double_attribute(hid_t object, const std::string& name) {
  Attribute attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  Datatype stored(check(H5Aget_type(attribute), "reading the type of attribute " + name));
  const H5T_class_t kind = type_class(stored, "attribute " + name);
  if (kind != H5T_FLOAT && kind != H5T_INTEGER) {
    throw IoError("HDF5: attribute " + name + " is not a number");
  }
  Dataspace space(check(H5Aget_space(attribute), "reading the space of attribute " + name));
  if (element_count(space) != 1) throw IoError("HDF5: attribute " + name + " is not a single number");
  double value = 0;
  check(H5Aread(attribute, H5T_NATIVE_DOUBLE, &value), "reading attribute " + name);
  return value;
}

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 32> text{};
  const std::size_t n = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text.data(), n);
}

}  // namespace missionsim::h5
