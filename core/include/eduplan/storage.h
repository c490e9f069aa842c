// Storage of plans. One database holds any number of plans, each under a unique name.
//
// The SQLite schema is a public interface, documented in docs/schema.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/monitoring.h"
#include "eduplan/plan_stream.h"
#include "eduplan/reader.h"
#include "eduplan/summary.h"

namespace eduplan {

// The schema version this build writes; older databases are migrated on open.
inline constexpr int kSchemaVersion = 3;
// PRAGMA application_id of eduplan databases ("EDUP"), set when eduplan creates or migrates one.
inline constexpr int kApplicationId = 0x45445550;

struct PlanInfo {
  std::string name;
  std::string title;
  std::string source;
  std::string imported_at;  // UTC, ISO 8601
  std::size_t fields = 0, focus_areas = 0, responsibilities = 0, objectives = 0;
};
BOOST_DESCRIBE_STRUCT(PlanInfo, (),
                      (name, title, source, imported_at, fields, focus_areas, responsibilities,
                       objectives))

// What Storage::import_plan_file did.
struct ImportResult {
  std::string name;               // the plan's name, as read_plan_file gives it
  std::vector<Finding> findings;  // as read_plan_file gives them: sorted by line
  bool stored = false;            // false if the document was rejected: nothing was changed
  PlanSummary summary;            // summarize() of the stored plan; empty if nothing was stored
};

// Not thread-safe: use one Storage per thread; several processes and threads may use the same
// database file at once. Every method throws StorageError on failure, also when what it reads
// from the database breaks the schema's rules (docs/schema.md: a unit's parent that is not a
// division of the same plan, text that is not UTF-8, negative positions, …), naming the table,
// the row and the column.
class EDUPLAN_EXPORT Storage {
 public:
  virtual ~Storage() = default;

  // Stores `plan` (with its findings) under plan.name, replacing a plan of that name.
  // All or nothing: on failure the storage is unchanged. Throws UsageError for a name that is
  // empty or only spaces, for text that is not valid UTF-8 or holds a NUL character, and for a
  // plan that breaks the model's rules (an index out of range, a unit whose parent is not a
  // division, a division with a parent).
  virtual void save_plan(const Plan& plan) = 0;
  virtual std::vector<PlanInfo> list_plans() const = 0;  // ordered by name, with counts
  // The plan stored under `name`, as saved (indices, keys, lines, findings), or nothing.
  virtual std::optional<Plan> load_plan(std::string_view name) const = 0;
  // Removes the plan and everything that belongs to it, in one transaction; other plans are
  // untouched. False if there was none.
  virtual bool remove_plan(std::string_view name) = 0;
  // Gives the plan `from` the name `to`. False if there is no plan `from`; throws UsageError
  // if `to` is empty, not valid UTF-8, or taken by another plan.
  virtual bool rename_plan(std::string_view from, std::string_view to) = 0;

  // The plan without its focus areas and findings, or nothing; and streams of its focus areas
  // in document order and of its findings (nothing if there is no such plan). A database reads both piece by piece, so that a
  // plan of any size can be exported in little memory; the defaults load the whole plan.
  virtual std::optional<PlanOutline> load_outline(std::string_view name) const;
  virtual std::unique_ptr<FocusAreaStream> stream_focus_areas(std::string_view name) const;
  virtual std::unique_ptr<FindingStream> stream_findings(std::string_view name) const;
  // The figures of summarize() for the stored plan, or nothing; computed in one pass over the
  // streams, without loading the plan.
  virtual std::optional<PlanSummary> summarize_plan(std::string_view name) const;

  // ---- Monitoring (monitoring.h) ----
  // The status scale of this database: default_status_scale() until one is set.
  virtual std::vector<std::string> status_scale() const = 0;
  // Replaces the scale. Throws UsageError for an empty scale, an empty or repeated status, or
  // one that stored reports use but the new scale lacks.
  virtual void set_status_scale(const std::vector<std::string>& scale) = 0;
  // Stores reports for the plan `plan`, in their order, in one transaction: all or nothing.
  // Sets each report's imported_at and sequence. Throws UsageError if there is no such plan.
  // The reports are not checked against the plan here (import_status_reports in eduplan/report_import.h does that).
  virtual void add_status_reports(std::string_view plan, std::vector<StatusReport> reports) = 0;
  // Stores what `choose` returns, as add_status_reports does, in the same write transaction in
  // which `choose` is given the plan's stored reports (the history, as status_reports() returns
  // it): what it decides from them (a report equal to the latest is not stored again) still
  // holds when other processes store reports at the same time. Storages that are not shared
  // may use this default, which reads the history and then stores.
  virtual void choose_and_add_status_reports(
      std::string_view plan,
      const std::function<std::vector<StatusReport>(const std::vector<StatusReport>& history)>&
          choose);
  // The reports of the plan in the order they were stored (the history), of one period only if
  // `period` is given. Renaming a plan keeps its reports, removing it removes them, and saving
  // a new version under the same name keeps them (they are tied to stable keys).
  virtual std::vector<StatusReport> status_reports(
      std::string_view plan, std::optional<std::string_view> period = std::nullopt) const = 0;

  // ---- Reading and storing in one go ----
  // Reads a document as read_plan_file does and saves the plan as save_plan does (replacing a
  // plan of the same name, in one transaction): the same findings, the same stored plan. The
  // SQLite storage stores each field as soon as it is read and checked, so that only one
  // field's focus areas are in memory at a time, not the whole plan's (docs/performance.md);
  // the default reads the whole plan first. If the document is rejected
  // (has_errors(result.findings)) nothing is changed. Throws as read_plan_file and save_plan.
  virtual ImportResult import_plan_file(const std::filesystem::path& path,
                                        const ReadOptions& options);

  // The plans' names, ordered as list_plans orders them, without its counts (which take a pass
  // over every plan's responsibilities). The default takes them from list_plans.
  virtual std::vector<std::string> plan_names() const;
};

// Opens (creating if needed) an SQLite database and migrates it to kSchemaVersion.
// Throws StorageError naming the file if it is not an eduplan database (another application's
// SQLite file, or tables without eduplan's columns), has a schema version that is negative or
// newer than this build, or cannot be opened.
EDUPLAN_EXPORT std::unique_ptr<Storage> open_database(const std::filesystem::path& path);

// Opens an existing eduplan database for reading only: it never creates, migrates or writes the
// file (older schema versions are read as they are). Throws StorageError as open_database does,
// and also for a missing or empty file; save_plan, remove_plan and rename_plan throw UsageError.
EDUPLAN_EXPORT std::unique_ptr<Storage> open_database_read_only(const std::filesystem::path& path);

// A storage that keeps plans in memory, with the same contract; for tests and previews.
EDUPLAN_EXPORT std::unique_ptr<Storage> make_memory_storage();

}  // namespace eduplan
