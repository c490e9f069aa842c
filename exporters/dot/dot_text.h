// Text in a DOT file that Graphviz reads back as it was written: valid UTF-8 without control
// characters, short enough for its scanner, escaped for a quoted string and for the character
// entities Graphviz decodes in labels.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eduplan::dot_exporter {

// The longest label in bytes, "…" included. Graphviz 2.43 cannot read a quoted string with more
// than about 16,380 bytes between escapes; escaping makes a label at most five times longer.
inline constexpr std::size_t kMaxLabelBytes = 1000;

// Valid UTF-8: each byte of an invalid sequence (Latin-1 text, a cut sequence, an encoded
// surrogate) becomes U+FFFD; LF stays, TAB becomes a space, other control characters (C0, DEL,
// C1, NUL included) and the non-characters U+FFFE and U+FFFF are dropped — none of them can
// appear in the SVG that Graphviz writes.
std::string clean(std::string_view text);

// `text` (valid UTF-8) if it has at most `max_bytes` bytes, else its beginning with "…" within
// `max_bytes`: never cut inside a UTF-8 sequence, before the last word if that starts near the
// end, without trailing spaces or line breaks.
std::string cut(std::string_view text, std::size_t max_bytes);

// A DOT quoted string of clean(text): \ and " escaped, line breaks as \n, & as &amp; (Graphviz
// decodes &lt;, &#65; … in labels, so "&lt;" in the data would print as "<").
std::string quote(std::string_view text);

// A label: quote() of the text cut to kMaxLabelBytes.
std::string label(std::string_view text);

// Text broken into lines of about `width` characters at spaces, for a node's label.
std::string wrap(std::string_view text, std::size_t width);

}  // namespace eduplan::dot_exporter
