#include "csv_writer.h"

namespace eduplan::csv_exporter {

bool needs_neutralizing(std::string_view cell) {
  std::size_t i = 0;
  while (i < cell.size() && cell[i] == '\'') ++i;
  if (i == cell.size()) return false;
  const char c = cell[i];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void append_record(std::string& out, const std::vector<std::string_view>& cells,
                   const CsvStyle& style) {
  const char special[] = {style.delimiter, '"', '\r', '\n'};
  const std::string_view specials(special, sizeof special);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += style.delimiter;
    const std::string_view cell = cells[i];
    const bool prefix = style.neutralize && needs_neutralizing(cell);
    if (cell.find_first_of(specials) == std::string_view::npos) {
      if (prefix) out += '\'';
      out += cell;
      continue;
    }
    out += '"';
    if (prefix) out += '\'';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += style.crlf ? "\r\n" : "\n";
}

}  // namespace eduplan::csv_exporter
