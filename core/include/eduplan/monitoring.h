// Monitoring: what each unit reports, period by period, of its part of each focus area, and
// the roll-ups of those reports over the plan, its fields, divisions and units.
//
// A status report concerns one responsibility (a focus area and a unit, or a division
// responsible as a whole) in one reporting period ("2026-H1"). Reports are never overwritten:
// a later report for the same responsibility and period supersedes the earlier one in roll-ups,
// and both stay in the history. Reports belong to a plan by its name and to a responsibility by
// its key, which is stable across imports and plan versions (docs/schema.md), so that a
// re-imported plan keeps its reports.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"

namespace eduplan {

// The statuses a database offers until it is given its own (Storage::set_status_scale).
EDUPLAN_EXPORT const std::vector<std::string>& default_status_scale();

// "<focus area key>/<unit key>": the key forms and reports name a responsibility by.
EDUPLAN_EXPORT std::string responsibility_key(const FocusArea& area, const OrgUnit& unit);

// A reporting period as eduplan writes and accepts it: 1 to 32 characters of A-Z, a-z, 0-9, '.',
// '_' and '-' ("2026-H1", "2026", "Q3.2026").
EDUPLAN_EXPORT bool is_valid_period(std::string_view period);

struct StatusReport {
  std::string key;     // responsibility_key()
  std::string period;  // e.g. "2026-H1"
  std::string status;  // one of the database's scale
  std::optional<int> progress;  // 0..100
  std::string note;
  std::string source;       // where it came from: "datei.xlsx:Rückmeldung!D7"
  std::string imported_at;  // UTC, ISO 8601; set when stored
  std::int64_t sequence = 0;  // order of storing, set when stored: later supersedes earlier

  friend bool operator==(const StatusReport&, const StatusReport&) = default;
};
BOOST_DESCRIBE_STRUCT(StatusReport, (),
                      (key, period, status, progress, note, source, imported_at, sequence))

// Figures of one scope: the plan, a field, a division or a unit.
struct Rollup {
  std::string scope;  // "plan", "field", "division", "unit"
  std::string name;
  std::size_t responsibilities = 0;  // below it
  std::size_t reported = 0;          // of them, with a report
  std::map<std::string, std::size_t> counts;  // status -> responsibilities; every status of the scale
  std::optional<double> progress;  // mean over those with a progress value; none if none has one
};
BOOST_DESCRIBE_STRUCT(Rollup, (), (scope, name, responsibilities, reported, counts, progress))

class Storage;

// Whether period `a` comes before `b`: by the year (the first run of four digits: "2026-H1",
// "Q3.2026"), then by the rest with numbers compared as numbers ("2026-M9" < "2026-M10",
// "2026" < "2026-H1" < "2026-H2"); periods without a year come first. A strict weak order.
EDUPLAN_EXPORT bool period_before(std::string_view a, std::string_view b);

// The report that counts for each responsibility (key → report) among `history` (as
// Storage::status_reports returns it: of one period, or of all): the one of the latest period
// (period_before), and of those the one stored last: a late correction of 2026-H1 does not hide
// a report of 2026-H2.
EDUPLAN_EXPORT std::map<std::string, StatusReport> latest_reports(
    const std::vector<StatusReport>& history);

// Roll-ups of the plan stored as `plan`: the plan, each field (document order), each division
// and each unit (order of first appearance), from the latest report of each responsibility in
// `period` — or, without a period, the latest of any period. One pass over the plan's focus
// areas. Throws UsageError if there is no such plan.
EDUPLAN_EXPORT std::vector<Rollup> rollups(const Storage& storage, std::string_view plan,
                                           std::optional<std::string_view> period = std::nullopt);

// The plan's reports that match no responsibility of the plan as it is stored now (the latest
// of each key and period, in the order stored): a focus area reworded or a unit dropped when a
// new version was saved under the same name. They stay stored but count nowhere; a new version
// under a name of its own and `status carry` keep them. Nothing if there is no such plan.
EDUPLAN_EXPORT std::vector<StatusReport> unmatched_reports(const Storage& storage,
                                                           std::string_view plan);

}  // namespace eduplan
