// RFC 4180 CSV parsing (internal). Quoted fields may hold the delimiter, quotes
// (doubled) and line breaks; records may end in LF, CRLF or CR; a leading UTF-8 BOM is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eduplan/model.h"

namespace eduplan::csv {

struct Record {
  std::vector<std::string> fields;
  int line = 0;  // line the record starts on
};

// Parses `data`. Malformed input (an unterminated quote, text after a closing quote)
// adds an error finding with rule "csv-syntax" and stops. Blank lines, and rows of empty
// fields only, are skipped.
std::vector<Record> parse(std::string_view data, char delimiter, std::vector<Finding>& findings);

}  // namespace eduplan::csv
