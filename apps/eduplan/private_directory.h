// Private working directories of one run (the staging directory of `status forms`, the copy
// behind `-o -`), named "<prefix><pid>-XXXXXX" so that a later run can tell the directories of
// runs that were killed (Ctrl-C, a time limit) from those of runs still going, and remove them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace eduplan::cli {

// Creates base/<prefix><our pid>-XXXXXX (mkdtemp: mode 0700). Returns an empty path, errno set,
// if it cannot. `prefix` must not contain '/'.
std::filesystem::path make_private_directory(const std::filesystem::path& base,
                                             std::string_view prefix);

// Removes the directories base/<prefix><pid>-* that belong to this user and to processes that
// no longer exist. Anything else (a file, a link, another user's, a running process's) stays.
void remove_abandoned_directories(const std::filesystem::path& base, std::string_view prefix);

// This host's name in letters and digits (at most 16), for prefixes of directories that may lie
// on a file system shared by several hosts, where a process id means nothing elsewhere.
const std::string& host_tag();

}  // namespace eduplan::cli
