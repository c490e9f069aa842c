// The C API's monitoring entry points: returned forms imported all or nothing, roll-ups as
// structs and as JSON (eduplan/c_api.h, docs/embedding.md).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "api/entry.h"
#include "api/handles.h"
#include "eduplan/c_api.h"
#include "eduplan/json.h"
#include "eduplan/monitoring.h"
#include "eduplan/report_import.h"
#include "eduplan/storage.h"

using namespace eduplan::api::entry;

extern "C" {

eduplan_code eduplan_db_import_reports(eduplan_db* db, const char* const* files, const char* plan,
                                       const char* period, int dry_run, size_t* stored,
                                       eduplan_names** problems) {
  return guarded([&] {
    if (problems) *problems = nullptr;
    if (stored) *stored = 0;
    EDUPLAN_TRY(check_handle("eduplan_db_import_reports", "db", db));
    if (!files) return fail(EDUPLAN_E_USAGE, required("eduplan_db_import_reports", "db, files"));
    EDUPLAN_TRY(check_utf8("eduplan_db_import_reports", "plan", plan));
    EDUPLAN_TRY(check_utf8("eduplan_db_import_reports", "period", period));
    if (plan && !db->storage->load_outline(plan)) return not_found(plan);  // as rollups, export
    std::vector<std::string> paths;
    for (const char* const* f = files; *f; ++f) paths.emplace_back(*f);
    eduplan::ReportImportOptions options;
    if (plan) options.plan = plan;
    if (period) options.period = period;
    options.dry_run = dry_run != 0;
    const auto result = eduplan::import_status_reports(*db->storage, paths, options);
    eduplan_names lines;
    for (const auto& p : result.problems) lines.names.push_back(p.where + ": " + p.message);
    if (problems) *problems = eduplan::api::make_handle(std::move(lines));
    if (!result.problems.empty()) {
      return fail(EDUPLAN_E_INPUT,
                  tr({"{0} in den Formularen; nichts gespeichert",
                      "{0} in the forms; nothing stored"},
                     eduplan::count_of(result.problems.size(), {"Fehler", "error"},
                                       {"Fehler", "errors"})));
    }
    if (stored) *stored = result.stored;
    return EDUPLAN_OK;
  });
}

eduplan_code eduplan_db_rollups(eduplan_db* db, const char* plan, const char* period,
                                eduplan_rollups** out) {
  return guarded([&] {
    if (out) *out = nullptr;
    EDUPLAN_TRY(check_handle("eduplan_db_rollups", "db", db));
    if (!plan || !out) return fail(EDUPLAN_E_USAGE, required("eduplan_db_rollups", "db, plan, out"));
    EDUPLAN_TRY(check_utf8("eduplan_db_rollups", "plan", plan));
    EDUPLAN_TRY(check_utf8("eduplan_db_rollups", "period", period));
    EDUPLAN_TRY(check_period("eduplan_db_rollups", period));
    if (!db->storage->load_outline(plan)) return not_found(plan);
    std::optional<std::string_view> when;
    if (period) when = period;
    eduplan_rollups r;
    r.rollups = eduplan::rollups(*db->storage, plan, when);
    const auto scale = db->storage->status_scale();
    r.json = eduplan::to_json(r.rollups, plan, when, scale);
    for (const auto& one : r.rollups) {
      auto& counts = r.counts.emplace_back();
      for (const auto& s : scale) {
        const auto it = one.counts.find(s);
        counts.emplace_back(s, it == one.counts.end() ? 0 : it->second);
      }
      for (const auto& [s, n] : one.counts) {
        if (std::find(scale.begin(), scale.end(), s) == scale.end()) counts.emplace_back(s, n);
      }
    }
    *out = eduplan::api::make_handle(std::move(r));
    return EDUPLAN_OK;
  });
}

size_t eduplan_rollups_count(const eduplan_rollups* r) {
  r = usable("eduplan_rollups_count", r);
  return r ? r->rollups.size() : 0;
}

const char* eduplan_rollups_json(const eduplan_rollups* r) {
  r = usable("eduplan_rollups_json", r);
  return r ? r->json.c_str() : nullptr;
}

eduplan_code eduplan_rollups_get(const eduplan_rollups* r, size_t i, const char** scope,
                                 const char** name, size_t* responsibilities, size_t* reported,
                                 int* has_progress, double* progress) {
  return guarded([&] {
    EDUPLAN_TRY(check_handle("eduplan_rollups_get", "rollups", r));
    if (i >= r->rollups.size())
      return fail(EDUPLAN_E_USAGE, tr({"eduplan_rollups_get: Index {0} außerhalb", "eduplan_rollups_get: index {0} out of range"}, i));
    const auto& one = r->rollups[i];
    if (scope) *scope = one.scope.c_str();
    if (name) *name = one.name.c_str();
    if (responsibilities) *responsibilities = one.responsibilities;
    if (reported) *reported = one.reported;
    if (has_progress) *has_progress = one.progress ? 1 : 0;
    if (progress) *progress = one.progress.value_or(0.0);
    return EDUPLAN_OK;
  });
}

size_t eduplan_rollups_status_count(const eduplan_rollups* r, size_t i) {
  r = usable("eduplan_rollups_status_count", r);
  return r && i < r->counts.size() ? r->counts[i].size() : 0;
}

eduplan_code eduplan_rollups_status(const eduplan_rollups* r, size_t i, size_t k,
                                    const char** status, size_t* count) {
  return guarded([&] {
    EDUPLAN_TRY(check_handle("eduplan_rollups_status", "rollups", r));
    if (i >= r->counts.size() || k >= r->counts[i].size())
      return fail(EDUPLAN_E_USAGE, tr({"eduplan_rollups_status: Index {0}/{1} außerhalb",
                                       "eduplan_rollups_status: index {0}/{1} out of range"},
                                      i, k));
    if (status) *status = r->counts[i][k].first.c_str();
    if (count) *count = r->counts[i][k].second;
    return EDUPLAN_OK;
  });
}

void eduplan_rollups_free(eduplan_rollups* r) { release("eduplan_rollups_free", r); }

}  // extern "C"
