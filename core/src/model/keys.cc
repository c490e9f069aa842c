#include "eduplan/keys.h"

#include <cstdint>
#include <cstdio>

#include "util/text.h"

namespace eduplan {
namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 14695981039346656037ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
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
  // One pass: collapse white space, then fold the case of what was kept.
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : text::trim(s)) {
    if (text::is_space(c)) {
      pending = true;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return text::fold_case_in_place(out);
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
