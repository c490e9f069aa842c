// eduplan export --format ID [--db FILE] [--plan NAME] [-o PATH] [--option KEY=VALUE]...
//                [--period PERIOD] [--per division|unit|plan --output-dir DIR]
#include <eduplan/enum_text.h>
#include <eduplan/exporters.h>
#include <eduplan/file_names.h>
#include <eduplan/storage.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <iostream>

#include "cli_support.h"
#include "config_file.h"
#include "export_batch.h"
#include "stdout_target.h"
#include "exporter_help.h"
#include "text_report.h"

namespace eduplan::cli {

namespace {

std::map<std::string, std::string> parse_option_values(const po::variables_map& vm) {
  std::map<std::string, std::string> out;
  if (!vm.count("option")) return out;
  for (const auto& kv : vm["option"].as<std::vector<std::string>>()) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(tr(
          {"--option erwartet KEY=VALUE, nicht „{0}“", "--option expects KEY=VALUE, not \"{0}\""},
          kv));
    }
    if (!out.emplace(kv.substr(0, eq), kv.substr(eq + 1)).second) {
      throw UsageError(tr({"--option {0} mehrfach angegeben", "--option {0} given more than once"},
                          kv.substr(0, eq)));
    }
  }
  return out;
}

// The exporter's `lang` option follows the message language unless it is set.
void default_language(const ExporterInfo& exporter, std::map<std::string, std::string>& values) {
  for (const auto& o : exporter.options) {
    if (o.name == "lang" && !values.count("lang")) values["lang"] = to_text(language());
  }
}

const ExporterInfo& find_exporter(const ExporterRegistry& registry, const std::string& id) {
  if (const ExporterInfo* e = registry.find(id)) return *e;
  std::string available;
  for (const auto& e : registry.exporters()) available += " " + e.id;
  std::string message = tr(
      {"kein Exporter „{0}“ gefunden; verfügbar:{1}", "no exporter \"{0}\" found; available:{1}"},
      printable(id), available);
  if (registry.disabled()) {
    message += tr({" (Laden abgeschaltet: EDUPLAN_PLUGIN_PATH=disable)",
                   " (loading switched off: EDUPLAN_PLUGIN_PATH=disable)"});
  }
  for (const auto& r : registry.rejected()) {
    message += "\n  " + tr({"nicht geladen: {0}: {1}", "not loaded: {0}: {1}"},
                           printable(r.path.string()), printable(r.reason));
  }
  throw UsageError(message);
}

}  // namespace

int run_export(const Command& self, const Args& args) {
  CommandLine line;
  line.visible.add_options()(
      "format,f", po::value<std::string>()->value_name("ID"),
      tr({"Exporter (eduplan plugins listet alle)", "exporter (eduplan plugins lists them all)"})
          .c_str());
  add_db_option(line);
  add_plan_option(line);
  line.visible.add_options()(
      "output,o", po::value<std::string>()->value_name(tr({"ZIEL", "TARGET"})),
      tr({"Zieldatei; ohne Angabe <Plan>.<Endung> im aktuellen Verzeichnis",
          "target file; without it <plan>.<extension> in the current directory"})
          .c_str())(
      "option", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"),
      tr({"Option des Exporters, KEY=VALUE (mehrfach)",
          "an option of the exporter, KEY=VALUE (repeatable)"})
          .c_str())("per", po::value<std::string>()->value_name("division|unit|plan"),
                    tr({"ein Bericht je division, unit oder plan (Steckbriefe), mit Verzeichnis",
                        "one report per division, unit or plan (profiles), with an index"})
                        .c_str())(
      "output-dir", po::value<std::string>()->value_name(tr({"VERZEICHNIS", "DIRECTORY"})),
      tr({"Zielverzeichnis für --per (wird angelegt)", "target directory for --per (created)"})
          .c_str())("jobs,j", po::value<unsigned>()->value_name("N"),
                    tr({"parallele Berichte für --per (Standard: alle Kerne)",
                        "reports in parallel for --per (default: all cores)"})
                        .c_str())(
      "config", po::value<std::string>()->value_name(tr({"DATEI", "FILE"})),
      tr({"Optionen aus einer Datei (Zeilen „format = xlsx“, „option = lang=en“; die "
          "Befehlszeile hat Vorrang)",
          "options from a file (lines \"format = xlsx\", \"option = lang=en\"; the "
          "command line wins)"})
          .c_str());
  add_period_option(line, {"Stand der Rückmeldungen aus diesem Berichtszeitraum (z. B. 2026-H1); "
                          "ohne Angabe die jeweils letzte",
                          "statuses reported for this period (e.g. 2026-H1); without it the latest "
                          "of each responsibility"});
  add_plugin_dir_option(line);
  add_plugin_timeout_option(line);
  // --help is answered after parsing: with --format it shows that exporter's options.
  Args rest;
  bool help = false;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h")
      help = true;
    else
      rest.push_back(a);
  }
  auto vm = parse(self, rest, line);
  if (!vm) return kOk;
  if (help && !vm->count("format")) {
    std::cout << tr({"Aufruf: eduplan export {0}\n\n", "usage: eduplan export {0}\n\n"},
                    self.synopsis.get())
              << line.visible
              << tr({"\n„eduplan export --format ID --help“ zeigt die Optionen eines Exporters.\n",
                     "\n\"eduplan export --format ID --help\" shows an exporter's options.\n"});
    return kOk;
  }
  std::optional<ConfigSources> config;
  if (vm->count("config")) {
    config = store_config_file(vm->at("config").as<std::string>(), line.visible, *vm,
                               {{"per", {"division", "unit", "plan"}}});
  }
  // A value the file gave that is refused later, by a message naming its option ("--period: …"),
  // is blamed on its line too.
  const auto configured = [&]() -> int {
    if (!vm->count("format")) {
      throw UsageError(tr({"--format fehlt (eduplan plugins listet die Exporter)",
                           "--format is missing (eduplan plugins lists the exporters)"}));
    }
    const auto registry = discover_exporters(*vm, vm->at("format").as<std::string>());
    const ExporterInfo& exporter = [&]() -> const ExporterInfo& {
      try {
        return find_exporter(registry, vm->at("format").as<std::string>());
      } catch (const UsageError& e) {
        if (config && config->lines.count("format"))
          throw UsageError(config->at(config->lines.at("format"), e.what()));
        throw;
      }
    }();
    if (help) {
      std::cout << tr({"Aufruf: eduplan export --format {0} [--db DATEI] [--plan NAME] [-o ZIEL] "
                       "[--option KEY=VALUE]...\n\n",
                       "usage: eduplan export --format {0} [--db FILE] [--plan NAME] [-o TARGET] "
                       "[--option KEY=VALUE]...\n\n"},
                      exporter.id)
                << exporter.id << " " << exporter.version << ": " << exporter.description << "\n"
                << tr({"geladen aus {0}", "loaded from {0}"}, exporter.path.string()) << "\n\n"
                << tr({"Optionen des Exporters:", "The exporter's options:"}) << "\n";
      print_exporter_options(std::cout, exporter);
      return kOk;
    }
    auto values = parse_option_values(*vm);
    if (config) {  // what the file gave, checked now that the exporter is known, with its line
      for (const auto& [key, line_number] : config->option_keys) {
        try {
          registry.check_options(exporter.id, {{key, values.at(key)}});
        } catch (const UsageError& e) {
          throw UsageError(config->at(line_number, e.what()));
        }
      }
    }
    // A check whose message does not begin with the option's name (the target is the database):
    // a value the configuration file gave is blamed on its line here.
    const auto checked = [&config](const char* name, const std::function<void()>& check) {
      try {
        check();
      } catch (const UsageError& e) {
        if (config && config->lines.count(name))
          throw UsageError(config->at(config->lines.at(name), e.what()));
        throw;
      }
    };
    if (vm->count("per")) check_output_dir_value(*vm);
    check_jobs_value(*vm);  // without --per too: a wrong value is no less wrong there
    chosen_period(*vm);     // checked before the database is opened
    default_language(exporter, values);
    // A database the file names that is not there: said with the file's line.
    std::error_code ec;
    if (config && config->lines.count("db") && !std::filesystem::exists(database_path(*vm), ec))
      checked("db", [&] { open_existing_database(*vm, DbAccess::read); });
    if (vm->count("per")) return run_export_batch(*vm, registry, exporter, values);
    const auto storage = open_existing_database(*vm, DbAccess::read);
    std::string plan;
    checked("plan", [&] { plan = chosen_plan_name(*storage, *vm); });
    // -o, or a file named after the plan; checked once against the database.
    const std::string target = vm->count("output")
                                   ? path_option(*vm, "output", "-o")
                                   : safe_file_name(plan, exporter.file_extension);
    checked("output", [&] { refuse_database_as_target(target, database_path(*vm)); });
    if (is_stdout_target(target)) {
      note_empty_period(*storage, plan, chosen_period(*vm));
      const StdoutTarget out(safe_file_name(plan, exporter.file_extension));
      try {
        registry.export_stored_plan(exporter.id, database_path(*vm), plan, values, out.path(),
                                    chosen_period(*vm));
      } catch (const Error& e) {
        throw IoError(out.in_message(e.what()));
      }
      out.copy_out();
      return kOk;
    }
    note_empty_period(*storage, plan, chosen_period(*vm));
    // The export reads the plan from the database itself, piece by piece where the exporter can.
    try {
      registry.export_stored_plan(exporter.id, database_path(*vm), plan, values, target,
                                  chosen_period(*vm));
    } catch (const OutputError& e) {
      // The target cannot be written (its directory missing, say): with the line that named it.
      if (config && config->lines.count("output"))
        throw OutputError(config->at(config->lines.at("output"), e.what()));
      throw;
    }
    // Not into the report itself (-o /dev/stdout).
    if (!StdoutTarget::is_file(target)) {
      std::cout << tr({"geschrieben: {0} ({1})", "written: {0} ({1})"}, target, exporter.id)
                << "\n";
    }
    return kOk;
  };
  try {
    return configured();
  } catch (const UsageError& e) {
    if (config) {
      if (const auto line_number = config->line_named_by(e.what()))
        throw UsageError(config->at(*line_number, e.what()));
    }
    throw;
  }
}

}  // namespace eduplan::cli
