// The language of eduplan's messages: findings, errors, the CLI. German by default, English
// selectable. Messages are compiled-in pairs (Text), so an embedding program needs no catalog
// files and a message without its translation does not compile.
#pragma once

#include <boost/describe/enum.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "eduplan/export.h"

namespace eduplan {

enum class Language { de, en };
BOOST_DESCRIBE_ENUM(Language, de, en)

// The language of messages made from now on, for the whole process (default: de). Findings
// keep the language they were made in (they are stored as text).
EDUPLAN_EXPORT void set_language(Language language);
EDUPLAN_EXPORT Language language();

// The language named by "de", "en", "de_DE.UTF-8", "en_GB" …, or nothing.
EDUPLAN_EXPORT std::optional<Language> parse_language(std::string_view name);
// The first entry of the LANGUAGE environment variable ("en_GB:en") that names a known
// language, or nothing (LANG and LC_* are not consulted: a server's English locale must not
// turn a German office's reports English).
EDUPLAN_EXPORT std::optional<Language> language_from_environment();

// Replaces {0}, {1} … in `pattern` by args[0], args[1] … (a placeholder without an argument
// stays as it is).
EDUPLAN_EXPORT std::string format(std::string_view pattern, const std::string* args,
                                  std::size_t count);

namespace detail {
// Bit n set if "{n}" occurs (n < 10).
constexpr unsigned placeholders(const char* s) {
  unsigned mask = 0;
  for (; *s; ++s) {
    if (s[0] == '{' && s[1] >= '0' && s[1] <= '9' && s[2] == '}') mask |= 1u << (s[1] - '0');
  }
  return mask;
}
}  // namespace detail

// A message in German and English with the same placeholders {0}, {1} … (checked when it is
// compiled: a constant Text whose translations differ in their placeholders does not compile).
struct Text {
  consteval Text(const char* german, const char* english) : de(german), en(english) {
    if (detail::placeholders(german) != detail::placeholders(english))
      throw "the German and English texts use different placeholders";
  }
  const char* de;
  const char* en;
  const char* get(Language l) const { return l == Language::en ? en : de; }
  const char* get() const { return get(language()); }
};

namespace detail {
inline std::string arg_text(std::string_view s) { return std::string(s); }
template <class N, class = std::enable_if_t<std::is_arithmetic_v<N>>>
std::string arg_text(N n) {
  return std::to_string(n);
}
}  // namespace detail

// The message in the current language with its placeholders filled in.
template <class... Args>
std::string tr(const Text& text, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return text.get();
  } else {
    const std::string values[] = {detail::arg_text(args)...};
    return format(text.get(), values, sizeof...(Args));
  }
}

// Text in the quotation marks of the current language: „Stadtarchiv“ or "Stadtarchiv".
EDUPLAN_EXPORT std::string quoted(std::string_view s);

// "1 Hinweis" / "3 Hinweise", "1 note" / "3 notes": German and English both have one form
// for exactly one and another for every other number.
EDUPLAN_EXPORT std::string count_of(std::size_t n, const Text& one, const Text& other);

}  // namespace eduplan
