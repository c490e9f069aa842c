// Writing a finished file into a target that cannot be replaced (internal): a character device
// such as /dev/null or a terminal, a FIFO, or /dev/stdout when it is a pipe. Renaming a file over
// such a target would replace the device node itself (as root: /dev/null became a regular file).
#pragma once

#include <filesystem>

namespace eduplan {

// Copies `from` into `target`, opened for writing without creating or truncating it. A FIFO
// nobody reads from is an error at once (never a wait); a reader that stops early is an error
// (SIGPIPE is blocked in this thread meanwhile and a pending one consumed, so the process lives).
// Throws ExportError naming `target`.
void write_through(const std::filesystem::path& from, const std::filesystem::path& target);

}  // namespace eduplan
