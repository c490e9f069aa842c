// Cells a user fills in: on a protected sheet every cell is locked but the input cells, which
// are marked with a light fill; a drop-down (a list validation) or a whole-number range checks
// what is typed. For forms that go out and come back (status forms); every libxlsxwriter call is
// checked like the rest of the workbook layer.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {

// The input cells' fill: a light yellow, visible on screen and printed in grey.
inline constexpr lxw_color_t kInputFill = 0xFFF2CC;

// Formats for input cells, unlocked and filled, in the workbook's font: `text` wrapped (notes),
// `choice` a single line (a drop-down), `number` a whole number, centred.
struct InputFormats {
  lxw_format* text;
  lxw_format* choice;
  lxw_format* number;
};
InputFormats add_input_formats(Workbook& wb);

// A rectangle of cells, zero-based and inclusive.
struct CellRange {
  std::uint32_t first_row = 0, last_row = 0;
  std::uint16_t first_col = 0, last_col = 0;
};

// The absolute reference of `range` on the sheet `sheet`: "Angaben!$B$6:$F$6", the sheet name
// quoted where a formula needs it ("'Meine Angaben'!$B$6", an apostrophe doubled).
std::string absolute_reference(std::string_view sheet, const CellRange& range);

// What a validated cell tells the user: shown when the cell is selected (input) and when a
// value is refused (error). Excel allows 32 characters in a title, 255 in a message; longer
// texts are refused with the libxlsxwriter error.
struct Prompt {
  std::string input_title, input_message;
  std::string error_title, error_message;
};

// A drop-down of the values in the cells `source` refers to (absolute_reference()); other
// values are refused. Empty cells stay allowed.
void list_validation(Workbook& wb, lxw_worksheet* ws, const CellRange& range,
                     const std::string& source, const Prompt& prompt);

// Whole numbers from `minimum` to `maximum` only. Empty cells stay allowed.
void whole_number_validation(Workbook& wb, lxw_worksheet* ws, const CellRange& range,
                             int minimum, int maximum, const Prompt& prompt);

// What a user may still do on a protected sheet besides filling unlocked cells.
struct SheetProtection {
  bool select_locked = true;  // select (and copy) locked cells
  bool format_rows = true;    // make a row higher for a long note
  bool format_columns = true;
};

// Protects the sheet without a password: locked cells cannot be changed, and a user who means
// to can lift the protection (Excel: Überprüfen › Blattschutz aufheben).
void protect_sheet(lxw_worksheet* ws, const SheetProtection& protection = {});

}  // namespace eduplan::xlsxkit
