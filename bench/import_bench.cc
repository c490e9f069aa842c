// eduplan-bench: times one phase of an import in its own process, with peak memory.
//   eduplan-bench read|import|bare DOC UNITS DB
// read:   read + resolve + validate (no database)
// import: read + resolve + validate + save, field by field, as `eduplan import` does
// bare:   the same rows inserted with plain prepared statements into the same schema,
//         after an untimed read: the floor any importer has to pay
// Prints one line: mode responsibilities seconds peak_rss_mib document_mib
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    std::cerr << "sqlite: " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

struct Insert {
  sqlite3* db;
  sqlite3_stmt* st = nullptr;
  Insert(sqlite3* d, const char* sql) : db(d) {
    check(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), db);
  }
  ~Insert() { sqlite3_finalize(st); }
  Insert& i(int col, sqlite3_int64 v) { return sqlite3_bind_int64(st, col, v), *this; }
  Insert& t(int col, const std::string& v) {
    return sqlite3_bind_text(st, col, v.data(), static_cast<int>(v.size()), SQLITE_STATIC), *this;
  }
  sqlite3_int64 run() {
    check(sqlite3_step(st), db);
    sqlite3_reset(st);
    return sqlite3_last_insert_rowid(db);
  }
};

void bare_insert(const eduplan::Plan& plan, const std::string& path) {
  eduplan::open_database(path);  // the same schema; creating it is timed in both modes
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  Insert p(db, "INSERT INTO plan(name, title, source) VALUES(?, ?, ?)");
  const auto plan_id = p.t(1, plan.name).t(2, plan.title).t(3, plan.source).run();
  Insert u(db,
           "INSERT INTO org_unit(plan_id, name, parent_id, is_division, key, source_line) "
           "VALUES(?,?,?,?,?,?)");
  std::vector<sqlite3_int64> unit_ids;
  for (const auto& unit : plan.units) {
    u.i(1, plan_id).t(2, unit.name).i(4, unit.is_division).t(5, unit.key).i(6, unit.source_line);
    if (unit.parent)
      u.i(3, unit_ids[*unit.parent]);
    else
      sqlite3_bind_null(u.st, 3);
    unit_ids.push_back(u.run());
  }
  Insert o(db, "INSERT INTO objective(plan_id, text, key, source_line) VALUES(?,?,?,?)");
  std::vector<sqlite3_int64> objective_ids;
  for (const auto& ob : plan.objectives)
    objective_ids.push_back(o.i(1, plan_id).t(2, ob.text).t(3, ob.key).i(4, ob.source_line).run());
  Insert f(db, "INSERT INTO field(plan_id, position, title, key, source_line) VALUES(?,?,?,?,?)");
  Insert fa(db,
            "INSERT INTO focus_area(field_id, position, text, key, source_line) VALUES(?,?,?,?,?)");
  Insert r(
      db,
      "INSERT INTO responsibility(focus_area_id, org_unit_id, position, source_line, written_name, "
      "stated_division, split_from) VALUES(?,?,?,?,?,?,?)");
  Insert fo(
      db,
      "INSERT INTO field_objective(field_id, objective_id, position, source_line) VALUES(?,?,?,?)");
  for (std::size_t fi = 0; fi < plan.fields.size(); ++fi) {
    const auto& field = plan.fields[fi];
    auto field_id = f.i(1, plan_id)
                        .i(2, static_cast<sqlite3_int64>(fi))
                        .t(3, field.title)
                        .t(4, field.key)
                        .i(5, field.source_line)
                        .run();
    for (std::size_t ai = 0; ai < field.focus_areas.size(); ++ai) {
      const auto& area = field.focus_areas[ai];
      auto fa_id = fa.i(1, field_id)
                       .i(2, static_cast<sqlite3_int64>(ai))
                       .t(3, area.text)
                       .t(4, area.key)
                       .i(5, area.source_line)
                       .run();
      for (std::size_t ri = 0; ri < area.responsibilities.size(); ++ri) {
        const auto& resp = area.responsibilities[ri];
        r.i(1, fa_id)
            .i(2, unit_ids[resp.unit])
            .i(3, static_cast<sqlite3_int64>(ri))
            .i(4, resp.source_line)
            .t(5, resp.written_name)
            .t(6, resp.stated_division)
            .t(7, resp.split_from)
            .run();
      }
    }
    for (std::size_t k = 0; k < field.objectives.size(); ++k) {
      fo.i(1, field_id)
          .i(2, objective_ids[field.objectives[k].objective])
          .i(3, static_cast<sqlite3_int64>(k))
          .i(4, field.objectives[k].source_line)
          .run();
    }
  }
  Insert fi(db,
            "INSERT INTO finding(plan_id, rule, severity, message, source_line, subject) "
            "VALUES(?,?,?,?,?,?)");
  const std::string severities[] = {"error", "warning", "info"};
  for (const auto& x : plan.findings) {
    fi.i(1, plan_id)
        .t(2, x.rule)
        .t(3, severities[static_cast<int>(x.severity)])
        .t(4, x.message)
        .i(5, x.line)
        .t(6, x.subject)
        .run();
  }
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db);
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: eduplan-bench read|import|bare DOC UNITS DB\n";
    return 2;
  }
  const std::string mode = argv[1], doc = argv[2], db = argv[4];
  std::vector<eduplan::Finding> dir_findings;
  const auto dir = eduplan::UnitsDirectory::load(argv[3], dir_findings);
  std::filesystem::remove(db);
  auto start = Clock::now();
  std::size_t responsibilities = 0;
  bool rejected = false;
  double seconds = 0;
  if (mode == "import") {  // read and stored field by field, as `eduplan import` does
    auto storage = eduplan::open_database(db);
    const auto result = storage->import_plan_file(doc, {.directory = &dir});
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    rejected = !result.stored;
    responsibilities = result.summary.responsibilities;
  } else {
    const eduplan::Plan plan = eduplan::read_plan_file(doc, {.directory = &dir});
    if (mode == "bare") {
      start = Clock::now();
      bare_insert(plan, db);
    }
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    responsibilities = eduplan::summarize(plan).responsibilities;
    rejected = eduplan::has_errors(plan.findings);
  }
  std::printf("%s %zu %.3f %.1f %.1f\n", mode.c_str(), responsibilities, seconds, peak_rss_mib(),
              static_cast<double>(std::filesystem::file_size(doc)) / (1024.0 * 1024.0));
  return rejected ? 1 : 0;
}
