#include "config_file.h"

#include <eduplan/error.h>
#include <eduplan/exporter_sdk.hpp>
#include <eduplan/language.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
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
                        printable(path), sdk::error_text(ec.value())));
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

std::optional<int> ConfigSources::line_named_by(std::string_view message) const {
  std::string name;
  if (message.starts_with("--")) {
    const auto end = message.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", 2);
    name = std::string(message.substr(2, end == std::string_view::npos ? end : end - 2));
  } else if (message.starts_with("-o ") || message.starts_with("-o:")) {
    name = "output";
  }
  const auto it = lines.find(name);
  if (name.empty() || it == lines.end() || shared.count(name)) return std::nullopt;
  return it->second;
}

namespace {

// Reads a configuration file line by line into a variables_map; every problem is a UsageError
// naming the file and the line.
class ConfigReader {
 public:
  ConfigReader(const po::options_description& options, po::variables_map& vm,
               const std::map<std::string, std::vector<std::string>>& choices, std::string file)
      : options_(options), vm_(vm), choices_(choices), given_keys_(command_line_keys(vm)) {
    sources_.file = std::move(file);
    for (const auto& [name, value] : vm) command_line_names_.insert(name);
  }

  void read_line(int number, std::string raw) {
    number_ = number;
    if (number == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    check_controls(raw);
    const std::string line = trimmed(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') return;
    if (line[0] == '[') {
      fail(tr({"Abschnitte wie „{0}“ gibt es hier nicht; jede Zeile ist NAME = WERT",
               "there are no sections such as \"{0}\"; every line is NAME = VALUE"},
              printable(line)));
    }
    const auto equals = line.find('=');
    const std::string name = trimmed(line.substr(0, equals));
    if (equals == std::string::npos || name.empty()) {
      fail(tr({"keine Zeile der Form NAME = WERT: „{0}“",
               "not a line of the form NAME = VALUE: \"{0}\""},
              printable(line)));
    }
    const std::string value = trimmed(line.substr(equals + 1));
    const po::option_description& option = known(name);
    if (value.empty()) fail(tr({"{0} ohne Wert", "{0} without a value"}, name));
    // A value is taken whole: quotes around it (as a shell or an INI file would want them) would
    // be part of a path or a name, which then is not found.
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      fail(tr({"{0} = {1}: Werte ohne Anführungszeichen schreiben (der Rest der Zeile gilt ganz, "
               "auch mit Leerzeichen)",
               "{0} = {1}: write values without quotes (the rest of the line counts whole, spaces "
               "included)"},
              name, printable(value)));
    }
    check_choice(name, value);
    if (name == "option" && !keep_option(value)) return;  // the command line's key wins
    store(option, name, value);
  }

  ConfigSources finish() {
    po::notify(vm_);
    return std::move(sources_);
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw UsageError(sources_.at(number_, message));
  }

  void check_controls(const std::string& raw) const {
    const auto control = control_in(raw);
    if (!control) return;
    if (raw[*control] == '\r') {
      fail(tr({"Zeilenende nur aus CR (eine Datei alter Mac-Programme?); bitte mit LF oder CRLF "
               "speichern",
               "a line end of CR alone (a file of old Mac programs?); please save it with LF or "
               "CRLF"}));
    }
    fail(tr({"Steuerzeichen (Byte {0} der Zeile)", "a control character (byte {0} of the line)"},
            *control + 1));
  }

  // Only long names: find_nothrow also knows short ones ("o"), which the check of names given
  // twice would not see.
  const po::option_description& known(const std::string& name) const {
    const po::option_description* option = options_.find_nothrow(name, false);
    if (!option || option->long_name() != name || name == "help" || name == "config") {
      fail(tr({"unbekannter Name „{0}“ (möglich: {1})", "unknown name \"{0}\" (possible: {1})"},
              printable(name), known_names(options_)));
    }
    return *option;
  }

  void check_choice(const std::string& name, const std::string& value) const {
    const auto allowed = choices_.find(name);
    if (allowed == choices_.end()) return;
    const auto& values = allowed->second;
    if (std::find(values.begin(), values.end(), value) != values.end()) return;
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
    fail(tr({"{0} = {1}: möglich sind {2}", "{0} = {1}: possible are {2}"}, name, printable(value),
            list));
  }

  // `option = KEY=VALUE`: false if the command line gives KEY (it wins); a KEY twice in the file
  // is an error.
  bool keep_option(const std::string& value) {
    const auto eq = value.find('=');
    if (eq == std::string::npos || eq == 0) {
      fail(tr({"option erwartet KEY=VALUE, nicht „{0}“", "option expects KEY=VALUE, not \"{0}\""},
              printable(value)));
    }
    const std::string key = value.substr(0, eq);
    if (trimmed(key) != key || (eq + 1 < value.size() && value[eq + 1] == ' ')) {
      fail(tr({"option {0}: ohne Leerzeichen um das zweite = schreiben (option = KEY=VALUE)",
               "option {0}: write it without spaces around the second = (option = KEY=VALUE)"},
              printable(value)));
    }
    if (given_keys_.count(key)) return false;
    const auto [first, inserted] = sources_.option_keys.emplace(key, number_);
    if (!inserted) {
      fail(tr({"option {0} schon in Zeile {1} angegeben", "option {0} already given in line {1}"},
              printable(key), first->second));
    }
    return true;
  }

  void store(const po::option_description& option, const std::string& name,
             const std::string& value) {
    const bool composing = option.semantic()->is_composing();
    if (!composing) {
      const auto [first, inserted] = seen_.emplace(name, number_);
      if (!inserted) {
        fail(tr({"{0} schon in Zeile {1} angegeben", "{0} already given in line {1}"}, name,
                first->second));
      }
    }
    po::option parsed(name, {value});
    parsed.original_tokens = {name, value};
    po::parsed_options one(&options_);
    one.options.push_back(parsed);
    try {
      po::variables_map check;  // the value is checked even where the command line wins
      po::store(one, check);
    } catch (const po::error&) {
      fail(tr({"ungültiger Wert für {0}: „{1}“", "invalid value for {0}: \"{1}\""}, name,
              printable(value)));
    }
    if (!vm_.count(name) || composing) sources_.lines.emplace(name, number_);
    // A repeatable option the command line gives too: a later message about it may be about
    // either's value, so it is not blamed on the file (line_named_by).
    if (composing && command_line_names_.count(name)) sources_.shared.insert(name);
    po::store(one, vm_);  // keeps what the command line gave
  }

  const po::options_description& options_;
  po::variables_map& vm_;
  std::set<std::string> command_line_names_;
  const std::map<std::string, std::vector<std::string>>& choices_;
  const std::set<std::string> given_keys_;
  ConfigSources sources_;
  std::map<std::string, int> seen_;  // name → the line that gave it first
  int number_ = 0;
};

}  // namespace

ConfigSources store_config_file(const std::string& path, const po::options_description& options,
                                po::variables_map& vm,
                                const std::map<std::string, std::vector<std::string>>& choices) {
  check_config_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(tr({"{0}: lässt sich nicht lesen ({1})", "{0}: cannot be read ({1})"},
                        printable(path), sdk::error_text(errno)));
  }
  ConfigReader reader(options, vm, choices, printable(path));
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) reader.read_line(number, raw);
  if (in.bad()) throw UsageError(tr({"{0}: Lesefehler", "{0}: read error"}, printable(path)));
  return reader.finish();
}

}  // namespace eduplan::cli
