#include "export/exporter_options.h"

#include <algorithm>
#include <charconv>

#include "eduplan/language.h"
#include "util/text.h"

namespace eduplan {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(separator)) + i;
  return out;
}

std::optional<std::int64_t> parse_integer(std::string_view s) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

// What a value of `o` must be, for messages: "true oder false", "eine ganze Zahl von 10 bis 20".
std::string expected(const ExporterOption& o) {
  switch (o.type) {
    case OptionType::boolean:
      return tr({"true oder false", "true or false"});
    case OptionType::integer:
      if (o.min && o.max)
        return tr({"eine ganze Zahl von {0} bis {1}", "a whole number from {0} to {1}"}, *o.min,
                  *o.max);
      if (o.min) return tr({"eine ganze Zahl ab {0}", "a whole number from {0}"}, *o.min);
      if (o.max) return tr({"eine ganze Zahl bis {0}", "a whole number up to {0}"}, *o.max);
      return tr({"eine ganze Zahl", "a whole number"});
    case OptionType::enumeration:
      return tr({"einen von: {0}", "one of: {0}"}, join(o.allowed, ", "));
    case OptionType::string:
      break;
  }
  return tr({"Text", "text"});
}

}  // namespace

bool option_value_valid(const ExporterOption& o, std::string_view value) {
  switch (o.type) {
    case OptionType::boolean:
      return value == "true" || value == "false";
    case OptionType::integer: {
      const auto v = parse_integer(value);
      return v && (!o.min || *v >= *o.min) && (!o.max || *v <= *o.max);
    }
    case OptionType::enumeration:
      return std::find(o.allowed.begin(), o.allowed.end(), value) != o.allowed.end();
    case OptionType::string:
      break;
  }
  return true;
}

std::string option_syntax(const ExporterOption& o) {
  switch (o.type) {
    case OptionType::boolean:
      return "true|false";
    case OptionType::enumeration:
      return join(o.allowed, "|");
    case OptionType::integer: {
      if (!o.min && !o.max) return "<int>";
      return "<int " + (o.min ? std::to_string(*o.min) : std::string()) + ".." +
             (o.max ? std::to_string(*o.max) : std::string()) + ">";
    }
    case OptionType::string:
      break;
  }
  return tr({"<Text>", "<text>"});
}

std::vector<std::pair<std::string, std::string>> resolve_options(
    const ExporterInfo& exporter, const std::map<std::string, std::string>& given) {
  std::vector<std::string> names;
  for (const auto& o : exporter.options) names.push_back(o.name);
  for (const auto& [name, value] : given) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw UsageError(names.empty()
                           ? tr({"Exporter {0} kennt die Option {1} nicht (er hat keine Optionen)",
                                 "exporter {0} has no option {1} (it has no options)"},
                                exporter.id, name)
                           : tr({"Exporter {0} kennt die Option {1} nicht; Optionen: {2}",
                                 "exporter {0} has no option {1}; options: {2}"},
                                exporter.id, name, join(names, ", ")));
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : exporter.options) {
    auto it = given.find(o.name);
    const std::string& value = it == given.end() ? o.default_value : it->second;
    // A value given reaches reports (headers, document properties): UTF-8 that XML can hold
    // (a tab or a line break can be meant, e.g. a delimiter). The module answers for its defaults.
    if (it != given.end()) {
      const std::string what =
          tr({"Exporter {0}: Option {1}", "exporter {0}: option {1}"}, exporter.id, o.name);
      if (const auto bad = text::find_invalid_utf8(value))
        throw UsageError(
            tr({"{0} ist kein gültiges UTF-8 (Byte {1})", "{0} is not valid UTF-8 (byte {1})"},
               what, *bad + 1));
      if (const auto control = text::find_xml_invalid(value))
        throw UsageError(tr({"{0} enthält ein Steuerzeichen (Byte {1})",
                             "{0} holds a control character (byte {1})"},
                            what, *control + 1));
    }
    if (!option_value_valid(o, value)) {
      throw UsageError(tr({"Exporter {0}: Option {1}={2} ungültig; erwartet {3}",
                           "exporter {0}: option {1}={2} is invalid; expected {3}"},
                          exporter.id, o.name, value, expected(o)));
    }
    out.emplace_back(o.name, value);
  }
  return out;
}

}  // namespace eduplan
