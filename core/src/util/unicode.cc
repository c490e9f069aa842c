#include "util/unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace eduplan::unicode {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool invisible(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Ligatures as a PDF copy gives them, and hyphens that look like '-': their plain letters.
std::string_view plain_letters(char32_t c) {
  switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05:
    case 0xFB06: return "st";
    case 0x2010:
    case 0x2011: return "-";
    default: return {};
  }
}

char plain_quote(char32_t c) {
  switch (c) {
    case 0x201E:
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:
    case 0x201F:
      return '"';
    case 0x201A:
    case 0x2018:
    case 0x2019:
    case 0x201B:
      return '\'';
    default:
      return 0;
  }
}

bool space(char32_t c) {
  return c == '\t' || c == 0x2028 || c == 0x2029 ||
         (c > 0x7F && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS);
}

}  // namespace

char32_t decode(std::string_view s, std::size_t i, std::size_t& length) {
  utf8proc_int32_t c = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &c);
  if (n <= 0) {
    length = 1;
    return static_cast<unsigned char>(s[i]);
  }
  length = static_cast<std::size_t>(n);
  return static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string canonicalize(std::string_view text, Changes* changes, bool keep_tabs,
                         bool remove_controls) {
  Changes local;
  Changes& ch = changes ? *changes : local;
  std::string out;
  out.reserve(text.size());
  // Spaces and invisible characters first (byte offsets refer to the input) …
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (remove_controls && ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)) {
        ++ch.controls;  // never text: pasted from a terminal, a database or a broken export
        ch.first_offset = std::min(ch.first_offset, i);
        if (b == '\v' || b == '\f') out += ' ';
      } else if (b == '\t' && !keep_tabs) {
        out += ' ';  // an ordinary space character: not worth reporting
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    std::size_t n = 0;
    const char32_t c = decode(text, i, n);
    if (const char q = plain_quote(c)) {
      ++ch.quotes;
      ch.first_offset = std::min(ch.first_offset, i);
      out += q;
    } else if (remove_controls && c >= 0x80 && c <= 0x9F) {
      ++ch.controls;
      ch.first_offset = std::min(ch.first_offset, i);
    } else if (const std::string_view letters = plain_letters(c); !letters.empty()) {
      ++ch.letters;
      ch.first_offset = std::min(ch.first_offset, i);
      out += letters;
    } else if (invisible(c)) {
      ++ch.invisible;
      ch.first_offset = std::min(ch.first_offset, i);
    } else if (space(c)) {
      ++ch.spaces;
      ch.first_offset = std::min(ch.first_offset, i);
      out += ' ';
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  if (is_ascii(out)) return out;
  // … then NFC for the rest, in pieces that end at a line break (no character composes across
  // one): utf8proc needs four bytes per code point of its input, so a whole large document at
  // once would cost five times its size.
  constexpr std::size_t kPiece = 64 * 1024;
  std::string composed;
  composed.reserve(out.size());
  std::size_t before = 0, after = 0;
  for (std::size_t start = 0; start < out.size();) {
    std::size_t end = std::min(out.size(), start + kPiece);
    if (end < out.size()) {
      const auto nl = out.find('\n', end);
      end = nl == std::string::npos ? out.size() : nl + 1;
    }
    const std::string piece = out.substr(start, end - start);
    const std::size_t at = composed.size();
    if (is_ascii(piece)) {
      composed += piece;
    } else {
      std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
          utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(piece.c_str())), &std::free);
      composed += nfc ? std::string_view(reinterpret_cast<const char*>(nfc.get())) : piece;
    }
    const std::string_view done(composed.data() + at, composed.size() - at);
    if (done != piece) {
      // Count the code points that changed: the difference in length is a lower bound that is
      // exact for the common case (a base letter and one combining mark become one).
      for (unsigned char c : piece) before += (c & 0xC0) != 0x80;
      for (unsigned char c : done) after += (c & 0xC0) != 0x80;
      ch.composed += before > after ? before - after : 1;
      before = after = 0;
      if (ch.first_offset == SIZE_MAX) {
        std::size_t k = 0;
        while (k < piece.size() && k < done.size() && piece[k] == done[k]) ++k;
        ch.first_offset = at + k;  // in the output; close enough for the line of the change
      }
    }
    start = end;
  }
  return composed;
}

std::string folded(std::string_view text) {
  std::string out = lower(canonicalize(text, nullptr));
  const auto first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  out.erase(out.find_last_not_of(" \t\r\n") + 1);
  out.erase(0, first);
  return out;
}

std::string lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    std::size_t n = 0;
    const char32_t c = decode(text, i, n);
    append_utf8(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    i += n;
  }
  return out;
}

bool is_symbol(char32_t c) {
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_SO || category == UTF8PROC_CATEGORY_SK ||
         category == UTF8PROC_CATEGORY_SM;
}

}  // namespace eduplan::unicode
