// Thin RAII wrappers over the SQLite C API (internal). Errors throw StorageError with
// the database's file name and SQLite's message. Values read from a row are checked: an
// integer column must hold an integer in the range of the type read, a text column valid
// UTF-8 text (the schema is public, and other software writes to it).
#pragma once

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "eduplan/enum_text.h"
#include "eduplan/language.h"

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_value;

namespace eduplan::sqlite {

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);

  // Returns true while there is a row; false when done.
  bool step();
  void reset();  // ready to run again; bindings stay until rebound

  void bind(int index, std::int64_t value);
  // Text is bound without a copy: it must stay alive until the statement has run, so
  // temporaries are refused at compile time.
  void bind(int index, const std::string& value);
  void bind(int index, std::string&&) = delete;
  void bind(int index, std::string_view value);  // same lifetime rule
  void bind(int index, std::nullopt_t);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, std::size_t value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value)); }
  template <class T>
  void bind(int index, const std::optional<T>& value) {
    if (value)
      bind(index, *value);
    else
      bind(index, std::nullopt);
  }
  template <class E, class = std::enable_if_t<boost::describe::has_describe_enumerators<E>::value>>
  void bind(int index, E value) {
    bind_static(index, boost::describe::enum_to_string(value, ""));  // static storage
  }

  bool is_null(int col) const;
  void column(int col, std::int64_t& out) const;
  void column(int col, std::string& out) const;
  void column(int col, int& out) const;
  void column(int col, std::size_t& out) const;
  void column(int col, bool& out) const;  // 0 or 1
  // The integer in column `col`, refused (StorageError naming the column) unless it lies in
  // [min, max].
  std::int64_t integer(int col, std::int64_t min, std::int64_t max) const;
  const char* column_name(int col) const;
  // Throws StorageError: column `col` of the current row holds `what`.
  [[noreturn]] void bad_value(int col, const std::string& what) const;
  template <class T>
  void column(int col, std::optional<T>& out) const {
    if (is_null(col)) {
      out.reset();
      return;
    }
    T v{};
    column(col, v);
    out = v;
  }
  template <class E, class = std::enable_if_t<boost::describe::has_describe_enumerators<E>::value>>
  void column(int col, E& out) const {
    std::string t;
    column(col, t);
    auto v = from_text<E>(t);
    if (!v) bad_value(col, tr({"unerwarteter Wert „{0}“", "unexpected value \"{0}\""}, t));
    out = *v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const;
  void bind_static(int index, const char* text);
  sqlite3_value* value(int col) const;
  Database& db_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_;
};

enum class Access { read_write, read_only };

class Database {
 public:
  // read_write creates the file if it is missing; read_only never creates or writes.
  Database(const std::string& path, Access access);

  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;  // rows changed by the last statement
  const std::string& path() const { return path_; }
  Access access() const { return access_; }
  sqlite3* raw() const { return db_.get(); }
  [[noreturn]] void fail(const std::string& context) const;

 private:
  std::string path_;
  Access access_;
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_;
};

// Rolls back unless committed. A write transaction takes the write lock at once (BEGIN
// IMMEDIATE), so that what it reads first is still true when it writes; a read transaction
// sees one consistent state of the database, whatever other connections commit meanwhile.
class Transaction {
 public:
  enum Kind { write, read };
  explicit Transaction(Database& db, Kind kind = write);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// Described rows <-> statements: one piece of code for every table.
template <class Row>
using RowMembers = boost::describe::describe_members<Row, boost::describe::mod_public>;

// "a, b, c" for the members of Row.
template <class Row>
std::string column_list() {
  std::string cols;
  boost::mp11::mp_for_each<RowMembers<Row>>([&](auto d) {
    if (!cols.empty()) cols += ", ";
    cols += d.name;
  });
  return cols;
}

// "INSERT INTO table(a, b, c) VALUES(?, ?, ?)".
template <class Row>
std::string insert_sql(std::string_view table) {
  std::string marks;
  boost::mp11::mp_for_each<RowMembers<Row>>([&](auto) { marks += marks.empty() ? "?" : ", ?"; });
  return "INSERT INTO " + std::string(table) + "(" + column_list<Row>() + ") VALUES(" + marks + ")";
}

// Binds the members of `row` to parameters 1..n and runs the statement once.
template <class Row>
void insert_row(Statement& st, const Row& row) {
  int i = 1;
  boost::mp11::mp_for_each<RowMembers<Row>>([&](auto d) { st.bind(i++, row.*d.pointer); });
  st.step();
  st.reset();
}

// Reads the members of Row from columns first_col.. of the current row.
template <class Row>
Row read_row(const Statement& st, int first_col = 0) {
  Row row{};
  int i = first_col;
  boost::mp11::mp_for_each<RowMembers<Row>>([&](auto d) { st.column(i++, row.*d.pointer); });
  return row;
}

}  // namespace eduplan::sqlite
