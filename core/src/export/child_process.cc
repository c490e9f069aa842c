#include "export/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <mutex>
#include <exception>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "util/file_io.h"

namespace eduplan {
namespace {

// The record the child writes: one status byte ('D' done, 'F' failed), then the payload.
void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

// A module that calls exit() in the child would run the parent's exit handlers and static
// destructors, copied by fork() (stdio, Boost, the sanitizers'); one of them failing there turns
// "exited with code N" into a crash. This handler, registered once in the parent before the
// first fork (so that no lock is taken in a child of a threaded parent), runs before the handlers
// registered earlier and, in a child only, ends the process at once with the module's code.
volatile std::sig_atomic_t in_child = 0;

void end_child_at_once(int status, void*) {
  if (in_child) ::_exit(status);
}

[[noreturn]] void child(int fd, const std::function<std::string()>& body) {
  in_child = 1;
  std::string record;
  try {
    record = "D" + body();
  } catch (const std::exception& e) {
    record = std::string("F") + e.what();
  } catch (...) {
    record = "F";
  }
  std::fflush(nullptr);  // what the body printed (the parent flushed its own before the fork)
  write_all(fd, record.data(), record.size());
  ::close(fd);
  ::_exit(0);
}

class Pipe {
 public:
  Pipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0)
      throw IoError(tr({"Pipe für Kindprozess: {0}", "pipe for a child process: {0}"},
                       error_text(errno)));
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() { close(0); }
  void close_write() { close(1); }

 private:
  void close(int i) {
    if (fds_[i] >= 0) ::close(fds_[i]);
    fds_[i] = -1;
  }
  int fds_[2] = {-1, -1};
};

}  // namespace

std::string signal_text(int signal) {
  const char* name = sigabbrev_np(signal);
  return tr({"Signal {0}", "signal {0}"}, signal) + (name ? std::string(" (SIG") + name + ")" : "");
}

ChildOutcome run_in_child(const std::function<std::string()>& body,
                          std::chrono::milliseconds limit) {
  Pipe pipe;
  static std::once_flag exit_handler;
  std::call_once(exit_handler, [] { ::on_exit(end_child_at_once, nullptr); });
  std::fflush(nullptr);  // else the child would print the parent's buffered output again
  const pid_t pid = ::fork();
  if (pid < 0)
    throw IoError(tr({"kein Kindprozess möglich: {0}", "cannot start a child process: {0}"},
                     error_text(errno)));
  if (pid == 0) {
    // A process group of its own, so that what a module starts ends with the run (below).
    ::setpgid(0, 0);
    // The CLI ignores SIGPIPE (a closed standard output is an error it reports); a module, and
    // what it starts (Graphviz), get the usual disposition.
    ::signal(SIGPIPE, SIG_DFL);
    // The child ends with its parent: an export killed from outside leaves nothing running.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() == 1) ::_exit(1);  // the parent died before prctl took effect
    pipe.close_read();
    child(pipe.write_end(), body);
  }
  ::setpgid(pid, pid);  // as the child does: whichever comes first (no race with the kill below)
  pipe.close_write();

  // Read the record until the child closes its end (it ends, or is killed), within the limit. A
  // process the module started may hold the pipe open after the child ended: then what the
  // child wrote is read without waiting for the end of the file.
  std::string record;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  bool timed_out = false;
  char buffer[4096];
  const auto drain = [&] {
    ::fcntl(pipe.read_end(), F_SETFL, ::fcntl(pipe.read_end(), F_GETFL) | O_NONBLOCK);
    for (;;) {
      const ssize_t n = ::read(pipe.read_end(), buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      record.append(buffer, static_cast<std::size_t>(n));
    }
  };
  for (;;) {
    int wait_ms = -1;
    if (limit.count() > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(std::min<long long>(left.count(), 1000 * 60));
    }
    wait_ms = wait_ms < 0 ? 200 : std::min(wait_ms, 200);  // to look whether the child ended
    pollfd p{pipe.read_end(), POLLIN, 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      siginfo_t info{};  // ended (not reaped yet), the pipe still open elsewhere?
      if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
          info.si_pid == pid) {
        drain();
        break;
      }
      continue;  // the deadline is checked above
    }
    const ssize_t n = ::read(pipe.read_end(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of file: the child closed the pipe
    record.append(buffer, static_cast<std::size_t>(n));
  }
  if (timed_out) ::kill(pid, SIGKILL);
  // Once the child has ended, and before it is reaped (so that its group's id cannot be another
  // group's yet), what the module started and left running is ended with its group.
  siginfo_t info{};
  while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  ::kill(-pid, SIGKILL);  // ESRCH: nothing left
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }

  ChildOutcome out;
  if (timed_out) {
    out.kind = ChildOutcome::Kind::timed_out;
  } else if (!record.empty() && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    out.kind = record[0] == 'D' ? ChildOutcome::Kind::done : ChildOutcome::Kind::failed;
    out.payload = record.substr(1);
  } else if (WIFSIGNALED(status)) {
    out.kind = ChildOutcome::Kind::signaled;
    out.code = WTERMSIG(status);
  } else {
    out.kind = ChildOutcome::Kind::exited;
    out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  return out;
}

}  // namespace eduplan
