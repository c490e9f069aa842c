#include "eduplan/file_names.h"

#include <array>

#include "util/text.h"

namespace eduplan {
namespace {

bool reserved(std::string_view stem) {
  std::string base = text::fold_case(stem.substr(0, stem.find('.')));
  while (!base.empty() && (base.back() == ' ')) base.pop_back();
  for (std::string_view r : {"con", "prn", "aux", "nul"}) {
    if (base == r) return true;
  }
  if (base.size() == 4 && (base.starts_with("com") || base.starts_with("lpt")) && base[3] >= '1' &&
      base[3] <= '9') {
    return true;
  }
  return false;
}

}  // namespace

std::string safe_file_name(std::string_view stem, std::string_view extension,
                           std::size_t max_bytes) {
  std::string s;
  for (unsigned char c : stem) {
    if (c < 0x20 || c == 0x7F) continue;
    if (std::string_view("<>:\"/\\|?*").find(static_cast<char>(c)) != std::string_view::npos) {
      s += ' ';
      continue;
    }
    s += static_cast<char>(c);
  }
  s = text::collapse_spaces(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && (s.front() == '.' || s.front() == ' '))
    s.erase(0, 1);  // no hidden files, no "..", no leading space
  if (s.empty()) s = "plan";
  if (reserved(s)) s = "_" + s;
  const std::size_t ext_bytes = extension.empty() ? 0 : extension.size() + 1;
  const std::size_t limit = max_bytes > ext_bytes + 1 ? max_bytes - ext_bytes : 1;
  if (s.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a sequence
    s.resize(cut);
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  }
  if (!extension.empty()) s += "." + std::string(extension);
  return s;
}

}  // namespace eduplan
