// The bullet marks lists are written with (internal): one list for Markdown list items, list
// items in a table cell and the lines of a unit cell, so that a mark read in one is read in all.
#pragma once

#include <cstddef>
#include <string_view>

namespace eduplan {

// The length of the bullet mark and the space after it at the start of `line`, or 0: "- ",
// "* ", "+ ", "• ", dashes, squares, arrows and ticks, and the private-use bullets Word's Symbol
// and Wingdings fonts leave in a copied text (U+F0B7, U+F0A7, U+F0D8).
inline std::size_t bullet_length(std::string_view line) {
  static constexpr std::string_view kBullets[] = {
      "- ", "* ", "+ ", "• ", "– ", "— ", "▪ ", "◦ ", "· ", "■ ", "□ ", "► ", "▶ ", "➢ ", "➤ ",
      "✓ ", "✔ ", "❖ ", "\xEF\x82\xB7 ", "\xEF\x82\xA7 ", "\xEF\x83\x98 "};
  for (auto bullet : kBullets) {
    if (line.starts_with(bullet)) return bullet.size();
  }
  return 0;
}

}  // namespace eduplan
