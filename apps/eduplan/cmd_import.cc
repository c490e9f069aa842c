// eduplan import DOC [--db FILE] [--units CSV] [--plan NAME]
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_import(const Args& args) {
  po::options_description options("Optionen");
  options.add_options()("document", po::value<std::string>()->required(),
                        "das Dokument (Markdown)")(
      "db", po::value<std::string>(),
      "Datenbank (SQLite); ohne Angabe eduplan.db im aktuellen Verzeichnis")(
      "units", po::value<std::string>(), "Verwaltungsverzeichnis (CSV: unit,division,aliases)")(
      "plan", po::value<std::string>(),
      "Name, unter dem der Plan gespeichert wird (ersetzt einen gleichnamigen); "
      "ohne Angabe: Titel des Dokuments, sonst Dateiname");
  po::positional_options_description positional;
  positional.add("document", 1);
  auto parsed = parse("import", "DOKUMENT [--db DATEI] [--units CSV] [--plan NAME]", args, options,
                      positional);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vm = parsed.vm;
  int code = kOk;
  auto dir = load_directory(vm, code);
  if (!dir) return code;

  const auto path = vm["document"].as<std::string>();
  ReadOptions read_options{dir->empty() ? nullptr : &*dir,
                           vm.count("plan") ? vm["plan"].as<std::string>() : ""};
  Plan plan = read_plan_file(path, read_options);
  print_findings(std::cout, path, plan.findings);
  const bool default_db = !vm.count("db");
  const std::string db_path = default_db ? kDefaultDatabase : vm["db"].as<std::string>();
  if (has_errors(plan.findings)) {
    std::cerr << path << ": Dokument abgewiesen; Datenbank " << db_path << " unverändert\n";
    return kFindings;
  }
  auto storage = open_database(db_path);
  bool replaced = false;
  for (const auto& p : storage->list_plans()) replaced = replaced || p.name == plan.name;
  storage->save_plan(plan);
  std::cout << "\nDatenbank: " << db_path << (default_db ? " (Standard, da --db fehlt)" : "")
            << "\n"
            << "Plan „" << plan.name << "“ " << (replaced ? "ersetzt" : "gespeichert") << "\n\n";
  print_summary(std::cout, summarize(plan));
  return kOk;
}

}  // namespace eduplan::cli
