// File names made from data ("Dezernat IV/ Bibliothek" must not become a directory).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "eduplan/export.h"

namespace eduplan {

// A file name safe on Linux and Windows: without < > : " / \ | ? * and control
// characters, without trailing dots and spaces, never a reserved device name (CON, PRN,
// AUX, NUL, COM1-9, LPT1-9, also with an extension), never "." or "..", at most
// `max_bytes` bytes in total without cutting a UTF-8 sequence. `extension` (without dot)
// is appended. An empty result becomes "plan".
inline constexpr std::size_t kMaxFileNameBytes = 200;

EDUPLAN_EXPORT std::string safe_file_name(std::string_view stem, std::string_view extension,
                                          std::size_t max_bytes = kMaxFileNameBytes);

}  // namespace eduplan
