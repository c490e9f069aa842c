// Whole-file reading (internal).
#pragma once

#include <filesystem>
#include <string>

namespace eduplan {

// The file's bytes. Throws IoError naming the file if it is missing, a directory or unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace eduplan
