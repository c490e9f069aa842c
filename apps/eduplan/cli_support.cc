#include "cli_support.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "text_report.h"

namespace eduplan::cli {

void add_db_option(po::options_description& options) {
  options.add_options()("db", po::value<std::string>(),
                        tr({"Datenbank (SQLite); ohne Angabe eduplan.db im aktuellen Verzeichnis",
                            "database (SQLite); without it, eduplan.db in the current directory"})
                            .c_str());
}

void add_plan_option(po::options_description& options) {
  options.add_options()("plan", po::value<std::string>(),
                        tr({"Name des Plans; nötig, wenn die Datenbank mehrere enthält",
                            "name of the plan; needed when the database holds several"})
                            .c_str());
}

void add_units_option(po::options_description& options) {
  options.add_options()("units", po::value<std::string>(),
                        tr({"Verwaltungsverzeichnis (CSV: unit,division,aliases)",
                            "units directory (CSV: unit,division,aliases)"})
                            .c_str());
}

void add_document_option(po::options_description& options,
                         po::positional_options_description& positional) {
  options.add_options()("document", po::value<std::string>()->required(),
                        tr({"das Dokument (Markdown oder CSV-Plantabelle)",
                            "the document (Markdown or the CSV plan table)"})
                            .c_str());
  positional.add("document", 1);
}

void add_format_option(po::options_description& options, const std::vector<std::string>& formats) {
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
  options.add_options()("format", po::value<std::string>()->default_value(formats.front()),
                        tr({"Ausgabe: {0}", "output: {0}"}, list).c_str());
}

void add_plugin_dir_option(po::options_description& options) {
  options.add_options()(
      "plugin-dir", po::value<std::vector<std::string>>()->composing(),
      tr({"zusätzliches Verzeichnis mit Exportern (mehrfach; vor EDUPLAN_PLUGIN_PATH)",
          "additional directory with exporters (repeatable; before EDUPLAN_PLUGIN_PATH)"})
          .c_str());
}

std::optional<po::variables_map> parse(const Command& command, const Args& args,
                                       po::options_description options,
                                       const po::positional_options_description& positional) {
  options.add_options()("help,h", tr({"diese Hilfe", "this help"}).c_str());
  const std::string usage = tr({"Aufruf: eduplan {0} {1}", "usage: eduplan {0} {1}"}, command.name,
                               command.synopsis.get());
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << options;
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + "\n" + usage);
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

ExporterRegistry discover_exporters(const po::variables_map& vm) {
  std::vector<std::filesystem::path> dirs;
  if (vm.count("plugin-dir")) {
    for (const auto& d : vm["plugin-dir"].as<std::vector<std::string>>()) dirs.emplace_back(d);
  }
  return ExporterRegistry::discover(dirs);
}

std::string value_of(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::string>() : std::string();
}

std::string database_path(const po::variables_map& vm) {
  return vm.count("db") ? vm["db"].as<std::string>() : kDefaultDatabase;
}

std::string default_note(const po::variables_map& vm) {
  return vm.count("db") ? ""
                        : tr({" (Standard, da --db fehlt)", " (the default: --db is missing)"});
}

std::unique_ptr<Storage> open_existing_database(const po::variables_map& vm) {
  const std::string path = database_path(vm);
  if (!std::filesystem::exists(path)) {
    throw UsageError(tr({"Datenbank {0}{1} gibt es nicht; zuerst „eduplan import“ ausführen",
                         "database {0}{1} does not exist; run \"eduplan import\" first"},
                        path, default_note(vm)));
  }
  return open_database(path);
}

Plan load_chosen_plan(const Storage& storage, const po::variables_map& vm) {
  std::string name = value_of(vm, "plan");
  if (name.empty()) {
    const auto plans = storage.list_plans();
    if (plans.size() != 1) {
      std::string list;
      for (const auto& p : plans) {
        list += "\n  " + p.name + tr({"  (importiert {0})", "  (imported {0})"}, p.imported_at);
      }
      throw UsageError(tr({"Datenbank {0} enthält {1} Pläne; bitte mit --plan einen wählen:{2}",
                           "database {0} holds {1} plans; choose one with --plan:{2}"},
                          database_path(vm), plans.size(), list));
    }
    name = plans.front().name;
  }
  auto plan = storage.load_plan(name);
  if (!plan) {
    throw UsageError(tr({"Datenbank {0} enthält keinen Plan „{1}“ (eduplan plans listet sie)",
                         "database {0} holds no plan \"{1}\" (eduplan plans lists them)"},
                        database_path(vm), name));
  }
  return std::move(*plan);
}

UnitsDirectory load_directory(const po::variables_map& vm) {
  if (!vm.count("units")) return {};
  const auto path = vm["units"].as<std::string>();
  std::vector<Finding> findings;
  UnitsDirectory dir = UnitsDirectory::load(path, findings);
  if (has_errors(findings)) {
    throw Rejected(
        tr({"{0}: Verwaltungsverzeichnis fehlerhaft", "{0}: the units directory is broken"}, path),
        path, std::move(findings));
  }
  print_findings(std::cout, path, findings);  // warnings, e.g. a converted encoding
  return dir;
}

}  // namespace eduplan::cli
