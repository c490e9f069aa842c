// RFC 4180 records with formula neutralisation (OWASP "CSV injection").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eduplan::csv_exporter {

struct CsvStyle {
  char delimiter = ';';
  bool crlf = true;
  bool neutralize = true;  // prefix ' to cells Excel would read as a formula
};

// True if Excel would treat the cell as a formula (=, +, -, @, TAB, CR first), also after
// leading apostrophes, so that neutralising stays reversible: the reader removes exactly one.
bool needs_neutralizing(std::string_view cell);

// One record, quoted where needed (delimiter, quote, CR or LF), with the line ending.
std::string format_record(const std::vector<std::string>& cells, const CsvStyle& style);

}  // namespace eduplan::csv_exporter
