#include "util/utf16_hint.h"

#include <algorithm>

#include "eduplan/language.h"

namespace eduplan {
namespace {

// How many of the first code units have a NUL in their high byte: text in a Latin script
// stored as UTF-16 has one in nearly every unit, on the same side.
struct NulSides {
  std::size_t even = 0, odd = 0, pairs = 0;
};

NulSides nul_sides(std::string_view bytes) {
  NulSides n;
  const std::size_t end = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 1u << 16);
  for (std::size_t i = 0; i < end; i += 2) {
    const bool a = bytes[i] == '\0', b = bytes[i + 1] == '\0';
    if (a != b) (a ? n.even : n.odd) += 1;
    ++n.pairs;
  }
  return n;
}

}  // namespace

std::optional<std::string> utf16_problem(std::string_view bytes) {
  if (bytes.find('\0') == std::string_view::npos) return std::nullopt;
  const bool bom = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (bom && bytes.size() % 2 != 0) {
    return tr({"UTF-16 mit Byte-Order-Mark, aber mit ungerader Byte-Zahl ({0}): die Datei ist "
               "abgeschnitten oder beschädigt; neu als UTF-8 speichern",
               "UTF-16 with a byte order mark, but an odd number of bytes ({0}): the file is "
               "truncated or damaged; save it again as UTF-8"},
              bytes.size());
  }
  if (bom) {
    return tr({"UTF-16 mit Byte-Order-Mark, aber beschädigt (ungültiges Zeichen oder "
               "NUL-Zeichen); neu als UTF-8 speichern",
               "UTF-16 with a byte order mark, but damaged (an invalid or NUL character); save it "
               "again as UTF-8"});
  }
  const NulSides n = nul_sides(bytes);
  // Most units have exactly one NUL byte, nearly always on the same side.
  const std::size_t side = std::max(n.even, n.odd);
  if (n.pairs < 2 || side * 10 < n.pairs * 6 || std::min(n.even, n.odd) * 10 > side) {
    return std::nullopt;
  }
  const char* form = n.odd > n.even ? "UTF-16LE" : "UTF-16BE";
  if (bytes.size() % 2 != 0) {
    return tr({"sieht aus wie {0} ohne Byte-Order-Mark und mit ungerader Byte-Zahl "
               "(abgeschnitten?): die Datei als UTF-8 speichern",
               "looks like {0} without a byte order mark and with an odd number of bytes "
               "(truncated?): save the file as UTF-8"},
              form);
  }
  return tr({"sieht aus wie {0} ohne Byte-Order-Mark (UTF-16 ohne BOM?): die Datei als UTF-8 "
             "speichern (oder als UTF-16 mit BOM)",
             "looks like {0} without a byte order mark (UTF-16 without BOM?): save the file as "
             "UTF-8 (or as UTF-16 with a BOM)"},
            form);
}

}  // namespace eduplan
