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
  entry.text = std::move(s);
  const std::string_view t = entry.text;
  const std::size_t slash = t.find('/');
  if (slash != std::string::npos && slash > 0) {
    entry.has_slash = true;
    const std::string_view prefix = text::trim(t.substr(0, slash));
    const std::string_view list = text::trim(t.substr(slash + 1));
    entry.set_places(prefix.data() - t.data(), prefix.size(), list.data() - t.data(), list.size());
  } else {
    entry.set_places(0, 0, 0, t.size());
  }
  return entry;
}

void RawUnitEntry::set_places(std::size_t prefix_at, std::size_t prefix_size, std::size_t list_at,
                              std::size_t list_size) {
  // Entries are lines of a document of at most 64 MiB.
  prefix_at_ = static_cast<std::uint32_t>(prefix_at);
  prefix_size_ = static_cast<std::uint32_t>(prefix_size);
  list_at_ = static_cast<std::uint32_t>(list_at);
  list_size_ = static_cast<std::uint32_t>(list_size);
}

void RawUnitEntry::set_parts(std::string_view division, std::string_view list) {
  std::string parts = std::string(division) + "/" + std::string(list);
  reread_ = std::move(parts);
  set_places(0, division.size(), division.size() + 1, list.size());
}

}  // namespace eduplan
