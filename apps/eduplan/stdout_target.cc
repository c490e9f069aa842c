#include "stdout_target.h"

#include <eduplan/error.h>
#include <eduplan/language.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace eduplan::cli {

namespace fs = std::filesystem;

StdoutTarget::StdoutTarget(const std::string& file_name) {
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  std::string pattern = ((ec ? fs::path("/tmp") : base) / "eduplan-stdout-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    throw IoError(tr({"{0}: kein temporäres Verzeichnis für -o - ({1}); TMPDIR prüfen",
                      "{0}: no temporary directory for -o - ({1}); check TMPDIR"},
                     pattern, std::strerror(errno)));
  }
  dir_ = pattern;
  file_ = dir_ / file_name;
}

StdoutTarget::~StdoutTarget() {
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

void StdoutTarget::copy_out() const {
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    throw IoError(tr({"{0}: lässt sich nicht lesen", "{0}: cannot be read"}, file_.string()));
  }
  std::string buffer(1 << 16, '\0');
  bool first = true;
  std::fflush(stdout);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    if (first && ::isatty(STDOUT_FILENO) == 1 && std::memchr(buffer.data(), '\0', n)) {
      throw UsageError(tr({"-o -: binäre Ausgabe nicht ins Terminal; in eine Datei (-o DATEI) oder "
                           "eine Pipe umleiten",
                           "-o -: binary output not to a terminal; redirect it to a file (-o FILE) "
                           "or a pipe"}));
    }
    first = false;
    for (std::size_t done = 0; done < n;) {
      const ssize_t w = ::write(STDOUT_FILENO, buffer.data() + done, n - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        throw IoError(tr({"Standardausgabe lässt sich nicht schreiben ({0})",
                          "standard output cannot be written ({0})"},
                         std::strerror(errno)));
      }
      done += static_cast<std::size_t>(w);
    }
  }
  if (in.bad()) {
    throw IoError(tr({"{0}: Lesefehler", "{0}: read error"}, file_.string()));
  }
}

}  // namespace eduplan::cli
