// Writing a finished file into a target that cannot be replaced (internal): a character device
// such as /dev/null or a terminal, a FIFO, or /dev/stdout when it is a pipe. Renaming a file over
// such a target would replace the device node itself (as root: /dev/null became a regular file).
#pragma once

#include <filesystem>
#include <optional>

namespace eduplan {

// Copies `from` into `target`, opened for writing without creating or truncating it. A FIFO
// nobody reads from is an error at once (never a wait); a reader that stops early is an error
// (SIGPIPE is blocked in this thread meanwhile and a pending one consumed, so the process lives).
// Throws OutputError naming `target`.
// A descriptor of this process (`/dev/stdout` opens as a duplicate of fd 1, offset and append
// mode included) is written through that descriptor; a regular file reached otherwise (a FIFO
// replaced meanwhile) is truncated first. Binary content (a NUL byte) is refused on a terminal.
void write_through(const std::filesystem::path& from, const std::filesystem::path& target);

// N if `target`, or a symbolic link on the way to it, names a descriptor of this process:
// /proc/self/fd/N, /dev/fd/N, /proc/<this pid>/fd/N (/dev/stdout links to /proc/self/fd/1).
std::optional<int> own_descriptor(const std::filesystem::path& target);

}  // namespace eduplan
