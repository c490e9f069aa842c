// Markdown inline text as plain text (internal): formatting removed, HTML entities and
// backslash escapes decoded. Line breaks (<br>) are not handled here: cells and lines are split
// at them first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eduplan::inline_text {

// What plain() decoded, for the finding that reports canonicalisation.
struct Counts {
  std::size_t entities = 0;  // &quot; &#58; &#x2013; …
  std::size_t escapes = 0;   // \( \* \_ …
  int first_line = 0;        // where the first was found (set by the caller, which knows lines)
  std::size_t total() const { return entities + escapes; }
};

// `s` as plain text:
// - formatting tags <b> <strong> <i> <em> <u> (and their closing tags, any case) removed;
//   so are <span …>, <a …>, <font …>, <sup>, <sub> with any attributes (their text is kept),
//   pandoc's anchors "[]{#id}", and the brackets of spans "[text]{.class}";
// - emphasis removed: ** and __ pairs anywhere, * or _ only around the whole text (so that
//   "Schüler*innen" keeps its star);
// - HTML entities decoded: named (HTML 4, through libxml2's table) and numeric (&#58; &#x3A;);
//   an unknown or invalid entity stays as it was;
// - backslash escapes of ASCII punctuation removed (CommonMark): "\(" is "(";
// - white space collapsed and trimmed.
std::string plain(std::string_view s, Counts* counts = nullptr);

// True if the whole of `s` is bold: **…**, __…__, <b>…</b> or <strong>…</strong>.
bool fully_bold(std::string_view s);

}  // namespace eduplan::inline_text
