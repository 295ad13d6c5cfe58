#include "engine/io/h5_arrays.hpp"

#include "engine/core/error.hpp"

#include <hdf5_hl.h>

#include <array>

namespace missionsim::h5 {

Dataset create_label_scale(hid_t parent, const std::string& name, std::span<const std::string> labels) {
  const std::array<hsize_t, 1> dims{labels.size()};
  const auto type = utf8_string_type();
  const auto space = simple_space(dims);
  Dataset d(check(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  "creating " + name));
  write_strings(d, labels);
  check(H5DSset_scale(d, name.c_str()), "making " + name + " a dimension scale");
  return d;
}

Dataset create_doubles(hid_t parent, const std::string& name, std::span<const hsize_t> dims,
                       std::span<const double> values) {
  hsize_t n = 1;
  for (const auto d : dims) n *= d;
  if (n != values.size()) throw InternalError("create_doubles: " + name + " has the wrong size");
  const auto space = simple_space(dims);
  Dataset d(
      check(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            "creating " + name));
  if (n > 0)
    check(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "writing " + name);
  return d;
}

void attach_scale(hid_t dataset, hid_t scale, unsigned axis, std::string_view where) {
  check(H5DSattach_scale(dataset, scale, axis),
        "attaching a dimension scale to axis " + std::to_string(axis) + " of " + std::string(where));
}

void delete_link(hid_t parent, const std::string& name) {
  check(H5Ldelete(parent, name.c_str(), H5P_DEFAULT), "removing " + name);
}

bool holds_strings(hid_t dataset, std::string_view where) {
  const Datatype type(check(H5Dget_type(dataset), "reading the type of " + std::string(where)));
  return type_class(type, where) == H5T_STRING;
}

void read_whole(hid_t dataset, hid_t memory_type, void* buffer, std::string_view where) {
  check(H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer),
        "reading " + std::string(where));
}

}  // namespace missionsim::h5
