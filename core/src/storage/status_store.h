// Status scale and status reports in the SQLite database (internal; tables of schema 3).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/monitoring.h"
#include "storage/sqlite_handle.h"

namespace eduplan::status_store {

// `version` is the database's schema version: before 3 there is no scale and no report.
std::vector<std::string> scale(sqlite::Database& db, int version);
void set_scale(sqlite::Database& db, const std::vector<std::string>& scale);
void add(sqlite::Database& db, std::string_view plan, std::vector<StatusReport>& reports);
std::vector<StatusReport> reports(sqlite::Database& db, int version, std::string_view plan,
                                  std::optional<std::string_view> period);
// Inside the caller's transaction: the reports follow a renamed plan, go with a removed one.
void rename_plan(sqlite::Database& db, std::string_view from, std::string_view to);
void remove_plan(sqlite::Database& db, std::string_view plan);

// Throws UsageError unless `scale` is a usable scale (not empty, no empty or repeated status).
void check_scale(const std::vector<std::string>& scale);

}  // namespace eduplan::status_store
