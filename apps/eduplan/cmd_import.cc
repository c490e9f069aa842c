// eduplan import DOC [--db FILE] [--units CSV] [--plan NAME] [--title TITLE]
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_import(const Command& self, const Args& args) {
  CommandLine line;
  add_document_option(line);
  add_db_option(line);
  add_units_option(line);
  line.visible.add_options()(
      "plan", po::value<std::string>()->value_name("NAME"),
      tr({"Name, unter dem der Plan gespeichert wird (ersetzt einen gleichnamigen); ohne Angabe: "
          "Titel des Dokuments, sonst Dateiname",
          "name to store the plan under (replaces a plan of that name); without it: the "
          "document's title, else the file name"})
          .c_str())("title", po::value<std::string>()->value_name(tr({"TITEL", "TITLE"})),
                    tr({"Titel des Plans für Berichte (statt der Überschrift „# …“ des Dokuments)",
                        "the plan's title for reports (instead of the document's \"# …\" heading)"})
                        .c_str());
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const UnitsDirectory dir = load_directory(*vm, std::cout);
  const auto path = value_of(*vm, "document");
  const Plan plan = read_plan_file(path, {.directory = dir.empty() ? nullptr : &dir,
                                          .plan_name = value_of(*vm, "plan"),
                                          .title = value_of(*vm, "title")});
  print_findings(std::cout, path, plan.findings);
  const std::string db_path = database_path(*vm);
  if (has_errors(plan.findings)) {
    throw Rejected(tr({"{0}: Dokument abgewiesen; Datenbank {1} unverändert",
                       "{0}: document rejected; database {1} unchanged"},
                      path, db_path));
  }
  auto storage = open_database(db_path);
  bool replaced = false;
  for (const auto& p : storage->list_plans()) replaced = replaced || p.name == plan.name;
  storage->save_plan(plan);
  std::cout << "\n"
            << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, db_path, default_note(*vm)) << "\n"
            << (replaced
                    ? tr({"Plan „{0}“ ersetzt", "plan \"{0}\" replaced"}, printable(plan.name))
                    : tr({"Plan „{0}“ gespeichert", "plan \"{0}\" stored"}, printable(plan.name)))
            << "\n\n";
  print_summary(std::cout, summarize(plan));
  return kOk;
}

}  // namespace eduplan::cli
