// Reading a returned status form (internal): an .xlsx workbook as `status forms` writes it
// (docs/monitoring.md, "Forms"), or a .csv file with the same six columns. Only the shape of
// the form is checked here: header, plan and period in `Angaben`, one row per responsibility;
// whether keys, statuses and progress values are valid is report_import's business.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/report_import.h"

namespace eduplan::forms {

// The six columns, in the order `status forms` writes them.
enum Column { kKey, kField, kFocusArea, kStatus, kProgress, kNote, kColumns };
// Their header names: "Schlüssel", "Handlungsfeld", … "Bemerkung".
const char* column_title(int column);

struct FormCell {
  std::string text;        // trimmed; numbers as written ("50", "50.0")
  bool is_number = false;  // a numeric cell of a workbook
  bool is_error = false;   // an error value (#NV, #DIV/0!)
  bool is_boolean = false;
  bool is_uncomputed = false;  // a formula without a stored result; text is the formula
  bool is_percent = false;     // a number shown as a percentage: 1 is "100 %"
  bool is_date = false;        // a number shown as a date (a date typed into the cell)
  bool is_formatted = false;   // a number shown otherwise: currency, fraction, literal text …
};

struct FormRow {
  int row = 0;  // sheet row (xlsx) or line (csv)
  FormCell cells[kColumns];
};

// Whether the row holds an answer: a status, a progress or a note.
bool answered(const FormRow& row);

struct Form {
  std::string file;            // as given
  std::string name;            // the file name without folders, for `source`
  std::string sheet;           // "" for csv
  int columns[kColumns] = {};  // 1-based column of each field (xlsx) or field index + 1 (csv)
  std::optional<std::string> plan, period, unit;     // from `Angaben`
  std::string plan_where, period_where, unit_where;  // their cells, for messages
  bool period_is_date = false;                       // a date typed where the period was
  std::vector<FormRow> rows;                         // the rows below the header, not blank
  // Not a form, and rightly so: why it is passed over (the index of `status forms`, an Excel
  // lock file). Empty for a form, or for a file that should have been one.
  std::string passed_over;

  // "file:Rückmeldung!D7" for `column` of `row`; "file:7" for csv.
  std::string where(int row, int column) const;
  // The same without the folders of the file: the report's source.
  std::string source(int row) const;
};

// Reads the form in `bytes` (the contents of `file`). Problems of its shape are appended to
// `problems`: a column missing from the header or named twice, a fact of `Angaben` given twice
// differently, another sheet of the workbook with the form's header and answers in it (only
// the form sheet is read). The form is returned as far as it could be read (no rows if the
// header is missing or ambiguous).
Form read_form(const std::string& file, std::string_view bytes,
               std::vector<ImportProblem>& problems);

}  // namespace eduplan::forms
