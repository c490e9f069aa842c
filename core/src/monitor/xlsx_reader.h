// The cells of an .xlsx workbook (internal): its sheets by name, and each sheet's cells as text
// with their row and column — shared strings (also rich text), inline strings, numbers,
// booleans, error values and the cached results of formulas, as Excel, LibreOffice and openpyxl
// write them. Read through util/zip_archive (sizes capped: zip bombs stop at the cap) and
// util/xml_tree (no DTD, no entities, no network); a damaged or hostile file is an ArchiveError.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/zip_archive.h"

namespace eduplan::xlsx {

// The most any one part (a sheet, the shared strings) may unpack to: a form of a few thousand
// rows is a few MiB, and libxml2's tree of a part takes ten or more times its size in memory.
inline constexpr std::size_t kMaxPart = std::size_t{16} << 20;

// uncomputed: a formula without a stored result
enum class CellKind { text, number, boolean, error, uncomputed };

struct Cell {
  int column = 0;  // 1-based: A is 1
  CellKind kind = CellKind::text;
  std::string text;  // numbers as written ("50", "50.0"); booleans WAHR/FALSCH (TRUE/FALSE)
  // A number shown as a percentage (its style's number format has a "%": 1 shows as "100 %"),
  // as Excel and LibreOffice store what is typed as "100%".
  bool percent = false;
  // A number shown as a date or time (a built-in date format or a code with d, m, y, h or s):
  // what Excel and LibreOffice store for a typed date ("46203" for 2026-06-30).
  bool date = false;
  // A number shown otherwise than as written: currency ("1.234,50 €"), fractions, scientific
  // notation, literal text around it ("5 Stück"), or a built-in format this reader does not
  // know. Its text is still the bare number.
  bool formatted = false;
};

struct Row {
  int number = 0;           // 1-based, as in the sheet
  std::vector<Cell> cells;  // non-empty cells, in column order
  const Cell* find(int column) const;
};

struct Sheet {
  std::string name;
  std::vector<Row> rows;  // rows with at least one non-empty cell, in row order
};

// How a cell's number format shows its number: as written (General, "0.00", "#,##0", "@"), as
// a percentage, as a date or time, or otherwise (currency, fraction, literal text …).
enum class NumberShown : unsigned char { plain, percent, date, other };

class Workbook {
 public:
  // Reads the list of sheets. Throws ArchiveError if `bytes` is no readable workbook. `bytes`
  // must outlive the workbook.
  explicit Workbook(std::string_view bytes);

  const std::vector<std::string>& sheet_names() const { return names_; }
  std::optional<std::size_t> find_sheet(std::string_view name) const;
  // The cells of the sheet at `index` (< sheet_names().size()). Throws ArchiveError.
  Sheet sheet(std::size_t index);

 private:
  const std::vector<std::string>& shared_strings();
  // Per cell style (the <c s="…"> index): how its number format shows a number.
  const std::vector<NumberShown>& number_styles();

  ZipArchive zip_;
  std::string base_;                        // folder of the workbook part, "xl/"
  std::vector<std::string> names_, parts_;  // per sheet; part "" for one that is not a worksheet
  std::string shared_part_, styles_part_;
  std::optional<std::vector<std::string>> shared_;
  std::optional<std::vector<NumberShown>> number_styles_;
};

// "A" for 1, "Z" for 26, "AA" for 27.
std::string column_name(int column);
// "D7" → row 7, column 4; false if `ref` is no cell reference.
bool parse_reference(std::string_view ref, int& row, int& column);
// "Rückmeldung!D7"; a sheet name with spaces or punctuation in quotes: "'Mein Blatt'!D7".
std::string cell_reference(std::string_view sheet, int row, int column);

// Decodes the _xHHHH_ escapes of OOXML strings ("_x000D_" is a carriage return).
std::string decode_escapes(std::string_view text);

}  // namespace eduplan::xlsx
