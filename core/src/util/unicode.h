// Unicode canonicalisation of document text, through utf8proc (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eduplan::unicode {

// What canonicalize() changed, so that it can be reported (never silently).
struct Changes {
  std::size_t composed = 0;   // code points in decomposed form (NFD, as macOS writes) composed
  std::size_t spaces = 0;     // other space characters (no-break, narrow, ideographic …) made ' '
  std::size_t invisible = 0;  // soft hyphens and zero-width characters removed
  std::size_t quotes = 0;     // typographic quotation marks („“”«» ‚‘’) made " and '
  std::size_t controls = 0;   // control characters (C0 but TAB, LF, CR; DEL; C1) removed
  std::size_t letters = 0;    // ligatures (ﬁ, ﬂ …) spelt out, hyphens (U+2010, U+2011) made '-'
  std::size_t first_offset = SIZE_MAX;  // byte offset in the input of the first change
  bool any() const { return composed + spaces + invisible + quotes + controls + letters > 0; }
};

// NFC; every space character (Unicode category Zs, line and paragraph separators, and TAB)
// becomes ' '; soft hyphen (U+00AD), zero-width space/joiners (U+200B–U+200D), word joiner
// (U+2060), BOM (U+FEFF) and the direction marks and embeddings (U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) are removed; the ligatures U+FB00–U+FB06 (as PDF copies give them) are spelt
// out and the hyphens U+2010, U+2011 become '-';
// typographic quotation marks become " and ' (Word and pandoc turn straight quotes into curly
// ones: one plan, one kind of quotes); if `remove_controls`, control characters (U+0001–U+001F
// but TAB, LF and CR; U+007F; U+0080–U+009F) are removed, a vertical tab or form feed becomes
// ' ' (the Markdown reader does so; the other readers report their text changes themselves).
// Line breaks are kept, and tabs too if `keep_tabs` (data, not prose). `text` must be valid
// UTF-8. `changes` may be null.
std::string canonicalize(std::string_view text, Changes* changes = nullptr, bool keep_tabs = false,
                         bool remove_controls = false);

// Lower case per code point (Unicode simple case mapping: Ä → ä, Σ → σ; ß stays ß), for keys
// and comparisons that ignore case.
std::string lower(std::string_view text);

// A name as people type it, for comparing: canonical (canonicalize: NFC, no-break and other
// spaces, quotes), lower case, without spaces at either end. "Begonnen\u00A0" and "begonnen",
// "Verzo\u0308gert" and "verzögert" fold alike.
std::string folded(std::string_view text);

// The code point at s[i] and its length in bytes (valid UTF-8 assumed; 1 for a stray byte).
char32_t decode(std::string_view s, std::size_t i, std::size_t& length);
void append_utf8(std::string& out, char32_t c);

// Whether `c` is a symbol or emoji and what joins them (Unicode categories So, Sk, Sm, and the
// variation selectors and joiners an emoji is built with): a picture before a title, no word.
bool is_symbol(char32_t c);

}  // namespace eduplan::unicode
