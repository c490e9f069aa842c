// Where exporter modules may come from, and whether a file is safe to load (internal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/exporters.h"

namespace eduplan {

struct SearchPath {
  std::vector<std::filesystem::path> directories;  // absolute, canonical, existing, in order
  std::size_t bundled_from = 0;  // directories[bundled_from…] hold the exporters eduplan ships
  bool disabled = false;
  std::vector<RejectedModule> problems;  // entries that were not searched, and why
};

// `extra` first, then EDUPLAN_PLUGIN_PATH, then the install directory next to the executable.
SearchPath plugin_search_path(const std::vector<std::filesystem::path>& extra);

// Why a module file must not be loaded, or nothing if it is safe. The file is followed through
// symbolic links to the real one; it must be a regular file owned by root or the effective user
// and writable by no one else; so must every directory above it up to /, except that a
// directory writable by others is allowed with the sticky bit (like /tmp). This is the
// reasoning of ld.so and sudo: whoever can replace the file or rename a directory above it
// can run code as the user.
std::optional<std::string> unsafe_module_reason(const std::filesystem::path& file);

}  // namespace eduplan
