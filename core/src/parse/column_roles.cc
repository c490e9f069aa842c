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

namespace {

// The label without trailing colons and spaces, in lower case.
std::string label_key(std::string_view text) {
  std::string_view t = text::trim(text);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  return unicode::lower(t);
}

bool label_word(std::string_view w) {
  w = text::trim(w);
  for (std::string_view word : {"ableitungen", "ableitung", "ziele", "ziel", "zielsetzungen",
                                "zielsetzung"}) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

bool is_objectives_label(std::string_view text) {
  const std::string key = label_key(text);
  if (label_word(key)) return true;
  // "Ableitungen / Ziele", "Ziele und Ableitungen", "Ableitungen, Ziele": each part a label.
  std::string_view rest = key;
  bool parts = false;
  while (!rest.empty()) {
    std::size_t cut = rest.find_first_of("/,&");
    std::size_t skip = 1;
    if (const std::size_t und = rest.find(" und "); und < cut) {
      cut = und;
      skip = 5;
    }
    if (!label_word(rest.substr(0, cut))) return false;
    parts = parts || cut != std::string_view::npos;
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + skip);
  }
  return parts;
}

bool is_objectives_synonym(std::string_view text) {
  const std::string key = label_key(text);
  return is_objectives_label(text) && key != "ableitungen" && key != "ableitung";
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
