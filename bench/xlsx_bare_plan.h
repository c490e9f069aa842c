// xlsx-bare's reading side: the plan's outline from the database with the sqlite3 C API, and
// what the Zuständigkeitsmatrix's header needs before its first row (each unit's number of focus
// areas and first appearance, the divisions in order of first appearance, the unit columns),
// from one unordered scan of the responsibilities. The focus areas themselves are streamed by
// xlsx_bare.cc. One translation unit, so the functions are inline.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

namespace bare {

constexpr std::size_t kNone = SIZE_MAX;

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "xlsx-bare: %s\n", what);
  std::exit(1);
}

class Query {
 public:
  Query(sqlite3* db, const char* sql, sqlite3_int64 plan) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
    sqlite3_bind_int64(st_, 1, plan);
  }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
    return rc == SQLITE_ROW;
  }
  sqlite3_int64 i(int c) { return sqlite3_column_int64(st_, c); }
  const char* s(int c) {
    const auto* p = sqlite3_column_text(st_, c);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  bool null(int c) { return sqlite3_column_type(st_, c) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

using Position = std::array<sqlite3_int64, 3>;  // field, focus area, responsibility
constexpr Position kNever{INT64_MAX, 0, 0};

struct Unit {
  std::string name;
  std::size_t division = kNone;  // its division, or itself for a division
  bool whole = false;            // a division (named as a whole where it is responsible)
  std::size_t focus_areas = 0;   // its responsibilities
  Position first = kNever;       // its first responsibility (a division: of any of its units)
  // Filled while the focus areas are written:
  std::vector<std::size_t> fields;  // where it is responsible
  std::size_t division_areas = 0;   // a division: focus areas any of its units takes part in
};

struct Field {
  std::string title;
  std::vector<std::size_t> objectives;
  std::vector<std::string> attributes;  // further columns, in order of first appearance
  // Filled while the focus areas are written:
  std::size_t focus_areas = 0, responsibilities = 0;
};

struct Plan {
  sqlite3_int64 id = 0;
  std::string name, title, source;  // title: "Bildungskonzept" if none; source: the file name
  bool has_source = false;
  std::vector<Unit> units;  // in id order
  std::vector<std::string> objectives;
  std::vector<std::vector<std::size_t>> fields_of_objective;
  std::vector<Field> fields;
  std::unordered_map<sqlite3_int64, std::size_t> unit_of, field_of;  // id -> index
  std::size_t focus_areas = 0;
  std::vector<std::size_t> divisions;  // in order of first appearance
  std::vector<std::size_t> columns;    // the matrix's unit columns
  std::vector<std::size_t> column_of;  // per unit
};

inline Plan read_plan(sqlite3* db, const char* name) {
  Plan p;
  {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, title, source FROM plan WHERE name = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) fail("no such plan");
    p.id = sqlite3_column_int64(st, 0);
    p.name = name;
    p.title = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    if (p.title.empty()) p.title = "Bildungskonzept";
    p.source = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
    p.has_source = !p.source.empty();
    p.source = p.source.substr(p.source.find_last_of("/\\") + 1);
    sqlite3_finalize(st);
  }
  std::vector<sqlite3_int64> parents;
  for (Query q(db,
               "SELECT id, name, parent_id, is_division FROM org_unit WHERE plan_id = ? "
               "ORDER BY id",
               p.id);
       q.step();) {
    p.unit_of[q.i(0)] = p.units.size();
    parents.push_back(q.null(2) ? 0 : q.i(2));
    p.units.push_back({.name = q.s(1), .whole = q.i(3) != 0});
  }
  for (std::size_t u = 0; u < p.units.size(); ++u)
    p.units[u].division = p.units[u].whole ? u : parents[u] ? p.unit_of.at(parents[u]) : kNone;
  std::unordered_map<sqlite3_int64, std::size_t> objective_of;
  for (Query q(db, "SELECT id, text FROM objective WHERE plan_id = ? ORDER BY id", p.id);
       q.step();) {
    objective_of[q.i(0)] = p.objectives.size();
    p.objectives.push_back(q.s(1));
  }
  p.fields_of_objective.resize(p.objectives.size());
  for (Query q(db, "SELECT id, title FROM field WHERE plan_id = ? ORDER BY position", p.id);
       q.step();) {
    p.field_of[q.i(0)] = p.fields.size();
    p.fields.push_back({.title = q.s(1)});
  }
  for (Query q(db,
               "SELECT fo.field_id, fo.objective_id FROM field_objective fo JOIN field f ON "
               "f.id = fo.field_id WHERE f.plan_id = ? ORDER BY f.position, fo.position",
               p.id);
       q.step();) {
    const std::size_t f = p.field_of.at(q.i(0)), o = objective_of.at(q.i(1));
    p.fields[f].objectives.push_back(o);
    p.fields_of_objective[o].push_back(f);
  }
  for (Query q(db,
               "SELECT fa.field_id, a.name FROM focus_area_attribute a JOIN focus_area fa ON "
               "fa.id = a.focus_area_id JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? "
               "ORDER BY f.position, fa.position, a.position",
               p.id);
       q.step();) {
    auto& names = p.fields[p.field_of.at(q.i(0))].attributes;
    if (std::find(names.begin(), names.end(), q.s(1)) == names.end()) names.emplace_back(q.s(1));
  }
  Query count(db,
              "SELECT count(*) FROM focus_area fa JOIN field f ON f.id = fa.field_id "
              "WHERE f.plan_id = ?",
              p.id);
  count.step();
  p.focus_areas = static_cast<std::size_t>(count.i(0));

  // The matrix's header: each unit's count and first appearance in one unordered scan, the
  // divisions in order of first appearance, each followed by its units; units without one last.
  for (Query q(db,
               "SELECT r.org_unit_id, f.position, fa.position, r.position FROM field f JOIN "
               "focus_area fa ON fa.field_id = f.id JOIN responsibility r ON "
               "r.focus_area_id = fa.id WHERE f.plan_id = ?",
               p.id);
       q.step();) {
    Unit& unit = p.units[p.unit_of.at(q.i(0))];
    ++unit.focus_areas;
    unit.first = std::min(unit.first, Position{q.i(1), q.i(2), q.i(3)});
  }
  auto& units = p.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::size_t d = units[u].division;
    if (units[u].focus_areas == 0 || d == kNone) continue;
    if (std::find(p.divisions.begin(), p.divisions.end(), d) == p.divisions.end())
      p.divisions.push_back(d);
    units[d].first = std::min(units[d].first, units[u].first);
  }
  std::sort(p.divisions.begin(), p.divisions.end(),
            [&](std::size_t a, std::size_t b) { return units[a].first < units[b].first; });
  for (std::size_t d : p.divisions) {
    if (units[d].focus_areas > 0) p.columns.push_back(d);
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (!units[u].whole && units[u].division == d && units[u].focus_areas > 0)
        p.columns.push_back(u);
    }
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].division == kNone && units[u].focus_areas > 0) p.columns.push_back(u);
  }
  p.column_of.assign(units.size(), 0);
  for (std::size_t c = 0; c < p.columns.size(); ++c) p.column_of[p.columns[c]] = c;
  return p;
}

}  // namespace bare
