// eduplan plans [list] | rename OLD NEW | delete NAME   [--db FILE] [--format text|json]
#include <eduplan/json.h>
#include <eduplan/storage.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_plans(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  add_format_option(line, {"text", "json"});
  line.hidden.add_options()("action", po::value<std::string>()->default_value("list"), "")(
      "names", po::value<std::vector<std::string>>(), "");
  line.positional.add("action", 1).add("names", -1);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const auto action = vm->at("action").as<std::string>();
  const auto names = vm->count("names") ? vm->at("names").as<std::vector<std::string>>()
                                        : std::vector<std::string>{};
  const std::size_t wanted = action == "list"     ? 0
                             : action == "rename" ? 2
                             : action == "delete" ? 1
                                                  : 99;
  if (wanted == 99) {
    throw UsageError(tr({"unbekannte Aktion „{0}“ (list, rename, delete)",
                         "unknown action \"{0}\" (list, rename, delete)"},
                        action));
  }
  if (names.size() != wanted) {
    throw UsageError(tr({"{0} erwartet {1} Namen, nicht {2}", "{0} expects {1} names, not {2}"},
                        action, wanted, names.size()));
  }
  const auto storage =
      open_existing_database(*vm, action == "list" ? DbAccess::read : DbAccess::write);
  if (action == "rename") {
    if (!storage->rename_plan(names[0], names[1])) {
      throw UsageError(
          tr({"Datenbank {0} enthält keinen Plan „{1}“", "database {0} holds no plan \"{1}\""},
             database_path(*vm), names[0]));
    }
    std::cout << tr({"Plan „{0}“ heißt jetzt „{1}“", "plan \"{0}\" is now called \"{1}\""},
                    printable(names[0]), printable(names[1]))
              << "\n";
    return kOk;
  }
  if (action == "delete") {
    // Its status reports go with it (docs/schema.md): said, so that nobody loses them unaware.
    const std::size_t reports = storage->status_reports(names[0]).size();
    if (!storage->remove_plan(names[0])) {
      throw UsageError(
          tr({"Datenbank {0} enthält keinen Plan „{1}“", "database {0} holds no plan \"{1}\""},
             database_path(*vm), names[0]));
    }
    std::cout << tr({"Plan „{0}“ gelöscht", "plan \"{0}\" deleted"}, printable(names[0]));
    if (reports > 0)
      std::cout << tr({", mit {0}", ", with {0}"},
                      count_of(reports, {"Rückmeldung", "status report"},
                               {"Rückmeldungen", "status reports"}));
    std::cout << "\n";
    return kOk;
  }
  const auto plans = storage->list_plans();
  if (chosen_format(*vm, {"text", "json"}) == "json") {
    std::cout << to_json(plans) << "\n";
  } else {
    std::cout << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, database_path(*vm),
                    default_note(*vm))
              << "\n\n";
    print_plans(std::cout, plans);
  }
  return kOk;
}

}  // namespace eduplan::cli
