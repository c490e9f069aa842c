#include "eduplan/language.h"

#include <atomic>
#include <cstdlib>

#include "util/text.h"

namespace eduplan {
namespace {

std::atomic<Language> current{Language::de};

}  // namespace

void set_language(Language l) { current.store(l, std::memory_order_relaxed); }
Language language() { return current.load(std::memory_order_relaxed); }

std::optional<Language> parse_language(std::string_view name) {
  name = text::trim(name);
  const std::string_view code = name.substr(0, name.find_first_of("_.@-"));
  if (text::iequals(code, "de")) return Language::de;
  if (text::iequals(code, "en")) return Language::en;
  return std::nullopt;
}

std::optional<Language> language_from_environment() {
  const char* env = std::getenv("LANGUAGE");
  if (!env) return std::nullopt;
  for (auto part : text::split(env, ':')) {
    if (auto l = parse_language(part)) return l;
  }
  return std::nullopt;
}

std::string format(std::string_view pattern, const std::string* args, std::size_t count) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (n < count) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string quoted(std::string_view s) {
  return language() == Language::en ? "\"" + std::string(s) + "\"" : "„" + std::string(s) + "“";
}

std::string count_of(std::size_t n, const Text& one, const Text& other) {
  return std::to_string(n) + " " + (n == 1 ? one.get() : other.get());
}

}  // namespace eduplan
