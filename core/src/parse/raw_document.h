// The document as written, before units are resolved (internal). Produced by
// parse_document() from the blocks of any input format, consumed by resolve().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eduplan/model.h"

namespace eduplan {

// One entry of a unit column: one line of the cell (the text between two <br>).
struct RawUnitEntry {
  std::string text;    // the whole entry, white space collapsed, without a trailing comma
  std::string prefix;  // text before the first '/', trimmed; empty if there is no '/'
  std::string list;    // text after the '/', or the whole entry
  bool has_slash = false;
  bool trailing_comma = false;  // the entry ends with ',': the next entry continues it
  int line = 0;
};

// One line of a unit cell as an entry: leading bullets taken off, ';' read as ',', split at
// the first '/' (defined in unit_entry.cc).
RawUnitEntry make_unit_entry(std::string_view line_text, int line);

struct RawFocusArea {
  std::string text;
  int line = 0;
  std::vector<RawUnitEntry> entries;
  std::vector<Attribute> attributes;  // further columns of the table, by their header
};

struct RawObjective {
  std::string text;
  int line = 0;
};

struct RawField {
  std::string title;
  int line = 0;
  std::vector<RawFocusArea> focus_areas;
  std::vector<RawObjective> objectives;
};

struct RawDocument {
  std::string title;  // "# " heading, if any
  std::vector<RawField> fields;
};

}  // namespace eduplan
