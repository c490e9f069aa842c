#include "stdout_target.h"

#include <eduplan/error.h>
#include <eduplan/exporter_sdk.hpp>
#include <eduplan/language.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string_view>

#include "private_directory.h"

namespace eduplan::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "eduplan-stdout-";

}  // namespace

StdoutTarget::StdoutTarget(const std::string& file_name) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  // The directories of earlier runs that were killed before they could remove theirs.
  remove_abandoned_directories(base, kPrefix);
  dir_ = make_private_directory(base, kPrefix);
  if (dir_.empty()) {
    throw IoError(tr({"{0}: kein temporäres Verzeichnis für -o - ({1}); TMPDIR prüfen",
                      "{0}: no temporary directory for -o - ({1}); check TMPDIR"},
                     (base / (std::string(kPrefix) + std::to_string(::getpid()) + "-XXXXXX")).string(), sdk::error_text(errno)));
  }
  file_ = dir_ / file_name;
}

StdoutTarget::~StdoutTarget() {
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

std::string StdoutTarget::in_message(const std::string& message) const {
  std::string out = message;
  const std::string shown = tr({"die Standardausgabe (-o -)", "standard output (-o -)"});
  // The exporter's file, or the temporary file beside it (".<name>.tmp-<host>-<pid>-<hex>").
  const std::string temporary = (dir_ / ("." + file_.filename().string() + ".tmp-")).string();
  const std::string paths[] = {temporary, file_.string()};
  for (const std::string& path : paths) {
    for (auto at = out.find(path); at != std::string::npos; at = out.find(path, at + shown.size())) {
      auto end = at + path.size();
      if (&path == &paths[0]) {
        while (end < out.size() && (std::isalnum(static_cast<unsigned char>(out[end])) ||
                                    out[end] == '-' || out[end] == '_' || out[end] == '.'))
          ++end;
      }
      out.replace(at, end - at, shown);
    }
  }
  return out;
}

bool StdoutTarget::is_file(const std::string& path) {
  struct stat out {}, file {};
  return ::fstat(STDOUT_FILENO, &out) == 0 && ::stat(path.c_str(), &file) == 0 &&
         out.st_dev == file.st_dev && out.st_ino == file.st_ino;
}

void StdoutTarget::copy_out() const {
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    throw IoError(tr({"{0}: lässt sich nicht lesen", "{0}: cannot be read"}, file_.string()));
  }
  std::string buffer(1 << 16, '\0');
  bool first = true;
  std::fflush(stdout);  // main() ignores SIGPIPE: a reader that stops early is EPIPE here
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
      if (w <= 0 && errno == EPIPE) {
        throw IoError(tr({"die Standardausgabe wurde geschlossen, bevor der Bericht ganz "
                          "geschrieben war (der Leser hat aufgehört?)",
                          "standard output was closed before the whole report was written (the "
                          "reader stopped?)"}));
      }
      if (w <= 0) {
        throw IoError(tr({"Standardausgabe lässt sich nicht schreiben ({0})",
                          "standard output cannot be written ({0})"},
                         sdk::error_text(errno)));
      }
      done += static_cast<std::size_t>(w);
    }
  }
  if (in.bad()) {
    throw IoError(tr({"{0}: Lesefehler", "{0}: read error"}, file_.string()));
  }
}

}  // namespace eduplan::cli
