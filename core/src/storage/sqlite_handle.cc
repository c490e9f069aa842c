#include "storage/sqlite_handle.h"

#include <sqlite3.h>

#include "eduplan/error.h"
#include "eduplan/language.h"

namespace eduplan::sqlite {

Database::Database(const std::string& path) : path_(path), db_(nullptr, sqlite3_close) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) fail(tr({"öffnen", "open"}));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
}

void Database::fail(const std::string& context) const {
  if (db_ && sqlite3_errcode(db_.get()) == SQLITE_NOTADB) {
    throw StorageError(tr({"{0}: keine SQLite-Datenbank (oder beschädigt)",
                           "{0}: not an SQLite database (or damaged)"},
                          path_));
  }
  const char* msg = db_ ? sqlite3_errmsg(db_.get()) : "out of memory";
  throw StorageError(
      tr({"{0}: Datenbank ({1}): {2}", "{0}: database ({1}): {2}"}, path_, context, msg));
}

void Database::exec(std::string_view sql) {
  std::string s(sql);
  if (sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(s.substr(0, 60));
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }

int Database::changes() const { return sqlite3_changes(db_.get()); }

Statement::Statement(Database& db, std::string_view sql)
    : db_(db), stmt_(nullptr, sqlite3_finalize) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db.raw(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    db.fail(std::string(sql.substr(0, 60)));
  }
  stmt_.reset(raw);
}

void Statement::fail(const std::string& what) const {
  throw StorageError(tr({"{0}: Datenbank: {1} in {2}", "{0}: database: {1} in {2}"}, db_.path(),
                        what, sqlite3_sql(stmt_.get())));
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(sqlite3_sql(stmt_.get()));
}

void Statement::reset() { sqlite3_reset(stmt_.get()); }

void Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) db_.fail("bind");
}

void Statement::bind(int index, const std::string& value) { bind(index, std::string_view(value)); }

void Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_STATIC,
                          SQLITE_UTF8) != SQLITE_OK) {
    db_.fail("bind");
  }
}

void Statement::bind_static(int index, const char* text) {
  if (sqlite3_bind_text(stmt_.get(), index, text, -1, SQLITE_STATIC) != SQLITE_OK) db_.fail("bind");
}

void Statement::bind(int index, std::nullopt_t) {
  if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) db_.fail("bind");
}

bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL;
}

void Statement::column(int col, std::int64_t& out) const {
  out = sqlite3_column_int64(stmt_.get(), col);
}

void Statement::column(int col, std::string& out) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
  out.assign(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)));
}

void Statement::column(int col, int& out) const { out = sqlite3_column_int(stmt_.get(), col); }

void Statement::column(int col, std::size_t& out) const {
  out = static_cast<std::size_t>(sqlite3_column_int64(stmt_.get(), col));
}

void Statement::column(int col, bool& out) const {
  out = sqlite3_column_int64(stmt_.get(), col) != 0;
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace eduplan::sqlite
