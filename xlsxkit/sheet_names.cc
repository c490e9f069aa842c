#include "xlsxkit/sheet_names.h"

#include "xlsxkit/ooxml_text.h"

namespace eduplan::xlsxkit {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string first_code_points(std::string_view s, std::size_t n) {
  std::size_t i = 0, seen = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return std::string(s.substr(0, i));
}

std::string fold(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::string SheetNames::make(std::string_view wanted) {
  std::string clean;
  for (char c : wanted) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) < 0x20) {
      if (!clean.empty() && clean.back() != ' ') clean += ' ';
      continue;
    }
    if (c == ' ' && !clean.empty() && clean.back() == ' ') continue;
    clean += c;
  }
  auto trim = [](std::string& s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\'')) s.erase(0, 1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
  };
  // Excel and LibreOffice decode "_xHHHH_" in a sheet's name ("Feld_x003A_B" would be "Feld:B",
  // which LibreOffice refuses); escaped, the name would outgrow 31 characters, so the sequence
  // is broken where it starts, as the forbidden characters are.
  for (std::size_t at = clean.find("_x"); at != std::string::npos; at = clean.find("_x", at + 1))
    if (ooxml_sequence_at(clean, at)) clean[at] = ' ';
  trim(clean);
  if (clean.empty()) clean = "Blatt";
  if (fold(clean) == "history") clean += " 1";
  for (int n = 1;; ++n) {
    const std::string suffix = n == 1 ? "" : " (" + std::to_string(n) + ")";
    std::string name = first_code_points(clean, 31 - code_points(suffix));
    trim(name);
    name += suffix;
    if (used_.insert(fold(name)).second) return name;
  }
}

}  // namespace eduplan::xlsxkit
