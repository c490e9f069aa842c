#include "model/division_names.h"

#include <algorithm>

#include "util/text.h"

namespace eduplan {

namespace {

std::string roman(int n) {
  std::string out;
  for (auto [v, s] : {std::pair{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}) {
    for (; n >= v; n -= v) out += s;
  }
  return out;
}

// "IV" → 4, "4" → 4; 0 if it is neither (Roman numerals up to 39 and numbers up to 99).
int numeral_value(std::string_view s) {
  if (s.empty() || s.size() > 6) return 0;
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return s.size() <= 2 ? std::stoi(std::string(s)) : 0;
  int value = 0, previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = 0;
    switch (*it) {
      case 'I':
      case 'i':
        v = 1;
        break;
      case 'V':
      case 'v':
        v = 5;
        break;
      case 'X':
      case 'x':
        v = 10;
        break;
      default:
        return 0;
    }
    value += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  if (value <= 0 || value >= 40) return 0;
  // Only a numeral written as Roman numerals are written: "IIX" or "IIIXX" is no number (it
  // is not read as VIII or XVII, which would change what the document says).
  std::string upper(s);
  for (char& c : upper) c = static_cast<char>(c & ~0x20);
  return roman(value) == upper ? value : 0;
}

}  // namespace

std::optional<std::string> division_spelling(std::string_view name) {
  name = text::trim(name);
  if (text::iequals(name, "BOB")) return std::string("BOB");
  for (std::string_view prefix : {"Dezernat", "Dez."}) {
    if (!text::starts_with_icase(name, prefix)) continue;
    const std::string_view numeral = text::trim(name.substr(prefix.size()));
    if (numeral.size() == name.size() - prefix.size() && prefix == "Dezernat") return std::nullopt;
    if (const int n = numeral_value(numeral)) return "Dezernat " + roman(n);
  }
  return std::nullopt;
}

bool looks_like_division(std::string_view name) { return division_spelling(name).has_value(); }

}  // namespace eduplan
