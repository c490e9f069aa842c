#include "util/file_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "eduplan/error.h"
#include "eduplan/language.h"

namespace eduplan {

std::string error_text(int errnum) {
  switch (errnum) {
    case ENOENT:
      return tr({"Datei oder Verzeichnis gibt es nicht", "no such file or directory"});
    case EACCES:
    case EPERM:
      return tr({"keine Berechtigung", "permission denied"});
    case ENOSPC:
      return tr({"kein Platz mehr auf dem Datenträger", "no space left on the device"});
    case EROFS:
      return tr({"Datenträger ist schreibgeschützt", "read-only file system"});
    case EISDIR:
      return tr({"ist ein Verzeichnis", "is a directory"});
    case ENOTDIR:
      return tr(
          {"ein Teil des Pfads ist kein Verzeichnis", "a part of the path is not a directory"});
    case EDQUOT:
      return tr({"Kontingent überschritten", "disk quota exceeded"});
    case ENAMETOOLONG:
      return tr({"Name zu lang", "name too long"});
    default:
      return std::strerror(errnum);
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(tr({"{0}: ist ein Verzeichnis, keine Datei", "{0}: is a directory, not a file"},
                     path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(tr({"{0}: kann nicht gelesen werden: {1}", "{0}: cannot be read: {1}"},
                     path.string(), error_text(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(tr({"{0}: Lesefehler", "{0}: read error"}, path.string()));
  return std::move(buffer).str();
}

}  // namespace eduplan
