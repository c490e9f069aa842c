// The interpreter behind parse_document() (internal): reads blocks one by one and builds the
// raw document. Headings, paragraphs and lists are read in interpreter.cc, tables in
// interpreter_tables.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eduplan/model.h"
#include "model/rule_catalog.h"
#include "parse/blocks.h"
#include "parse/column_roles.h"
#include "parse/raw_document.h"

namespace eduplan {

// A line that could be a field's heading: a heading, a bold paragraph, or a short line that
// names a field ("Handlungsfeld MINT" without markup, as converters leave it).
struct Candidate {
  std::string heading;  // as written
  std::string title;
  int line = 0;
  bool named = false;  // contains the word "Handlungsfeld"
  bool numbered = false;
  bool plain_line = false;  // a paragraph of its own (not a heading, not a list item)
};

// At most `max` bytes of `text` (cut at a character, then " …"): a text quoted in a message.
std::string excerpt(std::string_view text, std::size_t max = 80);

class Interpreter {
 public:
  explicit Interpreter(std::vector<Finding>& findings) : findings_(findings) {}

  void block(const Block& b);
  RawDocument finish(int last_line);
  bool too_many_errors() const;

 private:
  static constexpr int kBoldLevel = 7;  // a bold paragraph ranks below every heading

  // The focus table just read: a table right below it with as many columns and no header of
  // its own continues it (a table split at a page break, whose first data row a converter
  // made the header).
  struct FocusTable {
    const RawField* field = nullptr;
    std::vector<Role> roles;
    bool role_header = false;
    std::optional<Row> header;  // its header row, if it has one
    std::size_t width = 0;
    int line = 0;
  };

  // interpreter.cc
  void heading(const std::string& text, int level, int line);
  void paragraph(const Block& b);
  void list_item(const Block& b);
  bool short_line(const std::string& t, int line, bool plain_line);
  void start_named_candidate();
  void drop_candidate();
  void end_list();
  void outside_field(int line, std::size_t items);
  void start_field(const Candidate& c, int level);
  void add_objective(const std::string& text, int line);
  void empty_heading(int level, int line);
  void note_label(std::string_view text, int line);
  void report(const rule::Rule& rule, int line, std::string message);

  // interpreter_tables.cc
  bool names_units(const Row& row, const std::vector<Role>& roles) const;
  static bool looks_like_data(const Row& row);
  std::optional<Block> without_title_row(const Block& b);
  void table(const Block& original, const std::optional<FocusTable>& previous);
  static bool starts_with_label(const Row& r);
  void objectives_table(const Block& b, std::size_t from);
  void objectives_table_rows(const Block& b, std::size_t from);
  void add_cell_objectives(const Cell& cell, int line);
  void note_semicolons(const std::string& text, int line);
  void drop_numbering_column(const Block& b, std::size_t focus_col,
                             std::vector<std::pair<std::size_t, std::string>>& attributes);
  void focus_table_rows(const Block& b, const std::vector<Role>& roles, bool role_header,
                        bool continued);
  static std::vector<std::string> texts(const Row& r);
  static bool is_repeated_header(const Row& row, const std::vector<std::string>& header);
  void focus_row(const Row& row, std::size_t focus_col, std::size_t units_col,
                 const std::vector<std::pair<std::size_t, std::string>>& attribute_cols);
  static void merge_attribute(std::vector<Attribute>& into, Attribute a);
  // Whether a heading names a table of contents ("Inhalt", "Inhaltsverzeichnis", "Contents").
  static bool names_contents(std::string_view heading);
  static std::string without_role_labels(std::string_view line, std::string& roles);

  std::vector<Finding>& findings_;
  RawDocument doc_;
  RawField* field_ = nullptr;
  int field_level_ = 0;
  std::optional<Candidate> candidate_;
  std::optional<FocusTable> last_focus_table_;
  // The current field's first focus-area table with a header naming the roles: its line, and the
  // number of fields when it was read (the field is the last one).
  int field_focus_table_line_ = 0;
  std::size_t field_focus_table_of_ = 0;
  std::set<std::string> unit_names_;  // names written in unit columns so far, lower case
  int candidate_level_ = 0;
  bool objectives_mode_ = false;
  bool objectives_list_ = false;  // list items were read as objectives in this mode
  int list_indent_ = 0;           // the indentation of that list's items
  std::size_t list_objectives_ = 0;   // objectives that list added
  std::set<std::string> labels_noted_;  // objectives labels reported as read (lower case)
  std::size_t list_items_ = 0;
  int list_line_ = 0;
  std::size_t outside_items_ = 0;  // list items after the first field, outside any field
  int outside_line_ = 0;
  struct Section {
    std::string heading;  // the last heading that is no field, once no field is open
    int line = 0;
  } section_;
  int errors_ = 0;
  int first_line_ = 0;  // of the first block
};

}  // namespace eduplan
