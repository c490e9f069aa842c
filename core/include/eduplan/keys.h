// Stable keys: identifiers derived from normalised text, so that an element can be
// followed across re-imports and plan versions. Two texts that differ only in case, in
// Unicode normalisation form, in the kind of space, or in surrounding or repeated white space
// get the same key.
#pragma once

#include <string>
#include <string_view>

#include "eduplan/export.h"

namespace eduplan {

// The text as keys see it: Unicode NFC, every space character a space, soft hyphens and
// zero-width characters removed, lower case (per code point: Ä → ä; ß stays), white space
// trimmed and collapsed to single spaces, typographic quotes and dashes as their plain forms,
// no space next to a slash ("A/ B" and "A/B" are the same text to a key).
EDUPLAN_EXPORT std::string normalize_for_key(std::string_view text);

// "<prefix>-" followed by 16 hex digits of a 64-bit FNV-1a hash of the normalised parts,
// joined by a separator that cannot occur in normalised text.
EDUPLAN_EXPORT std::string make_key(std::string_view prefix, std::string_view part);
EDUPLAN_EXPORT std::string make_key(std::string_view prefix, std::string_view parent_key,
                                    std::string_view part);

}  // namespace eduplan
