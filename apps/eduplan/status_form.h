// One status form (Rückmeldebogen): a workbook for one unit, or one division responsible as a
// whole, and one reporting period, in the layout of docs/monitoring.md ("Forms") that
// `eduplan status import` reads back. Sheet names, header cells and the labels of the `Angaben`
// sheet are part of that contract and stay German whatever the message language.
#pragma once

#include <string>
#include <vector>

namespace eduplan::cli {

inline constexpr const char* kFormSheet = "Rückmeldung";
inline constexpr const char* kInfoSheet = "Angaben";
// The header row of the form sheet, in this order from column A.
inline const std::vector<std::string>& form_header() {
  static const std::vector<std::string> header = {
      "Schlüssel", "Handlungsfeld", "Handlungsschwerpunkt", "Status", "Fortschritt (%)",
      "Bemerkung"};
  return header;
}

// One responsibility of the unit: its key (responsibility_key) and what it is about.
struct FormRow {
  std::string key, field, focus_area;
};

struct FormSpec {
  std::string plan;      // the plan's name as stored (Angaben: Plan)
  std::string period;    // e.g. "2026-H1"
  std::string unit;      // the unit's or the division's name
  std::string division;  // the unit's division; empty if unknown
  std::string created;   // the date of writing, ISO 8601
  std::vector<std::string> scale;  // the database's status scale, not empty
  std::vector<FormRow> rows;       // document order
};

// Writes the form to `path`, libxlsxwriter's temporary files in `tmpdir`, and reads it back
// (xlsxkit::verify_workbook). Throws xlsxkit::Failure.
void write_status_form(const std::string& path, const std::string& tmpdir, const FormSpec& form);

}  // namespace eduplan::cli
