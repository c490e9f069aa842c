// eduplan export --format ID [--db FILE] [--plan NAME] [-o PATH] [--option KEY=VALUE]...
#include <eduplan/exporters.h>
#include <eduplan/file_names.h>
#include <eduplan/storage.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "export_batch.h"

namespace eduplan::cli {

namespace {

std::map<std::string, std::string> parse_option_values(const std::vector<std::string>& raw) {
  std::map<std::string, std::string> out;
  for (const auto& kv : raw) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--option erwartet KEY=VALUE, nicht „" + kv + "“");
    if (!out.emplace(kv.substr(0, eq), kv.substr(eq + 1)).second) {
      throw UsageError("--option " + kv.substr(0, eq) + " mehrfach angegeben");
    }
  }
  return out;
}

}  // namespace

int run_export(const Args& args) {
  po::options_description options("Optionen");
  options.add_options()("format,f", po::value<std::string>(),
                        "Exporter (eduplan plugins listet alle)")(
      "db", po::value<std::string>(), "Datenbank; ohne Angabe eduplan.db im aktuellen Verzeichnis")(
      "plan", po::value<std::string>(),
      "Name des Plans; nötig, wenn die Datenbank mehrere enthält")(
      "output,o", po::value<std::string>(),
      "Zieldatei; ohne Angabe <Plan>.<Endung> im aktuellen Verzeichnis")(
      "option", po::value<std::vector<std::string>>()->composing(),
      "Option des Exporters, KEY=VALUE (mehrfach)")(
      "per", po::value<std::string>(),
      "ein Bericht je division, unit oder plan (Steckbriefe), mit Verzeichnis")(
      "output-dir", po::value<std::string>(), "Zielverzeichnis für --per (wird angelegt)")(
      "jobs,j", po::value<unsigned>(), "parallele Berichte für --per (Standard: alle Kerne)")(
      "config", po::value<std::string>(),
      "Optionen aus einer Datei (Zeilen „format = xlsx“, „option = lang=en“; die Befehlszeile hat "
      "Vorrang)");
  add_plugin_dir_option(options);
  // --help is answered after parsing: with --format it shows that exporter's options.
  Args rest;
  bool help = false;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h")
      help = true;
    else
      rest.push_back(a);
  }
  constexpr const char* kSynopsis =
      "--format ID [--db DATEI] [--plan NAME] [-o ZIEL] [--option KEY=VALUE]...";
  auto parsed = parse("export", kSynopsis, rest, options, {});
  if (parsed.exit_code) return *parsed.exit_code;
  if (help && !parsed.vm.count("format")) {
    std::cout << "Aufruf: eduplan export " << kSynopsis << "\n\n"
              << options
              << "\n„eduplan export --format ID --help“ zeigt die Optionen eines Exporters.\n";
    return kOk;
  }
  auto& vm = parsed.vm;
  if (vm.count("config")) {
    const auto config = vm["config"].as<std::string>();
    try {
      po::store(po::parse_config_file<char>(config.c_str(), options), vm);
      po::notify(vm);
    } catch (const po::error& e) {
      std::cerr << "eduplan export: " << config << ": " << e.what() << "\n";
      return kUsage;
    }
  }
  if (!vm.count("format")) {
    std::cerr << "eduplan export: --format fehlt (eduplan plugins listet die Exporter)\n";
    return kUsage;
  }
  const auto registry = discover_exporters(vm);
  const auto id = vm["format"].as<std::string>();
  const ExporterInfo* exporter = registry.find(id);
  if (!exporter) {
    std::cerr << "eduplan export: kein Exporter „" << id << "“ gefunden";
    if (registry.disabled()) std::cerr << " (Laden abgeschaltet: EDUPLAN_PLUGIN_PATH=disable)";
    std::cerr << "; verfügbar:";
    for (const auto& e : registry.exporters()) std::cerr << " " << e.id;
    std::cerr << "\n";
    for (const auto& r : registry.rejected())
      std::cerr << "  nicht geladen: " << r.path.string() << ": " << r.reason << "\n";
    return kUsage;
  }
  if (help) {
    std::cout << "Aufruf: eduplan export --format " << exporter->id
              << " [--db DATEI] [--plan NAME] [-o ZIEL] "
              << "[--option KEY=VALUE]...\n\n"
              << exporter->id << " " << exporter->version << ": " << exporter->description << "\n"
              << "geladen aus " << exporter->path.string() << "\n\nOptionen des Exporters:\n";
    print_exporter_options(std::cout, *exporter);
    return kOk;
  }
  const auto values =
      parse_option_values(vm.count("option") ? vm["option"].as<std::vector<std::string>>()
                                             : std::vector<std::string>{});
  if (vm.count("per")) return run_export_batch(vm, registry, *exporter, values);
  auto storage = open_existing_database(vm, "export");
  if (!storage) return kUsage;
  auto plan = load_chosen_plan(*storage, vm, "export");
  if (!plan) return kUsage;
  const std::filesystem::path target =
      vm.count("output")
          ? std::filesystem::path(vm["output"].as<std::string>())
          : std::filesystem::path(safe_file_name(plan->name, exporter->file_extension));
  registry.export_plan(id, *plan, values, target);
  std::cout << "geschrieben: " << target.string() << " (" << exporter->id << ")\n";
  return kOk;
}

}  // namespace eduplan::cli
