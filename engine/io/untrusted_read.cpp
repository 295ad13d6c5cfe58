#include "engine/io/untrusted_read.hpp"

#include "engine/core/number_text.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace missionsim {

void refuse_file(const std::filesystem::path& file, const std::string& message) {
  throw InputError(Diagnostic{SourcePosition{file.string(), 0, 0}, "", message});
}

namespace {

// The child tells the parent what it threw: its exit status says the kind, the pipe carries
// the text (for an InputError, each diagnostic's fields, every field ended by a NUL).
enum ChildStatus : int { read_ok = 0, input_error = 2, io_error = 3, other_error = 4 };

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent learns the kind from the exit status all the same
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string encode(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    for (const std::string& field :
         {d.where.file, std::to_string(d.where.line), std::to_string(d.where.column), d.key, d.message})
      out += field + '\0';
  }
  return out;
}

std::vector<Diagnostic> decode(const std::string& text) {
  std::vector<std::string> fields;
  for (std::size_t at = 0, end; (end = text.find('\0', at)) != std::string::npos; at = end + 1)
    fields.push_back(text.substr(at, end - at));
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i + 5 <= fields.size(); i += 5)
    out.push_back(Diagnostic{
        {fields[i], std::stoi(fields[i + 1]), std::stoi(fields[i + 2])}, fields[i + 3], fields[i + 4]});
  return out;
}

[[noreturn]] void run_child(const std::function<void()>& read, pid_t parent, int report) {
  // Dies with the parent (killed by a test's timeout, say) instead of reading on alone.
  static_cast<void>(::prctl(PR_SET_PDEATHSIG, SIGKILL));
  if (::getppid() != parent) ::_exit(other_error);
  // A crash here is expected: it must end the child (whatever handlers the host program set),
  // leave no core file, and keep glibc's report of it off the user's terminal.
  for (const int crash : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
    static_cast<void>(::signal(crash, SIG_DFL));
  const rlimit no_core{0, 0};
  static_cast<void>(::setrlimit(RLIMIT_CORE, &no_core));
  if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) {
    static_cast<void>(::dup2(null, STDOUT_FILENO));
    static_cast<void>(::dup2(null, STDERR_FILENO));
  }
  int status = read_ok;
  try {
    read();
  } catch (const InputError& e) {
    write_all(report, encode(e.diagnostics()));
    status = input_error;
  } catch (const IoError& e) {
    write_all(report, e.what());
    status = io_error;
  } catch (const std::exception& e) {
    write_all(report, e.what());
    status = other_error;
  } catch (...) {
    status = other_error;
  }
  ::_exit(status);  // not exit(): the atexit handlers and stdio buffers are the parent's
}

// Reads the child's report to its end (the child closes the pipe when it exits), or until
// `deadline`; false if the deadline came first. Read before waiting, or a long report would
// fill the pipe and stall the child.
bool read_report(int fd, std::string& text, std::chrono::steady_clock::time_point deadline) {
  std::array<char, 4096> buffer{};
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd wait_for{fd, POLLIN, 0};
    const int ready = ::poll(&wait_for, 1, static_cast<int>(std::min<long long>(left.count(), 60'000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return true;  // cannot wait on the pipe: let waitpid give the outcome
    if (ready == 0) continue;    // the deadline is checked at the loop's head
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    text.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace

// Why a child process rather than more checks before reading: HDF5's global heap, where
// variable-length strings live, carries no checksum even in the 1.8 format, and the library
// trusts the lengths it finds there (copies past its buffers, frees twice). Nothing outside
// the library can check that heap, and a process whose memory HDF5 has corrupted cannot carry
// on. A fork costs about a millisecond; a file that reads well is read twice, cheap beside
// making it, and the parent's read, from the same state on the same bytes, goes as the child's
// went. A file that fails is not read again: the child's error is the answer.
void read_in_child(const std::filesystem::path& file, const std::function<void()>& read,
                   std::chrono::milliseconds limit) {
  std::array<int, 2> report{};
  if (::pipe2(report.data(), O_CLOEXEC) != 0)
    throw IoError("cannot start a process to read " + file.string() + ": " + std::strerror(errno));
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(report[0]);
    run_child(read, parent, report[1]);
  }
  ::close(report[1]);
  if (child < 0) {
    ::close(report[0]);
    throw IoError("cannot start a process to read " + file.string() + ": " + std::strerror(errno));
  }
  std::string text;
  const bool finished = read_report(report[0], text, std::chrono::steady_clock::now() + limit);
  ::close(report[0]);
  if (!finished) static_cast<void>(::kill(child, SIGKILL));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR)
      throw IoError("waiting for the process reading " + file.string() + ": " + std::strerror(errno));
  }
  if (!finished) {
    const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(limit).count();
    throw InputError(Diagnostic{{},
                                "",
                                file.string() + " is damaged: reading it did not finish in " +
                                    format_number(seconds) + " s (the HDF5 library may be looping on it)"});
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    throw InputError(Diagnostic{{},
                                "",
                                file.string() + " is damaged: reading it crashed the HDF5 library (signal " +
                                    std::to_string(signal) + ": " + ::strsignal(signal) + ")"});
  }
  switch (WEXITSTATUS(status)) {
    case read_ok:
      return;
    case input_error: {
      auto diagnostics = decode(text);
      if (diagnostics.empty()) refuse_file(file, "unreadable missionsim output file");
      throw InputError(std::move(diagnostics));
    }
    case io_error:
      throw IoError(text);
    default:
      throw InternalError("reading " + file.string() + ": " + (text.empty() ? "failed" : text));
  }
}

std::chrono::milliseconds read_time_limit(const std::filesystem::path& file) {
  std::error_code unknown;
  const auto bytes = std::filesystem::file_size(file, unknown);
  constexpr std::uintmax_t free_bytes = 600'000'000;
  constexpr std::uintmax_t bytes_per_second = 10'000'000;
  const auto extra = unknown || bytes <= free_bytes ? 0 : (bytes - free_bytes) / bytes_per_second;
  return std::chrono::seconds(60 + static_cast<long long>(extra));
}

}  // namespace missionsim
