// The document as written, before units are resolved (internal). Produced by
// parse_document() from the blocks of any input format, consumed by resolve().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/model.h"

namespace eduplan {

// One entry of a unit column: one line of the cell (the text between two <br>). The division
// and the list are kept as places in the text, not as copies: a plan of a million
// responsibilities has hundreds of thousands of entries, all held until they are resolved.
struct RawUnitEntry {
  std::string text;  // the whole entry, white space collapsed, without a trailing comma
  bool has_slash = false;
  bool trailing_comma = false;  // the entry ends with ',': the next entry continues it
  int line = 0;

  // The text before the first '/', trimmed (empty if there is no '/'); the text after it, or
  // the whole entry.
  std::string_view prefix() const { return parts().substr(prefix_at_, prefix_size_); }
  std::string_view list() const { return parts().substr(list_at_, list_size_); }
  // Reads the entry as "<division>/ <list>" although it was written otherwise ("Bibliothek
  // (Dezernat IV)"); `text` stays as written.
  void set_parts(std::string_view division, std::string_view list);
  // Where prefix() and list() are in `text` (or in the re-read form).
  void set_places(std::size_t prefix_at, std::size_t prefix_size, std::size_t list_at,
                  std::size_t list_size);

 private:
  std::string_view parts() const { return reread_.empty() ? std::string_view(text) : reread_; }
  std::string reread_;  // "<division>/<list>" after set_parts, else empty
  std::uint32_t prefix_at_ = 0, prefix_size_ = 0, list_at_ = 0, list_size_ = 0;
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
