// Storage in an SQLite database: one transaction per save, one read transaction per load; the
// schema is in schema.cc, reading a plan back in plan_reader.cc.

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/storage.h"
#include "eduplan/validation.h"
#include "model/summary_builder.h"
#include "read/plan_sink.h"
#include "storage/plan_reader.h"
#include "storage/schema.h"
#include "storage/sqlite_handle.h"
#include "storage/sqlite_stream.h"
#include "storage/status_store.h"
#include "storage/storage_checks.h"

namespace eduplan {
namespace {

using sqlite::insert_row;
using sqlite::insert_sql;
using sqlite::read_row;
using sqlite::Statement;

// Writes one plan; the caller holds the transaction. Whole (write, after check_plan), or a field
// at a time as it is read: begin, then field for each, then finish — each piece checked first.
class PlanWriter {
 public:
  explicit PlanWriter(sqlite::Database& db)
      : db_(db),
        field_(db, insert_sql<schema::FieldRow>("field")),
        focus_(db, insert_sql<schema::FocusAreaRow>("focus_area")),
        attribute_(db, insert_sql<schema::FocusAreaAttributeRow>("focus_area_attribute")),
        unit_(db, insert_sql<schema::OrgUnitRow>("org_unit")),
        resp_(db, insert_sql<schema::ResponsibilityRow>("responsibility")),
        objective_(db, insert_sql<schema::ObjectiveRow>("objective")),
        field_objective_(db, insert_sql<schema::FieldObjectiveRow>("field_objective")),
        finding_(db, insert_sql<schema::FindingRow>("finding")) {}

  void write(const Plan& plan) {
    begin(plan);
    for (std::size_t f = 0; f < plan.fields.size(); ++f) field(plan, f);
    finish(plan);
  }

  void begin(const Plan& plan) {
    Statement st(db_, insert_sql<schema::PlanRow>("plan"));
    insert_row(st, schema::PlanRowView{plan.name, plan.title, plan.source});
    plan_id_ = db_.last_insert_id();
  }

  // Field f, after the units and objectives that are new since the last call.
  void field(const Plan& plan, std::size_t f) {
    write_new_units(plan);
    write_new_objectives(plan);
    const Field& field = plan.fields[f];
    insert_row(field_, schema::FieldRowView{plan_id_, static_cast<std::int64_t>(f), field.title,
                                            field.key, field.source_line});
    const std::int64_t field_id = db_.last_insert_id();
    for (std::size_t i = 0; i < field.focus_areas.size(); ++i) {
      const FocusArea& fa = field.focus_areas[i];
      insert_row(focus_, schema::FocusAreaRowView{field_id, static_cast<std::int64_t>(i), fa.text,
                                                  fa.key, fa.source_line});
      const std::int64_t fa_id = db_.last_insert_id();
      for (std::size_t a = 0; a < fa.attributes.size(); ++a) {
        insert_row(attribute_, schema::FocusAreaAttributeRowView{
                                   fa_id, static_cast<std::int64_t>(a), fa.attributes[a].name,
                                   fa.attributes[a].value});
      }
      for (std::size_t r = 0; r < fa.responsibilities.size(); ++r) {
        const Responsibility& resp = fa.responsibilities[r];
        insert_row(resp_, schema::ResponsibilityRowView{fa_id, unit_ids_.at(resp.unit),
                                                        static_cast<std::int64_t>(r),
                                                        resp.source_line, resp.written_name,
                                                        resp.stated_division, resp.split_from});
      }
    }
    for (std::size_t i = 0; i < field.objectives.size(); ++i) {
      const ObjectiveRef& ref = field.objectives[i];
      insert_row(field_objective_,
                 schema::FieldObjectiveRowView{field_id, objective_ids_.at(ref.objective),
                                               static_cast<std::int64_t>(i), ref.source_line});
    }
  }

  // What no field brought: units and objectives without one, and the findings.
  void finish(const Plan& plan) {
    write_new_units(plan);
    write_new_objectives(plan);
    for (const auto& f : plan.findings) {
      insert_row(finding_,
                 schema::FindingRowView{plan_id_, f.rule, f.severity, f.message, f.line, f.subject});
    }
  }

  std::size_t units_written() const { return unit_ids_.size(); }
  std::size_t objectives_written() const { return objective_ids_.size(); }

 private:
  // Parents before children, whatever the order in the plan.
  void write_new_units(const Plan& plan) {
    const std::size_t from = unit_ids_.size();
    if (from == plan.units.size()) return;
    unit_ids_.resize(plan.units.size(), 0);
    std::vector<bool> written(plan.units.size() - from, false);
    const auto is_written = [&](std::size_t i) { return i < from || written[i - from]; };
    for (std::size_t done = 0, pass = 0; done < written.size(); ++pass) {
      if (pass > written.size())
        throw UsageError(tr(
            {"Plan ungültig: Zyklus in den Einheiten", "invalid plan: a cycle among its units"}));
      for (std::size_t i = from; i < plan.units.size(); ++i) {
        const OrgUnit& u = plan.units[i];
        if (is_written(i)) continue;
        if (u.parent && (*u.parent >= plan.units.size() || !is_written(*u.parent))) {
          if (*u.parent >= plan.units.size())
            throw UsageError(
                tr({"Plan ungültig: Einheit „{0}“", "invalid plan: unit \"{0}\""}, u.name));
          continue;
        }
        std::optional<std::int64_t> parent;
        if (u.parent) parent = unit_ids_[*u.parent];
        insert_row(unit_, schema::OrgUnitRowView{plan_id_, u.name, parent, u.is_division, u.key,
                                                 u.source_line});
        unit_ids_[i] = db_.last_insert_id();
        written[i - from] = true;
        ++done;
      }
    }
  }

  void write_new_objectives(const Plan& plan) {
    for (std::size_t i = objective_ids_.size(); i < plan.objectives.size(); ++i) {
      const Objective& o = plan.objectives[i];
      insert_row(objective_, schema::ObjectiveRowView{plan_id_, o.text, o.key, o.source_line});
      objective_ids_.push_back(db_.last_insert_id());
    }
  }

  sqlite::Database& db_;
  Statement field_, focus_, attribute_, unit_, resp_, objective_, field_objective_, finding_;
  std::int64_t plan_id_ = 0;
  std::vector<std::int64_t> unit_ids_;       // by unit index, for the units written so far
  std::vector<std::int64_t> objective_ids_;  // by objective index, likewise
};

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(const std::filesystem::path& path, sqlite::Access access)
      : db_(path.string(), access),
        version_(access == sqlite::Access::read_only ? schema::check_for_reading(db_)
                                                     : schema::prepare_for_writing(db_)) {}

  void save_plan(const Plan& plan) override {
    check_writable();
    check_plan(plan);
    sqlite::Transaction tx(db_);
    remove_in_transaction(plan.name);
    PlanWriter(db_).write(plan);
    tx.commit();
  }

  ImportResult import_plan_file(const std::filesystem::path& path,
                                const ReadOptions& options) override {
    check_writable();
    FieldByField save(*this);
    Plan plan = read_plan_file(path, options, save);
    ImportResult result{plan.name, plan.findings, false};
    if (has_errors(plan.findings)) return result;  // the transaction, if begun, rolls back
    result.summary = save.finish(plan);
    result.stored = true;
    return result;
  }

  std::vector<std::string> plan_names() const override {
    Statement st(db_, "SELECT name FROM plan ORDER BY name");
    std::vector<std::string> names;
    while (st.step()) st.column(0, names.emplace_back());  // checked as list_plans checks it
    return names;
  }

  std::vector<PlanInfo> list_plans() const override {
    // One query: counts per plan through correlated sub-selects on the indexed keys.
    Statement st(db_,
                 "SELECT p.name, p.title, p.source, p.imported_at,"
                 " (SELECT count(*) FROM field f WHERE f.plan_id = p.id),"
                 " (SELECT count(*) FROM focus_area fa JOIN field f ON f.id = fa.field_id"
                 "  WHERE f.plan_id = p.id),"
                 " (SELECT count(*) FROM responsibility r JOIN focus_area fa"
                 "  ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id"
                 "  WHERE f.plan_id = p.id),"
                 " (SELECT count(*) FROM objective o WHERE o.plan_id = p.id)"
                 " FROM plan p ORDER BY p.name");
    std::vector<PlanInfo> out;
    while (st.step()) out.push_back(read_row<PlanInfo>(st));
    return out;
  }

  std::optional<Plan> load_plan(std::string_view name) const override {
    sqlite::Transaction tx(db_, sqlite::Transaction::read);
    auto plan = load_stored_plan(db_, version_, name);
    tx.commit();
    return plan;
  }

  std::optional<PlanOutline> load_outline(std::string_view name) const override {
    sqlite::Transaction tx(db_, sqlite::Transaction::read);
    auto outline = load_stored_outline(db_, version_, name);
    tx.commit();
    return outline;
  }

  // The streams open connections of their own (they may be read in a child process).
  std::unique_ptr<FocusAreaStream> stream_focus_areas(std::string_view name) const override {
    if (!has_plan(name)) return nullptr;
    return open_sqlite_stream(db_.path(), std::string(name));
  }

  std::unique_ptr<FindingStream> stream_findings(std::string_view name) const override {
    if (!has_plan(name)) return nullptr;
    return open_sqlite_findings(db_.path(), std::string(name));
  }

  std::vector<std::string> status_scale() const override {
    return status_store::scale(db_, version_);
  }

  void set_status_scale(const std::vector<std::string>& scale) override {
    check_writable();
    sqlite::Transaction tx(db_);
    status_store::set_scale(db_, scale);
    tx.commit();
  }

  void add_status_reports(std::string_view plan, std::vector<StatusReport> reports) override {
    check_writable();
    sqlite::Transaction tx(db_);
    status_store::add(db_, plan, reports);
    tx.commit();
  }

  void choose_and_add_status_reports(
      std::string_view plan,
      const std::function<std::vector<StatusReport>(const std::vector<StatusReport>&)>& choose)
      override {
    check_writable();
    sqlite::Transaction tx(db_);  // BEGIN IMMEDIATE: no other writer until the commit
    auto chosen = choose(status_store::reports(db_, version_, plan, std::nullopt));
    if (chosen.empty()) return;  // nothing to store: the transaction is rolled back
    status_store::add(db_, plan, chosen);
    tx.commit();
  }

  std::vector<StatusReport> status_reports(
      std::string_view plan, std::optional<std::string_view> period) const override {
    sqlite::Transaction tx(db_, sqlite::Transaction::read);
    auto out = status_store::reports(db_, version_, plan, period);
    tx.commit();
    return out;
  }

  bool remove_plan(std::string_view name) override {
    check_writable();
    sqlite::Transaction tx(db_);
    bool removed = remove_in_transaction(name);
    if (removed) status_store::remove_plan(db_, name);
    tx.commit();
    return removed;
  }

  bool rename_plan(std::string_view from, std::string_view to) override {
    check_writable();
    check_rename(from, to);
    sqlite::Transaction tx(db_);
    const std::string old_name(from), new_name(to);
    if (old_name != new_name) {
      Statement taken(db_, "SELECT 1 FROM plan WHERE name = ?");
      taken.bind(1, new_name);
      if (taken.step()) throw_name_taken(to);
    }
    Statement st(db_, "UPDATE plan SET name = ? WHERE name = ?");
    st.bind(1, new_name);
    st.bind(2, old_name);
    st.step();
    const bool renamed = db_.changes() > 0;
    if (renamed) status_store::rename_plan(db_, old_name, new_name);
    tx.commit();
    return renamed;
  }

 private:
  // Stores the fields as the reader hands them on, in one transaction begun with the first.
  class FieldByField final : public PlanSink {
   public:
    explicit FieldByField(SqliteStorage& storage) : storage_(storage) {}

    void field(const Plan& plan, std::size_t index) override {
      begin(plan);
      check_plan_units(plan, writer_->units_written());
      check_plan_objectives(plan, writer_->objectives_written());
      check_plan_field(plan, index);
      writer_->field(plan, index);
      for (const FocusArea& area : plan.fields[index].focus_areas) summary_.area(index, area);
    }

    PlanSummary finish(const Plan& plan) {
      begin(plan);
      check_plan_units(plan, writer_->units_written());
      check_plan_objectives(plan, writer_->objectives_written());
      check_plan_findings(plan);
      writer_->finish(plan);
      tx_->commit();
      return summary_.finish(plan, *findings_of(plan));
    }

   private:
    void begin(const Plan& plan) {
      if (tx_) return;
      check_plan_header(plan);
      tx_.emplace(storage_.db_);
      storage_.remove_in_transaction(plan.name);
      writer_.emplace(storage_.db_);
      writer_->begin(plan);
    }

    SqliteStorage& storage_;
    std::optional<sqlite::Transaction> tx_;
    std::optional<PlanWriter> writer_;  // after tx_: its statements are finalised first
    SummaryBuilder summary_;
  };

  bool has_plan(std::string_view name) const {
    Statement st(db_, "SELECT 1 FROM plan WHERE name = ?");
    st.bind(1, name);
    return st.step();
  }

  void check_writable() const {
    if (db_.access() == sqlite::Access::read_only) {
      throw UsageError(tr(
          {"{0}: Datenbank nur zum Lesen geöffnet", "{0}: database opened read-only"}, db_.path()));
    }
  }

  bool remove_in_transaction(std::string_view name) {
    Statement st(db_, "DELETE FROM plan WHERE name = ?");
    const std::string plan_name(name);
    st.bind(1, plan_name);
    st.step();
    return db_.changes() > 0;
  }

  mutable sqlite::Database db_;
  int version_;  // the schema version: kSchemaVersion, or older when opened read-only
};

}  // namespace

std::unique_ptr<Storage> open_database(const std::filesystem::path& path) {
  return std::make_unique<SqliteStorage>(path, sqlite::Access::read_write);
}

std::unique_ptr<Storage> open_database_read_only(const std::filesystem::path& path) {
  return std::make_unique<SqliteStorage>(path, sqlite::Access::read_only);
}

}  // namespace eduplan
