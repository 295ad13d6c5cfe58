#include "engine/experiment/analysis_group.hpp"

#include "engine/core/error.hpp"
#include "engine/io/h5.hpp"

#include <hdf5_hl.h>
#include <unistd.h>

#include <array>

namespace missionsim {

namespace {
h5::Dataset write_labels(hid_t group, const std::string& name, const std::vector<std::string>& labels) {
  const std::array<hsize_t, 1> dims{labels.size()};
  const auto type = h5::utf8_string_type();
  const auto space = h5::simple_space(dims);
  h5::Dataset d(h5::check(H5Dcreate2(group, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                          "creating " + name));
  h5::write_strings(d, labels);
  h5::check(H5DSset_scale(d, name.c_str()), "making " + name + " a dimension scale");
  return d;
}
}  // namespace

void write_analysis_group(const std::filesystem::path& file, const std::string& group,
                          const std::vector<std::string>& outputs, const std::vector<std::string>& parameters,
                          const std::vector<AnalysisMatrix>& matrices,
                          const std::vector<std::pair<std::string, std::string>>& attributes) {
  std::filesystem::path temporary = file;
  temporary += ".partial-" + std::to_string(::getpid());
  std::error_code ec;
  std::filesystem::copy_file(file, temporary, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) throw IoError(file.string() + ": cannot copy it to add /" + group + ": " + ec.message());
  try {
    {
      auto f = h5::open_file_read_write(temporary);
      if (h5::link_exists(f, group))
        h5::check(H5Ldelete(f, group.c_str(), H5P_DEFAULT), "replacing /" + group);
      {  // every object closed before the file
        const auto g = h5::create_group(f, group, true);
        const auto out = write_labels(g, "output", outputs);
        const auto par = write_labels(g, "parameter", parameters);
        const std::array<hsize_t, 2> dims{outputs.size(), parameters.size()};
        for (const auto& m : matrices) {
          if (m.values.size() != outputs.size() * parameters.size())
            throw InternalError("write_analysis_group: " + m.name + " has the wrong size");
          const auto space = h5::simple_space(dims);
          const h5::Dataset d(h5::check(
              H5Dcreate2(g, m.name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
              "creating /" + group + "/" + m.name));
          h5::check(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, m.values.data()),
                    "writing /" + group + "/" + m.name);
          h5::write_attribute(d, "description", m.description);
          h5::check(H5DSattach_scale(d, out, 0), "attaching output");
          h5::check(H5DSattach_scale(d, par, 1), "attaching parameter");
        }
        for (const auto& [name, value] : attributes) h5::write_attribute(g, name, value);
      }
      f.close("closing " + temporary.string());
    }
    std::filesystem::rename(temporary, file, ec);
    if (ec) throw IoError(file.string() + ": cannot move the updated file into place: " + ec.message());
  } catch (...) {
    std::filesystem::remove(temporary, ec);
    throw;
  }
}

}  // namespace missionsim
