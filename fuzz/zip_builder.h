// Builds a zip archive in memory (through libzip, members stored uncompressed), so that a
// fuzz target can wrap its input as one part of a .docx or .odt package.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eduplan::fuzz {

// The archive holding `members` (name, bytes) in that order. Aborts if libzip fails.
std::string build_zip(const std::vector<std::pair<std::string_view, std::string_view>>& members);

}  // namespace eduplan::fuzz
