#include "csv_writer.h"

namespace eduplan::csv_exporter {

bool needs_neutralizing(std::string_view cell) {
  std::size_t i = 0;
  while (i < cell.size() && cell[i] == '\'') ++i;
  if (i == cell.size()) return false;
  const char c = cell[i];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string format_record(const std::vector<std::string>& cells, const CsvStyle& style) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += style.delimiter;
    std::string cell = style.neutralize && needs_neutralizing(cells[i]) ? "'" + cells[i] : cells[i];
    if (cell.find_first_of(std::string{style.delimiter, '"', '\r', '\n'}) == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += style.crlf ? "\r\n" : "\n";
  return out;
}

}  // namespace eduplan::csv_exporter
