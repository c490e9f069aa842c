// eduplan show [--db FILE] [--plan NAME] [--format text|json]
#include <eduplan/json.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_show(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  add_plan_option(line);
  add_format_option(line, {"text", "json"});
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool json = chosen_format(*vm, {"text", "json"}) == "json";
  const auto storage = open_existing_database(*vm);
  const Plan plan = load_chosen_plan(*storage, *vm);
  if (json) {
    std::cout << to_json(summarize(plan), plan.findings) << "\n";
    return kOk;
  }
  std::cout << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, database_path(*vm), default_note(*vm))
            << "\n";
  print_summary(std::cout, summarize(plan));
  print_findings(std::cout, plan.source, plan.findings);
  return kOk;
}

}  // namespace eduplan::cli
