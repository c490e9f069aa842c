// Entries that set their division off with something other than "/" (internal): "Dezernat IV –
// Bibliothek", "Dezernat IV - Bibliothek", "Dezernat IV: Bibliothek", "Bibliothek (Dezernat IV)".
// Other cities write them so; read as "Dezernat IV/ Bibliothek" when the text set off is a
// division by its form or by the units directory.
#pragma once

#include <functional>
#include <string_view>

#include "parse/raw_document.h"

namespace eduplan {

enum class DivisionSeparator { none, dash, colon, parentheses };

// True if the text names a division ("Dezernat IV", "BOB", or a division of the directory).
using IsDivision = std::function<bool(std::string_view)>;

// Rewrites an entry without '/' whose division is set off by a dash, a colon or parentheses:
// prefix and list as if it had been written with '/'. Returns how it was set off (none: the
// entry is unchanged).
DivisionSeparator reread_division_separator(RawUnitEntry& entry, const IsDivision& is_division);

}  // namespace eduplan
