#include "dot_render.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <eduplan/exporter_sdk.hpp>
#include <string_view>
#include <utility>

#include "dot_text.h"

extern char** environ;

namespace eduplan::dot_exporter {
namespace {

std::string cannot_start(const std::string& reason) {
  return sdk::say("Graphviz „dot“ kann nicht gestartet werden: {0}",
                  "Graphviz \"dot\" cannot be started: {0}", reason);
}

using Clock = std::chrono::steady_clock;

constexpr std::size_t kKeptMessageBytes = 4096;

struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// Reads what is there; closes `fd` at end of input. Keeps the first kKeptMessageBytes.
void read_some(Fd& fd, std::string& kept) {
  char buffer[4096];
  const ssize_t got = ::read(fd.fd, buffer, sizeof buffer);
  if (got > 0) {
    kept.append(buffer, std::min(static_cast<std::size_t>(got),
                                 kKeptMessageBytes - std::min(kept.size(), kKeptMessageBytes)));
  } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
    fd.reset();
  }
}

// Graphviz's first message line, for an error message.
std::string first_line(const std::string& messages) {
  std::size_t start = messages.find_first_not_of(" \n");
  if (start == std::string::npos) return "";
  std::size_t end = messages.find('\n', start);
  return cut(clean(messages.substr(start, end == std::string::npos ? end : end - start)), 300);
}

// The executable `name` in PATH (as execvp finds it, but never in the current directory), or "".
std::string find_in_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/bin:/usr/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty() || dir.front() != '/') continue;
    const std::string candidate = std::string(dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Starts dot with `input` as stdin, stdout on /dev/null and stderr into `error_pipe`. The child is
// killed when this process ends (PR_SET_PDEATHSIG), so that no dot is left running, and writing
// into the target directory, when the host stops the export.
pid_t spawn(const RenderJob& job, int input, int error_pipe) {
  const std::string exe = find_in_path("dot");
  if (exe.empty())
    throw sdk::Failure(sdk::say(
        "Graphviz „dot“ nicht gefunden: Paket graphviz installieren oder ohne render= exportieren",
        "Graphviz \"dot\" not found: install the package graphviz or export without render="));
  std::string type = "-T" + job.format, out = job.output;
  char* argv[] = {const_cast<char*>("dot"), type.data(), const_cast<char*>("-o"), out.data(),
                  nullptr};
  int status_ends[2];  // the child writes errno here if execve fails; closed by a good exec
  if (::pipe2(status_ends, O_CLOEXEC) != 0) throw sdk::Failure(cannot_start(sdk::error_text(errno)));
  Fd status_read{status_ends[0]}, status_write{status_ends[1]};
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw sdk::Failure(cannot_start(sdk::error_text(errno)));
  if (pid == 0) {  // only async-signal-safe calls from here on
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    const int null = ::open("/dev/null", O_WRONLY);
    if (null < 0 || ::dup2(input, 0) < 0 || ::dup2(null, 1) < 0 || ::dup2(error_pipe, 2) < 0) {
      const int err = errno;
      (void)!::write(status_write.fd, &err, sizeof err);
      ::_exit(127);
    }
    ::execve(exe.c_str(), argv, environ);
    const int err = errno;
    (void)!::write(status_write.fd, &err, sizeof err);
    ::_exit(127);
  }
  status_write.reset();
  int err = 0;
  ssize_t got = 0;
  while ((got = ::read(status_read.fd, &err, sizeof err)) < 0 && errno == EINTR) {
  }
  if (got > 0) {
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    throw sdk::Failure(sdk::say("Graphviz „dot“ ({0}) kann nicht gestartet werden: {1}",
                                "Graphviz \"dot\" ({0}) cannot be started: {1}", exe,
                                sdk::error_text(err)));
  }
  return pid;
}

}  // namespace

// The text in an anonymous file (memfd), positioned at its start; -1 with errno on failure.
int anonymous_file(std::string_view text) {
  Fd fd{::memfd_create("eduplan-dot", MFD_CLOEXEC)};
  if (fd.fd < 0) return -1;
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd.fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    done += static_cast<std::size_t>(n);
  }
  if (::lseek(fd.fd, 0, SEEK_SET) < 0) return -1;
  return std::exchange(fd.fd, -1);
}

void render_with_dot(const RenderJob& job) {
  Fd input{anonymous_file(job.text)};
  if (input.fd < 0)
    throw sdk::Failure(sdk::say("Graphviz „dot“: Eingabe nicht möglich: {0}",
                                "Graphviz \"dot\": no input possible: {0}", sdk::error_text(errno)));
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) throw sdk::Failure(cannot_start(sdk::error_text(errno)));
  Fd read_end{ends[0]}, write_end{ends[1]};
  const pid_t pid = spawn(job, input.fd, write_end.fd);
  write_end.reset();

  const auto deadline = Clock::now() + std::chrono::seconds(job.timeout_seconds);
  std::string messages;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR)
      throw sdk::Failure(
          sdk::say("Graphviz „dot“: {0}", "Graphviz \"dot\": {0}", sdk::error_text(errno)));
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      throw sdk::Failure(sdk::say(
          "Graphviz „dot“ hat den Graphen ({0}) in {1} s nicht gesetzt und wurde abgebrochen. "
          "Kleiner machen mit field=, division=, min-weight=, collapse=true oder kleinerem "
          "max-edges=; mehr Zeit geben mit timeout=; oder ohne render= als DOT ausgeben und "
          "Graphviz selbst aufrufen",
          "Graphviz \"dot\" did not lay out the graph ({0}) in {1} s and was stopped. Make it "
          "smaller with field=, division=, min-weight=, collapse=true or a smaller max-edges=; "
          "give it more time with timeout=; or export DOT without render= and run Graphviz "
          "yourself",
          job.graph_size, std::to_string(job.timeout_seconds)));
    }
    const int wait_ms = static_cast<int>(std::min<long long>(left.count(), 100));
    if (read_end.fd >= 0) {
      pollfd p{read_end.fd, POLLIN, 0};
      if (::poll(&p, 1, wait_ms) > 0) read_some(read_end, messages);
    } else {
      ::poll(nullptr, 0, wait_ms);
    }
  }
  // What dot wrote before it ended (not waiting for a child of it that might hold the pipe).
  for (pollfd p{read_end.fd, POLLIN, 0}; read_end.fd >= 0 && ::poll(&p, 1, 0) > 0;) {
    read_some(read_end, messages);
    p.fd = read_end.fd;
  }

  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    throw sdk::Failure(sdk::say("Graphviz „dot“ ist abgestürzt (Signal {0}, {1})",
                                "Graphviz \"dot\" crashed (signal {0}, {1})", std::to_string(sig),
                                strsignal(sig)) +
                       (messages.empty() ? std::string() : ": " + first_line(messages)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string line = first_line(messages);
    throw sdk::Failure(
        sdk::say("Graphviz „dot“ ist mit einem Fehler beendet worden (Exit-Code {0})",
                 "Graphviz \"dot\" ended with an error (exit code {0})",
                 std::to_string(WEXITSTATUS(status))) +
        (line.empty() ? std::string() : ": " + line));
  }
}

}  // namespace eduplan::dot_exporter
