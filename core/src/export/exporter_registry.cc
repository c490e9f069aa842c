#include <algorithm>

#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "export/exporter_options.h"
#include "export/plan_view.h"
#include "export/plugin_module.h"
#include "export/plugin_search.h"
#include "util/atomic_output.h"

namespace eduplan {

namespace fs = std::filesystem;

struct ExporterRegistry::Impl {
  std::vector<ExporterInfo> infos;
  std::vector<const eduplan_exporter*> descriptors;  // parallel to infos
  std::vector<RejectedModule> rejected;
  std::vector<fs::path> searched;
  bool disabled = false;
};

ExporterRegistry::ExporterRegistry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExporterRegistry::ExporterRegistry(ExporterRegistry&&) noexcept = default;
ExporterRegistry& ExporterRegistry::operator=(ExporterRegistry&&) noexcept = default;
ExporterRegistry::~ExporterRegistry() = default;

const std::vector<ExporterInfo>& ExporterRegistry::exporters() const { return impl_->infos; }
const std::vector<RejectedModule>& ExporterRegistry::rejected() const { return impl_->rejected; }
const std::vector<fs::path>& ExporterRegistry::searched() const { return impl_->searched; }
bool ExporterRegistry::disabled() const { return impl_->disabled; }

const ExporterInfo* ExporterRegistry::find(std::string_view id) const {
  for (const auto& info : impl_->infos) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

ExporterRegistry ExporterRegistry::discover(const std::vector<fs::path>& extra_directories) {
  auto impl = std::make_unique<Impl>();
  SearchPath sp = plugin_search_path(extra_directories);
  impl->disabled = sp.disabled;
  impl->searched = sp.directories;
  impl->rejected = std::move(sp.problems);
  for (const auto& dir : sp.directories) {
    std::vector<fs::path> modules;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so") modules.push_back(entry.path());
    }
    std::sort(modules.begin(), modules.end());  // deterministic order
    for (const auto& file : modules) {
      if (auto why = unsafe_module_reason(file)) {
        impl->rejected.push_back({file, *why});
        continue;
      }
      auto loaded = load_exporter_module(file);
      if (auto* reason = std::get_if<std::string>(&loaded)) {
        impl->rejected.push_back({file, *reason});
        continue;
      }
      auto& ok = std::get<LoadedExporter>(loaded);
      bool shadowed = false;
      for (const auto& info : impl->infos) {
        if (info.id == ok.info.id) {
          impl->rejected.push_back(
              {file, tr({"Kennung {0} schon geladen aus {1}", "id {0} already loaded from {1}"},
                        info.id, info.path.string())});
          shadowed = true;
        }
      }
      if (shadowed) continue;
      impl->infos.push_back(std::move(ok.info));
      impl->descriptors.push_back(ok.descriptor);
    }
  }
  return ExporterRegistry(std::move(impl));
}

namespace {

struct ErrorSink {
  std::string message;
  static void set(void* host, const char* message, size_t size) {
    if (host && message) static_cast<ErrorSink*>(host)->message.assign(message, size);
  }
};

}  // namespace

void ExporterRegistry::export_plan(std::string_view id, const Plan& plan,
                                   const std::map<std::string, std::string>& options,
                                   const fs::path& target) const {
  run(id, plan, nullptr, options, target);
}

void ExporterRegistry::export_index(std::string_view id, const std::string& title,
                                    const std::string& plan,
                                    const std::vector<BatchEntry>& entries,
                                    const std::map<std::string, std::string>& options,
                                    const fs::path& target) const {
  const ExporterInfo* info = find(id);
  if (info && !info->writes_index)
    throw UsageError(
        tr({"Exporter {0} kann kein Verzeichnis schreiben", "exporter {0} cannot write an index"},
           info->id));
  Plan index;
  index.name = plan;
  index.title = title;
  run(id, index, &entries, options, target);
}

void ExporterRegistry::run(std::string_view id, const Plan& plan,
                           const std::vector<BatchEntry>* batch,
                           const std::map<std::string, std::string>& options,
                           const fs::path& target) const {
  const ExporterInfo* info = find(id);
  if (!info)
    throw UsageError(tr({"kein Exporter „{0}“ gefunden (eduplan plugins listet alle)",
                         "no exporter \"{0}\" found (eduplan plugins lists them all)"},
                        id));
  const auto* descriptor = impl_->descriptors[static_cast<std::size_t>(info - impl_->infos.data())];
  const auto values = resolve_options(*info, options);
  std::vector<eduplan_option_value> option_views;
  for (const auto& [name, value] : values) {
    option_views.push_back({{name.data(), name.size()}, {value.data(), value.size()}});
  }
  const PlanView view(plan);
  AtomicOutput out(target);
  const std::string temp = out.temp_path().string();
  std::vector<eduplan_batch_entry> entries;
  if (batch) {
    auto str = [](const std::string& s) { return eduplan_str{s.data(), s.size()}; };
    for (const auto& e : *batch) {
      entries.push_back(
          {str(e.label), str(e.file), e.focus_areas, e.responsibilities, e.ok ? 1 : 0});
    }
  }
  ErrorSink sink;
  const eduplan_export_request request{sizeof(eduplan_export_request),
                                       view.get(),
                                       option_views.data(),
                                       option_views.size(),
                                       temp.c_str(),
                                       &sink,
                                       &ErrorSink::set,
                                       entries.data(),
                                       entries.size()};
  eduplan_status status = EDUPLAN_STATUS_ERROR;
  try {
    status = descriptor->run(&request);
  } catch (...) {
    sink.message =
        tr({"Ausnahme ist aus dem Exporter entkommen", "an exception escaped the exporter"});
  }
  if (status != EDUPLAN_STATUS_OK) {
    throw ExportError(tr(
        {"Exporter {0} ist fehlgeschlagen: {1}; {2} unverändert",
         "exporter {0} failed: {1}; {2} unchanged"},
        info->id, sink.message.empty() ? tr({"ohne Meldung", "without a message"}) : sink.message,
        target.string()));
  }
  out.commit();
}

}  // namespace eduplan
