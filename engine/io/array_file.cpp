#include "engine/io/array_file.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/io/h5.hpp"

#include <hdf5_hl.h>
#include <unistd.h>

#include <array>
#include <functional>
#include <map>

namespace missionsim {

struct ArrayFile::State {
  h5::File file;
  std::map<std::string, h5::Group> groups;                      // by path
  std::map<std::string, std::pair<h5::Dataset, hsize_t>> axes;  // "group/name" → scale, length

  hid_t group(const std::string& path) {
    if (path.empty()) return file;
    if (auto it = groups.find(path); it != groups.end()) return it->second;
    const auto slash = path.rfind('/');
    const hid_t parent = slash == std::string::npos ? file.id() : group(path.substr(0, slash));
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return groups.emplace(path, h5::create_group(parent, name, true)).first->second;
  }
};

ArrayFile::ArrayFile(std::filesystem::path path, bool overwrite, const std::string& scenario_name,
                     const std::string& command_line)
    : path_(std::move(path)), overwrite_(overwrite) {
  if (!overwrite_ && std::filesystem::exists(path_))
    throw IoError(path_.string() + ": output file exists; not overwriting it");
  temporary_ = path_;
  temporary_ += ".tmp-" + std::to_string(::getpid());
  state_ = std::make_unique<State>();
  state_->file = h5::create_file(temporary_);
  const hid_t root = state_->file;
  h5::write_attribute(root, "format", "missionsim");
  h5::write_attribute(root, "format_version", std::int64_t{output_format_version});
  h5::write_attribute(root, "engine_version", engine_version);
  h5::write_attribute(root, "engine_git_describe", engine_git_describe);
  h5::write_attribute(root, "scenario_name", scenario_name);
  h5::write_attribute(root, "created_utc", h5::utc_now_iso8601());
  h5::write_attribute(root, "command_line", command_line);
}

ArrayFile::~ArrayFile() {
  if (!state_) return;
  state_.reset();  // closes every handle before the file is removed
  std::error_code ec;
  std::filesystem::remove(temporary_, ec);
}

void ArrayFile::text(const std::string& group, const std::string& name, const std::string& value) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  const auto type = h5::utf8_string_type();
  const auto space = h5::scalar_space();
  const h5::Dataset d(h5::check(
      H5Dcreate2(state_->group(group), name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      "creating " + group + "/" + name));
  const char* c = value.c_str();
  h5::check(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, static_cast<const void*>(&c)),
            "writing " + group + "/" + name);
}

void ArrayFile::axis(const std::string& group, const std::string& name,
                     const std::vector<std::string>& labels, const std::string& description) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  const std::array<hsize_t, 1> dims{labels.size()};
  const auto type = h5::utf8_string_type();
  h5::Dataset d(h5::check(H5Dcreate2(state_->group(group), name.c_str(), type, h5::simple_space(dims),
                                     H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                          "creating axis " + group + "/" + name));
  h5::write_strings(d, labels);
  h5::check(H5DSset_scale(d, name.c_str()), "making " + name + " a dimension scale");
  h5::write_attribute(d, "long_name", description);
  state_->axes[group + "/" + name] = {std::move(d), labels.size()};
}

void ArrayFile::axis(const std::string& group, const std::string& name, const std::vector<double>& values,
                     const std::string& units, const std::string& description) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  const std::array<hsize_t, 1> dims{values.size()};
  h5::Dataset d(h5::check(H5Dcreate2(state_->group(group), name.c_str(), H5T_IEEE_F64LE,
                                     h5::simple_space(dims), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                          "creating axis " + group + "/" + name));
  if (!values.empty())
    h5::check(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
              "writing axis " + name);
  h5::check(H5DSset_scale(d, name.c_str()), "making " + name + " a dimension scale");
  h5::write_attribute(d, "units", units);
  h5::write_attribute(d, "long_name", description);
  state_->axes[group + "/" + name] = {std::move(d), values.size()};
}

namespace {
// Creates a dataset over named axes of `group` and attaches their scales after `write` fills it.
void over_axes(std::map<std::string, std::pair<h5::Dataset, hsize_t>>& axes, hid_t parent,
               const std::string& group, const std::string& name, const std::vector<std::string>& dims,
               std::size_t size, hid_t type, const std::function<void(hid_t)>& write) {
  std::vector<hsize_t> shape;
  std::size_t expected = 1;
  for (const auto& dim : dims) {
    const auto it = axes.find(group + "/" + dim);
    if (it == axes.end()) throw InternalError("ArrayFile: no axis '" + dim + "' in " + group);
    shape.push_back(it->second.second);
    expected *= it->second.second;
  }
  if (expected != size)
    throw InternalError("ArrayFile: " + group + "/" + name + " has " + std::to_string(size) + " values for " +
                        std::to_string(expected) + " cells");
  const h5::Dataset d(h5::check(
      H5Dcreate2(parent, name.c_str(), type, h5::simple_space(shape), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      "creating " + group + "/" + name));
  write(d);
  for (unsigned k = 0; k < dims.size(); ++k)
    h5::check(H5DSattach_scale(d, axes.at(group + "/" + dims[k]).first, k),
              "attaching axis " + dims[k] + " to " + name);
}
}  // namespace

void ArrayFile::array(const std::string& group, const std::string& name, const std::vector<std::string>& dims,
                      const std::vector<double>& data, const std::string& units,
                      const std::string& description) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  over_axes(state_->axes, state_->group(group), group, name, dims, data.size(), H5T_IEEE_F64LE, [&](hid_t d) {
    if (!data.empty())
      h5::check(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()),
                "writing " + group + "/" + name);
    h5::write_attribute(d, "units", units);
    h5::write_attribute(d, "description", description);
  });
}

void ArrayFile::strings(const std::string& group, const std::string& name,
                        const std::vector<std::string>& dims, const std::vector<std::string>& data,
                        const std::string& description) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  const auto type = h5::utf8_string_type();
  over_axes(state_->axes, state_->group(group), group, name, dims, data.size(), type, [&](hid_t d) {
    h5::write_strings(d, data);
    h5::write_attribute(d, "description", description);
    h5::write_attribute(d, "units", "1");  // text: dimensionless, so that every dataset has units
  });
}

void ArrayFile::attribute(const std::string& group, const std::string& name, std::string_view value) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  h5::write_attribute(state_->group(group), name, value);
}
void ArrayFile::attribute(const std::string& group, const std::string& name, double value) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  h5::write_attribute(state_->group(group), name, value);
}
void ArrayFile::attribute(const std::string& group, const std::string& name, std::int64_t value) {
  if (!state_) throw InternalError("ArrayFile: written after finish()");
  h5::write_attribute(state_->group(group), name, value);
}

void ArrayFile::finish() {
  if (!state_) throw InternalError("ArrayFile: finish() called twice");
  h5::add_cf_names(state_->file);
  state_->axes.clear();
  state_->groups.clear();
  state_->file.close("closing " + temporary_.string());
  state_.reset();
  if (!overwrite_ && std::filesystem::exists(path_))
    throw IoError(path_.string() + ": output file appeared while writing; not overwriting it");
  std::error_code ec;
  std::filesystem::rename(temporary_, path_, ec);
  if (ec) throw IoError(path_.string() + ": cannot move the finished output into place: " + ec.message());
}

}  // namespace missionsim
