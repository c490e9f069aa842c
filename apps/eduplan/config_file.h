// `eduplan export --config FILE`: recurring jobs kept in a file of `name = value` lines, one
// per option of the command line (its long name, without the dashes). eduplan reads the file
// itself rather than through Program_options' reader, so that every problem names the file and
// its line.
#pragma once

#include <boost/program_options.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::cli {

// Where the values taken from a configuration file stand, for checks that can only be made
// later (the exporter's own options, its id).
struct ConfigSources {
  std::string file;                        // as it is printed
  std::map<std::string, int> lines;        // option name → its line
  std::map<std::string, int> option_keys;  // KEY of a line `option = KEY=VALUE` → its line
  std::set<std::string> shared;  // repeatable options that the command line gives as well

  // "FILE, Zeile N: message" in the message language.
  std::string at(int line, const std::string& message) const;
  // The line of the option a message begins with ("--period: …", "--jobs muss …", "-o gilt …"),
  // if the file gave that option; nothing otherwise.
  std::optional<int> line_named_by(std::string_view message) const;
};

// Reads the file and adds its values to `vm` where the command line gave none. `option` lines
// (KEY=VALUE) collect with the command line's, key by key: a key the command line gives wins, a key
// given twice in the file is an error; other repeatable options collect from both. `choices` lists
// the values some names allow. Lines starting with `#` or `;` are comments; a value is taken whole,
// `#` included. A UTF-8 BOM and CRLF line ends (files saved by Windows editors) are accepted.
// Throws UsageError naming the file and line: an unknown name (short names such as `o` included), a
// name given twice, a name without a value, an invalid value, a control character, a line that is
// not `name = value`, or `config` itself. A device, a pipe or a file over 1 MiB is refused before
// it is read.
ConfigSources store_config_file(const std::string& path,
                                const boost::program_options::options_description& options,
                                boost::program_options::variables_map& vm,
                                const std::map<std::string, std::vector<std::string>>& choices = {});

}  // namespace eduplan::cli
