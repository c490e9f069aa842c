#include "dot_render.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <eduplan/exporter_sdk.hpp>

#include "dot_text.h"

extern char** environ;

namespace eduplan::dot_exporter {
namespace {

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

struct SpawnActions {
  posix_spawn_file_actions_t actions;
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
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

pid_t spawn(const RenderJob& job, int error_pipe) {
  std::string type = "-T" + job.format, out = job.output, in = job.input;
  char* argv[] = {const_cast<char*>("dot"),
                  type.data(),
                  const_cast<char*>("-o"),
                  out.data(),
                  in.data(),
                  nullptr};
  SpawnActions fa;
  posix_spawn_file_actions_addopen(&fa.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa.actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&fa.actions, error_pipe, 2);
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "dot", &fa.actions, nullptr, argv, environ);
  if (err == ENOENT)
    throw sdk::Failure(
        "Graphviz „dot“ nicht gefunden: Paket graphviz installieren oder ohne render= exportieren");
  if (err != 0)
    throw sdk::Failure(std::string("Graphviz „dot“ kann nicht gestartet werden: ") +
                       std::strerror(err));
  return pid;
}

}  // namespace

void render_with_dot(const RenderJob& job) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0)
    throw sdk::Failure(std::string("Graphviz „dot“ kann nicht gestartet werden: ") +
                       std::strerror(errno));
  Fd read_end{ends[0]}, write_end{ends[1]};
  const pid_t pid = spawn(job, write_end.fd);
  write_end.reset();

  const auto deadline = Clock::now() + std::chrono::seconds(job.timeout_seconds);
  std::string messages;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR)
      throw sdk::Failure(std::string("Graphviz „dot“: ") + std::strerror(errno));
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      throw sdk::Failure(
          "Graphviz „dot“ hat den Graphen (" + job.graph_size + ") in " +
          std::to_string(job.timeout_seconds) +
          " s nicht gesetzt und wurde abgebrochen. Kleiner machen mit field=, division=, "
          "min-weight=, collapse=true oder kleinerem max-edges=; mehr Zeit geben mit timeout=; "
          "oder ohne render= als DOT ausgeben und Graphviz selbst aufrufen");
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
    throw sdk::Failure("Graphviz „dot“ ist abgestürzt (Signal " + std::to_string(sig) + ", " +
                       strsignal(sig) + ")" +
                       (messages.empty() ? std::string() : ": " + first_line(messages)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string line = first_line(messages);
    throw sdk::Failure("Graphviz „dot“ ist mit einem Fehler beendet worden (Exit-Code " +
                       std::to_string(WEXITSTATUS(status)) + ")" +
                       (line.empty() ? std::string() : ": " + line));
  }
}

}  // namespace eduplan::dot_exporter
