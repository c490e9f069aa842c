// `eduplan export --config FILE`: recurring jobs kept in a file of `name = value` lines, one
// per option of the command line (without the dashes). eduplan reads the file itself rather than
// through Program_options' reader, so that every problem names the file and its line.
#pragma once

#include <boost/program_options.hpp>
#include <string>

namespace eduplan::cli {

// Reads the file and adds its values to `vm` where the command line gave none (composing options
// such as `option` collect from both). Lines starting with `#` or `;` are comments; a value is
// taken whole, `#` included. A UTF-8 BOM and CRLF line ends (files saved by Windows editors) are
// accepted. Throws UsageError naming the file and line: an unknown name, a name given twice, a
// name without a value, an invalid value, a line that is not `name = value`, or `config` itself.
// A device, a pipe or a file over 1 MiB is refused before it is read.
void store_config_file(const std::string& path, const boost::program_options::options_description& options,
                       boost::program_options::variables_map& vm);

}  // namespace eduplan::cli
