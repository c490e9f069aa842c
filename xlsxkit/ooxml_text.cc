#include "xlsxkit/ooxml_text.h"

namespace eduplan::xlsxkit {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

bool ooxml_sequence_at(std::string_view s, std::size_t at) {
  return at + 7 <= s.size() && s[at] == '_' && s[at + 1] == 'x' && is_hex(s[at + 2]) &&
         is_hex(s[at + 3]) && is_hex(s[at + 4]) && is_hex(s[at + 5]) && s[at + 6] == '_';
}

std::string escape_ooxml_sequences(std::string_view s) {
  std::string out;
  std::size_t from = 0;
  bool escaped = false;
  for (std::size_t at = s.find("_x"); at != std::string_view::npos; at = s.find("_x", at + 1)) {
    if (!ooxml_sequence_at(s, at)) continue;
    out.append(s.substr(from, at - from));
    out += "_x005F";
    from = at;  // the rest, "_xHHHH_", follows as it is
    escaped = true;
  }
  if (!escaped) return std::string(s);
  out.append(s.substr(from));
  return out;
}

std::string without_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string_view first_bytes(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

}  // namespace eduplan::xlsxkit
