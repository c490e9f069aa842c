#include "parse/numbering.h"

#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

struct Number {
  std::vector<int> parts;
  std::size_t length = 0;  // bytes of the number as written, its '.' or ')' included
};

// A number at the start of `s`: parts of one to three digits separated by '.', then an
// optional '.' or ')'.
std::optional<Number> number_at(std::string_view s) {
  Number n;
  std::size_t i = 0;
  while (true) {
    std::size_t digits = 0;
    int value = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 4) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 3) return std::nullopt;
    n.parts.push_back(value);
    if (i + 1 < s.size() && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      ++i;
      continue;
    }
    break;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
  n.length = i;
  return n;
}

bool consecutive(const std::vector<Number>& numbers) {
  for (std::size_t k = 1; k < numbers.size(); ++k) {
    const auto& a = numbers[k - 1].parts;
    const auto& b = numbers[k].parts;
    if (a.size() != b.size()) return false;
    for (std::size_t p = 0; p + 1 < a.size(); ++p) {
      if (a[p] != b[p]) return false;
    }
    if (b.back() != a.back() + 1) return false;
  }
  return true;
}

}  // namespace

std::optional<Numbering> strip_consecutive_numbers(const std::vector<std::string*>& texts) {
  if (texts.size() < 2) return std::nullopt;
  std::vector<Number> numbers;
  for (const std::string* t : texts) {
    auto n = number_at(*t);
    if (!n || n->length >= t->size() || (*t)[n->length] != ' ') return std::nullopt;
    if (text::trim(std::string_view(*t).substr(n->length)).empty()) return std::nullopt;
    numbers.push_back(*n);
  }
  if (!consecutive(numbers)) return std::nullopt;
  Numbering said{texts.front()->substr(0, numbers.front().length),
                 texts.back()->substr(0, numbers.back().length)};
  for (std::size_t k = 0; k < texts.size(); ++k) {
    std::string& t = *texts[k];
    t = std::string(text::trim(std::string_view(t).substr(numbers[k].length)));
  }
  return said;
}

std::optional<Numbering> consecutive_numbers(const std::vector<std::string>& values) {
  if (values.size() < 2) return std::nullopt;
  std::vector<Number> numbers;
  for (const auto& v : values) {
    const std::string_view t = text::trim(v);
    auto n = number_at(t);
    if (!n || n->length != t.size()) return std::nullopt;
    numbers.push_back(*n);
  }
  if (!consecutive(numbers)) return std::nullopt;
  return Numbering{std::string(text::trim(values.front())), std::string(text::trim(values.back()))};
}

bool is_numbering_header(std::string_view header) {
  std::string h = unicode::lower(text::trim(header));
  for (std::string_view name : {"nr.", "nr", "lfd. nr.", "lfd. nr", "lfd.nr.", "laufende nummer",
                                "nummer", "no.", "pos.", "#"}) {
    if (h == name) return true;
  }
  return false;
}

}  // namespace eduplan
