// Markdown inline text as plain text (internal): formatting removed, HTML entities and
// backslash escapes decoded. Line breaks (<br>) are not handled here: cells and lines are split
// at them first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::inline_text {

// Text that plain() left out and that may have been meant as content: struck-through text
// ("~~bis 2024~~", deleted text in an administrative document) and footnote references
// ("[^1]", whose footnote is not read). Each is reported with its line.
struct Dropped {
  // struck: "~~…~~", <del>; footnote: "[^1]", <sup>1</sup>; comment: "<!--" never closed (only
  // its line is left out); code: a fenced code block ("```", "~~~", <pre>); checkbox: a task
  // list's "[ ]" / "[x]".
  enum class Kind { struck, footnote, comment, code, checkbox };
  Kind kind = Kind::struck;
  std::string text;  // as written, without the markers
  int line = 0;      // set by the caller, which knows lines (0 until then)
};

// What plain() decoded or removed, for the findings that report it.
struct Counts {
  std::size_t entities = 0;  // &quot; &#58; &#x2013; …
  std::size_t escapes = 0;   // \( \* \_ …
  std::size_t comments = 0;  // <!-- … --> inside a line
  std::size_t links = 0;     // [text](url): the text is kept, the address left out
  int first_line = 0;        // where the first was found (set by the caller, which knows lines)
  std::vector<Dropped> dropped;
  std::size_t total() const { return entities + escapes + comments + links; }
};

// `s` as plain text:
// - formatting tags <b> <strong> <i> <em> <u> (and their closing tags, any case) removed;
//   so are <span …>, <a …>, <font …>, <sup>, <sub> with any attributes (their text is kept),
//   pandoc's anchors "[]{#id}", and the brackets of spans "[text]{.class}";
// - HTML comments "<!-- … -->" removed (counted);
// - links "[text](url)" and images "![text](url)" as their text (counted); inline code
//   "`code`" as its text;
// - struck-through text "~~…~~" and footnote references "[^1]" removed and listed in
//   `counts->dropped`;
// - emphasis removed: ** and __ pairs anywhere, * or _ pairs that open at the start of a word
//   and close at the end of one (so that "Schüler*innen" keeps its star);
// - HTML entities decoded: named (HTML 4, through libxml2's table) and numeric (&#58; &#x3A;);
//   an unknown or invalid entity stays as it was;
// - backslash escapes of ASCII punctuation removed (CommonMark): "\(" is "(";
// - white space collapsed and trimmed.
std::string plain(std::string_view s, Counts* counts = nullptr);

// True if `before` ends with a unit of length ("m", "km", "cm", "mm", "dm", "qm") as a word of
// its own or after a number ("100 m", "10km"): a superscript digit after it is a power
// ("m²"), not a footnote's mark.
bool ends_with_length_unit(std::string_view before);

// pandoc's raw inline HTML "`<br>`{=html}" as the bare tag "<br>".
std::string unwrap_raw_html(std::string_view s);

// True if the whole of `s` is bold: **…**, __…__, <b>…</b> or <strong>…</strong>.
bool fully_bold(std::string_view s);

}  // namespace eduplan::inline_text
