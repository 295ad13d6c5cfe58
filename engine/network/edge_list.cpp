#include "engine/network/edge_list.hpp"

#include "engine/core/error.hpp"
#include "engine/network/csr_builder.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

namespace missionsim {

namespace {

// Past this many bad lines the rest of the report would only repeat itself.
constexpr std::size_t max_diagnostics = 20;

// The largest id we accept: a node count of max + 1 must still fit in a NodeId.
constexpr std::uint64_t largest_id = std::numeric_limits<NodeId>::max() - 1;

struct Token {
  std::string_view text;
  int column = 0;  // 1-based
};

// Up to `Max` whitespace-separated tokens before any '#'; `count` says how many there were
// in all, so a line with too many is still recognised.
template <std::size_t Max>
struct Tokens {
  std::array<Token, Max> tokens{};
  std::size_t count = 0;
};

template <std::size_t Max>
Tokens<Max> split(std::string_view line) {
  if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  Tokens<Max> out;
  std::size_t i = 0;
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i == line.size()) break;
    const std::size_t begin = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (out.count < Max)
      out.tokens[out.count] = Token{line.substr(begin, i - begin), static_cast<int>(begin) + 1};
    ++out.count;
  }
  return out;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t shown = 40;
  return "'" + std::string(text.substr(0, shown)) + (text.size() > shown ? "...'" : "'");
}

// The node id in `text`, if it is one below node_count (0: no bound). The fast path of every
// line, so it builds no strings; id_problem says what is wrong when it fails.
bool parse_id(std::string_view text, NodeId node_count, NodeId& id) {
  std::uint64_t value = 0;
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(text.data(), last, value);
  if (ec != std::errc{} || end != last || value > largest_id || (node_count != 0 && value >= node_count)) {
    return false;
  }
  id = static_cast<NodeId>(value);
  return true;
}

std::string id_problem(std::string_view text, NodeId node_count) {
  std::uint64_t value = 0;
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(text.data(), last, value);
  if (!text.empty() && text.front() == '-') {
    return "expected a node id (a non-negative integer), found " + quoted(text) + ", which is negative";
  }
  if (ec == std::errc::result_out_of_range || (ec == std::errc{} && end == last && value > largest_id)) {
    return "node id " + quoted(text) + " is too large (at most " + std::to_string(largest_id) + ")";
  }
  if (ec != std::errc{} || end != last) {
    return "expected a node id (a non-negative integer), found " + quoted(text);
  }
  return "node id " + std::to_string(value) + " is out of range: the network has " +
         std::to_string(node_count) + " nodes (ids 0 to " + std::to_string(node_count - 1) + ")";
}

std::string shortest(double x) {
  std::array<char, 32> buffer{};
  const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return std::string(buffer.data(), r.ptr);
}

std::string plural_values(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " value" : " values");
}

std::ifstream open_for_reading(const std::filesystem::path& file, const char* what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const int err = errno;
    std::string reason = err != 0 ? std::strerror(err) : "cannot open";
    if (std::error_code ec; std::filesystem::is_directory(file, ec)) reason = "it is a directory";
    throw InputError(
        Diagnostic{{file.string(), 0, 0}, "", std::string("cannot read ") + what + ": " + reason});
  }
  return in;
}

void check_read_completed(const std::ifstream& in, const std::filesystem::path& file) {
  if (in.bad()) throw IoError("error while reading " + file.string());
}

// Lines of a file as views into a large buffer: std::getline into a string costs several times
// more per line, and an edge list can have a hundred million lines.
class LineReader {
 public:
  explicit LineReader(std::ifstream& in) : in_(in), buffer_(std::size_t{1} << 20) {}

  bool next(std::string_view& line) {
    for (;;) {
      const char* begin = buffer_.data() + position_;
      if (const void* newline = std::memchr(begin, '\n', end_ - position_)) {
        const auto length = static_cast<std::size_t>(static_cast<const char*>(newline) - begin);
        line = std::string_view(begin, length);
        position_ += length + 1;
        return true;
      }
      if (at_eof_) {
        if (position_ == end_) return false;
        line = std::string_view(begin, end_ - position_);  // last line without a newline
        position_ = end_;
        return true;
      }
      // Keep the unfinished line, then read more after it (a buffer-long line doubles the buffer).
      std::memmove(buffer_.data(), begin, end_ - position_);
      end_ -= position_;
      position_ = 0;
      if (end_ == buffer_.size()) buffer_.resize(2 * buffer_.size());
      in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
      end_ += static_cast<std::size_t>(in_.gcount());
      if (!in_) at_eof_ = true;
    }
  }

 private:
  std::ifstream& in_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t end_ = 0;
  bool at_eof_ = false;
};

// Parses one edge-list line into u and v; false for a blank or comment line and for a bad one
// (which adds diagnostics).
bool parse_edge_line(std::string_view line, NodeId node_count, const std::string& file, int line_number,
                     std::vector<Diagnostic>& diagnostics, NodeId& u, NodeId& v) {
  const auto tokens = split<2>(line);
  if (tokens.count == 0) return false;
  if (tokens.count != 2) {
    diagnostics.push_back(
        Diagnostic{{file, line_number, 0},
                   "",
                   "expected two node ids (one undirected edge), found " + plural_values(tokens.count)});
    return false;
  }
  const bool u_ok = parse_id(tokens.tokens[0].text, node_count, u);
  const bool v_ok = parse_id(tokens.tokens[1].text, node_count, v);
  if (u_ok && v_ok) return true;
  for (const Token& token : tokens.tokens) {
    NodeId ignored = 0;
    if (!parse_id(token.text, node_count, ignored)) {
      diagnostics.push_back(
          Diagnostic{{file, line_number, token.column}, "", id_problem(token.text, node_count)});
    }
  }
  return false;
}

}  // namespace

namespace {

// Reads every edge line of `file` and hands each edge to `apply(u, v)`, stopping once
// `stop_after` diagnostics are collected; returns the number of edge lines.
template <typename Apply>
std::uint64_t read_edges(const std::filesystem::path& file, NodeId node_count,
                         std::vector<Diagnostic>& diagnostics, std::size_t stop_after, Apply&& apply) {
  const std::string name = file.string();
  std::ifstream in = open_for_reading(file, "edge list");
  LineReader lines(in);
  std::uint64_t edges = 0;
  std::string_view line;
  int line_number = 0;
  while (lines.next(line)) {
    ++line_number;
    NodeId u = 0;
    NodeId v = 0;
    if (!parse_edge_line(line, node_count, name, line_number, diagnostics, u, v)) {
      if (diagnostics.size() >= stop_after) break;
      continue;
    }
    ++edges;
    apply(u, v);
  }
  check_read_completed(in, file);
  return edges;
}

}  // namespace

CsrGraph read_edge_list(const std::filesystem::path& file, NodeId node_count) {
  CsrBuilder builder = node_count == 0 ? CsrBuilder::inferring_node_count() : CsrBuilder(node_count);
  std::vector<Diagnostic> diagnostics;
  const std::uint64_t edges = read_edges(file, node_count, diagnostics, max_diagnostics,
                                         [&builder](NodeId u, NodeId v) { builder.count(u, v); });
  if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
  if (edges == 0) {
    throw InputError(
        Diagnostic{{file.string(), 0, 0}, "", "no edges: expected lines of two node ids, found none"});
  }

  builder.start_fill();
  try {
    const std::uint64_t filled = read_edges(file, builder.node_count(), diagnostics, 1,
                                            [&builder](NodeId u, NodeId v) { builder.fill(u, v); });
    if (!diagnostics.empty() || filled != edges) throw InternalError("edge count differs");
    return builder.finish();
  } catch (const InternalError&) {
    throw IoError("edge list " + file.string() + " changed while it was being read");
  }
}

std::vector<NodeId> read_node_list(const std::filesystem::path& file, NodeId node_count) {
  const std::string name = file.string();
  std::vector<Diagnostic> diagnostics;
  std::vector<NodeId> nodes;
  std::ifstream in = open_for_reading(file, "node list");
  LineReader lines(in);
  std::string_view line;
  int line_number = 0;
  while (diagnostics.size() < max_diagnostics && lines.next(line)) {
    ++line_number;
    const auto tokens = split<1>(line);
    if (tokens.count == 0) continue;
    if (tokens.count != 1) {
      diagnostics.push_back(Diagnostic{
          {name, line_number, 0}, "", "expected one node id, found " + plural_values(tokens.count)});
      continue;
    }
    NodeId id = 0;
    if (!parse_id(tokens.tokens[0].text, node_count, id)) {
      diagnostics.push_back(Diagnostic{
          {name, line_number, tokens.tokens[0].column}, "", id_problem(tokens.tokens[0].text, node_count)});
      continue;
    }
    nodes.push_back(id);
  }
  check_read_completed(in, file);
  if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
  if (nodes.empty())
    throw InputError(Diagnostic{{name, 0, 0}, "", "no node ids: expected one id per line, found none"});
  return nodes;
}

std::vector<double> read_node_values(const std::filesystem::path& file, NodeId node_count, double lo,
                                     double hi) {
  const std::string name = file.string();
  std::vector<Diagnostic> diagnostics;
  std::vector<double> values;
  values.reserve(node_count);
  std::ifstream in = open_for_reading(file, "node values");
  LineReader lines(in);
  std::string_view line;
  int line_number = 0;
  while (diagnostics.size() < max_diagnostics && lines.next(line)) {
    ++line_number;
    const auto tokens = split<1>(line);
    if (tokens.count == 0) continue;
    if (tokens.count != 1) {
      diagnostics.push_back(Diagnostic{
          {name, line_number, 0}, "", "expected one number, found " + plural_values(tokens.count)});
      continue;
    }
    const auto text = tokens.tokens[0].text;
    double value = 0;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(text.data(), last, value);
    if (ec != std::errc{} || end != last || !(value >= lo && value <= hi)) {
      diagnostics.push_back(Diagnostic{
          {name, line_number, tokens.tokens[0].column},
          "",
          "expected a number in [" + shortest(lo) + ", " + shortest(hi) + "], found " + quoted(text)});
      continue;
    }
    if (values.size() == node_count) {
      diagnostics.push_back(Diagnostic{
          {name, line_number, 0},
          "",
          "more values than the " + std::to_string(node_count) + " nodes (one per node, in id order)"});
      break;
    }
    values.push_back(value);
  }
  check_read_completed(in, file);
  if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
  if (values.size() != node_count)
    throw InputError(Diagnostic{{name, 0, 0},
                                "",
                                "found " + std::to_string(values.size()) + " values for " +
                                    std::to_string(node_count) + " nodes (one per node, in id order)"});
  return values;
}

void write_edge_list(const CsrGraph& g, const std::filesystem::path& file) {
  auto temporary = file;
  temporary += ".tmp";
  const auto fail = [&](const std::string& what) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw IoError("cannot write edge list " + file.string() + ": " + what);
  };
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail(std::strerror(errno));
    out << "# missionsim edge list: " << g.node_count() << " nodes, " << g.edge_count()
        << " undirected edges, 0-based ids\n";
    // Formatted by hand into a buffer: ostream << per id is several times slower on big graphs.
    std::string buffer;
    constexpr std::size_t flush_at = 1 << 16;
    buffer.reserve(flush_at + 32);
    std::array<char, 32> digits{};
    const auto append = [&](NodeId id) {
      const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), id);
      buffer.append(digits.data(), result.ptr);
    };
    for (NodeId u = 0; u < g.node_count(); ++u) {
      for (const NodeId v : g.neighbours(u)) {
        if (v < u) continue;
        append(u);
        buffer.push_back(' ');
        append(v);
        buffer.push_back('\n');
        if (buffer.size() >= flush_at) {
          out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          buffer.clear();
        }
      }
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.close();
    if (!out) fail("write failed");
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) fail(ec.message());
}

}  // namespace missionsim
