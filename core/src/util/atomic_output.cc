#include "util/atomic_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "util/file_io.h"

namespace eduplan {

AtomicOutput::AtomicOutput(const std::filesystem::path& target)
    : target_(std::filesystem::absolute(target)) {
  std::error_code ec;
  if (std::filesystem::is_directory(target_, ec))
    throw ExportError(tr({"{0}: ist ein Verzeichnis", "{0}: is a directory"}, target_.string()));
  const auto dir = target_.parent_path();
  if (!std::filesystem::is_directory(dir, ec))
    throw ExportError(
        tr({"{0}: das Verzeichnis {1} gibt es nicht", "{0}: the directory {1} does not exist"},
           target_.string(), dir.string()));
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".tmp-%08x", static_cast<unsigned>(random()));
    temp_ = dir / ("." + target_.filename().string() + suffix);
    int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return;
    }
    if (errno != EEXIST) {
      const std::string why = error_text(errno);
      temp_.clear();
      throw ExportError(
          tr({"{0}: kann nicht geschrieben werden ({1})", "{0}: cannot be written ({1})"},
             target_.string(), why));
    }
  }
  temp_.clear();
  throw ExportError(tr({"{0}: keine temporäre Datei möglich", "{0}: no temporary file possible"},
                       target_.string()));
}

AtomicOutput::~AtomicOutput() {
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicOutput::commit() {
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw ExportError(tr({"{0}: kann nicht ersetzt werden ({1})", "{0}: cannot be replaced ({1})"},
                         target_.string(), error_text(errno)));
  }
  committed_ = true;
}

}  // namespace eduplan
