// Text as OOXML strings hold it (internal to xlsxkit).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eduplan::xlsxkit {

// OOXML writes characters XML cannot hold as "_xHHHH_", and spreadsheet programs decode every
// such sequence when they read a cell's string or a sheet's name (LibreOffice not in page
// headers): literal text of that shape would change ("_x0041_" would read as "A"). Its underscore
// is written "_x005F_" so that it reads back as itself.
std::string escape_ooxml_sequences(std::string_view s);

// Whether `s` holds a "_xHHHH_" sequence at `at`.
bool ooxml_sequence_at(std::string_view s, std::size_t at);

// `s` without control characters (U+0000–U+001F, U+007F, U+0080–U+009F): XML 1.0 cannot hold
// most of them, so a part with one is broken. For text from a database other software may have
// written, where a name or title could hold one.
std::string without_controls(std::string_view s);

// At most `max_bytes` of UTF-8 `s`, cut before a whole character.
std::string_view first_bytes(std::string_view s, std::size_t max_bytes);

}  // namespace eduplan::xlsxkit
