#include <algorithm>
#include <optional>

#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "export/child_process.h"
#include "export/exporter_options.h"
#include "export/module_info_codec.h"
#include "export/module_run.h"
#include "export/plugin_module.h"
#include "export/plugin_search.h"
#include "eduplan/atomic_output.h"

namespace eduplan {

namespace fs = std::filesystem;

struct ExporterRegistry::Impl {
  std::vector<ExporterInfo> infos;
  std::vector<RejectedModule> rejected;
  std::vector<fs::path> searched;
  bool disabled = false;
  std::chrono::milliseconds run_limit{kDefaultExportTimeLimit};
};

ExporterRegistry::ExporterRegistry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExporterRegistry::ExporterRegistry(ExporterRegistry&&) noexcept = default;
ExporterRegistry& ExporterRegistry::operator=(ExporterRegistry&&) noexcept = default;
ExporterRegistry::~ExporterRegistry() = default;

const std::vector<ExporterInfo>& ExporterRegistry::exporters() const { return impl_->infos; }
const std::vector<RejectedModule>& ExporterRegistry::rejected() const { return impl_->rejected; }
const std::vector<fs::path>& ExporterRegistry::searched() const { return impl_->searched; }
bool ExporterRegistry::disabled() const { return impl_->disabled; }
void ExporterRegistry::set_time_limit(std::chrono::milliseconds limit) {
  impl_->run_limit = limit;
}

const ExporterInfo* ExporterRegistry::find(std::string_view id) const {
  for (const auto& info : impl_->infos) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

namespace {

// What a child process that was to do `what` with `module` did instead of finishing.
std::string abnormal_end(const ChildOutcome& o, std::chrono::milliseconds limit) {
  switch (o.kind) {
    case ChildOutcome::Kind::signaled:
      return tr({"abgestürzt ({0})", "crashed ({0})"}, signal_text(o.code));
    case ChildOutcome::Kind::exited:
      return tr({"hat den Prozess mit Exit-Code {0} beendet, ohne fertig zu werden",
                 "ended the process with exit code {0} without finishing"},
                o.code);
    case ChildOutcome::Kind::timed_out:
      return tr({"nach {0} s abgebrochen (Zeitlimit)", "stopped after {0} s (time limit)"},
                std::chrono::duration_cast<std::chrono::seconds>(limit).count());
    default:
      return o.payload;
  }
}

// Loads the module in a child process and brings its checked description back.
std::variant<ExporterInfo, std::string> describe_module(const fs::path& file) {
  const auto outcome = run_in_child(
      [&file] {
        auto loaded = load_exporter_module(file);
        if (auto* reason = std::get_if<std::string>(&loaded)) throw std::runtime_error(*reason);
        return encode(std::get<LoadedExporter>(loaded).info);
      },
      kModuleLoadTimeLimit);
  if (outcome.kind == ChildOutcome::Kind::done) {
    try {
      return decode_exporter_info(outcome.payload);
    } catch (const std::exception&) {
      return tr({"unlesbare Beschreibung", "unreadable description"});
    }
  }
  if (outcome.kind == ChildOutcome::Kind::failed) return outcome.payload;
  return tr({"beim Laden {0}", "while loading: {0}"}, abnormal_end(outcome, kModuleLoadTimeLimit));
}

}  // namespace

ExporterRegistry ExporterRegistry::discover(const std::vector<fs::path>& extra_directories) {
  return search(extra_directories, std::nullopt);
}

ExporterRegistry ExporterRegistry::discover_for(std::string_view id,
                                                const std::vector<fs::path>& extra_directories) {
  return search(extra_directories, id);
}

ExporterRegistry ExporterRegistry::search(const std::vector<fs::path>& extra_directories,
                                          std::optional<std::string_view> wanted) {
  auto impl = std::make_unique<Impl>();
  SearchPath sp = plugin_search_path(extra_directories);
  impl->disabled = sp.disabled;
  impl->searched = sp.directories;
  impl->rejected = std::move(sp.problems);
  // The bundled exporters first: a module elsewhere cannot take their ids.
  std::vector<std::size_t> order;
  for (std::size_t i = sp.bundled_from; i < sp.directories.size(); ++i) order.push_back(i);
  for (std::size_t i = 0; i < sp.bundled_from; ++i) order.push_back(i);
  std::size_t bundled_count = 0;
  for (std::size_t d : order) {
    const bool bundled = d >= sp.bundled_from;
    std::vector<fs::path> modules;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(sp.directories[d], ec)) {
      if (entry.path().extension() == ".so") modules.push_back(entry.path());
    }
    std::sort(modules.begin(), modules.end());  // deterministic order
    for (const auto& file : modules) {
      if (auto why = unsafe_module_reason(file)) {
        impl->rejected.push_back({file, *why});
        continue;
      }
      auto described = describe_module(file);
      if (auto* reason = std::get_if<std::string>(&described)) {
        impl->rejected.push_back({file, *reason});
        continue;
      }
      auto& info = std::get<ExporterInfo>(described);
      const auto same = std::find_if(impl->infos.begin(), impl->infos.end(),
                                     [&](const ExporterInfo& i) { return i.id == info.id; });
      if (same != impl->infos.end()) {
        const bool shadows_bundled =
            static_cast<std::size_t>(same - impl->infos.begin()) < bundled_count && !bundled;
        impl->rejected.push_back(
            {file, shadows_bundled
                       ? tr({"Kennung {0} gehört dem mitgelieferten Exporter {1}",
                             "id {0} belongs to the bundled exporter {1}"},
                            info.id, same->path.string())
                       : tr({"Kennung {0} schon geladen aus {1}", "id {0} already loaded from {1}"},
                            info.id, same->path.string())});
        continue;
      }
      const bool found = wanted && info.id == *wanted;
      impl->infos.push_back(std::move(info));
      if (bundled) bundled_count = impl->infos.size();
      // Whatever comes later in the search order cannot take this id any more.
      if (found) return ExporterRegistry(std::move(impl));
    }
  }
  return ExporterRegistry(std::move(impl));
}

void ExporterRegistry::export_plan(std::string_view id, const Plan& plan,
                                   const std::map<std::string, std::string>& options,
                                   const fs::path& target, const ExportReports* reports) const {
  run(id, PlanSource{&plan, {}, {}, reports, {}}, nullptr, options, target);
}

void ExporterRegistry::export_stored_plan(std::string_view id, const fs::path& database,
                                          const std::string& plan,
                                          const std::map<std::string, std::string>& options,
                                          const fs::path& target,
                                          const std::optional<std::string>& period) const {
  run(id, PlanSource{nullptr, database, plan, nullptr, period}, nullptr, options, target);
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
  run(id, PlanSource{&index, {}, {}, nullptr, {}}, &entries, options, target);
}

void ExporterRegistry::check_options(std::string_view id,
                                     const std::map<std::string, std::string>& options) const {
  const ExporterInfo* info = find(id);
  if (!info)
    throw UsageError(tr({"kein Exporter „{0}“ gefunden (eduplan plugins listet alle)",
                         "no exporter \"{0}\" found (eduplan plugins lists them all)"},
                        id));
  resolve_options(*info, options);
}

void ExporterRegistry::run(std::string_view id, const PlanSource& source,
                           const std::vector<BatchEntry>* batch,
                           const std::map<std::string, std::string>& options,
                           const fs::path& target) const {
  const ExporterInfo* info = find(id);
  if (!info)
    throw UsageError(tr({"kein Exporter „{0}“ gefunden (eduplan plugins listet alle)",
                         "no exporter \"{0}\" found (eduplan plugins lists them all)"},
                        id));
  const auto values = resolve_options(*info, options);
  if (target.empty())
    throw UsageError(tr({"das Ziel ist leer: ein Dateiname fehlt", "the target is empty: a file name is missing"}));
  refuse_database_target(target);
  AtomicOutput out(target);
  const ModuleRun job{*info, source, batch, values, out.temp_path()};
  const auto outcome = run_in_child([&job] { return run_module(job); }, impl_->run_limit);
  if (outcome.kind != ChildOutcome::Kind::done) {
    const std::string what =
        outcome.kind == ChildOutcome::Kind::failed
            ? (outcome.payload.empty() ? tr({"ohne Meldung", "without a message"})
                                       : outcome.payload)
            : tr({"{0} {1}", "{0} {1}"}, info->path.string(),
                 abnormal_end(outcome, impl_->run_limit));
    throw ExportError(tr({"Exporter {0} ist fehlgeschlagen: {1}; {2} unverändert",
                          "exporter {0} failed: {1}; {2} unchanged"},
                         info->id, what, target.string()));
  }
  out.commit();
}

}  // namespace eduplan
