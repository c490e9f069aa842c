#include "parse/column_roles.h"

#include <initializer_list>

#include "eduplan/language.h"
#include "parse/document_parser.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

bool contains_any(const std::string& lowered, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (lowered.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Role role_of(std::string_view header) {
  const std::string t = unicode::lower(header);
  if (contains_any(t, {"ableitung"})) return Role::objectives;
  if (contains_any(t, {"schwerpunkt", "maßnahme", "massnahme"})) return Role::focus;
  if (contains_any(t, {"verwaltungsbereich", "zuständig", "zustaendig", "federführ", "federfuehr",
                       "verantwortlich", "befasst", "organisationseinheit"}))
    return Role::units;
  return Role::none;
}

bool is_objectives_label(std::string_view text) {
  std::string_view t = text::trim(text);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  const std::string lowered = unicode::lower(t);
  return lowered == "ableitungen" || lowered == "ableitung";
}

bool is_focus_label(std::string_view text) {
  return role_of(text) == Role::focus && text.size() < 80 && field_title(text) == std::nullopt;
}

std::string column_name(const Cell& cell, std::size_t column) {
  std::string name = cell.text();
  while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
  return name.empty() ? tr({"Spalte {0}", "Column {0}"}, column + 1) : name;
}

}  // namespace eduplan
