#include "eduplan/keys.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 14695981039346656037ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Typography that does not change what a text says: typographic quotes and dashes are their
// plain forms, and no space stands next to a slash ("A/ B" is "A/B").
std::string fold_typography(const std::string& s) {
  static constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
      {"„", "\""}, {"“", "\""}, {"”", "\""}, {"«", "\""}, {"»", "\""}, {"‚", "'"},
      {"‘", "'"},  {"’", "'"},  {"–", "-"},  {"—", "-"},  {"‐", "-"},  {"‑", "-"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool folded = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (const auto& [from, to] : kFolds) {
        if (std::string_view(s).substr(i).starts_with(from)) {
          out += to;
          i += from.size();
          folded = true;
          break;
        }
      }
    }
    if (folded) continue;
    if (s[i] == ' ' &&
        ((i + 1 < s.size() && s[i + 1] == '/') || (!out.empty() && out.back() == '/'))) {
      ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string format_key(std::string_view prefix, std::uint64_t h) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  std::string key(prefix);
  key += '-';
  key += hex;
  return key;
}

}  // namespace

std::string normalize_for_key(std::string_view s) {
  // Canonical Unicode first (NFC, one kind of space, no invisible characters), so that text
  // typed on another system gets the same key; then white space collapsed and case lowered.
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  const std::string canonical = ascii ? std::string() : unicode::canonicalize(s);
  const std::string_view text = ascii ? s : std::string_view(canonical);
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (char c : text::trim(text)) {
    if (text::is_space(c)) {
      pending = true;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  std::string lowered = ascii ? text::fold_case_in_place(out) : unicode::lower(out);
  return fold_typography(lowered);
}

std::string make_key(std::string_view prefix, std::string_view part) {
  return format_key(prefix, fnv1a(normalize_for_key(part)));
}

std::string make_key(std::string_view prefix, std::string_view parent_key, std::string_view part) {
  std::uint64_t h = fnv1a(parent_key);
  h = fnv1a(std::string_view("\x1f", 1), h);
  return format_key(prefix, fnv1a(normalize_for_key(part), h));
}

}  // namespace eduplan
