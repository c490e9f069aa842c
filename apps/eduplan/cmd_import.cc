// eduplan import DOC [--db FILE] [--units CSV] [--plan NAME] [--title TITLE]
#include <eduplan/atomic_output.h>
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <iostream>
#include <set>

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
  const std::string db_path = database_path(*vm);
  const ReadOptions options{.directory = dir.empty() ? nullptr : &dir,
                            .plan_name = value_of(*vm, "plan"),
                            .title = value_of(*vm, "title")};
  // Read and stored field by field (Storage::import_plan_file): the plan is never in memory
  // whole. A database that does not exist yet (nor the file a link names) is written beside its
  // place and moved there only if the document is stored, so that a rejected document leaves no
  // file behind; if the name is taken meanwhile (another import, a link), the plan is stored
  // into what is there the ordinary way.
  ImportResult result;
  bool replaced = false;
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec)) {
    auto storage = open_database(db_path);
    std::set<std::string> before;
    for (const auto& p : storage->list_plans()) before.insert(p.name);
    result = storage->import_plan_file(path, options);
    replaced = before.count(result.name) > 0;
  } else {
    AtomicOutput staged(db_path);
    {
      auto fresh = open_database(staged.temp_path());
      result = fresh->import_plan_file(path, options);
    }
    if (result.stored && !staged.commit_new()) {
      auto plan = open_database_read_only(staged.temp_path())->load_plan(result.name);
      auto storage = open_database(db_path);
      for (const auto& p : storage->list_plans()) replaced = replaced || p.name == result.name;
      storage->save_plan(*plan);
    }
  }
  print_findings(std::cout, path, result.findings);
  if (!result.stored) {
    throw Rejected(tr({"{0}: Dokument abgewiesen; Datenbank {1} unverändert",
                       "{0}: document rejected; database {1} unchanged"},
                      path, db_path));
  }
  std::cout << "\n"
            << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, db_path, default_note(*vm)) << "\n"
            << (replaced
                    ? tr({"Plan „{0}“ ersetzt", "plan \"{0}\" replaced"}, printable(result.name))
                    : tr({"Plan „{0}“ gespeichert", "plan \"{0}\" stored"}, printable(result.name)))
            << "\n\n";
  print_summary(std::cout, result.summary);
  return kOk;
}

}  // namespace eduplan::cli
