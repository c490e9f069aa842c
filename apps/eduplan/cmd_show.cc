// eduplan show [--db FILE] [--plan NAME] [--format text|json]
#include <eduplan/json.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_show(const Args& args) {
  po::options_description options("Optionen");
  options.add_options()("db", po::value<std::string>(),
                        "Datenbank; ohne Angabe eduplan.db im aktuellen Verzeichnis")(
      "plan", po::value<std::string>(),
      "Name des Plans; nötig, wenn die Datenbank mehrere enthält");
  add_format_option(options);
  auto parsed = parse("show", "[--db DATEI] [--plan NAME] [--format text|json]", args, options, {});
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vm = parsed.vm;
  const auto json = wants_json("show", vm);
  if (!json) return kUsage;
  const bool default_db = !vm.count("db");
  const std::string db_path = default_db ? kDefaultDatabase : vm["db"].as<std::string>();
  if (!std::filesystem::exists(db_path)) {
    std::cerr << "eduplan show: Datenbank " << db_path
              << (default_db ? " (Standard, da --db fehlt)" : "")
              << " gibt es nicht; zuerst „eduplan import“ ausführen\n";
    return kUsage;
  }
  auto storage = open_database(db_path);
  std::string name;
  if (vm.count("plan")) {
    name = vm["plan"].as<std::string>();
  } else {
    auto plans = storage->list_plans();
    if (plans.size() != 1) {
      std::cerr << "eduplan show: Datenbank " << db_path << " enthält " << plans.size()
                << " Pläne; bitte mit --plan einen wählen:\n";
      for (const auto& p : plans)
        std::cerr << "  " << p.name << "  (importiert " << p.imported_at << ")\n";
      return kUsage;
    }
    name = plans.front().name;
  }
  auto plan = storage->load_plan(name);
  if (!plan) {
    std::cerr << "eduplan show: Datenbank " << db_path << " enthält keinen Plan „" << name << "“\n";
    return kUsage;
  }
  if (*json) {
    std::cout << to_json(summarize(*plan), plan->findings) << "\n";
    return kOk;
  }
  std::cout << "Datenbank: " << db_path << (default_db ? " (Standard, da --db fehlt)" : "") << "\n";
  print_summary(std::cout, summarize(*plan));
  print_findings(std::cout, plan->source, plan->findings);
  return kOk;
}

}  // namespace eduplan::cli
