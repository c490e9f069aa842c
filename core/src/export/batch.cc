#include "eduplan/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "eduplan/file_names.h"
#include "eduplan/language.h"
#include "util/text.h"

namespace eduplan {

Plan slice_plan(const Plan& plan, const std::function<bool(std::size_t)>& keep) {
  Plan out;
  out.name = plan.name;
  out.title = plan.title;
  out.source = plan.source;
  std::vector<std::optional<std::size_t>> unit_map(plan.units.size());
  std::function<std::size_t(std::size_t)> map_unit = [&](std::size_t u) -> std::size_t {
    if (unit_map[u]) return *unit_map[u];
    std::optional<std::size_t> parent;
    if (plan.units[u].parent) parent = map_unit(*plan.units[u].parent);
    OrgUnit copy = plan.units[u];
    copy.parent = parent;
    out.units.push_back(std::move(copy));
    unit_map[u] = out.units.size() - 1;
    return *unit_map[u];
  };
  std::vector<std::optional<std::size_t>> objective_map(plan.objectives.size());
  for (const auto& field : plan.fields) {
    Field f{field.title, field.key, field.source_line, {}, {}};
    for (const auto& fa : field.focus_areas) {
      FocusArea kept{fa.text, fa.key, fa.source_line, {}};
      for (const auto& r : fa.responsibilities) {
        if (!keep(r.unit)) continue;
        Responsibility copy = r;
        copy.unit = map_unit(r.unit);
        kept.responsibilities.push_back(std::move(copy));
      }
      if (!kept.responsibilities.empty()) f.focus_areas.push_back(std::move(kept));
    }
    if (f.focus_areas.empty()) continue;
    for (const auto& ref : field.objectives) {
      if (!objective_map[ref.objective]) {
        out.objectives.push_back(plan.objectives[ref.objective]);
        objective_map[ref.objective] = out.objectives.size() - 1;
      }
      f.objectives.push_back({*objective_map[ref.objective], ref.source_line});
    }
    out.fields.push_back(std::move(f));
  }
  std::set<std::string> kept_names;
  for (const auto& u : out.units) kept_names.insert(u.name);
  for (const auto& finding : plan.findings) {
    if (kept_names.count(finding.subject)) out.findings.push_back(finding);
  }
  return out;
}

namespace {

// "name.ext", or "name (2).ext" … if the name is taken (ignoring case). A long name is
// shortened before the suffix, so that the suffix survives the length limit and the names
// stay apart.
std::string unique_file(std::string_view label, std::string_view extension,
                        std::set<std::string>& used) {
  const std::string dot_extension = extension.empty() ? "" : "." + std::string(extension);
  for (int n = 1;; ++n) {
    std::string file;
    if (n == 1) {
      file = safe_file_name(label, extension);
    } else {
      const std::string suffix = " (" + std::to_string(n) + ")";
      const std::size_t taken = dot_extension.size() + suffix.size();
      const std::size_t room = kMaxFileNameBytes > taken + 1 ? kMaxFileNameBytes - taken : 1;
      file = safe_file_name(label, "", room) + suffix + dot_extension;
    }
    if (used.insert(text::fold_case(file)).second) return file;
  }
}

}  // namespace

std::vector<BatchJob> batch_jobs(const Plan& plan, BatchScope scope, std::string_view extension) {
  std::vector<BatchJob> jobs;
  std::set<std::string> used = {text::fold_case(safe_file_name("index", extension))};
  std::vector<bool> seen(plan.units.size(), false);
  for (const auto& field : plan.fields) {
    for (const auto& fa : field.focus_areas) {
      for (const auto& r : fa.responsibilities) {
        const OrgUnit& u = plan.units[r.unit];
        std::size_t subject = r.unit;
        if (scope == BatchScope::division) {
          if (!u.is_division && !u.parent)
            continue;  // a unit without division belongs to no division
          subject = u.is_division ? r.unit : *u.parent;
        }
        if (seen[subject]) continue;
        seen[subject] = true;
        std::function<bool(std::size_t)> keep;
        if (scope == BatchScope::division) {
          keep = [&plan, subject](std::size_t x) {
            return x == subject || plan.units[x].parent == subject;
          };
        } else {
          keep = [subject](std::size_t x) { return x == subject; };
        }
        const std::string& label = plan.units[subject].name;
        jobs.push_back({label,
                        unique_file(label, extension, used),
                        [&plan, keep] { return slice_plan(plan, keep); },
                        {{"subtitle", "Steckbrief: " + label}}});
      }
    }
  }
  return jobs;
}

std::vector<BatchJob> plan_jobs(Storage& storage, std::string_view extension) {
  auto mutex = std::make_shared<std::mutex>();
  std::vector<BatchJob> jobs;
  std::set<std::string> used = {text::fold_case(safe_file_name("index", extension))};
  for (const auto& plan_name : storage.plan_names()) {
    const std::string name = plan_name;
    jobs.push_back({name,
                    unique_file(name, extension, used),
                    [&storage, mutex, name] {
                      std::lock_guard lock(*mutex);
                      auto plan = storage.load_plan(name);
                      if (!plan)
                        throw StorageError(tr({"Plan „{0}“ ist nicht mehr in der Datenbank",
                                               "plan \"{0}\" is no longer in the database"},
                                              name));
                      return std::move(*plan);
                    },
                    {}});
  }
  return jobs;
}

std::vector<BatchEntry> run_batch(const ExporterRegistry& registry, std::string_view exporter,
                                  const std::vector<BatchJob>& jobs,
                                  const std::map<std::string, std::string>& options,
                                  const std::filesystem::path& directory, unsigned threads,
                                  const std::function<void(const BatchProgress&)>& progress,
                                  const ExportReports* reports) {
  const ExporterInfo* info = registry.find(exporter);
  auto with_job_options = [&](const BatchJob& job) {
    std::map<std::string, std::string> merged = options;
    for (const auto& [name, value] : job.options) {
      const bool declared =
          info && std::any_of(info->options.begin(), info->options.end(),
                              [&](const ExporterOption& o) { return o.name == name; });
      if (declared) merged.emplace(name, value);  // the caller's value wins
    }
    return merged;
  };
  std::vector<BatchEntry> entries(jobs.size());
  std::atomic<std::size_t> next{0};
  std::mutex report;
  BatchProgress state;
  state.total = jobs.size();
  const auto start = std::chrono::steady_clock::now();
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      const BatchJob& job = jobs[i];
      BatchEntry entry{job.label, job.file, 0, 0, true};
      std::string error;
      try {
        const Plan plan = job.make();
        for (const auto& f : plan.fields) {
          entry.focus_areas += f.focus_areas.size();
          for (const auto& fa : f.focus_areas) entry.responsibilities += fa.responsibilities.size();
        }
        registry.export_plan(exporter, plan, with_job_options(job), directory / job.file,
                             reports);
      } catch (const std::exception& e) {
        entry.ok = false;
        error = e.what();
      }
      std::lock_guard lock(report);
      entries[i] = entry;
      ++state.done;
      state.failed += !entry.ok;
      state.job = &job;
      state.error = error;
      state.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (progress) progress(state);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
#if defined(__SANITIZE_ADDRESS__)
  // Each export forks a child process. glibc's malloc is safe to use in a child forked from a
  // threaded process, but the allocator of GCC 12's AddressSanitizer is not: a lock another
  // thread held at the fork stays locked in the child, which then hangs in its first malloc.
  // Sanitizer builds therefore run a batch on one thread.
  threads = 1;
#endif
  threads =
      static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(jobs.size(), 1)));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  return entries;
}

}  // namespace eduplan
