// Excel sheet names from data: 1–31 characters, none of [ ] : * ? / \, no ' at either
// end, unique ignoring case (also for umlauts, which libxlsxwriter compares as bytes),
// never "History".
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace eduplan::xlsxkit {

class SheetNames {
 public:
  // A valid name not used before, derived from `wanted` ("Blatt" if nothing is left);
  // collisions get " (2)", " (3)", … within the 31 characters.
  std::string make(std::string_view wanted);

 private:
  std::set<std::string> used_;  // case-folded
};

// Case folding for the uniqueness check: ASCII and Latin-1 letters (Ä/ä, …).
std::string fold(std::string_view s);
// The first `n` code points of UTF-8 text.
std::string first_code_points(std::string_view s, std::size_t n);
std::size_t code_points(std::string_view s);

}  // namespace eduplan::xlsxkit
