// Field headings: the title of a field in a heading, numbering taken off.
#include <optional>
#include <string>
#include <string_view>

#include "parse/document_parser.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

std::string_view strip_roman_or_number(std::string_view s, bool need_separator) {
  std::size_t n = 0;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
  if (n == 0) {
    while (n < s.size() && std::string_view("IVXLC").find(s[n]) != std::string_view::npos) ++n;
    need_separator = true;  // "Handlungsfeld Mix" is a title, "Handlungsfeld IV:" a number
  }
  if (n == 0) return s;
  std::string_view rest = s.substr(n);
  const std::string_view trimmed = text::trim(rest);
  const bool separator = trimmed.empty() || trimmed.starts_with(":") || trimmed.starts_with(".") ||
                         trimmed.starts_with(")") || trimmed.starts_with("-") ||
                         trimmed.starts_with("–") || trimmed.starts_with("—");
  if (need_separator && !separator) return s;
  if (!need_separator && !separator && !rest.starts_with(' ')) return s;
  return rest;
}

std::string_view strip_separators(std::string_view s) {
  for (;;) {
    s = text::trim(s);
    bool stripped = false;
    for (std::string_view sep : {":", ".", ")", "-", "–", "—"}) {
      if (s.starts_with(sep)) {
        s.remove_prefix(sep.size());
        stripped = true;
      }
    }
    if (!stripped) return s;
  }
}

// Pictures in front of a heading (Notion, Obsidian: "🏫 Handlungsfeld …"): no part of its words.
std::string_view without_leading_symbols(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) {
    std::size_t length = 0;
    const char32_t c = unicode::decode(s, i, length);
    if (length == 0 || !unicode::is_symbol(c)) break;
    i += length;
  }
  return text::trim(s.substr(i));
}

}  // namespace

std::optional<std::string> field_title(std::string_view heading, bool* numbered) {
  constexpr std::string_view kWord = "Handlungsfeld";
  std::string_view s = without_leading_symbols(text::trim(heading));
  // Numbering in front: "1.", "1)", "2.3", "I.", "IV)".
  std::string_view unnumbered = text::trim(strip_roman_or_number(s, false));
  const bool leading_number = unnumbered.size() != s.size();
  if (leading_number) unnumbered = strip_separators(unnumbered);  // "I. Handlungsfeld"
  s = unnumbered;
  if (!text::starts_with_icase(s, kWord)) return std::nullopt;
  std::string_view rest = s.substr(kWord.size());
  auto letter = [](std::string_view t) {
    if (t.empty()) return false;
    const auto c = static_cast<unsigned char>(t.front());
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  };
  if (letter(rest)) return std::nullopt;
  // A compound word ("Handlungsfeld-übergreifende Ableitungen", "Handlungsfeld-Übersicht") is
  // not a field's name.
  if (rest.starts_with('-') && letter(rest.substr(1))) return std::nullopt;
  // Numbering after the word: "Handlungsfeld 1:", "Handlungsfeld 1 –", "Handlungsfeld IV."
  const std::string_view trimmed = text::trim(rest);
  const std::string_view after_number = strip_roman_or_number(trimmed, false);
  const bool trailing_number = after_number.size() != trimmed.size();
  std::string_view title = strip_separators(after_number);
  // A colon after the title ("Handlungsfeld MINT:") only introduces what follows.
  while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.remove_suffix(1);
  if (numbered) *numbered = (leading_number || trailing_number) && !title.empty();
  if (title.empty()) return std::string(text::trim(heading));
  return std::string(title);
}

}  // namespace eduplan
