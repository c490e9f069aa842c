#include "storage/sqlite_handle.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <climits>
#include <cstring>
#include <new>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "util/file_io.h"
#include "util/text.h"

namespace eduplan::sqlite {
namespace {

// How long a connection waits for another one's write lock before it gives up: long enough
// for dozens of imports queued on the same file, short enough not to look like a hang.
constexpr int kBusyTimeoutMs = 30000;

const char* type_name(int type) {
  switch (type) {
    case SQLITE_INTEGER:
      return "integer";
    case SQLITE_FLOAT:
      return "real";
    case SQLITE_TEXT:
      return "text";
    case SQLITE_BLOB:
      return "blob";
    default:
      return "NULL";
  }
}

}  // namespace

Database::Database(const std::string& path, Access access)
    : path_(path), access_(access), db_(nullptr, sqlite3_close) {
  // A FIFO would block the open forever; a device or directory is no database either, and
  // SQLite would put its journal beside it (/dev/null-journal).
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    throw StorageError(tr({"{0}: keine gewöhnliche Datei (ein Verzeichnis, Gerät oder FIFO), "
                           "also keine Datenbank",
                           "{0}: not a regular file (a directory, device or FIFO), so no database"},
                          path));
  }
  // SQLite takes a file shorter than its smallest page (512 bytes) for an empty database, and an
  // import would then write a database over it. Such a file holds something else.
  if (S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < 512) {
    throw StorageError(tr({"{0}: keine SQLite-Datenbank ({1} Bytes, eine Datenbank hat mindestens 512)",
                           "{0}: not an SQLite database ({1} bytes; a database has at least 512)"},
                          path, static_cast<long long>(st.st_size)));
  }
  sqlite3* raw = nullptr;
  // No mutex per connection: a Database, like the Storage that holds it, is used by one thread at
  // a time (storage.h); SQLite's own locking of every call cost about 3 % of an export.
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (access == Access::read_only ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) fail(tr({"öffnen", "open"}));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
}

void Database::fail(const std::string& context) const {
  const int code = db_ ? sqlite3_errcode(db_.get()) & 0xff : SQLITE_NOMEM;  // primary code
  if (code == SQLITE_NOTADB) {
    throw StorageError(tr({"{0}: keine SQLite-Datenbank (oder beschädigt)",
                           "{0}: not an SQLite database (or damaged)"},
                          path_));
  }
  if (code == SQLITE_CORRUPT) {
    throw StorageError(tr({"{0}: Datenbank ist beschädigt ({1}); eine Sicherung zurückspielen",
                           "{0}: the database is damaged ({1}); restore a backup"},
                          path_, sqlite3_errmsg(db_.get())));
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    throw StorageError(tr({"{0}: Datenbank ist gesperrt, ein anderes Programm schreibt seit über "
                           "{1} s hinein; später erneut versuchen",
                           "{0}: the database is locked: another program has been writing to it "
                           "for over {1} s; try again later"},
                          path_, kBusyTimeoutMs / 1000));
  }
  if (db_ && sqlite3_extended_errcode(db_.get()) == SQLITE_READONLY_ROLLBACK) {
    // A write that was interrupted (a killed import) left its journal; only a connection that
    // may write can roll it back, so a read-only one fails — not because of the permissions.
    throw StorageError(tr({"{0}: ein abgebrochener Schreibvorgang (etwa ein beendetes „eduplan "
                           "import“) hat sein Journal {0}-journal hinterlassen; der nächste "
                           "schreibende Befehl (import, plans rename/delete) stellt den letzten "
                           "gespeicherten Stand wieder her",
                           "{0}: an interrupted write (such as a killed \"eduplan import\") left "
                           "its journal {0}-journal; the next command that writes (import, plans "
                           "rename/delete) restores the last stored state"},
                          path_));
  }
  if (code == SQLITE_READONLY) {
    throw StorageError(tr({"{0}: die Datenbank ist schreibgeschützt (Dateirechte oder ein "
                           "schreibgeschütztes Laufwerk); nichts gespeichert",
                           "{0}: the database is read-only (file permissions or a read-only "
                           "drive); nothing stored"},
                          path_));
  }
  if (code == SQLITE_FULL) {
    throw StorageError(tr({"{0}: der Datenträger ist voll; nichts gespeichert",
                           "{0}: the disk is full; nothing stored"},
                          path_));
  }
  if (code == SQLITE_NOMEM) {
    throw StorageError(tr({"{0}: zu wenig Arbeitsspeicher für die Datenbank; nichts gespeichert "
                           "(ist der Speicher begrenzt, etwa mit ulimit -v?)",
                           "{0}: out of memory for the database; nothing stored (is memory "
                           "limited, say by ulimit -v?)"},
                          path_));
  }
  if (code == SQLITE_CANTOPEN || code == SQLITE_IOERR) {
    // The system's reason where SQLite kept it ("zu viele offene Dateien"), in the message
    // language; SQLite's own English text ("unable to open database file") otherwise.
    const int system = db_ ? sqlite3_system_errno(db_.get()) : 0;
    throw StorageError(tr({"{0}: Datenbank kann nicht gelesen oder geschrieben werden ({1})",
                           "{0}: the database cannot be read or written ({1})"},
                          path_,
                          system != 0 ? error_text(system) : std::string(sqlite3_errmsg(db_.get()))));
  }
  const char* msg = db_ ? sqlite3_errmsg(db_.get()) : "out of memory";
  std::string where = context.size() > 60 ? context.substr(0, 60) + " …" : context;
  throw StorageError(
      tr({"{0}: Datenbank ({1}): {2}", "{0}: database ({1}): {2}"}, path_, where, msg));
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

const char* Statement::column_name(int col) const {
  const char* name = sqlite3_column_name(stmt_.get(), col);
  return name ? name : "?";
}

void Statement::bad_value(int col, const std::string& what) const {
  std::string row;
  if (col != 0 && std::strcmp(column_name(0), "id") == 0 &&
      sqlite3_column_type(stmt_.get(), 0) == SQLITE_INTEGER) {
    row = tr({" (Zeile mit id {0})", " (row with id {0})"},
             static_cast<long long>(sqlite3_column_int64(stmt_.get(), 0)));
  }
  throw StorageError(tr({"{0}: Datenbank enthält Ungültiges: Spalte {1}{2}: {3} – in {4}",
                         "{0}: the database holds invalid data: column {1}{2}: {3} – in {4}"},
                        db_.path(), column_name(col), row, what, sqlite3_sql(stmt_.get())));
}

// The value of column `col` of the current row, read with the sqlite3_value_* functions: one call
// into the statement per value instead of one for its type and one or two for its content (a
// large export reads millions). sqlite3_column_value's value is "unprotected", that is, read
// without the connection's mutex; every connection here is opened without one
// (SQLITE_OPEN_NOMUTEX, used by one thread at a time), so it is read like any value.
sqlite3_value* Statement::value(int col) const { return sqlite3_column_value(stmt_.get(), col); }

std::int64_t Statement::integer(int col, std::int64_t min, std::int64_t max) const {
  sqlite3_value* const value = this->value(col);
  const int type = sqlite3_value_type(value);
  if (type != SQLITE_INTEGER) {
    bad_value(col, tr({"Ganzzahl erwartet, gefunden: {0}", "integer expected, found {0}"},
                      type_name(type)));
  }
  const std::int64_t v = sqlite3_value_int64(value);
  if (v < min || v > max) {
    bad_value(col, tr({"{0} liegt nicht zwischen {1} und {2}", "{0} is not between {1} and {2}"},
                      static_cast<long long>(v), static_cast<long long>(min),
                      static_cast<long long>(max)));
  }
  return v;
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
  out = integer(col, INT64_MIN, INT64_MAX);
}

void Statement::column(int col, std::string& out) const {
  sqlite3_value* const value = this->value(col);
  const int type = sqlite3_value_type(value);
  if (type != SQLITE_TEXT) {
    bad_value(col,
              tr({"Text erwartet, gefunden: {0}", "text expected, found {0}"}, type_name(type)));
  }
  // A text is NULL only if SQLite could not convert or terminate it: out of memory.
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(value));
  if (!p) throw std::bad_alloc();
  out.assign(p, static_cast<std::size_t>(sqlite3_value_bytes(value)));
  if (auto bad = text::find_invalid_utf8(out)) {
    bad_value(col, tr({"kein gültiges UTF-8 (Byte {0})", "not valid UTF-8 (byte {0})"}, *bad + 1));
  }
  if (const auto nul = out.find('\0'); nul != std::string::npos) {
    bad_value(
        col, tr({"NUL-Zeichen im Text (Byte {0})", "a NUL character in the text (byte {0})"}, nul + 1));
  }
}

void Statement::column(int col, int& out) const {
  out = static_cast<int>(integer(col, INT_MIN, INT_MAX));
}

void Statement::column(int col, std::size_t& out) const {
  out = static_cast<std::size_t>(integer(col, 0, INT64_MAX));
}

void Statement::column(int col, bool& out) const { out = integer(col, 0, 1) != 0; }

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
  db_.exec(kind == write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace eduplan::sqlite
