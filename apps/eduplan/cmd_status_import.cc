// eduplan status import [--db FILE] [--plan NAME] [--period PERIOD] [--dry-run] FILE...
// Returned forms (.xlsx, .csv) checked and stored all or nothing (core: report_import.h).
#include <eduplan/report_import.h>
#include <eduplan/storage.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_support.h"
#include "status_commands.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

std::string counted(std::size_t n, const Text& one, const Text& many) {
  return std::to_string(n) + " " + (n == 1 ? one.get() : many.get());
}

bool forms_index(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char head[64] = {};
  in.read(head, sizeof head);
  return is_status_forms_index(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

}  // namespace

int run_status_import(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  line.visible.add_options()(
      "plan", po::value<std::string>()->value_name("NAME"),
      tr({"Plan der Formulare (nötig für CSV; bei XLSX muss er mit dem Formular übereinstimmen)",
          "the forms' plan (needed for CSV; for XLSX it must agree with the form)"})
          .c_str())(
      "period", po::value<std::string>()->value_name(tr({"PERIODE", "PERIOD"})),
      tr({"Berichtszeitraum, z. B. 2026-H1 (nötig für CSV; bei XLSX muss er übereinstimmen)",
          "reporting period, e.g. 2026-H1 (needed for CSV; for XLSX it must agree)"})
          .c_str())(
      "dry-run", tr({"nur prüfen, nichts speichern", "check only, store nothing"}).c_str())(
      "reinstate",
      tr({"auch Rückmeldungen speichern, die einer früheren, seither ersetzten gleichen (sonst "
          "bleiben sie als wohl ältere Formulare weg)",
          "store reports that equal an earlier, since replaced one too (otherwise they are left "
          "out as probably older forms)"})
          .c_str());
  line.hidden.add_options()("file", po::value<std::vector<std::string>>(), "");
  line.positional.add("file", -1);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  if (!vm->count("file")) {
    throw UsageError(tr({"keine Formulardatei angegeben (eduplan status import --db DATEI BOGEN.xlsx …)",
                         "no form file given (eduplan status import --db FILE FORM.xlsx …)"}));
  }
  ReportImportOptions options;
  if (vm->count("plan")) options.plan = vm->at("plan").as<std::string>();
  options.period = chosen_period(*vm);
  options.dry_run = vm->count("dry-run") > 0;
  options.reinstate = vm->count("reinstate") > 0;
  const auto& files = vm->at("file").as<std::vector<std::string>>();
  // A .csv form names neither plan nor period: both belong on the command line. (The index
  // `status forms` writes beside the forms is passed over by the import.)
  for (const auto& f : files) {
    const auto ext = std::filesystem::path(f).extension().string();
    if ((ext == ".csv" || ext == ".CSV" || ext == ".txt") && (!options.plan || !options.period) &&
        !forms_index(f)) {
      // Excel saves "Text (tab-delimited)" as .txt; but a .txt among the forms (DIR/*) may as well
      // be a note that is no form at all.
      if (ext == ".txt") {
        throw UsageError(tr({"{0}: eine .txt-Datei wird als CSV-Formular gelesen und braucht dann "
                             "--plan und --period; ist sie kein Formular, sie nicht mit angeben",
                             "{0}: a .txt file is read as a CSV form and then needs --plan and "
                             "--period; if it is no form, leave it out"},
                            f));
      }
      throw UsageError(tr({"{0}: ein CSV-Formular braucht --plan und --period",
                           "{0}: a CSV form needs --plan and --period"},
                          f));
    }
  }
  const auto storage = open_existing_database(*vm, options.dry_run ? DbAccess::read : DbAccess::write);
  const auto result = import_status_reports(*storage, files, options);
  for (const auto& p : result.passed_over)
    std::cerr << tr({"Hinweis", "note"}) << ": " << printable(p.where) << ": "
              << printable(p.message) << "\n";
  if (result.files == 0 && result.problems.empty()) {
    throw Rejected(tr({"keine Formulare unter den Dateien ({0} übergangen); nichts gespeichert",
                       "no forms among the files ({0} passed over); nothing stored"},
                      result.passed_over.size()));
  }
  if (!result.problems.empty()) {
    for (const auto& p : result.problems)
      std::cerr << printable(p.where) << ": " << printable(p.message) << "\n";
    throw Rejected(tr({"{0} in {1}; nichts gespeichert", "{0} in {1}; nothing stored"},
                      counted(result.problems.size(), {"Fehler", "error"}, {"Fehler", "errors"}),
                      counted(result.files, {"Datei", "file"}, {"Dateien", "files"})));
  }
  std::cout << tr({"Plan: {0}", "Plan: {0}"}, printable(result.plan)) << "\n"
            << tr({"{0} gelesen, {1} {2}, {3} übersprungen",
                   "{0} read, {1} {2}, {3} skipped"},
                  counted(result.files, {"Datei", "file"}, {"Dateien", "files"}),
                  counted(result.stored, {"Rückmeldung", "report"}, {"Rückmeldungen", "reports"}),
                  options.dry_run ? tr({"geprüft (nichts gespeichert: --dry-run)",
                                        "checked (nothing stored: --dry-run)"})
                                  : tr({"gespeichert", "stored"}),
                  counted(result.skipped, {"leere Zeile", "empty row"}, {"leere Zeilen", "empty rows"}))
            << "\n";
  if (result.unchanged > 0)
    std::cout << tr({"{0} schon so gespeichert, nicht noch einmal abgelegt",
                     "{0} already stored with the same values, not stored again"},
                    counted(result.unchanged, {"Rückmeldung", "report"}, {"Rückmeldungen", "reports"}))
              << "\n";
  for (const auto& w : result.warnings)
    std::cerr << tr({"Warnung", "warning"}) << ": " << printable(w.where) << ": "
              << printable(w.message) << "\n";
  if (!result.outdated.empty()) {
    for (const auto& p : result.outdated)
      std::cerr << tr({"Warnung", "warning"}) << ": " << printable(p.where) << ": "
                << printable(p.message) << "\n";
    std::cout << tr({"{0} aus älteren Formularen nicht gespeichert (--reinstate speichert sie)",
                     "{0} from older forms not stored (--reinstate stores them)"},
                    counted(result.outdated.size(), {"Rückmeldung", "report"},
                            {"Rückmeldungen", "reports"}))
              << "\n";
  }
  if (result.duplicates > 0)
    std::cout << tr({"{0} doppelt mit gleichen Angaben, nur einmal gezählt",
                     "{0} repeated with the same values, counted once"},
                    counted(result.duplicates, {"Zeile", "row"}, {"Zeilen", "rows"}))
              << "\n";
  return kOk;
}

}  // namespace eduplan::cli
