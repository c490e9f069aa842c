#include "util/file_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "eduplan/error.h"
#include "eduplan/language.h"

namespace eduplan {

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(tr({"{0}: ist ein Verzeichnis, keine Datei", "{0}: is a directory, not a file"},
                     path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(tr({"{0}: kann nicht gelesen werden: {1}", "{0}: cannot be read: {1}"},
                     path.string(), std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(tr({"{0}: Lesefehler", "{0}: read error"}, path.string()));
  return std::move(buffer).str();
}

}  // namespace eduplan
