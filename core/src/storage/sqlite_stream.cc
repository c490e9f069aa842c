#include "storage/sqlite_stream.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "storage/schema.h"
#include "storage/sqlite_handle.h"

namespace eduplan {
namespace {

using sqlite::Statement;

class SqliteStream final : public FocusAreaStream {
 public:
  SqliteStream(std::string path, std::string name) : path_(std::move(path)), name_(std::move(name)) {}

  void rewind() override {
    if (!db_) open();
    areas_->reset();
    units_->reset();
    attributes_->reset();
    have_row_ = areas_->step();
    have_unit_ = units_->step();
    have_attribute_ = attributes_->step();
    field_position_ = -1;
    field_ = 0;
    index_ = 0;
    started_ = true;
  }

  std::optional<Row> next() override {
    if (!started_) rewind();
    if (!have_row_) return std::nullopt;
    // A focus area, then its responsibilities and its attributes, which come in the same order
    // of focus areas. Every value is checked as load_plan checks it (the schema is public).
    const std::int64_t field_position = areas_->integer(0, 0, INT_MAX);
    areas_->integer(1, 0, INT_MAX);
    std::int64_t area_id = 0;
    areas_->column(2, area_id);
    if (field_position != field_position_) {
      if (field_position_ >= 0) ++field_;
      while (field_ < field_positions_.size() && field_positions_[field_] != field_position) ++field_;
      if (field_ >= field_positions_.size())
        throw StorageError(tr({"Datenbank {0} inkonsistent: Handlungsfeld an Position {1}",
                               "database {0} inconsistent: field at position {1}"},
                              path_, field_position));
      field_position_ = field_position;
      index_ = 0;
    }
    area_.text.clear();
    area_.key.clear();
    area_.responsibilities.clear();
    areas_->column(3, area_.text);
    areas_->column(4, area_.key);
    area_.source_line = static_cast<int>(areas_->integer(5, 0, INT_MAX));
    have_row_ = areas_->step();
    while (have_unit_) {
      std::int64_t id = 0;
      units_->column(0, id);
      if (id != area_id) break;
      std::int64_t unit_id = 0;
      units_->column(1, unit_id);
      units_->integer(2, 0, INT_MAX);
      units_->integer(3, 0, INT_MAX);
      const auto it = unit_index_.find(unit_id);
      if (it == unit_index_.end())
        throw StorageError(
            tr({"Datenbank {0} inkonsistent: Einheit {1}", "database {0} inconsistent: unit {1}"},
               path_, unit_id));
      area_.responsibilities.push_back({it->second, 0, {}, {}, {}});
      have_unit_ = units_->step();
    }
    // Its further columns: the attribute rows come in the same order of focus areas.
    std::size_t attribute_count = 0;
    while (have_attribute_) {
      std::int64_t id = 0;
      attributes_->column(0, id);
      if (id != area_id) break;
      // The previous row's attributes are overwritten in place (their strings keep their
      // storage); what is left over is dropped below.
      if (attribute_count == area_.attributes.size()) area_.attributes.emplace_back();
      Attribute& a = area_.attributes[attribute_count++];
      attributes_->column(1, a.name);
      attributes_->column(2, a.value);
      have_attribute_ = attributes_->step();
    }
    area_.attributes.resize(attribute_count);
    return Row{field_, index_++, &area_};
  }

 private:
  void open() {
    db_ = std::make_unique<sqlite::Database>(path_, sqlite::Access::read_only);
    const int version = schema::check_for_reading(*db_);
    // One state of the database for every pass: a read transaction until the stream ends.
    tx_ = std::make_unique<sqlite::Transaction>(*db_, sqlite::Transaction::read);
    Statement plan(*db_, "SELECT id FROM plan WHERE name = ?");
    plan.bind(1, name_);
    if (!plan.step())
      throw StorageError(tr({"Plan „{0}“ ist nicht mehr in {1}", "plan \"{0}\" is no longer in {1}"},
                            name_, path_));
    plan.column(0, plan_id_);
    Statement units(*db_, "SELECT id FROM org_unit WHERE plan_id = ? ORDER BY id");
    units.bind(1, plan_id_);
    while (units.step()) {
      std::int64_t id = 0;
      units.column(0, id);
      unit_index_.emplace(id, unit_index_.size());
    }
    Statement fields(*db_, "SELECT position FROM field WHERE plan_id = ? ORDER BY position");
    fields.bind(1, plan_id_);
    while (fields.step()) {
      std::int64_t p = 0;
      fields.column(0, p);
      field_positions_.push_back(p);
    }
    // The focus areas in order (by the indexes, without sorting), and their responsibilities in
    // the same order of focus areas: the texts are read once per focus area, not once per
    // responsibility, and the sort of each focus area's units by position moves small rows.
    areas_ = std::make_unique<Statement>(
        *db_,
        "SELECT f.position, fa.position, fa.id, fa.text, fa.key, fa.source_line "
        "FROM field f JOIN focus_area fa ON fa.field_id = f.id "
        "WHERE f.plan_id = ? ORDER BY f.position, fa.position");
    areas_->bind(1, plan_id_);
    units_ = std::make_unique<Statement>(
        *db_,
        "SELECT r.focus_area_id, r.org_unit_id, r.position, r.source_line "
        "FROM field f JOIN focus_area fa ON fa.field_id = f.id "
        "JOIN responsibility r ON r.focus_area_id = fa.id "
        "WHERE f.plan_id = ? ORDER BY f.position, fa.position, r.position");
    units_->bind(1, plan_id_);
    // Schema 1 has no further columns.
    attributes_ = std::make_unique<Statement>(
        *db_, version >= 2
                  ? "SELECT a.focus_area_id, a.name, a.value FROM focus_area_attribute a "
                    "JOIN focus_area fa ON fa.id = a.focus_area_id JOIN field f ON f.id = "
                    "fa.field_id WHERE f.plan_id = ? ORDER BY f.position, fa.position, a.position"
                  : "SELECT 0, '', '' WHERE ? IS NULL");
    attributes_->bind(1, plan_id_);
  }

  std::string path_, name_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sqlite::Transaction> tx_;
  std::unique_ptr<Statement> areas_, units_, attributes_;
  std::int64_t plan_id_ = 0;
  std::unordered_map<std::int64_t, std::size_t> unit_index_;
  std::vector<std::int64_t> field_positions_;
  bool started_ = false, have_row_ = false, have_unit_ = false, have_attribute_ = false;
  std::int64_t field_position_ = -1;
  std::size_t field_ = 0, index_ = 0;
  FocusArea area_;
};

class SqliteFindings final : public FindingStream {
 public:
  SqliteFindings(std::string path, std::string name)
      : path_(std::move(path)), name_(std::move(name)) {}
  void rewind() override {
    if (!db_) {
      db_ = std::make_unique<sqlite::Database>(path_, sqlite::Access::read_only);
      schema::check_for_reading(*db_);
      tx_ = std::make_unique<sqlite::Transaction>(*db_, sqlite::Transaction::read);
      rows_ = std::make_unique<Statement>(
          *db_,
          "SELECT rule, severity, message, source_line, subject FROM finding WHERE plan_id = "
          "(SELECT id FROM plan WHERE name = ?) ORDER BY id");
      rows_->bind(1, name_);
    }
    rows_->reset();
    started_ = true;
  }
  const Finding* next() override {
    if (!started_) rewind();
    if (!rows_->step()) return nullptr;
    rows_->column(0, finding_.rule);
    rows_->column(1, finding_.severity);
    rows_->column(2, finding_.message);
    finding_.line = static_cast<int>(rows_->integer(3, 0, INT_MAX));
    rows_->column(4, finding_.subject);
    return &finding_;
  }

 private:
  std::string path_, name_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sqlite::Transaction> tx_;
  std::unique_ptr<Statement> rows_;
  bool started_ = false;
  Finding finding_;
};

}  // namespace

std::unique_ptr<FindingStream> open_sqlite_findings(const std::string& path,
                                                    const std::string& name) {
  return std::make_unique<SqliteFindings>(path, name);
}

std::unique_ptr<FocusAreaStream> open_sqlite_stream(const std::string& path,
                                                    const std::string& name) {
  return std::make_unique<SqliteStream>(path, name);
}

}  // namespace eduplan
