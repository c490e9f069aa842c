// eduplan status forms|import|show|carry|scale: monitoring — status reports collected through
// forms, their roll-ups, carried over to a new plan version; the database's status scale.
#include <cstring>
#include <iostream>

#include "cli_support.h"
#include "status_commands.h"

namespace eduplan::cli {
namespace {

constexpr Command kStatusCommands[] = {
    {"forms",
     {"[--db DATEI] [--plan NAME] --period PERIODE --output-dir VERZEICHNIS [--force]",
      "[--db FILE] [--plan NAME] --period PERIOD --output-dir DIR [--force]"},
     {"Rückmeldebögen (.xlsx) je Verwaltungsbereich für einen Berichtszeitraum schreiben",
      "write status forms (.xlsx) per unit for a reporting period"},
     run_status_forms},
    {"show",
     {"[--db DATEI] [--plan NAME] [--period PERIODE] [--format text|json]",
      "[--db FILE] [--plan NAME] [--period PERIOD] [--format text|json]"},
     {"Stand zusammenfassen: je Plan, Handlungsfeld, Dezernat und Verwaltungsbereich",
      "roll-ups per plan, field, division and unit"},
     run_status_show},
    {"import",
     {"[--db DATEI] [--plan NAME] [--period PERIODE] [--dry-run] DATEI…",
      "[--db FILE] [--plan NAME] [--period PERIOD] [--dry-run] FILE…"},
     {"ausgefüllte Formulare (.xlsx, .csv) einlesen: alles oder nichts",
      "read returned forms (.xlsx, .csv): all or nothing"},
     run_status_import},
    {"scale",
     {"[--db DATEI] [--set STATUS,STATUS,…]", "[--db FILE] [--set STATUS,STATUS,…]"},
     {"Statusskala der Datenbank zeigen oder festlegen", "show or set the database's status scale"},
     run_status_scale},
    {"carry",
     {"[--db DATEI] --from PLAN --to PLAN [--dry-run]", "[--db FILE] --from PLAN --to PLAN [--dry-run]"},
     {"letzte Rückmeldungen in eine neue Fassung des Plans übernehmen",
      "carry the latest reports over to a new version of the plan"},
     run_status_carry},
};

void print_status_usage(std::ostream& out) {
  out << tr({"Aufruf: eduplan status BEFEHL [OPTIONEN]\n\nBefehle:\n",
             "usage: eduplan status COMMAND [OPTIONS]\n\nCommands:\n"});
  for (const auto& c : kStatusCommands)
    out << "  " << c.name << std::string(8 - std::strlen(c.name), ' ') << c.summary.get() << "\n";
}

}  // namespace

int run_status(const Command&, const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    print_status_usage(std::cout);
    return args.empty() ? kUsage : kOk;
  }
  for (const auto& c : kStatusCommands) {
    if (args[0] != c.name) continue;
    // Its usage and errors name it as typed: "eduplan status show …".
    const std::string name = std::string("status ") + c.name;
    const Command sub{name.c_str(), c.synopsis, c.summary, c.run};
    return c.run(sub, Args(args.begin() + 1, args.end()));
  }
  std::string list;
  for (const auto& c : kStatusCommands) list += (list.empty() ? "" : ", ") + std::string(c.name);
  throw UsageError(tr({"unbekannter Befehl „status {0}“ ({1})",
                       "unknown command \"status {0}\" ({1})"},
                      args[0], list));
}

}  // namespace eduplan::cli
