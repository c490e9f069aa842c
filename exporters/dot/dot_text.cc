#include "dot_text.h"

namespace eduplan::dot_exporter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
constexpr std::size_t kWordSearch = 40;  // how far back cut() looks for a space, in bytes

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the valid UTF-8 sequence at text[i] and its code point, or 0 if none starts
// there (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b < 0x80) {
    cp = b;
    return 1;
  } else if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if (!continuation(c)) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  return n;
}

}  // namespace

std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = sequence(text, i, cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (cp == '\t') {
      out += ' ';
    } else if (cp == '\n' || (cp >= 0x20 && cp != 0x7F && (cp < 0x80 || cp > 0x9F) &&
                              cp != 0xFFFE && cp != 0xFFFF)) {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string cut(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes >= kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  while (end > 0 && continuation(static_cast<unsigned char>(text[end]))) --end;
  // Before the last word if it starts near the end.
  const std::size_t space = text.find_last_of(" \n", end);
  if (space != std::string_view::npos && space + kWordSearch >= end) end = space;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  return std::string(text.substr(0, end)) + std::string(kEllipsis);
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : clean(text)) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string label(std::string_view text) { return quote(cut(clean(text), kMaxLabelBytes)); }

std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;  // code points on the current line
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    std::size_t length = 0;
    for (char c : word) length += !continuation(static_cast<unsigned char>(c));
    if (!word.empty()) {
      if (line > 0 && line + 1 + length > width) {
        out += '\n';
        line = 0;
      } else if (line > 0) {
        out += ' ';
        ++line;
      }
      out += word;
      line += length;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace eduplan::dot_exporter
