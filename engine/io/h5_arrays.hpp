// Whole datasets of numbers and labels, and the dimension scales between them: what the
// experiment files (sweeps, analyses) read and write, kept here so that no module but
// engine/io calls the HDF5 C API (scripts/check-boundaries.sh).
#pragma once

#include "engine/io/h5.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::h5 {

/// A one-axis dataset of UTF-8 labels made a dimension scale named `name`.
Dataset create_label_scale(hid_t parent, const std::string& name, std::span<const std::string> labels);

/// A little-endian float64 dataset of shape `dims` holding `values` (row-major; sizes must agree).
Dataset create_doubles(hid_t parent, const std::string& name, std::span<const hsize_t> dims,
                       std::span<const double> values);

/// Attaches `scale` to `axis` of `dataset`; `where` names the dataset in the error.
void attach_scale(hid_t dataset, hid_t scale, unsigned axis, std::string_view where);

/// Removes the link `name` from `parent` (the object goes when nothing else links to it).
void delete_link(hid_t parent, const std::string& name);

/// Whether the dataset holds strings.
bool holds_strings(hid_t dataset, std::string_view where);

/// Reads the whole dataset into `buffer` as `memory_type`; the caller sized the buffer from the
/// dataset's checked shape.
void read_whole(hid_t dataset, hid_t memory_type, void* buffer, std::string_view where);

}  // namespace missionsim::h5
