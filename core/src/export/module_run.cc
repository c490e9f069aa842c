#include "export/module_run.h"

#include <stdexcept>

#include "eduplan/language.h"
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
  const PlanView view(job.plan);
  const std::string temp = job.temp.string();
  ErrorSink sink;
  const eduplan_export_request request{sizeof(eduplan_export_request),
                                       view.get(),
                                       options.data(),
                                       options.size(),
                                       temp.c_str(),
                                       &sink,
                                       &ErrorSink::set,
                                       entries.data(),
                                       entries.size()};
  eduplan_status status = EDUPLAN_STATUS_ERROR;
  try {
    status = descriptor->run(&request);
  } catch (...) {
    throw std::runtime_error(
        tr({"Ausnahme ist aus dem Exporter entkommen", "an exception escaped the exporter"}));
  }
  if (status != EDUPLAN_STATUS_OK) throw std::runtime_error(sink.message);
  return {};
}

}  // namespace eduplan
