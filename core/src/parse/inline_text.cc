#include "parse/inline_text.h"

#include <libxml/HTMLparser.h>

#include <array>

#include "util/text.h"
#include "util/unicode.h"

namespace eduplan::inline_text {
namespace {

constexpr std::array<std::string_view, 10> kFormatTags = {
    "<b>", "</b>", "<strong>", "</strong>", "<i>", "</i>", "<em>", "</em>", "<u>", "</u>"};

// Inline tags that may carry attributes and only mark up or anchor text: <span id="x">,
// <a name="x"></a>, <font …>, as converters and web pages leave them.
constexpr std::array<std::string_view, 5> kAttributeTags = {"span", "a", "font", "sup", "sub"};

// The length of an inline tag with attributes at s[i] ('<'), or 0.
std::size_t attribute_tag_at(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  for (auto name : kAttributeTags) {
    if (!text::starts_with_icase(s.substr(j), name)) continue;
    const std::size_t after = j + name.size();
    if (after >= s.size() || !(s[after] == '>' || s[after] == ' ' || s[after] == '/')) continue;
    const std::size_t close = s.find('>', after);
    if (close == std::string_view::npos || close - i > 300) return 0;
    return close - i + 1;
  }
  return 0;
}

// pandoc's bracketed spans: "[]{#anchor}" is removed, "[text]{.class}" is "text".
std::size_t span_at(std::string_view s, std::size_t i, std::string_view& inner) {
  const std::size_t close = s.find("]{", i);
  if (close == std::string_view::npos || s.find(']', i) != close) return 0;
  const std::size_t end = s.find('}', close);
  if (end == std::string_view::npos || end - close > 300) return 0;
  const std::string_view attrs = text::trim(s.substr(close + 2, end - close - 2));
  if (attrs.empty() ||
      !(attrs.front() == '#' || attrs.front() == '.' || attrs.find('=') != std::string_view::npos))
    return 0;
  inner = s.substr(i + 1, close - i - 1);
  return end - i + 1;
}

std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      bool tag = false;
      for (auto t : kFormatTags) {
        if (text::starts_with_icase(s.substr(i), t)) {
          i += t.size() - 1;
          tag = true;
          break;
        }
      }
      if (tag) continue;
      if (const std::size_t n = attribute_tag_at(s, i)) {
        i += n - 1;
        continue;
      }
    }
    if (s[i] == '[' && (i == 0 || s[i - 1] != '\\')) {
      std::string_view inner;
      if (const std::size_t n = span_at(s, i, inner)) {
        out.append(inner);
        i += n - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

bool escaped(std::string_view s, std::size_t i) {
  std::size_t backslashes = 0;
  while (i > backslashes && s[i - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

// Removes every unescaped occurrence of `mark` if there is an even number of them.
void remove_pairs(std::string& s, std::string_view mark) {
  std::size_t count = 0;
  for (std::size_t p = s.find(mark); p != std::string::npos; p = s.find(mark, p + mark.size()))
    count += !escaped(s, p);
  if (count == 0 || count % 2 != 0) return;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, mark.size(), mark) == 0 && !escaped(s, i)) {
      i += mark.size();
      continue;
    }
    out += s[i++];
  }
  s = std::move(out);
}

std::string strip_emphasis(std::string s) {
  remove_pairs(s, "**");
  remove_pairs(s, "__");
  std::string_view v = text::trim(s);
  for (char mark : {'*', '_'}) {
    if (v.size() > 2 && v.front() == mark && v.back() == mark && !escaped(v, v.size() - 1)) {
      v = text::trim(v.substr(1, v.size() - 2));
    }
  }
  return std::string(v);
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// The code point of the entity starting at s[i] ('&'), and its length; 0 if it is none.
char32_t entity_at(std::string_view s, std::size_t i, std::size_t& length) {
  const std::size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 32 || semi == i + 1) return 0;
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  length = semi - i + 1;
  if (body.front() == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    char32_t value = 0;
    for (char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    const bool valid = value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
    return valid ? value : 0;
  }
  for (char c : body) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return 0;
  }
  const std::string name(body);
  const htmlEntityDesc* desc = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  return desc ? static_cast<char32_t>(desc->value) : 0;
}

}  // namespace

std::string plain(std::string_view s, Counts* counts) {
  const std::string stripped = strip_emphasis(strip_tags(s));
  std::string out;
  out.reserve(stripped.size());
  bool decoded = false;
  for (std::size_t i = 0; i < stripped.size(); ++i) {
    const char c = stripped[i];
    if (c == '\\' && i + 1 < stripped.size() && is_ascii_punctuation(stripped[i + 1])) {
      out += stripped[++i];
      if (counts) ++counts->escapes;
      continue;
    }
    if (c == '&') {
      std::size_t length = 0;
      if (const char32_t cp = entity_at(stripped, i, length)) {
        unicode::append_utf8(out, cp);
        i += length - 1;
        decoded = true;
        if (counts) ++counts->entities;
        continue;
      }
    }
    out += c;
  }
  // An entity may have produced a no-break space or a soft hyphen.
  if (decoded) out = unicode::canonicalize(out);
  return text::collapse_spaces(out);
}

bool fully_bold(std::string_view s) {
  s = text::trim(s);
  auto wrapped = [&](std::string_view open, std::string_view close) {
    return s.size() > open.size() + close.size() && text::starts_with_icase(s, open) &&
           text::iequals(s.substr(s.size() - close.size()), close);
  };
  return wrapped("**", "**") || wrapped("__", "__") || wrapped("<b>", "</b>") ||
         wrapped("<strong>", "</strong>");
}

}  // namespace eduplan::inline_text
