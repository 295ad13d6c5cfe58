// The output file of a sweep: the run layout of DESIGN.md ("Output file") with one slot per
// run of the plan, written from RunResults, and read back into them (to merge shards, to
// analyse). Writing goes through Hdf5Recorder, so a sweep, a resumed sweep, MPI and merged
// shards all produce the same datasets from the same results.
#pragma once

#include "engine/experiment/run_result.hpp"

#include <filesystem>
#include <span>
#include <vector>

namespace missionsim {

/// What a sweep file holds: the header it was written with (run_count = runs of the whole
/// plan, run_parameters and run_attributes set) and the runs present in it.
struct SweepContents {
  RecordingHeader header;
  std::vector<RunResult> runs;  ///< by run index; runs whose status is "not_run" left out
};

/// Writes every result into its slot (runs without one are "not_run", NaN) through an
/// Hdf5Recorder: temporary file, renamed into place at the end. Results may come in any order.
void write_sweep_file(const std::filesystem::path& path, bool overwrite, const RecordingHeader& header,
                      std::vector<RunResult> results);

/// Reads a file written by write_sweep_file (or a single run): header and the runs that ran.
/// InputError naming the file if it is not a missionsim file, lacks a part of the layout, has a
/// dataset of the wrong shape or type, or is damaged (read_untrusted: a crash of the HDF5
/// library on it is caught in a child process).
SweepContents read_sweep_file(const std::filesystem::path& path);

}  // namespace missionsim
