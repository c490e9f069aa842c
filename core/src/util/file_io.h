// Whole-file reading (internal).
#pragma once

#include <filesystem>
#include <string>

namespace eduplan {

// The file's bytes. Throws IoError naming the file if it is missing, a directory or unreadable.
std::string read_file(const std::filesystem::path& path);

// What an errno value means, in the message language for the common cases (a missing file, no
// permission, a full disk …), else the system's text.
std::string error_text(int errnum);

}  // namespace eduplan
