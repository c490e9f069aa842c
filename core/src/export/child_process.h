// Running a piece of work in a child process, so that whatever it does — crash, abort, call
// exit(), hang — cannot take the calling process down (internal). Used for every contact with
// an exporter module: loading it to read its descriptor, and running an export.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace eduplan {

struct ChildOutcome {
  enum class Kind {
    done,      // body returned: `payload` is what it returned
    failed,    // body threw: `payload` is the exception's message
    exited,    // the child ended without finishing the body: `code` is its exit code
    signaled,  // the child was killed by signal `code`
    timed_out  // the time limit passed; the child was killed
  };
  Kind kind = Kind::failed;
  std::string payload;
  int code = 0;
};

// Forks; the child runs `body` and hands its result back through a pipe, then ends with _exit
// (no atexit handlers, no destructors of the parent's objects). The parent waits at most `limit`
// (none if zero), then kills the child. Throws IoError if no child can be started.
//
// The child has a copy of the caller's memory but only the calling thread: `body` must not wait
// for locks other threads may hold, and must not use a database connection of the parent
// (open a new one). glibc's malloc and stdio are safe after fork.
ChildOutcome run_in_child(const std::function<std::string()>& body,
                          std::chrono::milliseconds limit);

// "Signal 11 (SIGSEGV)", for messages.
std::string signal_text(int signal);

}  // namespace eduplan
