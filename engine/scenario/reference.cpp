#include "engine/scenario/reference.hpp"

#include <vector>

#include "engine/scenario/detail/text.hpp"

namespace missionsim {
namespace {

using namespace scenario_detail;

std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string allowed(const KeySpec& k) {
  if (k.kind() == ValueKind::choice) return cell(quoted_list(k.choices()));
  return k.range_text();
}

std::string type_text(const KeySpec& k) {
  if (k.kind() == ValueKind::date) return "date (YYYY-MM-DD)";
  return std::string(kind_name(k.kind()));
}

struct Section {
  std::string heading;
  std::string description;
  std::string condition;
  const TableSpec* spec;
  std::string path;
};

class Writer {
 public:
  std::string run(const TableSpec& schema) {
    sections_.push_back({"Top level", schema.description(), "", &schema, ""});
    // A copy: writing a section appends its sub-tables to sections_, which may reallocate.
    // NOLINTNEXTLINE(modernize-loop-convert): an iterator would dangle when sections_ grows
    for (std::size_t i = 0; i < sections_.size(); ++i) write(Section(sections_[i]));
    return out_;
  }

 private:
  void rows(const TableSpec& spec, const std::string& path, const std::string& condition) {
    for (const KeySpec& k : spec.keys()) {
      const std::string key_path = join_path(path, k.name());
      std::string default_text;
      if (k.default_value()) default_text = "`" + format_value(*k.default_value()) + "`";
      if (!k.default_unless().empty()) default_text += " without `" + k.default_unless() + "`";
      std::string description = k.description();
      if (k.kind() == ValueKind::table) {
        description += " (see `" + key_path + "`)";
        sections_.push_back({"`[" + key_path + "]`", k.description(), condition, k.table_spec(), key_path});
      } else if (k.kind() == ValueKind::table_array) {
        const std::string element = key_path + ".<name>";
        description += " (see `" + element + "`)";
        sections_.push_back({"`[[" + key_path + "]]` — each element `" + element + "`", k.description(),
                             condition, k.table_spec(), element});
      }
      out_ += "| `" + key_path + "` | " + type_text(k) + " | " + cell(k.unit_label()) + " | " +
              cell(default_text) + " | " + allowed(k) + " | " + (k.is_required() ? "yes" : "no") + " | " +
              cell(condition) + " | " + cell(description) + " |\n";
    }
    for (const VariantSpec& v : spec.variants()) {
      std::string when = "`" + v.discriminator + " = \"" + v.value + "\"`";
      if (!condition.empty()) when = condition + " and " + when;
      rows(*v.keys, path, when);
    }
  }

  void write(const Section& s) {
    out_ += "## " + s.heading + "\n\n";
    if (!s.description.empty()) out_ += s.description + "\n\n";
    if (!s.condition.empty()) out_ += "Applies only when " + s.condition + ".\n\n";
    out_ += "| Key | Type | Unit | Default | Allowed | Required | Applies when | Description |\n";
    out_ += "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    rows(*s.spec, s.path, "");
    out_ += '\n';
  }

  std::vector<Section> sections_;
  std::string out_;
};

}  // namespace

std::string reference_markdown(const TableSpec& schema) {
  return Writer().run(schema);
}

}  // namespace missionsim
