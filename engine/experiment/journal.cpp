#include "engine/experiment/journal.hpp"

#include "engine/core/error.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <boost/crc.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace missionsim {

namespace {

constexpr std::string_view file_magic = "missionsim sweep journal 1\n";
constexpr std::uint32_t record_magic = 0x4A52534DU;  // "MSRJ"

std::uint32_t crc32(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

std::string frame(std::string_view payload) {
  std::string out;
  const std::uint64_t length = payload.size();
  const std::uint32_t crc = crc32(payload);
  out.append(reinterpret_cast<const char*>(&record_magic), sizeof record_magic);
  out.append(reinterpret_cast<const char*>(&length), sizeof length);
  out.append(payload);
  out.append(reinterpret_cast<const char*>(&crc), sizeof crc);
  return out;
}

// The next whole record at `at`, advancing `at`; false at the end or at a torn record.
bool next_record(const std::string& data, std::size_t& at, std::string_view& payload) {
  constexpr std::size_t head = sizeof(std::uint32_t) + sizeof(std::uint64_t);
  if (data.size() - at < head) return false;
  std::uint32_t magic = 0;
  std::uint64_t length = 0;
  std::memcpy(&magic, data.data() + at, sizeof magic);
  std::memcpy(&length, data.data() + at + sizeof magic, sizeof length);
  if (magic != record_magic || length > data.size() - at - head ||
      data.size() - at - head - length < sizeof(std::uint32_t))
    return false;
  payload = std::string_view(data).substr(at + head, length);
  std::uint32_t crc = 0;
  std::memcpy(&crc, data.data() + at + head + length, sizeof crc);
  if (crc != crc32(payload)) return false;
  at += head + length + sizeof crc;
  return true;
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError(path.string() + ": cannot write the sweep journal: " + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

Journal::Journal(std::filesystem::path path, const std::string& fingerprint) : path_(std::move(path)) {
  const std::string header = std::string(file_magic) + frame(fingerprint);
  std::size_t keep = 0;
  if (std::filesystem::exists(path_)) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw IoError(path_.string() + ": cannot read the sweep journal");
    std::string data(static_cast<std::size_t>(std::filesystem::file_size(path_)), '\0');
    if (!in.read(data.data(), static_cast<std::streamsize>(data.size())))
      throw IoError(path_.string() + ": cannot read the sweep journal");
    std::size_t at = file_magic.size();
    std::string_view recorded;
    const bool ours = data.compare(0, file_magic.size(), file_magic) == 0 &&
                      next_record(data, at, recorded) && recorded == fingerprint;
    // A journal killed while its header was being written holds no run: start it again.
    const bool torn_header = data.size() < header.size() && header.compare(0, data.size(), data) == 0;
    if (!ours && !torn_header)
      throw InputError(
          Diagnostic{{path_.string(), 0, 0},
                     "",
                     "this journal belongs to another sweep (a different scenario, design, replicates, "
                     "seed or shard); remove it to start the sweep over"});
    if (ours) {
      keep = at;
      std::string_view payload;
      while (next_record(data, at, payload)) {
        recovered_.push_back(decode_run_result(std::span(payload.data(), payload.size())));
        keep = at;
      }
    }
  }
  if (!path_.parent_path().empty()) std::filesystem::create_directories(path_.parent_path());
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw IoError(path_.string() + ": cannot open the sweep journal: " + std::strerror(errno));
  // Drop a torn tail; a fresh journal starts with its header.
  if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0 || ::lseek(fd_, static_cast<off_t>(keep), SEEK_SET) < 0)
    throw IoError(path_.string() + ": cannot truncate the sweep journal: " + std::strerror(errno));
  if (keep == 0) {
    write_all(fd_, header, path_);
    ::fdatasync(fd_);
  }
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<RunResult> Journal::take_recovered() {
  return std::move(recovered_);
}

void Journal::append(const RunResult& result) {
  if (fd_ < 0) throw InternalError("Journal: append after remove");
  write_all(fd_, frame(encode_run_result(result)), path_);
  if (::fdatasync(fd_) != 0)
    throw IoError(path_.string() + ": cannot flush the sweep journal: " + std::strerror(errno));
}

void Journal::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace missionsim
