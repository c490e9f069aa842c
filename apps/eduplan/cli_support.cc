#include "cli_support.h"

#include <filesystem>
#include <iostream>

#include "text_report.h"

namespace eduplan::cli {

Parsed parse(const char* command, const char* synopsis, const Args& args,
             po::options_description options,
             const po::positional_options_description& positional) {
  options.add_options()("help,h", "diese Hilfe");
  Parsed p;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), p.vm);
    if (p.vm.count("help")) {
      std::cout << "Aufruf: eduplan " << command << " " << synopsis << "\n\n" << options;
      p.exit_code = kOk;
      return p;
    }
    po::notify(p.vm);
  } catch (const po::error& e) {
    std::cerr << "eduplan " << command << ": " << e.what() << "\nAufruf: eduplan " << command << " "
              << synopsis << "\n";
    p.exit_code = kUsage;
  }
  return p;
}

void add_format_option(po::options_description& options) {
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "Ausgabe: text oder json");
}

std::optional<bool> wants_json(const char* command, const po::variables_map& vm) {
  const auto format = vm["format"].as<std::string>();
  if (format == "text" || format == "json") return format == "json";
  std::cerr << "eduplan " << command << ": --format muss text oder json sein, nicht „" << format
            << "“\n";
  return std::nullopt;
}

void add_plugin_dir_option(po::options_description& options) {
  options.add_options()(
      "plugin-dir", po::value<std::vector<std::string>>()->composing(),
      "zusätzliches Verzeichnis mit Exportern (mehrfach; vor EDUPLAN_PLUGIN_PATH)");
}

ExporterRegistry discover_exporters(const po::variables_map& vm) {
  std::vector<std::filesystem::path> dirs;
  if (vm.count("plugin-dir")) {
    for (const auto& d : vm["plugin-dir"].as<std::vector<std::string>>()) dirs.emplace_back(d);
  }
  return ExporterRegistry::discover(dirs);
}

std::string database_path(const po::variables_map& vm) {
  return vm.count("db") ? vm["db"].as<std::string>() : kDefaultDatabase;
}

const char* default_note(const po::variables_map& vm) {
  return vm.count("db") ? "" : " (Standard, da --db fehlt)";
}

std::unique_ptr<Storage> open_existing_database(const po::variables_map& vm, const char* command) {
  const std::string path = database_path(vm);
  if (!std::filesystem::exists(path)) {
    std::cerr << "eduplan " << command << ": Datenbank " << path << default_note(vm)
              << " gibt es nicht; zuerst „eduplan import“ ausführen\n";
    return nullptr;
  }
  return open_database(path);
}

std::optional<Plan> load_chosen_plan(Storage& storage, const po::variables_map& vm,
                                     const char* command) {
  std::string name;
  if (vm.count("plan")) {
    name = vm["plan"].as<std::string>();
  } else {
    auto plans = storage.list_plans();
    if (plans.size() != 1) {
      std::cerr << "eduplan " << command << ": Datenbank " << database_path(vm) << " enthält "
                << plans.size() << " Pläne; bitte mit --plan einen wählen:\n";
      for (const auto& p : plans)
        std::cerr << "  " << p.name << "  (importiert " << p.imported_at << ")\n";
      return std::nullopt;
    }
    name = plans.front().name;
  }
  auto plan = storage.load_plan(name);
  if (!plan)
    std::cerr << "eduplan " << command << ": Datenbank " << database_path(vm)
              << " enthält keinen Plan „" << name << "“\n";
  return plan;
}

std::optional<UnitsDirectory> load_directory(const po::variables_map& vm, int& exit_code) {
  if (!vm.count("units")) return UnitsDirectory{};
  const auto path = vm["units"].as<std::string>();
  std::vector<Finding> findings;
  UnitsDirectory dir = UnitsDirectory::load(path, findings);
  if (has_errors(findings)) {
    print_findings(std::cerr, path, findings);
    std::cerr << path << ": Verwaltungsverzeichnis fehlerhaft; nichts geschrieben\n";
    exit_code = kFindings;
    return std::nullopt;
  }
  return dir;
}

}  // namespace eduplan::cli
