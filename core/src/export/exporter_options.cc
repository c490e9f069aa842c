#include "export/exporter_options.h"

#include <algorithm>

namespace eduplan {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

void check_value(const std::string& exporter, const ExporterOption& o, const std::string& value) {
  auto fail = [&](const std::string& expected) {
    throw UsageError("Exporter " + exporter + ": Option " + o.name + "=" + value +
                     " ungültig; erwartet " + expected);
  };
  if (o.type == "bool" && value != "true" && value != "false") fail("true oder false");
  if (o.type == "int") {
    std::size_t digits = value.starts_with('-') ? 1 : 0;
    if (value.size() == digits || value.size() > 18 ||
        !std::all_of(value.begin() + static_cast<std::ptrdiff_t>(digits), value.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      fail("eine ganze Zahl");
    }
  }
  if (o.type == "enum" && std::find(o.allowed.begin(), o.allowed.end(), value) == o.allowed.end()) {
    fail("einen von: " + join(o.allowed));
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> resolve_options(
    const ExporterInfo& exporter, const std::map<std::string, std::string>& given) {
  std::vector<std::string> names;
  for (const auto& o : exporter.options) names.push_back(o.name);
  for (const auto& [name, value] : given) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw UsageError("Exporter " + exporter.id + " kennt die Option " + name + " nicht" +
                       (names.empty() ? " (er hat keine Optionen)" : "; Optionen: " + join(names)));
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : exporter.options) {
    auto it = given.find(o.name);
    const std::string& value = it == given.end() ? o.default_value : it->second;
    check_value(exporter.id, o, value);
    out.emplace_back(o.name, value);
  }
  return out;
}

}  // namespace eduplan
