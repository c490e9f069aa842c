// Consecutive numbering of focus areas or objectives (internal): in front of each text ("1. …",
// "2) …", "3.1 …") or in a column of its own ("Nr."), as many cities number their tables. The
// numbers are positions, which the plan keeps by its order: taken off, and said.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan {

struct Numbering {
  std::string first, last;  // the first and the last number as written ("1.", "12.")
};

// If there are at least two texts, each starts with a number ("1", "1.", "1)", "3.1", "3.1.")
// followed by a space and more text, and the numbers count up by one (in their last part,
// with equal leading parts: "3.1", "3.2"), the numbers are taken off the texts. Otherwise the
// texts stay as they are and nothing is returned. Parts have at most three digits, so that
// years ("2025 …") are never taken for numbering.
std::optional<Numbering> strip_consecutive_numbers(const std::vector<std::string*>& texts);

// The same for the values of a numbering column: each value is only such a number.
std::optional<Numbering> consecutive_numbers(const std::vector<std::string>& values);

// The header of a numbering column: "Nr.", "Nr", "lfd. Nr.", "Nummer", "No.", "Pos.", "#".
bool is_numbering_header(std::string_view header);

}  // namespace eduplan
