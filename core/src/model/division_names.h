// Names of divisions by their form (internal): "BOB" and "Dezernat" or "Dez." with a Roman
// numeral or a number, whatever the case. The directory and the readers use it to tell a
// division from a unit before a plan exists.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eduplan {

// True for "BOB" and "Dezernat" or "Dez." with a Roman numeral or a number (any case).
bool looks_like_division(std::string_view name);
// The division's name as eduplan writes it: "Dezernat IV" for "Dezernat 4", "Dez. IV",
// "dezernat iv"; "BOB" for "bob"; nothing if `name` does not look like a division.
std::optional<std::string> division_spelling(std::string_view name);

}  // namespace eduplan
