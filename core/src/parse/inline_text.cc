#include "parse/inline_text.h"

#include <libxml/HTMLparser.h>

#include <array>
#include <utility>
#include <vector>

#include "util/text.h"
#include "util/unicode.h"

namespace eduplan::inline_text {
namespace {

constexpr std::array<std::string_view, 10> kFormatTags = {
    "<b>", "</b>", "<strong>", "</strong>", "<i>", "</i>", "<em>", "</em>", "<u>", "</u>"};

// Inline tags that may carry attributes and only mark up or anchor text: <span id="x">,
// <a name="x"></a>, <font …>, as converters and web pages leave them.
constexpr std::array<std::string_view, 10> kAttributeTags = {
    "span", "a", "font", "sup", "sub", "mark", "small", "code", "ins", "abbr"};

// Tags of deleted text: their content is dropped like "~~…~~".
constexpr std::array<std::string_view, 3> kDeletedTags = {"del", "strike", "s"};

// Deleted text "<del>…</del>", "<s>…</s>", "<strike>…</strike>" (any case, the opening tag
// with attributes) at s[i] ('<'): its length (0 if it is none) and its content.
std::size_t deleted_at(std::string_view s, std::size_t i, std::string_view& inner) {
  for (auto name : kDeletedTags) {
    const std::size_t after = i + 1 + name.size();
    if (!text::starts_with_icase(s.substr(i + 1), name) || after >= s.size() ||
        !(s[after] == '>' || s[after] == ' '))
      continue;
    const std::size_t open_end = s.find('>', after);
    if (open_end == std::string_view::npos || open_end - i > 300) return 0;
    const std::string close = "</" + std::string(name) + ">";
    std::size_t end = open_end + 1;
    while (end < s.size() && !text::starts_with_icase(s.substr(end), close)) {
      end = s.find('<', end + 1);
      if (end == std::string_view::npos) return 0;
    }
    if (end >= s.size()) return 0;
    inner = s.substr(open_end + 1, end - open_end - 1);
    return end + close.size() - i;
  }
  return 0;
}

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

// A footnote reference "[^label]" at s[i] ('['): its length (0 if it is none) and label. A
// footnote's definition ("[^1]: text" at the start of a line) is not a reference.
std::size_t footnote_at(std::string_view s, std::size_t i, std::string_view& label) {
  if (i + 2 >= s.size() || s[i + 1] != '^') return 0;
  const std::size_t close = s.find(']', i + 2);
  if (close == std::string_view::npos || close - i > 100 || close == i + 2) return 0;
  label = s.substr(i + 2, close - i - 2);
  if (label.find_first_of("[ ") != std::string_view::npos) return 0;
  if (i == 0 && close + 1 < s.size() && s[close + 1] == ':') return 0;
  return close - i + 1;
}

// A footnote's mark in brackets glued to a word, as converters write it ("Kitas[1]",
// "evaluieren[12]"): its length, or 0. Not after a space, and not a link or reference
// ("[1](…)", "[1][a]", "[1]{…}", "[1]:").
std::size_t bracket_mark_at(std::string_view s, std::size_t i) {
  if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '!' || s[i - 1] == ']' || s[i - 1] == '[') return 0;
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 3 && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == i + 1 || j >= s.size() || s[j] != ']') return 0;
  if (j + 1 < s.size() &&
      (s[j + 1] == '(' || s[j + 1] == '[' || s[j + 1] == '{' || s[j + 1] == ':'))
    return 0;
  return j + 1 - i;
}

// A link "[text](address)" at s[i] ('['): its length (0 if it is none) and text.
std::size_t link_at(std::string_view s, std::size_t i, std::string_view& inner) {
  const std::size_t close = s.find(']', i + 1);
  if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(') return 0;
  if (s.substr(i + 1, close - i - 1).find('[') != std::string_view::npos) return 0;
  const std::size_t end = s.find(')', close + 2);
  if (end == std::string_view::npos || end - close > 2000) return 0;
  const std::string_view address = s.substr(close + 2, end - close - 2);
  if (address.find_first_of("()") != std::string_view::npos) return 0;
  inner = s.substr(i + 1, close - i - 1);
  return end - i + 1;
}

// "<sup>1</sup>", "<sup>*</sup>", "<sup>12,3</sup>" (any case): a footnote's mark, whose
// footnote is not read. Its length, or 0.
std::size_t footnote_mark_at(std::string_view s, std::size_t i) {
  if (!text::starts_with_icase(s.substr(i), "<sup>")) return 0;
  const std::size_t from = i + 5;
  std::size_t j = from;
  while (j < s.size() && j - from < 8 &&
         ((s[j] >= '0' && s[j] <= '9') || s[j] == '*' || s[j] == ',' || s[j] == ')' ||
          s[j] == '[' || s[j] == ']'))
    ++j;
  if (j == from || !text::starts_with_icase(s.substr(j), "</sup>")) return 0;
  return j + 6 - i;
}

// pandoc's superscript of a footnote's mark, "^1^", "^2,3^", "^*^" (digits, '*' and ','
// only: other superscript text stays text). Its length, or 0.
std::size_t caret_mark_at(std::string_view s, std::size_t i) {
  if (s[i] != '^' || (i > 0 && s[i - 1] == '\\')) return 0;
  std::size_t j = i + 1;
  while (j < s.size() && j - i <= 8 &&
         ((s[j] >= '0' && s[j] <= '9') || s[j] == '*' || s[j] == ','))
    ++j;
  if (j == i + 1 || j >= s.size() || s[j] != '^' || s[j - 1] == ',') return 0;
  return j + 1 - i;
}

// The length of the Unicode superscript digit (¹ ² ³ ⁰ ⁴ … ⁹) at s[i], or 0.
std::size_t superscript_digit_at(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  if (b(i) == 0xC2 && (b(i + 1) == 0xB9 || b(i + 1) == 0xB2 || b(i + 1) == 0xB3)) return 2;
  if (b(i) == 0xE2 && b(i + 1) == 0x81 &&
      (b(i + 2) == 0xB0 || (b(i + 2) >= 0xB4 && b(i + 2) <= 0xB9)))
    return 3;
  return 0;
}

// Superscript digits glued to a word ("Kitas¹", "evaluieren²³"): a footnote's mark. Not after
// a unit of length ("m²", "km²", "cm³"), where they are the power. Their length, or 0.
std::size_t superscript_mark_at(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (const std::size_t k = superscript_digit_at(s, i + n)) n += k;
  if (n == 0 || i == 0 || s[i - 1] == ' ') return 0;
  return ends_with_length_unit(s.substr(0, i)) ? 0 : n;
}

// The length of a comment closed within `s` that starts at s[i]: "<!-- … -->", or Obsidian's
// "%% … %%" (hidden in its reading view); 0 if none starts there or it is not closed.
std::size_t closed_comment_at(std::string_view s, std::size_t i) {
  static constexpr std::pair<std::string_view, std::string_view> kComments[] = {{"<!--", "-->"},
                                                                               {"%%", "%%"}};
  for (const auto& [open, close] : kComments) {
    if (s.compare(i, open.size(), open) != 0) continue;
    const std::size_t end = s.find(close, i + open.size());
    return end == std::string_view::npos ? 0 : end + close.size() - i;
  }
  return 0;
}

std::string strip_tags(std::string_view s, Counts* counts) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (const std::size_t n = closed_comment_at(s, i)) {  // a comment: not content
      if (counts) ++counts->comments;
      out += ' ';
      i += n - 1;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      // Never closed: the rest of this text is the comment; left out, and said. (An unclosed
      // "%%" is text: a percent sign typed twice.)
      if (counts)
        counts->dropped.push_back({Dropped::Kind::comment, std::string(text::trim(s.substr(i))), 0});
      break;
    }
    if (const std::size_t n = footnote_mark_at(s, i)) {  // <sup>1</sup>: a footnote's mark
      if (counts)
        counts->dropped.push_back({Dropped::Kind::footnote, std::string(s.substr(i, n)), 0});
      i += n - 1;
      continue;
    }
    if (const std::size_t n = s[i] == '^' ? caret_mark_at(s, i) : superscript_mark_at(s, i)) {
      if (counts)  // "^1^", "¹": a footnote's mark, as <sup>1</sup>
        counts->dropped.push_back({Dropped::Kind::footnote, std::string(s.substr(i, n)), 0});
      i += n - 1;
      continue;
    }
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
      std::string_view deleted;
      if (const std::size_t n = deleted_at(s, i, deleted)) {
        const std::string struck(text::trim(deleted));
        if (counts && !struck.empty())
          counts->dropped.push_back({Dropped::Kind::struck, struck, 0});
        out += ' ';
        i += n - 1;
        continue;
      }
      if (const std::size_t n = attribute_tag_at(s, i)) {
        i += n - 1;
        continue;
      }
    }
    if (s.compare(i, 2, "[[") == 0 && (i == 0 || s[i - 1] != '\\')) {
      // An Obsidian link to another note, [[Target]] or [[Target|shown]] ("\|" in a table): the
      // text it shows.
      const std::size_t end = s.find("]]", i + 2);
      const std::string_view inner =
          end == std::string_view::npos ? std::string_view() : s.substr(i + 2, end - i - 2);
      if (!inner.empty() && inner.find('[') == std::string_view::npos &&
          inner.find('\n') == std::string_view::npos) {
        std::string_view shown = inner;
        if (const std::size_t bar = inner.rfind('|'); bar != std::string_view::npos)
          shown = inner.substr(bar + 1);
        if (counts) ++counts->links;
        out.append(text::trim(shown));
        i = end + 1;
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
      if (const std::size_t n = footnote_at(s, i, inner)) {
        if (counts)
          counts->dropped.push_back(
              {Dropped::Kind::footnote, "[^" + std::string(inner) + "]", 0});
        i += n - 1;
        continue;
      }
      if (const std::size_t n = bracket_mark_at(s, i)) {  // "Kitas[1]"
        if (counts)
          counts->dropped.push_back({Dropped::Kind::footnote, std::string(s.substr(i, n)), 0});
        i += n - 1;
        continue;
      }
      if (const std::size_t n = link_at(s, i, inner)) {
        if (!out.empty() && out.back() == '!' && (i < 2 || s[i - 2] != '\\')) out.pop_back();
        if (counts) ++counts->links;
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

// Struck-through text "~~…~~" removed, each listed in `counts->dropped`; an unpaired "~~"
// stays.
std::string strip_struck(std::string s, Counts* counts) {
  if (s.find("~~") == std::string::npos) return s;
  std::string out;
  std::size_t open = std::string::npos;  // where the pending "~~" is
  std::size_t kept = 0;                  // s[kept, …) is not yet in `out`
  for (std::size_t i = s.find("~~"); i != std::string::npos; i = s.find("~~", i)) {
    if (escaped(s, i)) {
      i += 1;
      continue;
    }
    if (open == std::string::npos) {
      open = i;
    } else {
      out.append(s, kept, open - kept);
      out += ' ';
      const std::string struck(text::trim(std::string_view(s).substr(open + 2, i - open - 2)));
      if (counts && !struck.empty()) counts->dropped.push_back({Dropped::Kind::struck, struck, 0});
      kept = i + 2;
      open = std::string::npos;
    }
    i += 2;
  }
  out.append(s, kept, std::string::npos);
  return out;
}

bool word_boundary(const std::string& s, std::size_t i) {  // i may be -1 (as npos) or size()
  if (i >= s.size()) return true;
  const char c = s[i];
  return c == ' ' || (c != '*' && c != '_' && c > 0 && c < 0x7F && !(c >= '0' && c <= '9') &&
                      !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'));
}

// Single-mark emphasis "*text*" or "_text_": an opening mark at the start of a word (white
// space or punctuation before it, none after), a closing one at the end of a word. A mark
// inside a word ("Schüler*innen", "FB_01") is text.
void remove_word_emphasis(std::string& s, char mark) {
  std::vector<std::size_t> drop;  // positions of marks to remove, in order
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != mark || escaped(s, i)) continue;
    const bool before_space = i == 0 || s[i - 1] == ' ';
    const bool after_space = i + 1 >= s.size() || s[i + 1] == ' ';
    if (open != std::string::npos && !before_space && word_boundary(s, i + 1)) {
      drop.push_back(open);
      drop.push_back(i);
      open = std::string::npos;
    } else if (!after_space && word_boundary(s, i - 1)) {
      open = i;
    }
  }
  if (drop.empty()) return;
  std::string out;
  std::size_t k = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (k < drop.size() && drop[k] == i) {
      ++k;
      continue;
    }
    out += s[i];
  }
  s = std::move(out);
}

std::string strip_emphasis(std::string s) {
  remove_pairs(s, "**");
  remove_pairs(s, "__");
  remove_pairs(s, "`");   // inline code: its text
  remove_pairs(s, "==");  // a highlight (Obsidian, Typora, pandoc's mark): its text, as <mark>
  std::string_view v = text::trim(s);
  for (char mark : {'*', '_'}) {
    if (v.size() > 2 && v.front() == mark && v.back() == mark && !escaped(v, v.size() - 1)) {
      v = text::trim(v.substr(1, v.size() - 2));
    }
  }
  std::string out(v);
  // Only '*' inside text: '_' also joins identifiers and codes ("FB_01", "_x0041_"), and
  // converters write emphasis with '*'.
  remove_word_emphasis(out, '*');
  return out;
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

bool ends_with_length_unit(std::string_view before) {  // constant time: only its end is read
  for (std::string_view unit : {"m", "km", "cm", "mm", "dm", "qm"}) {
    if (!before.ends_with(unit)) continue;
    const std::size_t at = before.size() - unit.size();
    if (at == 0 || before[at - 1] == ' ' || (before[at - 1] >= '0' && before[at - 1] <= '9'))
      return true;
  }
  return false;
}

std::string unwrap_raw_html(std::string_view s) {
  constexpr std::string_view kSuffix = "`{=html}";
  if (s.find(kSuffix) == std::string_view::npos) return std::string(s);
  std::string out;
  std::size_t kept = 0;
  for (std::size_t end = s.find(kSuffix); end != std::string_view::npos;
       end = s.find(kSuffix, end + 1)) {
    const std::size_t open = s.rfind('`', end == 0 ? 0 : end - 1);
    if (open == std::string_view::npos || open < kept || end - open > 300 || open + 1 >= end ||
        s[open + 1] != '<')
      continue;
    out.append(s.substr(kept, open - kept));
    out.append(s.substr(open + 1, end - open - 1));
    kept = end + kSuffix.size();
  }
  out.append(s.substr(kept));
  return out;
}

std::string plain(std::string_view s, Counts* counts) {
  const std::string raw = unwrap_raw_html(s);
  const std::string stripped = strip_emphasis(strip_struck(strip_tags(raw, counts), counts));
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
