// Whole-file reading (internal).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace eduplan {

// What eduplan reads into memory at most: a text input (Markdown, CSV, a units directory) and
// an archive (.docx, .odt; its members are capped again when unpacked).
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxArchiveFileBytes = std::size_t{256} << 20;

// The file's bytes. Throws IoError naming the file if it is missing, not a regular file (a
// directory, a device such as /dev/zero, a FIFO, a socket), unreadable, or larger than
// `max_bytes`. Never blocks on a FIFO and never reads more than `max_bytes` + 1 bytes.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

// Throws the IoError read_file throws for a file larger than `max_bytes`.
[[noreturn]] void throw_too_large(const std::filesystem::path& path, std::size_t max_bytes);

// What an errno value means, in the message language for the common cases (a missing file, no
// permission, a full disk …), else the system's text.
std::string error_text(int errnum);

}  // namespace eduplan
