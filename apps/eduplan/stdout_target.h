// `-o -`: a report written to standard output, as other command-line tools do, for a pipe
// (`eduplan export -f csv -o - | …`). The exporter writes a file as always, in a private directory
// under the temporary directory (TMPDIR); only once the export has succeeded are its bytes copied
// out, so a failed export writes nothing to the pipe. The directory is named after the process;
// one left by a killed run is removed by the next.
#pragma once

#include <filesystem>
#include <string>

namespace eduplan::cli {

inline bool is_stdout_target(const std::string& output) { return output == "-"; }

class StdoutTarget {
 public:
  // `file_name`: the name the exporter's file gets inside the private directory.
  explicit StdoutTarget(const std::string& file_name);
  ~StdoutTarget();  // removes the directory and what is in it
  StdoutTarget(const StdoutTarget&) = delete;
  StdoutTarget& operator=(const StdoutTarget&) = delete;

  const std::filesystem::path& path() const { return file_; }

  // Copies the file to standard output. Refuses a binary file (a workbook, a PNG) when standard
  // output is a terminal; throws IoError when standard output cannot be written or is closed
  // early (main() ignores SIGPIPE, so that the directory is still removed).
  void copy_out() const;

  // `message` (an export's error) with the temporary file's path replaced by "standard output":
  // the user never had that file.
  std::string in_message(const std::string& message) const;

  // True if standard output is the file at `path` (`-o - > plan.db` must not write the database).
  static bool is_file(const std::string& path);

 private:
  std::filesystem::path dir_, file_;
};

}  // namespace eduplan::cli
