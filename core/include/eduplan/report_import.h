// Importing returned status forms: the .xlsx workbooks `eduplan status forms` writes (and the
// same six columns as .csv), checked against the plan they name and stored all or nothing.
// docs/monitoring.md, "Import", describes the checks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/monitoring.h"

namespace eduplan {

class Storage;

// One thing wrong with one input: `where` is "file:sheet!cell" (xlsx), "file:line" (csv) or
// "file" (the whole file); `message` is in the message language.
struct ImportProblem {
  std::string where;
  std::string message;

  friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};

struct ReportImportOptions {
  // Forms must name this plan (or one no longer in the database: renamed since); needed for
  // csv forms.
  std::optional<std::string> plan;
  std::optional<std::string> period;  // forms must be of this period; needed for csv forms
  bool dry_run = false;               // check only, store nothing
  // Store a report also when it equals an earlier report of its responsibility and period that
  // a later one has replaced; without it such a report (an old form read again after a
  // corrected one) is left out and listed in ReportImportResult::outdated.
  bool reinstate = false;
};

struct ReportImportResult {
  std::string plan;                   // the plan the reports were stored for
  std::size_t files = 0;
  std::size_t stored = 0;             // reports stored (or, in a dry run, that would be)
  std::size_t skipped = 0;            // rows left empty (not reported)
  std::size_t duplicates = 0;         // identical repetitions, stored once
  std::size_t unchanged = 0;          // equal to the latest stored report: not stored again
  // Reports equal to an earlier stored report that a later one replaced, not stored (see
  // ReportImportOptions::reinstate): `where` names the row, `message` the report that stands.
  std::vector<ImportProblem> outdated;
  // Read all the same, but worth a word: a form naming a plan that is no longer in the database
  // under that name, read into the plan `ReportImportOptions::plan` names.
  std::vector<ImportProblem> warnings;
  // Files given that are no forms and were passed over (not counted in `files`): the index of
  // `status forms`, an Excel lock file ("~$…xlsx"); `message` says which.
  std::vector<ImportProblem> passed_over;
  std::vector<ImportProblem> problems;  // every problem of every file; nothing stored if any
};

// The header line of the index `eduplan status forms` writes beside the forms (index.csv, after
// a UTF-8 BOM): an import of "DIR/*" passes over that file.
inline constexpr const char* kStatusFormsIndexHeader = "Einheit;Dezernat;Datei;Zuständigkeiten";
// Whether `head` (a file's first bytes) is the beginning of such an index.
EDUPLAN_EXPORT bool is_status_forms_index(std::string_view head);

// Reads `files`, checks every row against the database's status scale and the responsibilities
// of the plan the forms name, and stores all reports in one transaction — or, if anything is
// wrong in any file, nothing (the problems are in the result). Which reports are new is decided
// inside that transaction, so imports running at the same time store a report once. Throws IoError if a file cannot
// be read, StorageError if the database fails.
EDUPLAN_EXPORT ReportImportResult import_status_reports(Storage& storage,
                                                        const std::vector<std::string>& files,
                                                        const ReportImportOptions& options = {});

}  // namespace eduplan
