#include "engine/experiment/analysis_group.hpp"

#include "engine/core/error.hpp"
#include "engine/io/h5_arrays.hpp"

#include <unistd.h>

#include <array>

namespace missionsim {

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
      if (h5::link_exists(f, group)) h5::delete_link(f, group);
      {  // every object closed before the file
        const auto g = h5::create_group(f, group, true);
        const auto out = h5::create_label_scale(g, "output", outputs);
        const auto par = h5::create_label_scale(g, "parameter", parameters);
        const std::array<hsize_t, 2> dims{outputs.size(), parameters.size()};
        for (const auto& m : matrices) {
          const auto where = "/" + group + "/" + m.name;
          const auto d = h5::create_doubles(g, m.name, dims, m.values);
          h5::write_attribute(d, "description", m.description);
          h5::attach_scale(d, out, 0, where);
          h5::attach_scale(d, par, 1, where);
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
