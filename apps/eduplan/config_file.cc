#include "config_file.h"

#include <eduplan/error.h>
#include <eduplan/language.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

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
  if (ec || status.type() == std::filesystem::file_type::not_found) {
    throw UsageError(tr({"{0}: Konfigurationsdatei nicht gefunden", "{0}: configuration file not found"},
                        printable(path)));
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

}  // namespace

void store_config_file(const std::string& path, const po::options_description& options,
                       po::variables_map& vm) {
  check_config_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(tr({"{0}: lässt sich nicht lesen ({1})", "{0}: cannot be read ({1})"},
                        printable(path), std::strerror(errno)));
  }
  const std::string file = printable(path);
  std::map<std::string, int> seen;  // name → the line that gave it first
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    auto at = [&](const std::string& message) {
      return UsageError(tr({"{0}, Zeile {1}: {2}", "{0}, line {1}: {2}"}, file, number, message));
    };
    if (number == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
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
    if (!option || name == "help" || name == "config") {
      throw at(tr({"unbekannter Name „{0}“ (möglich: {1})", "unknown name \"{0}\" (possible: {1})"},
                  printable(name), known_names(options)));
    }
    if (value.empty()) {
      throw at(tr({"{0} ohne Wert", "{0} without a value"}, name));
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
      po::store(one, vm);
    } catch (const po::error&) {
      throw at(tr({"ungültiger Wert für {0}: „{1}“", "invalid value for {0}: \"{1}\""}, name,
                  printable(value)));
    }
  }
  if (in.bad()) {
    throw UsageError(tr({"{0}: Lesefehler", "{0}: read error"}, file));
  }
  po::notify(vm);
}

}  // namespace eduplan::cli
