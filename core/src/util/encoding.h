// Text files saved in another encoding than UTF-8 (internal): Windows editors and Excel save
// "ANSI" (Windows-1252) or "Unicode" (UTF-16 with a byte order mark).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eduplan {

struct Decoded {
  std::string text;            // UTF-8
  const char* from = nullptr;  // "UTF-16LE", "UTF-16BE", "Windows-1252"; null if it was UTF-8
};

// The text as UTF-8: UTF-8 as it is (without a BOM); UTF-16 with a BOM converted; otherwise,
// if it is not valid UTF-8 but every byte is a Windows-1252 character (no NUL, no byte that
// code page leaves undefined, no other control character than TAB, CR, LF), converted from
// Windows-1252. Nothing if it is none of these (a binary file, or broken UTF-16).
std::optional<Decoded> decode_text(std::string_view bytes);

}  // namespace eduplan
