#include "resolve/division_separator.h"

#include <array>
#include <string>

#include "util/text.h"

namespace eduplan {

namespace {

void set(RawUnitEntry& e, std::string_view division, std::string_view list) {
  e.set_parts(text::trim(division), text::trim(list));
  e.has_slash = true;
}

}  // namespace

DivisionSeparator reread_division_separator(RawUnitEntry& e, const IsDivision& is_division) {
  if (e.has_slash || e.text.empty()) return DivisionSeparator::none;
  const std::string_view t = e.text;
  // "Dezernat IV – Bibliothek", "Dezernat IV - Bibliothek", "Dezernat IV: Bibliothek": the first
  // separator; spaces around a dash (a hyphen inside a name, "Sozial- und Wohnungsamt", is none).
  static constexpr std::array<std::pair<std::string_view, DivisionSeparator>, 4> kSeparators{{
      {" \xE2\x80\x93 ", DivisionSeparator::dash},  // en dash
      {" \xE2\x80\x94 ", DivisionSeparator::dash},  // em dash
      {" - ", DivisionSeparator::dash},
      {": ", DivisionSeparator::colon},
  }};
  std::size_t best = std::string_view::npos;
  std::pair<std::string_view, DivisionSeparator> found{};
  for (const auto& s : kSeparators) {
    const std::size_t at = t.find(s.first);
    if (at != std::string_view::npos && at < best) {
      best = at;
      found = s;
    }
  }
  if (best != std::string_view::npos && best > 0) {
    const std::string_view head = t.substr(0, best);
    const std::string_view rest = text::trim(t.substr(best + found.first.size()));
    if (!rest.empty() && is_division(text::trim(head))) {
      set(e, head, rest);
      return found.second;
    }
  }
  // "Bibliothek (Dezernat IV)", "Bibliothek, Stadtarchiv (Dezernat IV)".
  if (t.back() == ')') {
    const std::size_t open = t.rfind(" (");
    if (open != std::string_view::npos && open > 0) {
      const std::string_view inner = t.substr(open + 2, t.size() - open - 3);
      if (is_division(text::trim(inner))) {
        set(e, inner, t.substr(0, open));
        return DivisionSeparator::parentheses;
      }
    }
  }
  return DivisionSeparator::none;
}

}  // namespace eduplan
