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
  auto storage = open_existing_database(vm, "show");
  if (!storage) return kUsage;
  auto plan = load_chosen_plan(*storage, vm, "show");
  if (!plan) return kUsage;
  if (*json) {
    std::cout << to_json(summarize(*plan), plan->findings) << "\n";
    return kOk;
  }
  std::cout << "Datenbank: " << database_path(vm) << default_note(vm) << "\n";
  print_summary(std::cout, summarize(*plan));
  print_findings(std::cout, plan->source, plan->findings);
  return kOk;
}

}  // namespace eduplan::cli
