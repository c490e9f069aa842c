#include "util/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "util/unicode.h"

namespace eduplan::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most text read back from a database or a document is ASCII.
    std::uint64_t eight = 0;
    while (i + 8 <= n && (std::memcpy(&eight, p + i, 8), (eight & 0x8080808080808080ULL) == 0))
      i += 8;
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // not above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (const auto bad = find_invalid_utf8(s)) {
    out.append(s.substr(0, *bad));
    out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    s.remove_prefix(*bad + 1);
  }
  out.append(s);
  return out;
}

std::optional<std::size_t> find_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return i;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80)
      return i;
  }
  return std::nullopt;
}

namespace {

bool is_invisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace

std::optional<std::size_t> find_invisible(std::string_view s) {
  for (std::size_t i = 0, n = 1; i < s.size(); i += n) {
    if (is_invisible(unicode::decode(s, i, n))) return i;
  }
  return std::nullopt;
}

bool padded_with_space(std::string_view s) {
  if (s.empty()) return false;
  std::size_t n = 1;
  if (is_space(unicode::decode(s, 0, n))) return true;
  std::size_t last = s.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80) --last;
  return is_space(unicode::decode(s, last, n));
}

std::optional<std::size_t> find_xml_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
  }
  return std::nullopt;
}

std::string without_controls(std::string_view s) {
  std::string out;
  while (const auto at = find_control(s)) {
    out.append(s.substr(0, *at));
    s.remove_prefix(*at + (static_cast<unsigned char>(s[*at]) == 0xC2 ? 2 : 1));
  }
  out.append(s);
  return out;
}

void require_printable_utf8(std::string_view what, std::string_view value) {
  if (const auto bad = find_invalid_utf8(value)) {
    throw UsageError(tr({"{0} ist kein gültiges UTF-8 (Byte {1} in „{2}“); Namen und Titel müssen "
                         "UTF-8 sein",
                         "{0} is not valid UTF-8 (byte {1} of \"{2}\"); names and titles must be "
                         "UTF-8"},
                        what, *bad + 1, to_valid_utf8(value)));
  }
  if (const auto control = find_control(value)) {
    throw UsageError(tr({"{0} enthält ein Steuerzeichen (Byte {1}); Namen, Titel und Optionen "
                         "sind eine Zeile druckbarer Text",
                         "{0} holds a control character (byte {1}); names, titles and options "
                         "are one line of printable text"},
                        what, *control + 1));
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      pending = true;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

std::string fold_case(std::string_view s) {
  std::string out(s);
  return fold_case_in_place(out);
}

std::string& fold_case_in_place(std::string& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

namespace {

// The byte at s[i] case-folded as fold_case() would fold it (it looks back one byte for
// the second byte of a Latin-1 capital).
unsigned char folded_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c + 32);
  if (i > 0 && static_cast<unsigned char>(s[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E &&
      c != 0x97) {
    // Only a continuation byte right after 0xC3 that itself starts no sequence.
    std::size_t lead = i - 1;
    while (lead > 0 && (static_cast<unsigned char>(s[lead - 1]) & 0xC0) == 0x80) --lead;
    if (lead == i - 1) return static_cast<unsigned char>(c + 0x20);
  }
  return c;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (folded_at(a, i) != folded_at(b, i)) return false;
  }
  return true;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = s.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(s.substr(pos));
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

int line_of_offset(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<int>(
                 std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace eduplan::text
