// eduplan export --per division|unit|plan --output-dir DIR: one report per part, plus an index.
#include "export_batch.h"

#include <eduplan/batch.h>
#include <eduplan/enum_text.h>
#include <eduplan/file_names.h>

#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "progress.h"

namespace eduplan::cli {

int run_export_batch(const po::variables_map& vm, const ExporterRegistry& registry,
                     const ExporterInfo& exporter,
                     const std::map<std::string, std::string>& options) {
  const auto scope = from_text<BatchScope>(vm["per"].as<std::string>());
  if (!scope) {
    std::cerr << "eduplan export: --per muss division, unit oder plan sein\n";
    return kUsage;
  }
  if (!vm.count("output-dir")) {
    std::cerr << "eduplan export: --per braucht --output-dir\n";
    return kUsage;
  }
  const std::filesystem::path dir = vm["output-dir"].as<std::string>();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir)) {
    std::cerr << "eduplan export: Verzeichnis " << dir.string() << " kann nicht angelegt werden\n";
    return kUsage;
  }
  auto storage = open_existing_database(vm, "export");
  if (!storage) return kUsage;
  std::optional<Plan> plan;
  std::vector<BatchJob> jobs;
  std::string title;
  if (*scope == BatchScope::plan) {
    jobs = plan_jobs(*storage, exporter.file_extension);
    title = "Pläne in " + database_path(vm);
  } else {
    plan = load_chosen_plan(*storage, vm, "export");
    if (!plan) return kUsage;
    jobs = batch_jobs(*plan, *scope, exporter.file_extension);
    title = plan->name + (*scope == BatchScope::division ? ": Steckbriefe je Dezernat"
                                                         : ": Steckbriefe je Einheit");
  }
  if (jobs.empty()) {
    std::cerr << "eduplan export: nichts zu exportieren\n";
    return kUsage;
  }
  const unsigned threads = vm.count("jobs") ? vm["jobs"].as<unsigned>() : 0;
  ProgressDisplay display;
  const auto entries = run_batch(registry, exporter.id, jobs, options, dir, threads,
                                 [&](const BatchProgress& p) { display.update(p); });
  display.finish();
  std::size_t failed = 0;
  for (const auto& e : entries) failed += !e.ok;
  std::cout << entries.size() - failed << " von " << entries.size() << " Berichten erstellt in "
            << dir.string();
  if (failed) std::cout << ", " << failed << " fehlgeschlagen";
  std::cout << "\n";
  if (exporter.writes_index) {
    const auto index = dir / safe_file_name("index", exporter.file_extension);
    try {
      registry.export_index(exporter.id, title, entries, options, index);
      std::cout << "Verzeichnis: " << index.string() << "\n";
    } catch (const Error& e) {
      std::cerr << "eduplan export: Verzeichnis nicht geschrieben: " << e.what() << "\n";
      return kFindings;
    }
  }
  return failed ? kFindings : kOk;
}

}  // namespace eduplan::cli
