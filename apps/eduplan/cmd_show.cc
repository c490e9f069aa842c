// eduplan show [--db FILE] [--plan NAME] [--format text|json] [--quiet]
#include <eduplan/error.h>
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
  add_quiet_option(line);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool json = chosen_format(*vm, {"text", "json"}) == "json";
  const auto storage = open_existing_database(*vm, DbAccess::read);
  // Figures by SQL, findings as a stream: a plan of any size is shown in little memory.
  const std::string name = chosen_plan_name(*storage, *vm);
  const auto summary = storage->summarize_plan(name);
  const auto findings = storage->stream_findings(name);
  if (!summary || !findings)
    throw StorageError(tr({"Plan „{0}“ ist nicht mehr in der Datenbank",
                           "plan \"{0}\" is no longer in the database"},
                          name));
  if (json) {
    write_json(std::cout, *summary, *findings);
    std::cout << "\n";
    return kOk;
  }
  std::cout << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, database_path(*vm), default_note(*vm))
            << "\n";
  print_summary(std::cout, *summary);
  findings->rewind();
  const bool notes = vm->count("quiet") == 0;
  std::size_t left_out = 0;
  while (const Finding* f = findings->next()) {
    if (!notes && f->severity == Severity::info)
      ++left_out;
    else
      print_findings(std::cout, summary->source, {*f});
  }
  if (left_out > 0) std::cout << notes_left_out(left_out) << "\n";
  return kOk;
}

}  // namespace eduplan::cli
