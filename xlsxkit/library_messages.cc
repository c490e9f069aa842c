#include "xlsxkit/library_messages.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace eduplan::xlsxkit {

LibraryMessages::LibraryMessages() {
  saved_ = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  capture_ = ::memfd_create("libxlsxwriter-messages", MFD_CLOEXEC);
  if (saved_ < 0 || capture_ < 0) {  // the messages go where they always went
    if (saved_ >= 0) ::close(saved_);
    if (capture_ >= 0) ::close(capture_);
    saved_ = capture_ = -1;
  }
}

LibraryMessages::~LibraryMessages() {
  if (saved_ >= 0) ::close(saved_);
  if (capture_ >= 0) ::close(capture_);
}

LibraryMessages::Held::Held(LibraryMessages& messages) : messages_(messages) {
  if (messages_.capture_ < 0) return;
  const int error = errno;  // callers read errno after the library call, not ours
  std::fflush(stderr);
  active_ = ::ftruncate(messages_.capture_, 0) == 0 &&
            ::dup2(messages_.capture_, STDERR_FILENO) == STDERR_FILENO;
  errno = error;
}

LibraryMessages::Held::~Held() {
  if (!active_) return;
  const int error = errno;
  std::fflush(stderr);
  ::dup2(messages_.saved_, STDERR_FILENO);
  if (!dropped_) {
    char buffer[4096];
    off_t at = 0;
    for (ssize_t n; (n = ::pread(messages_.capture_, buffer, sizeof buffer, at)) > 0; at += n) {
      for (ssize_t done = 0; done < n;) {
        const ssize_t w = ::write(STDERR_FILENO, buffer + done, static_cast<size_t>(n - done));
        if (w <= 0) break;
        done += w;
      }
    }
  }
  errno = error;
}

}  // namespace eduplan::xlsxkit
