// Text files saved in another encoding than UTF-8 (internal): Windows editors and Excel save
// "ANSI" (Windows-1252) or "Unicode" (UTF-16 with a byte order mark); the classic Mac OS saved
// Mac OS Roman, old DOS programs code page 850.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eduplan {

struct Decoded {
  std::string text;            // UTF-8
  // "UTF-16LE", "UTF-16BE", "Windows-1252", "Mac OS Roman", "DOS (Codepage 850)"; null if it
  // was UTF-8
  const char* from = nullptr;
};

// The text as UTF-8: UTF-8 as it is (without a BOM); UTF-16 with a BOM converted; otherwise,
// if it is not valid UTF-8 but every byte is a Windows-1252 character (no NUL, no byte that
// code page leaves undefined, no other control character than TAB, CR, LF), converted from
// Windows-1252 — or from Mac OS Roman or DOS code page 850 when that code page explains more of
// the text's German letters (ä ö ü ß Ä Ö Ü) than the others do. Nothing if it is none of these (a binary file, or broken UTF-16), and nothing
// for mixed text (see mixed_encoding): decoding it all as Windows-1252 would garble every
// character that was correct UTF-8.
std::optional<Decoded> decode_text(std::string_view bytes);

// For text that is not valid UTF-8 although it is UTF-8 elsewhere (a UTF-8 BOM, or a valid
// multi-byte sequence: "ü" as C3 BC), the byte offset of the first invalid byte — typically
// one line pasted from a Windows-1252 source into a UTF-8 file. Nothing otherwise.
std::optional<std::size_t> mixed_encoding(std::string_view bytes);

}  // namespace eduplan
