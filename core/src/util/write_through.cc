#include "util/write_through.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "util/file_io.h"

namespace eduplan {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// SIGPIPE blocked in this thread while it lives; one raised meanwhile is consumed, not delivered.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_, &saved_);
  }
  ~SigpipeBlocked() {
    const timespec none{0, 0};
    while (::sigtimedwait(&pipe_, nullptr, &none) == SIGPIPE) {
    }
    ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t pipe_{}, saved_{};
};

[[noreturn]] void fail(const std::filesystem::path& target, int error) {
  if (error == ENXIO) {
    throw ExportError(tr({"{0}: niemand liest daraus (eine FIFO ohne Leser?)",
                          "{0}: nobody reads from it (a FIFO without a reader?)"},
                         target.string()));
  }
  if (error == EPIPE) {
    throw ExportError(tr({"{0}: der Leser hat aufgehört, bevor alles geschrieben war",
                          "{0}: the reader stopped before everything was written"},
                         target.string()));
  }
  throw ExportError(tr({"{0}: kann nicht geschrieben werden ({1})", "{0}: cannot be written ({1})"},
                       target.string(), error_text(error)));
}

}  // namespace

void write_through(const std::filesystem::path& from, const std::filesystem::path& target) {
  const Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) fail(from, errno);
  // O_NONBLOCK: opening a FIFO without a reader fails (ENXIO) instead of waiting for one.
  Fd out(::open(target.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (out.get() < 0) fail(target, errno);
  const int flags = ::fcntl(out.get(), F_GETFL);
  if (flags < 0 || ::fcntl(out.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) fail(target, errno);
  const SigpipeBlocked blocked;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(from, errno);
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(out.get(), buffer + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) fail(target, w < 0 ? errno : EIO);
      done += w;
    }
  }
  if (::close(out.release()) != 0) fail(target, errno);
}

}  // namespace eduplan
