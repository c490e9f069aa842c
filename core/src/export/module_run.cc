#include "export/module_run.h"

#include <memory>
#include <optional>
#include <stdexcept>

#include "eduplan/language.h"
#include "eduplan/plan_stream.h"
#include "eduplan/storage.h"
#include "export/plan_view.h"
#include "export/plugin_module.h"

namespace eduplan {
namespace {

struct ErrorSink {
  std::string message;
  static void set(void* host, const char* message, size_t size) {
    if (host && message) static_cast<ErrorSink*>(host)->message.assign(message, size);
  }
};

eduplan_str str(const std::string& s) { return {s.data(), s.size()}; }

// The plan as the module will see it: a view of everything, or an outline and a stream.
struct Prepared {
  std::optional<Plan> whole;  // loaded here for a module that does not stream
  std::optional<PlanOutline> outline;
  std::unique_ptr<Storage> storage;
  std::unique_ptr<FocusAreaStream> stream;
  std::unique_ptr<FindingStream> findings;
  std::unique_ptr<PlanView> view;
  std::unique_ptr<StreamBridge> bridge;
  std::unique_ptr<FindingBridge> finding_bridge;
  std::optional<ExportReports> loaded_reports;  // of a stored plan
};

Prepared prepare(const ModuleRun& job) {
  Prepared p;
  const bool streams = job.exporter.streams && !job.batch;
  const Plan* plan = job.source.plan;
  const ExportReports* reports = job.source.reports;
  if (!plan) {
    p.storage = open_database_read_only(job.source.database);
    // The reports that go along: the latest of each responsibility (in the period, if given).
    p.loaded_reports = load_export_reports(*p.storage, job.source.name, job.source.period);
    if (p.loaded_reports) reports = &*p.loaded_reports;
    if (!streams) {
      p.whole = p.storage->load_plan(job.source.name);
      if (!p.whole)
        throw std::runtime_error(tr({"Plan „{0}“ ist nicht mehr in der Datenbank",
                                     "plan \"{0}\" is no longer in the database"},
                                    job.source.name));
      plan = &*p.whole;
    }
  }
  if (!streams) {
    p.view = std::make_unique<PlanView>(*plan, reports);
    return p;
  }
  if (plan) {
    p.outline = outline_of(*plan);
    p.stream = stream_of(*plan);
    p.findings = findings_of(*plan);
  } else {
    p.outline = p.storage->load_outline(job.source.name);
    if (!p.outline)
      throw std::runtime_error(tr({"Plan „{0}“ ist nicht mehr in der Datenbank",
                                   "plan \"{0}\" is no longer in the database"},
                                  job.source.name));
    p.stream = p.storage->stream_focus_areas(job.source.name);
    p.findings = p.storage->stream_findings(job.source.name);
    if (!p.stream || !p.findings)
      throw std::runtime_error(tr({"Plan „{0}“ ist nicht mehr in der Datenbank",
                                   "plan \"{0}\" is no longer in the database"},
                                  job.source.name));
  }
  p.view = std::make_unique<PlanView>(*p.outline, reports);
  p.bridge = std::make_unique<StreamBridge>(*p.stream, p.outline->plan, reports);
  p.finding_bridge = std::make_unique<FindingBridge>(*p.findings);
  return p;
}

}  // namespace

std::string run_module(const ModuleRun& job) {
  auto loaded = load_exporter_module(job.exporter.path);
  if (auto* reason = std::get_if<std::string>(&loaded)) throw std::runtime_error(*reason);
  const eduplan_exporter* descriptor = std::get<LoadedExporter>(loaded).descriptor;
  if (std::get<LoadedExporter>(loaded).info.id != job.exporter.id)
    throw std::runtime_error(tr({"Modul hat sich seit dem Suchen geändert",
                                 "the module has changed since it was found"}));

  std::vector<eduplan_option_value> options;
  for (const auto& [name, value] : job.options) options.push_back({str(name), str(value)});
  std::vector<eduplan_batch_entry> entries;
  if (job.batch) {
    for (const auto& e : *job.batch)
      entries.push_back(
          {str(e.label), str(e.file), e.focus_areas, e.responsibilities, e.ok ? 1 : 0});
  }
  const Prepared prepared = prepare(job);
  const std::string temp = job.temp.string();
  ErrorSink sink;
  const eduplan_export_request request{sizeof(eduplan_export_request),
                                       prepared.view->get(),
                                       options.data(),
                                       options.size(),
                                       temp.c_str(),
                                       &sink,
                                       &ErrorSink::set,
                                       entries.data(),
                                       entries.size(),
                                       prepared.bridge ? prepared.bridge->get() : nullptr,
                                       prepared.finding_bridge ? prepared.finding_bridge->get()
                                                               : nullptr,
                                       language() == Language::en ? "en" : "de"};
  eduplan_status status = EDUPLAN_STATUS_ERROR;
  try {
    status = descriptor->run(&request);
  } catch (...) {
    throw std::runtime_error(
        tr({"Ausnahme ist aus dem Exporter entkommen", "an exception escaped the exporter"}));
  }
  // A failing stream is the host's failure: its message says more than the module's.
  if (prepared.bridge && !prepared.bridge->error().empty())
    throw std::runtime_error(prepared.bridge->error());
  if (prepared.finding_bridge && !prepared.finding_bridge->error().empty())
    throw std::runtime_error(prepared.finding_bridge->error());
  if (status != EDUPLAN_STATUS_OK) throw std::runtime_error(sink.message);
  return {};
}

}  // namespace eduplan
