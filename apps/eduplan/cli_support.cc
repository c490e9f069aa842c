#include "cli_support.h"

#include <eduplan/monitoring.h>
#include <eduplan/atomic_output.h>
#include <eduplan/exporter_sdk.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>

#include "text_report.h"

namespace eduplan::cli {

CommandLine::CommandLine() : visible(tr({"Optionen", "Options"})) {}

void add_db_option(CommandLine& line) {
  line.visible.add_options()(
      "db", po::value<std::string>()->value_name(tr({"DATEI", "FILE"})),
      tr({"Datenbank (SQLite); ohne Angabe eduplan.db im aktuellen Verzeichnis",
          "database (SQLite); without it, eduplan.db in the current directory"})
          .c_str());
}

void add_plan_option(CommandLine& line) {
  line.visible.add_options()("plan", po::value<std::string>()->value_name("NAME"),
                             tr({"Name des Plans; nötig, wenn die Datenbank mehrere enthält",
                                 "name of the plan; needed when the database holds several"})
                                 .c_str());
}

void add_period_option(CommandLine& line, const Text& help) {
  line.visible.add_options()("period", po::value<std::string>()->value_name(tr({"PERIODE", "PERIOD"})),
                             help.get());
}

std::optional<std::string> chosen_period(const po::variables_map& vm) {
  if (!vm.count("period")) return std::nullopt;
  const auto period = vm["period"].as<std::string>();
  if (!is_valid_period(period)) {
    throw UsageError(tr({"--period: „{0}“ ist kein Berichtszeitraum (1–32 Zeichen aus A–Z, a–z, "
                         "0–9, „-“, „_“, „.“, z. B. 2026-H1)",
                         "--period: \"{0}\" is not a reporting period (1–32 characters of A–Z, "
                         "a–z, 0–9, \"-\", \"_\", \".\", e.g. 2026-H1)"},
                        period));
  }
  return period;
}

void note_empty_period(const Storage& storage, const std::string& plan,
                       const std::optional<std::string>& period) {
  if (!period || !storage.status_reports(plan, period).empty()) return;
  std::set<std::string, bool (*)(std::string_view, std::string_view)> periods(&period_before);
  for (const auto& r : storage.status_reports(plan)) periods.insert(r.period);
  std::string list;
  for (const auto& p : periods) list += (list.empty() ? "" : ", ") + p;
  std::cerr << (list.empty()
                    ? tr({"Hinweis: zum Plan „{0}“ gibt es keine Rückmeldungen (Zeitraum {1})",
                          "note: plan \"{0}\" has no reports at all (period {1})"},
                         printable(plan), *period)
                    : tr({"Hinweis: keine Rückmeldungen zum Plan „{0}“ für den Zeitraum {1}; "
                          "vorhanden: {2}",
                          "note: no reports of plan \"{0}\" for the period {1}; there are: {2}"},
                         printable(plan), *period, printable(list)))
            << "\n";
}

void add_units_option(CommandLine& line) {
  line.visible.add_options()("units", po::value<std::string>()->value_name("CSV"),
                             tr({"Verwaltungsverzeichnis (CSV: unit,division,aliases)",
                                 "units directory (CSV: unit,division,aliases)"})
                                 .c_str());
}

void add_quiet_option(CommandLine& line) {
  line.visible.add_options()(
      "quiet,q", tr({"Hinweise nicht einzeln zeigen, nur zählen (Fehler und Warnungen schon)",
                     "do not list notes, only count them (errors and warnings are listed)"})
                     .c_str());
}

void add_document_option(CommandLine& line) {
  line.hidden.add_options()("document", po::value<std::string>()->required(), "");
  line.positional.add("document", 1);
}

void add_format_option(CommandLine& line, const std::vector<std::string>& formats) {
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
  line.visible.add_options()(
      "format", po::value<std::string>()->default_value(formats.front())->value_name(list),
      tr({"Ausgabe", "output"}).c_str());
}

void add_plugin_timeout_option(CommandLine& line) {
  line.visible.add_options()(
      "plugin-timeout", po::value<unsigned>()->value_name(tr({"SEKUNDEN", "SECONDS"})),
      tr({"Zeitlimit je Export; danach wird der Exporter beendet (Standard: 1800, 0: keins)",
          "time limit per export; the exporter is stopped after it (default: 1800, 0: none)"})
          .c_str());
}

void add_plugin_dir_option(CommandLine& line) {
  line.visible.add_options()(
      "plugin-dir",
      po::value<std::vector<std::string>>()->composing()->value_name(
          tr({"VERZEICHNIS", "DIRECTORY"})),
      tr({"zusätzliches Verzeichnis mit Exportern (mehrfach; vor EDUPLAN_PLUGIN_PATH)",
          "additional directory with exporters (repeatable; before EDUPLAN_PLUGIN_PATH)"})
          .c_str());
}

namespace {

// Boost.Program_options says what went wrong in English; eduplan says it in the message
// language, naming the option as the user wrote it (or the argument, for a positional one).
std::string option_problem(const po::error& e, const Command& command) {
  auto name = [&](const po::error_with_option_name& x) {
    std::string n = x.get_option_name();
    if (n == "--document") return std::string(tr({"DOKUMENT", "DOCUMENT"}));
    if (n == "--action" || n == "--names") return std::string(tr({"die Aktion", "the action"}));
    return n;
  };
  if (auto* x = dynamic_cast<const po::required_option*>(&e))
    return tr({"{0} fehlt", "{0} is missing"}, name(*x));
  if (auto* x = dynamic_cast<const po::unknown_option*>(&e))
    return tr({"unbekannte Option {0}", "unknown option {0}"}, name(*x));
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e))
    return tr({"zu viele Argumente", "too many arguments"});
  if (auto* x = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (x->kind() == po::invalid_syntax::missing_parameter)
      return tr({"{0} braucht einen Wert", "{0} needs a value"}, name(*x));
    return tr({"{0}: ungültige Schreibweise", "{0}: invalid syntax"}, name(*x));
  }
  if (auto* x = dynamic_cast<const po::multiple_occurrences*>(&e))
    return tr({"{0} mehrfach angegeben", "{0} given more than once"}, name(*x));
  if (auto* x = dynamic_cast<const po::validation_error*>(&e))
    return tr({"ungültiger Wert für {0}", "invalid value for {0}"}, name(*x));
  if (auto* x = dynamic_cast<const po::error_with_option_name*>(&e))
    return tr({"{0}: ungültig", "{0}: invalid"}, name(*x));
  (void)command;
  return e.what();
}

}  // namespace

std::optional<po::variables_map> parse(const Command& command, const Args& args,
                                       CommandLine& line) {
  line.visible.add_options()("help,h", tr({"diese Hilfe", "this help"}).c_str());
  po::options_description all;
  all.add(line.visible).add(line.hidden);
  const std::string usage = tr({"Aufruf: eduplan {0} {1}", "usage: eduplan {0} {1}"}, command.name,
                               command.synopsis.get());
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(line.positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << line.visible;
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(option_problem(e, command) + "\n" + usage);
  }
  // "--plan ''" (an unset shell variable) is no plan: taken as absent, import stored the plan
  // under the document's own name and replaced the plan of that name.
  if (vm.count("plan")) {
    if (const auto* plan = boost::any_cast<std::string>(&vm["plan"].value());
        plan && plan->find_first_not_of(" \t") == std::string::npos) {
      throw UsageError(tr({"--plan: leerer Name", "--plan: empty name"}) + "\n" + usage);
    }
  }
  return vm;
}

std::string chosen_format(const po::variables_map& vm, const std::vector<std::string>& formats) {
  const auto format = vm["format"].as<std::string>();
  if (std::find(formats.begin(), formats.end(), format) != formats.end()) return format;
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : ", ") + f;
  throw UsageError(tr(
      {"--format muss einer von {0} sein, nicht „{1}“", "--format must be one of {0}, not \"{1}\""},
      list, format));
}

ExporterRegistry discover_exporters(const po::variables_map& vm,
                                    std::optional<std::string_view> wanted) {
  std::vector<std::filesystem::path> dirs;
  if (vm.count("plugin-dir")) {
    for (const auto& d : vm["plugin-dir"].as<std::vector<std::string>>()) {
      if (d.empty())
        throw UsageError(tr({"--plugin-dir: leerer Verzeichnisname", "--plugin-dir: empty directory name"}));
      dirs.emplace_back(d);
    }
  }
  const auto started = std::chrono::steady_clock::now();
  auto registry =
      wanted ? ExporterRegistry::discover_for(*wanted, dirs) : ExporterRegistry::discover(dirs);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  // A module that does not answer while it is loaded costs the load time limit on every export
  // that reaches it; `eduplan plugins` lists such modules itself.
  if (wanted && seconds >= 5 && !registry.rejected().empty()) {
    std::cerr << tr({"eduplan: Hinweis: die Suche nach Exportern dauerte {0} s; „eduplan plugins“ "
                     "zeigt, welches Modul nicht geladen werden konnte",
                     "eduplan: note: finding the exporters took {0} s; \"eduplan plugins\" shows "
                     "which module could not be loaded"},
                    seconds)
              << "\n";
  }
  if (vm.count("plugin-timeout")) {
    // Program_options reads "-1" as 4294967295 for an unsigned value.
    constexpr unsigned kWeek = 7 * 24 * 3600;
    if (vm["plugin-timeout"].as<unsigned>() > kWeek) {
      throw UsageError(tr({"--plugin-timeout: 0 (keins) bis {0} Sekunden (eine Woche)",
                           "--plugin-timeout: 0 (none) to {0} seconds (a week)"},
                          kWeek));
    }
    registry.set_time_limit(std::chrono::seconds(vm["plugin-timeout"].as<unsigned>()));
  }
  return registry;
}

std::string path_option(const po::variables_map& vm, const char* name, const char* shown) {
  const std::string value = vm[name].as<std::string>();
  if (value.empty()) {
    throw UsageError(tr({"{0}: leerer Name; eine Datei oder ein Verzeichnis angeben",
                         "{0}: an empty name; give a file or a directory"},
                        shown));
  }
  return value;
}

void refuse_database_as_target(const std::string& target, const std::string& database) {
  // Standard output that is a database (the one read or another) is refused by main() before
  // any command runs.
  if (target == "-") return;
  std::error_code same;
  if (std::filesystem::equivalent(target, database, same)) {
    throw UsageError(tr({"{0} ist die Datenbank selbst; bitte ein anderes Ziel wählen",
                         "{0} is the database itself; choose another target"},
                        target));
  }
  // Nor any other database (the library refuses it too, but a report the CLI writes itself,
  // with diff or status forms, does not go through the library's exports).
  refuse_database_target(target, target);
}

std::string value_of(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::string>() : std::string();
}

std::string database_path(const po::variables_map& vm) {
  return vm.count("db") ? path_option(vm, "db", "--db") : kDefaultDatabase;
}

std::string default_note(const po::variables_map& vm) {
  return vm.count("db") ? ""
                        : tr({" (Standard, da --db fehlt)", " (the default: --db is missing)"});
}

void note_default_database(const po::variables_map& vm) {
  if (vm.count("db")) return;
  std::cerr << tr({"eduplan: Datenbank {0} (Standard, da --db fehlt)",
                   "eduplan: database {0} (the default: --db is missing)"},
                  kDefaultDatabase)
            << "\n";
}

std::unique_ptr<Storage> open_existing_database(const po::variables_map& vm, DbAccess access) {
  const std::string path = database_path(vm);
  note_default_database(vm);
  std::error_code status_error;
  const auto status = std::filesystem::status(path, status_error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw UsageError(tr({"Datenbank {0}{1} gibt es nicht; zuerst „eduplan import“ ausführen",
                         "database {0}{1} does not exist; run \"eduplan import\" first"},
                        path, default_note(vm)));
  }
  if (status_error) {  // a loop of links, a directory above it that may not be entered
    throw IoError(tr({"Datenbank {0}: lässt sich nicht öffnen ({1})", "database {0}: cannot be opened ({1})"},
                     path, sdk::error_text(status_error.value())));
  }
  if (access == DbAccess::read) return open_database_read_only(path);
  // Only `import` makes a database of an empty file: the commands that change stored plans refuse
  // it as the reading commands do (with their message), and leave it empty.
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec)
    open_database_read_only(path);  // throws: an empty file is no eduplan database
  return open_database(path);
}

std::string chosen_plan_name(const Storage& storage, const po::variables_map& vm) {
  std::string name = value_of(vm, "plan");
  const auto names = storage.plan_names();
  if (name.empty()) {
    if (names.size() != 1) {
      const auto plans = storage.list_plans();
      std::string list;
      for (const auto& p : plans) {
        list += "\n  " + p.name + tr({"  (importiert {0})", "  (imported {0})"}, p.imported_at);
      }
      throw UsageError(tr({"Datenbank {0} enthält {1} Pläne; bitte mit --plan einen wählen:{2}",
                           "database {0} holds {1} plans; choose one with --plan:{2}"},
                          database_path(vm), plans.size(), list));
    }
    return names.front();
  }
  for (const auto& n : names) {
    if (n == name) return name;
  }
  throw UsageError(tr({"Datenbank {0} enthält keinen Plan „{1}“ (eduplan plans listet sie)",
                       "database {0} holds no plan \"{1}\" (eduplan plans lists them)"},
                      database_path(vm), name));
}

Plan load_named_plan(const Storage& storage, const po::variables_map& vm, const std::string& name) {
  auto plan = storage.load_plan(name);
  if (!plan) {
    throw UsageError(tr({"Datenbank {0} enthält keinen Plan „{1}“ (eduplan plans listet sie)",
                         "database {0} holds no plan \"{1}\" (eduplan plans lists them)"},
                        database_path(vm), name));
  }
  return std::move(*plan);
}

Plan load_chosen_plan(const Storage& storage, const po::variables_map& vm) {
  return load_named_plan(storage, vm, chosen_plan_name(storage, vm));
}

UnitsDirectory load_directory(const po::variables_map& vm, std::ostream& notes) {
  if (!vm.count("units")) return {};
  const auto path = vm["units"].as<std::string>();
  std::vector<Finding> findings;
  UnitsDirectory dir = UnitsDirectory::load(path, findings);
  if (has_errors(findings)) {
    throw Rejected(
        tr({"{0}: Verwaltungsverzeichnis fehlerhaft", "{0}: the units directory is broken"}, path),
        path, std::move(findings));
  }
  print_findings(notes, path, findings);  // warnings, e.g. a converted encoding
  return dir;
}

}  // namespace eduplan::cli
