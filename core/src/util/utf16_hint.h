// Recognising UTF-16 that cannot be decoded (internal): without a byte order mark, or with one
// but broken (an odd number of bytes, a lone surrogate). Such a file is full of NUL bytes and
// would otherwise be reported as a binary file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eduplan {

// A message (German/English, per the current language) explaining that `bytes` looks like
// UTF-16 and what is wrong with it; nothing if it does not look like UTF-16.
std::optional<std::string> utf16_problem(std::string_view bytes);

}  // namespace eduplan
