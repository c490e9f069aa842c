// eduplan export --per division|unit|plan --output-dir DIR: one report per part, plus an index.
#include "export_batch.h"

#include <eduplan/batch.h>
#include <eduplan/enum_text.h>
#include <eduplan/exporter_sdk.hpp>
#include <eduplan/file_names.h>

#include <filesystem>
#include <iostream>

#include "progress.h"

namespace eduplan::cli {
namespace {

// "missing/../x": the system refuses the path (there is no "missing" to go back from), while
// creating the missing directories one by one would make "missing" and then "x" beside it, as
// `mkdir -p` does. Refused as `-o missing/../plan.csv` is.
void refuse_path_through_missing_directory(const std::filesystem::path& dir) {
  std::filesystem::path prefix;
  for (const auto& part : dir) {
    if (part == ".." && !prefix.empty()) {
      std::error_code ec;
      if (!std::filesystem::is_directory(prefix, ec)) {
        throw IoError(tr({"{0}: der Pfad führt durch {1}, das es nicht gibt (oder das kein "
                          "Verzeichnis ist)",
                          "{0}: the path goes through {1}, which does not exist (or is no "
                          "directory)"},
                         dir.string(), prefix.string()));
      }
    }
    prefix /= part;
  }
}

}  // namespace

void check_output_dir_value(const po::variables_map& vm) {
  if (vm.count("output-dir") && path_option(vm, "output-dir", "--output-dir") == "-") {
    throw UsageError(tr({"--output-dir -: Berichte je Dezernat, Einheit oder Plan gehen in ein "
                         "Verzeichnis, nicht auf die Standardausgabe",
                         "--output-dir -: reports per division, unit or plan go to a directory, "
                         "not to standard output"}));
  }
}

void check_jobs_value(const po::variables_map& vm) {
  if (vm.count("jobs") && (vm["jobs"].as<unsigned>() == 0 || vm["jobs"].as<unsigned>() > 1024)) {
    throw UsageError(tr({"--jobs muss zwischen 1 und 1024 liegen", "--jobs must be from 1 to 1024"}));
  }
}

int run_export_batch(const po::variables_map& vm, const ExporterRegistry& registry,
                     const ExporterInfo& exporter,
                     const std::map<std::string, std::string>& options) {
  const auto scope = from_text<BatchScope>(vm["per"].as<std::string>());
  if (!scope) {
    throw UsageError(
        tr({"--per muss division, unit oder plan sein", "--per must be division, unit or plan"}));
  }
  if (!vm.count("output-dir")) {
    throw UsageError(tr({"--per braucht --output-dir", "--per needs --output-dir"}));
  }
  if (vm.count("output")) {
    throw UsageError(tr({"-o gilt für einen Bericht; --per schreibt seine Berichte nach --output-dir",
                         "-o is for one report; --per writes its reports to --output-dir"}));
  }
  // The database first: a database that cannot be read leaves no empty directory behind.
  const auto storage = open_existing_database(vm, DbAccess::read);
  std::optional<Plan> plan;
  std::vector<BatchJob> jobs;
  std::string title;
  if (*scope == BatchScope::plan) {
    jobs = plan_jobs(*storage, exporter.file_extension);
    title = tr({"Berichte aller Pläne in {0}", "reports of all plans in {0}"},
               std::filesystem::path(database_path(vm)).filename().string());
  } else {
    plan = load_chosen_plan(*storage, vm);
    jobs = batch_jobs(*plan, *scope, exporter.file_extension);
    const std::string plan_title =
        plan->title.empty() ? tr({"Bildungskonzept", "Education plan"}) : plan->title;
    title = *scope == BatchScope::division
                ? tr({"Steckbriefe je Dezernat – {0}", "Profiles per division – {0}"}, plan_title)
                : tr({"Steckbriefe je Verwaltungsbereich – {0}", "Profiles per unit – {0}"},
                     plan_title);
  }
  if (jobs.empty()) throw UsageError(tr({"nichts zu exportieren", "nothing to export"}));
  const std::filesystem::path dir = vm["output-dir"].as<std::string>();
  refuse_path_through_missing_directory(dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::error_code status_error;
  if (!std::filesystem::is_directory(dir, status_error)) {
    std::error_code ignored;
    const bool file = !status_error && std::filesystem::exists(dir, ignored);
    const std::error_code why = status_error ? status_error : ec;
    throw IoError(file    ? tr({"Verzeichnis {0} kann nicht angelegt werden: dort ist eine Datei",
                                "the directory {0} cannot be created: a file is there"},
                               dir.string())
                  : why   ? tr({"Verzeichnis {0} kann nicht angelegt werden ({1})",
                                "the directory {0} cannot be created ({1})"},
                               dir.string(), sdk::error_text(why.value()))
                          : tr({"Verzeichnis {0} kann nicht angelegt werden",
                                "the directory {0} cannot be created"},
                               dir.string()));
  }
  // A report file that is a database (a link in the directory, a file named like a report) would
  // be overwritten: refused before anything is written.
  for (const auto& job : jobs) refuse_database_as_target((dir / job.file).string(), database_path(vm));
  if (exporter.writes_index) {  // a CSV batch writes no index: a file of that name stays alone
    refuse_database_as_target((dir / safe_file_name("index", exporter.file_extension)).string(),
                              database_path(vm));
  }
  const unsigned threads = vm.count("jobs") ? vm["jobs"].as<unsigned>() : 0;
  // The plan's status reports go along (per division or unit; a batch over all plans has none).
  std::optional<ExportReports> reports;
  if (plan) {
    note_empty_period(*storage, plan->name, chosen_period(vm));
    reports = load_export_reports(*storage, plan->name, chosen_period(vm));
  }
  ProgressDisplay display;
  const auto entries = run_batch(registry, exporter.id, jobs, options, dir, threads,
                                 [&](const BatchProgress& p) { display.update(p); },
                                 reports ? &*reports : nullptr);
  display.finish();
  std::size_t failed = 0;
  for (const auto& e : entries) failed += !e.ok;
  std::cout << tr({"{0} von {1} Berichten geschrieben in {2}", "{0} of {1} reports written to {2}"},
                  entries.size() - failed, entries.size(), dir.string());
  if (failed) std::cout << tr({", {0} fehlgeschlagen", ", {0} failed"}, failed);
  std::cout << "\n";
  if (exporter.writes_index) {
    const auto index = dir / safe_file_name("index", exporter.file_extension);
    try {
      registry.export_index(exporter.id, title, plan ? plan->name : std::string(), entries, options,
                            index);
    } catch (const Error& e) {
      throw Rejected(tr({"Übersicht der Berichte nicht geschrieben: {0}", "index not written: {0}"},
                        e.what()));
    }
    std::cout << tr({"Übersicht der Berichte: {0}", "index of the reports: {0}"}, index.string())
              << "\n";
  }
  if (failed) {
    throw Rejected(count_of(failed, {"Bericht fehlgeschlagen", "report failed"},
                            {"Berichte fehlgeschlagen", "reports failed"}));
  }
  return kOk;
}

}  // namespace eduplan::cli
