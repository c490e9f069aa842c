#include "util/write_through.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <optional>
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
    throw OutputError(tr({"{0}: niemand liest daraus (eine FIFO ohne Leser?)",
                          "{0}: nobody reads from it (a FIFO without a reader?)"},
                         target.string()));
  }
  if (error == EPIPE) {
    throw OutputError(tr({"{0}: der Leser hat aufgehört, bevor alles geschrieben war",
                          "{0}: the reader stopped before everything was written"},
                         target.string()));
  }
  throw OutputError(tr({"{0}: kann nicht geschrieben werden ({1})", "{0}: cannot be written ({1})"},
                       target.string(), error_text(error)));
}

// Opens what the target is: a descriptor of this process named as /proc/self/fd/N, /dev/fd/N,
// /dev/stdout … is duplicated, so that its offset and O_APPEND hold (`-o /dev/stdout >> log`
// appends, as the shell's redirection says); anything else is opened anew.
int open_target(const std::filesystem::path& target) {
  if (const auto fd = own_descriptor(target)) return ::fcntl(*fd, F_DUPFD_CLOEXEC, 0);
  // O_NONBLOCK: opening a FIFO without a reader fails (ENXIO) instead of waiting for one.
  const int fd = ::open(target.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return fd;
  const int flags = ::fcntl(fd, F_GETFL);
  struct stat st {};
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 || ::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  // A FIFO replaced by a file meanwhile: the file gets the report alone, not its old tail too.
  if (S_ISREG(st.st_mode) && ::ftruncate(fd, 0) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

}  // namespace

std::optional<int> own_descriptor(const std::filesystem::path& target) {
  std::error_code ec;
  std::filesystem::path path = target;
  for (int hops = 0; hops < 40; ++hops) {
    const std::string text = path.lexically_normal().string();
    const std::string prefixes[] = {"/proc/self/fd/", "/dev/fd/",
                                    "/proc/" + std::to_string(::getpid()) + "/fd/"};
    for (const std::string& prefix : prefixes) {
      if (text.rfind(prefix, 0) != 0) continue;
      const std::string number = text.substr(prefix.size());
      if (number.empty() || number.size() > 6 ||
          number.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      return std::stoi(number);
    }
    if (!std::filesystem::is_symlink(path, ec)) return std::nullopt;
    const auto next = std::filesystem::read_symlink(path, ec);
    if (ec) return std::nullopt;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return std::nullopt;
}

void write_through(const std::filesystem::path& from, const std::filesystem::path& target) {
  const Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) fail(from, errno);
  Fd out(open_target(target));
  if (out.get() < 0) fail(target, errno);
  const SigpipeBlocked blocked;
  char buffer[1 << 16];
  bool first = true;
  for (;;) {
    const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(from, errno);
    if (n == 0) break;
    // A workbook or a picture would garble the user's terminal (-o /dev/stdout, -o /dev/tty).
    if (first && ::isatty(out.get()) == 1 && std::memchr(buffer, '\0', static_cast<std::size_t>(n))) {
      throw OutputError(
          tr({"{0}: binäre Ausgabe nicht ins Terminal; in eine Datei oder Pipe umleiten",
              "{0}: binary output not to a terminal; redirect it to a file or a pipe"},
             target.string()));
    }
    first = false;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(out.get(), buffer + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) fail(target, w < 0 ? errno : EIO);
      done += w;
    }
  }
  if (::close(out.release()) != 0 && errno != EINTR) fail(target, errno);
}

}  // namespace eduplan
