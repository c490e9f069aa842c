// Small text helpers shared by the reader, the rules and the storage (internal).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::text {

// Byte offset of the first byte that is not part of valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or nothing.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// `s` with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string to_valid_utf8(std::string_view s);

// Byte offset of the first control character in UTF-8 `s` — C0 (U+0000–U+001F, line breaks and
// tabs included), DEL (U+007F) or C1 (U+0080–U+009F) — or nothing. XML 1.0 cannot hold most of
// C0 (an XLSX part with one is broken), and terminals act on C0, DEL and C1.
std::optional<std::size_t> find_control(std::string_view s);

// Byte offset of the first character XML 1.0 cannot hold at all: C0 controls other than tab,
// line feed and carriage return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), or nothing.
std::optional<std::size_t> find_xml_invalid(std::string_view s);

// The byte offset of the first character that shows nothing (a soft hyphen, a zero-width space
// or joiner, a direction mark or override, a line or paragraph separator, a byte order mark), or
// nothing: two names that differ only by one look the same in every list.
std::optional<std::size_t> find_invisible(std::string_view s);
// Whether `s` begins or ends with a space of any kind (ASCII, no-break, the typographic spaces,
// the ideographic space).
bool padded_with_space(std::string_view s);

// `s` without its control characters (find_control).
std::string without_controls(std::string_view s);

// Throws UsageError if `value` is not valid UTF-8 or holds a control character (find_control);
// `what` names it in the message ("--plan", "the plan's name"). For names, titles and option
// values that are stored, exported and printed: one line of printable text.
void require_printable_utf8(std::string_view what, std::string_view value);

bool is_space(char c);
std::string_view trim(std::string_view s);
// Trims and replaces every run of white space by one space.
std::string collapse_spaces(std::string_view s);
// Lower-cases ASCII letters and the Latin-1 capitals U+00C0..U+00DE (except U+00D7).
std::string fold_case(std::string_view s);
std::string& fold_case_in_place(std::string& s);
bool iequals(std::string_view a, std::string_view b);  // equal after fold_case
bool starts_with_icase(std::string_view s, std::string_view prefix);

std::string replace_all(std::string_view s, std::string_view from, std::string_view to);
// Splits at `sep`; keeps empty parts.
std::vector<std::string_view> split(std::string_view s, char sep);

// 1-based line number of byte `offset` in `s`.
int line_of_offset(std::string_view s, std::size_t offset);

}  // namespace eduplan::text
