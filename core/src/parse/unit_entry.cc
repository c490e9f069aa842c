// One line of a unit cell as an entry (see raw_document.h).
#include <string>
#include <string_view>

#include "parse/bullets.h"
#include "parse/raw_document.h"
#include "util/text.h"

namespace eduplan {

RawUnitEntry make_unit_entry(std::string_view part, int line) {
  RawUnitEntry entry;
  entry.line = line;
  std::string s = text::collapse_spaces(part);
  for (bool again = true; again;) {
    again = false;
    if (const std::size_t n = bullet_length(s)) {
      s.erase(0, n);
      again = true;
    }
  }
  for (char& c : s) {
    if (c == ';') c = ',';
  }
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) {
    if (s.back() == ',') entry.trailing_comma = true;
    s.pop_back();
  }
  entry.text = s;
  const std::size_t slash = s.find('/');
  if (slash != std::string::npos && slash > 0) {
    entry.has_slash = true;
    entry.prefix = std::string(text::trim(std::string_view(s).substr(0, slash)));
    entry.list = std::string(text::trim(std::string_view(s).substr(slash + 1)));
  } else {
    entry.list = s;
  }
  return entry;
}

}  // namespace eduplan
