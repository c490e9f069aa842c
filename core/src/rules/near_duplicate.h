// Detection of names that probably mean the same unit (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eduplan {

// A fingerprint equal for names that differ only in case, spacing, hyphens, dots, a
// leading "Stadt" or "FB" vs "Fachbereich". Numbers and words are kept, so "FB 20" and
// "FB 21", or "... Nord" and "... Süd", differ.
std::string name_fingerprint(std::string_view name);

// Groups of at least two distinct names with equal fingerprints; each group in input
// order. Linear in the number of names (one hash map), no pairwise comparison.
std::vector<std::vector<std::string>> near_duplicate_groups(const std::vector<std::string>& names);

}  // namespace eduplan
