#include "util/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "eduplan/error.h"
#include "eduplan/exporter_sdk.hpp"
#include "eduplan/language.h"

namespace eduplan {

std::string error_text(int errnum) {
  // One table for the host and the exporters (which have only the SDK's header).
  return sdk::error_text_in(errnum, language() == Language::en);
}

void throw_too_large(const std::filesystem::path& path, std::size_t max_bytes) {
  throw IoError(
      tr({"{0}: Datei ist größer als {1} MiB; so große Eingaben liest eduplan nicht",
          "{0}: the file is larger than {1} MiB; eduplan does not read inputs that large"},
         path.string(), max_bytes >> 20));
}

namespace {

// Closes a descriptor on every path out of read_file.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return tr({"ein Verzeichnis", "a directory"});
  if (S_ISCHR(mode) || S_ISBLK(mode)) return tr({"ein Gerät", "a device"});
  if (S_ISFIFO(mode)) return tr({"eine Pipe (FIFO)", "a pipe (FIFO)"});
  if (S_ISSOCK(mode)) return tr({"ein Socket", "a socket"});
  return tr({"keine gewöhnliche Datei", "not an ordinary file"});
}

}  // namespace

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  auto cannot_read = [&](int errnum) {
    return IoError(tr({"{0}: kann nicht gelesen werden: {1}", "{0}: cannot be read: {1}"},
                      path.string(), error_text(errnum)));
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; for a regular file it changes nothing.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (file.fd < 0) {
    if (errno == EISDIR) {
      throw IoError(tr({"{0}: ist ein Verzeichnis, keine Datei", "{0}: is a directory, not a file"},
                       path.string()));
    }
    throw cannot_read(errno);
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw cannot_read(errno);
  if (S_ISDIR(info.st_mode)) {
    throw IoError(tr({"{0}: ist ein Verzeichnis, keine Datei", "{0}: is a directory, not a file"},
                     path.string()));
  }
  if (!S_ISREG(info.st_mode)) {
    throw IoError(tr({"{0}: ist {1}, keine Datei; eduplan liest nur gewöhnliche Dateien",
                      "{0}: is {1}, not a file; eduplan reads ordinary files only"},
                     path.string(), kind_of(info.st_mode)));
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) throw_too_large(path, max_bytes);
  std::string out;
  out.resize(static_cast<std::size_t>(info.st_size));
  std::size_t used = 0;
  for (;;) {
    // The file may have grown since fstat: once the expected size is read, one byte more is
    // tried first, so that the buffer grows (doubling) only for a file that really did grow.
    char probe = 0;
    const bool full = used == out.size();
    const ssize_t n = full ? ::read(file.fd, &probe, 1)
                           : ::read(file.fd, out.data() + used, out.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(
          tr({"{0}: Lesefehler: {1}", "{0}: read error: {1}"}, path.string(), error_text(errno)));
    }
    if (n == 0) break;
    if (full) {
      if (out.size() > max_bytes) throw_too_large(path, max_bytes);
      out.resize(std::min(max_bytes + 1, std::max<std::size_t>(out.size() * 2, 4096)));
      out[used] = probe;
    }
    used += static_cast<std::size_t>(n);
  }
  if (used > max_bytes) throw_too_large(path, max_bytes);
  out.resize(used);
  return out;
}

}  // namespace eduplan
