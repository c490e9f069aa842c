#include "config_file.h"

#include <eduplan/error.h>
#include <eduplan/language.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "text_report.h"

namespace eduplan::cli {

namespace po = boost::program_options;

namespace {

constexpr std::uintmax_t kMaxConfigBytes = 1u << 20;

// A configuration file is a short text file: a device (/dev/zero), a FIFO or a huge file is
// refused before it is read without end.
void check_config_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw UsageError(tr({"{0}: Konfigurationsdatei nicht gefunden", "{0}: configuration file not found"},
                        printable(path)));
  }
  if (ec) {  // a directory above it that may not be entered, a loop of symbolic links
    throw UsageError(tr({"{0}: lässt sich nicht lesen ({1})", "{0}: cannot be read ({1})"},
                        printable(path), ec.message()));
  }
  if (status.type() != std::filesystem::file_type::regular) {
    throw UsageError(tr({"{0}: keine gewöhnliche Datei (ein Verzeichnis, Gerät oder eine Pipe?)",
                         "{0}: not an ordinary file (a directory, device or pipe?)"},
                        printable(path)));
  }
  if (std::filesystem::file_size(path, ec) > kMaxConfigBytes) {
    throw UsageError(tr({"{0}: größer als 1 MiB; keine Konfigurationsdatei?",
                         "{0}: larger than 1 MiB; not a configuration file?"},
                        printable(path)));
  }
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

// The names a file may use, for the message about an unknown one.
std::string known_names(const po::options_description& options) {
  std::string list;
  for (const auto& o : options.options()) {
    const std::string& name = o->long_name();
    if (name.empty() || name == "help" || name == "config") continue;
    list += (list.empty() ? "" : ", ") + name;
  }
  return list;
}

// The first control character (C0 but tab, DEL) in `line`, if any.
std::optional<std::size_t> control_in(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return i;
  }
  return std::nullopt;
}

// The keys the command line's --option values give.
std::set<std::string> command_line_keys(const po::variables_map& vm) {
  std::set<std::string> keys;
  if (!vm.count("option")) return keys;
  for (const auto& kv : vm["option"].as<std::vector<std::string>>())
    keys.insert(kv.substr(0, kv.find('=')));
  return keys;
}

}  // namespace

std::string ConfigSources::at(int line, const std::string& message) const {
  return tr({"{0}, Zeile {1}: {2}", "{0}, line {1}: {2}"}, file, line, message);
}

ConfigSources store_config_file(const std::string& path, const po::options_description& options,
                                po::variables_map& vm,
                                const std::map<std::string, std::vector<std::string>>& choices) {
  check_config_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(tr({"{0}: lässt sich nicht lesen ({1})", "{0}: cannot be read ({1})"},
                        printable(path), std::strerror(errno)));
  }
  ConfigSources sources;
  sources.file = printable(path);
  const std::set<std::string> given_keys = command_line_keys(vm);
  std::map<std::string, int> seen;  // name → the line that gave it first
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    auto at = [&](const std::string& message) { return UsageError(sources.at(number, message)); };
    if (number == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (const auto control = control_in(raw)) {
      if (raw[*control] == '\r') {
        throw at(tr({"Zeilenende nur aus CR (eine Datei alter Mac-Programme?); bitte mit LF oder "
                     "CRLF speichern",
                     "a line end of CR alone (a file of old Mac programs?); please save it with LF "
                     "or CRLF"}));
      }
      throw at(tr({"Steuerzeichen (Byte {0} der Zeile)",
                   "a control character (byte {0} of the line)"},
                  *control + 1));
    }
    const std::string line = trimmed(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line[0] == '[') {
      throw at(tr({"Abschnitte wie „{0}“ gibt es hier nicht; jede Zeile ist NAME = WERT",
                   "there are no sections such as \"{0}\"; every line is NAME = VALUE"},
                  printable(line)));
    }
    const auto equals = line.find('=');
    const std::string name = trimmed(line.substr(0, equals));
    if (equals == std::string::npos || name.empty()) {
      throw at(tr({"keine Zeile der Form NAME = WERT: „{0}“",
                   "not a line of the form NAME = VALUE: \"{0}\""},
                  printable(line)));
    }
    const std::string value = trimmed(line.substr(equals + 1));
    const po::option_description* option = options.find_nothrow(name, false);
    // Only long names: find_nothrow also knows short ones ("o"), which the check of names
    // given twice would not see.
    if (!option || option->long_name() != name || name == "help" || name == "config") {
      throw at(tr({"unbekannter Name „{0}“ (möglich: {1})", "unknown name \"{0}\" (possible: {1})"},
                  printable(name), known_names(options)));
    }
    if (value.empty()) {
      throw at(tr({"{0} ohne Wert", "{0} without a value"}, name));
    }
    if (const auto allowed = choices.find(name); allowed != choices.end()) {
      const auto& values = allowed->second;
      if (std::find(values.begin(), values.end(), value) == values.end()) {
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
        throw at(tr({"{0} = {1}: möglich sind {2}", "{0} = {1}: possible are {2}"}, name,
                    printable(value), list));
      }
    }
    if (name == "option") {  // KEY=VALUE, collected key by key
      const auto eq = value.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw at(tr({"option erwartet KEY=VALUE, nicht „{0}“",
                     "option expects KEY=VALUE, not \"{0}\""},
                    printable(value)));
      }
      const std::string key = value.substr(0, eq);
      if (given_keys.count(key)) continue;  // the command line wins
      const auto [first, inserted] = sources.option_keys.emplace(key, number);
      if (!inserted) {
        throw at(tr({"option {0} schon in Zeile {1} angegeben",
                     "option {0} already given in line {1}"},
                    printable(key), first->second));
      }
    }
    const bool composing = option->semantic()->is_composing();
    if (!composing) {
      const auto [first, inserted] = seen.emplace(name, number);
      if (!inserted) {
        throw at(tr({"{0} schon in Zeile {1} angegeben", "{0} already given in line {1}"}, name,
                    first->second));
      }
    }
    po::option parsed(name, {value});
    parsed.original_tokens = {name, value};
    po::parsed_options one(&options);
    one.options.push_back(parsed);
    try {
      po::variables_map check;  // the value is checked even where the command line wins
      po::store(one, check);
      if (!vm.count(name) || composing) sources.lines.emplace(name, number);
      po::store(one, vm);
    } catch (const po::error&) {
      throw at(tr({"ungültiger Wert für {0}: „{1}“", "invalid value for {0}: \"{1}\""}, name,
                  printable(value)));
    }
  }
  if (in.bad()) {
    throw UsageError(tr({"{0}: Lesefehler", "{0}: read error"}, sources.file));
  }
  po::notify(vm);
  return sources;
}

}  // namespace eduplan::cli
