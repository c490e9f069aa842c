#include "util/file_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "eduplan/error.h"

namespace eduplan {

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(path.string() + ": ist ein Verzeichnis, keine Datei");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": kann nicht gelesen werden: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path.string() + ": Lesefehler");
  return std::move(buffer).str();
}

}  // namespace eduplan
