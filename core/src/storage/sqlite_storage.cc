// Storage in an SQLite database: one transaction per save; the schema is in schema.cc.
#include <algorithm>
#include <unordered_map>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/storage.h"
#include "storage/schema.h"
#include "storage/sqlite_handle.h"
#include "storage/sqlite_stream.h"
#include "storage/storage_checks.h"

namespace eduplan {
namespace {

using sqlite::insert_row;
using sqlite::insert_sql;
using sqlite::read_row;
using sqlite::Statement;
using IdMap = std::unordered_map<std::int64_t, std::size_t>;  // row id -> index in the Plan

template <class Row>
std::string select_sql(std::string_view table, std::string_view rest) {
  return "SELECT id, " + sqlite::column_list<Row>() + " FROM " + std::string(table) + " " +
         std::string(rest);
}

std::size_t index_of(const IdMap& ids, std::int64_t id, const char* what) {
  auto it = ids.find(id);
  if (it == ids.end())
    throw StorageError(
        tr({"Datenbank inkonsistent: {0} {1}", "database inconsistent: {0} {1}"}, what, id));
  return it->second;
}

// Writes one plan; the caller holds the transaction.
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
    Statement st(db_, insert_sql<schema::PlanRow>("plan"));
    insert_row(st, schema::PlanRowView{plan.name, plan.title, plan.source});
    const std::int64_t plan_id = db_.last_insert_id();
    write_units(plan, plan_id);
    std::vector<std::int64_t> objective_ids;
    for (const auto& o : plan.objectives) {
      insert_row(objective_, schema::ObjectiveRowView{plan_id, o.text, o.key, o.source_line});
      objective_ids.push_back(db_.last_insert_id());
    }
    for (std::size_t f = 0; f < plan.fields.size(); ++f) {
      const Field& field = plan.fields[f];
      insert_row(field_, schema::FieldRowView{plan_id, static_cast<std::int64_t>(f), field.title,
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
                   schema::FieldObjectiveRowView{field_id, objective_ids.at(ref.objective),
                                                 static_cast<std::int64_t>(i), ref.source_line});
      }
    }
    for (const auto& f : plan.findings) {
      insert_row(finding_,
                 schema::FindingRowView{plan_id, f.rule, f.severity, f.message, f.line, f.subject});
    }
  }

 private:
  // Parents before children, whatever the order in the plan.
  void write_units(const Plan& plan, std::int64_t plan_id) {
    unit_ids_.assign(plan.units.size(), 0);
    std::vector<bool> written(plan.units.size(), false);
    for (std::size_t done = 0, pass = 0; done < plan.units.size(); ++pass) {
      if (pass > plan.units.size())
        throw UsageError(tr(
            {"Plan ungültig: Zyklus in den Einheiten", "invalid plan: a cycle among its units"}));
      for (std::size_t i = 0; i < plan.units.size(); ++i) {
        const OrgUnit& u = plan.units[i];
        if (written[i]) continue;
        if (u.parent && (*u.parent >= plan.units.size() || !written[*u.parent])) {
          if (*u.parent >= plan.units.size())
            throw UsageError(
                tr({"Plan ungültig: Einheit „{0}“", "invalid plan: unit \"{0}\""}, u.name));
          continue;
        }
        std::optional<std::int64_t> parent;
        if (u.parent) parent = unit_ids_[*u.parent];
        insert_row(unit_, schema::OrgUnitRowView{plan_id, u.name, parent, u.is_division, u.key,
                                                 u.source_line});
        unit_ids_[i] = db_.last_insert_id();
        written[i] = true;
        ++done;
      }
    }
  }

  sqlite::Database& db_;
  Statement field_, focus_, attribute_, unit_, resp_, objective_, field_objective_, finding_;
  std::vector<std::int64_t> unit_ids_;
};

// Reads one plan back into the model.
class PlanReader {
 public:
  explicit PlanReader(sqlite::Database& db) : db_(db) {}

  // The whole plan, or (with_focus_areas false) its outline without focus areas.
  std::optional<Plan> read(std::string_view name, bool with_focus_areas = true) {
    Statement head(db_, "SELECT id, name, title, source FROM plan WHERE name = ?");
    const std::string plan_name(name);
    head.bind(1, plan_name);
    if (!head.step()) return std::nullopt;
    Plan plan;
    std::int64_t plan_id = 0;
    head.column(0, plan_id);
    head.column(1, plan.name);
    head.column(2, plan.title);
    head.column(3, plan.source);
    load_units(plan, plan_id);
    load_objectives(plan, plan_id);
    load_fields(plan, plan_id, with_focus_areas);
    if (with_focus_areas) load_findings(plan, plan_id);
    plan_id_ = plan_id;
    return plan;
  }

  // Per field, the number of its focus areas; the names of the further columns in order of
  // appearance. After read().
  std::vector<std::size_t> focus_area_counts() {
    Statement st(db_,
                 "SELECT (SELECT count(*) FROM focus_area fa WHERE fa.field_id = f.id) FROM field f "
                 "WHERE f.plan_id = ? ORDER BY f.position");
    st.bind(1, plan_id_);
    std::vector<std::size_t> out;
    while (st.step()) {
      std::int64_t n = 0;
      st.column(0, n);
      out.push_back(static_cast<std::size_t>(n));
    }
    return out;
  }
  std::size_t finding_count() {
    Statement st(db_, "SELECT count(*) FROM finding WHERE plan_id = ?");
    st.bind(1, plan_id_);
    std::int64_t n = 0;
    if (st.step()) st.column(0, n);
    return static_cast<std::size_t>(n);
  }
  std::vector<std::string> attribute_names() {
    Statement st(db_,
                 "SELECT a.name FROM focus_area_attribute a JOIN focus_area fa ON fa.id = "
                 "a.focus_area_id JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? "
                 "ORDER BY f.position, fa.position, a.position");
    st.bind(1, plan_id_);
    std::vector<std::string> names;
    std::string name;
    while (st.step()) {
      st.column(0, name);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
  }

 private:
  void load_units(Plan& plan, std::int64_t plan_id) {
    Statement st(db_, select_sql<schema::OrgUnitRow>("org_unit", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    std::vector<std::optional<std::int64_t>> parents;
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_row<schema::OrgUnitRow>(st, 1);
      unit_index_[id] = plan.units.size();
      parents.push_back(row.parent_id);
      plan.units.push_back(
          {row.name, std::nullopt, row.is_division, row.key, static_cast<int>(row.source_line)});
    }
    for (std::size_t i = 0; i < parents.size(); ++i) {
      if (parents[i]) plan.units[i].parent = index_of(unit_index_, *parents[i], "org_unit");
    }
  }

  void load_objectives(Plan& plan, std::int64_t plan_id) {
    Statement st(db_,
                 select_sql<schema::ObjectiveRow>("objective", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_row<schema::ObjectiveRow>(st, 1);
      objective_index_[id] = plan.objectives.size();
      plan.objectives.push_back({row.text, row.key, static_cast<int>(row.source_line)});
    }
  }

  void load_fields(Plan& plan, std::int64_t plan_id, bool with_focus_areas) {
    Statement fields(db_,
                     select_sql<schema::FieldRow>("field", "WHERE plan_id = ? ORDER BY position"));
    fields.bind(1, plan_id);
    IdMap field_index;
    while (fields.step()) {
      std::int64_t id = 0;
      fields.column(0, id);
      auto row = read_row<schema::FieldRow>(fields, 1);
      field_index[id] = plan.fields.size();
      plan.fields.push_back({row.title, row.key, static_cast<int>(row.source_line), {}, {}});
    }
    if (with_focus_areas) load_focus_areas(plan, plan_id, field_index);
    load_field_objectives(plan, plan_id, field_index);
  }

  void load_focus_areas(Plan& plan, std::int64_t plan_id, const IdMap& field_index) {
    Statement focus(
        db_,
        "SELECT fa.id, fa.field_id, fa.text, fa.key, fa.source_line FROM focus_area fa "
        "JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? ORDER BY f.position, fa.position");
    focus.bind(1, plan_id);
    std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> focus_index;
    while (focus.step()) {
      std::int64_t id = 0, field_id = 0, line = 0;
      FocusArea fa;
      focus.column(0, id);
      focus.column(1, field_id);
      focus.column(2, fa.text);
      focus.column(3, fa.key);
      focus.column(4, line);
      fa.source_line = static_cast<int>(line);
      auto& field = plan.fields[index_of(field_index, field_id, "field")];
      focus_index[id] = {index_of(field_index, field_id, "field"), field.focus_areas.size()};
      field.focus_areas.push_back(std::move(fa));
    }
    Statement resp(
        db_,
        "SELECT " + sqlite::column_list<schema::ResponsibilityRow>() +
            " FROM responsibility WHERE focus_area_id IN (SELECT fa.id FROM focus_area fa JOIN "
            "field f ON f.id = fa.field_id WHERE f.plan_id = ?) ORDER BY focus_area_id, position");
    resp.bind(1, plan_id);
    while (resp.step()) {
      auto row = read_row<schema::ResponsibilityRow>(resp);
      auto it = focus_index.find(row.focus_area_id);
      if (it == focus_index.end())
        throw StorageError(
            tr({"Datenbank inkonsistent: {0}", "database inconsistent: {0}"}, "focus_area"));
      plan.fields[it->second.first].focus_areas[it->second.second].responsibilities.push_back(
          {index_of(unit_index_, row.org_unit_id, "org_unit"), static_cast<int>(row.source_line),
           row.written_name, row.stated_division, row.split_from});
    }
    Statement attributes(
        db_,
        "SELECT " + sqlite::column_list<schema::FocusAreaAttributeRow>() +
            " FROM focus_area_attribute WHERE focus_area_id IN (SELECT fa.id FROM focus_area fa "
            "JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ?) ORDER BY focus_area_id, "
            "position");
    attributes.bind(1, plan_id);
    while (attributes.step()) {
      auto row = read_row<schema::FocusAreaAttributeRow>(attributes);
      auto it = focus_index.find(row.focus_area_id);
      if (it == focus_index.end())
        throw StorageError(tr({"Datenbank inkonsistent: {0}", "database inconsistent: {0}"},
                              "focus_area_attribute"));
      plan.fields[it->second.first].focus_areas[it->second.second].attributes.push_back(
          {std::move(row.name), std::move(row.value)});
    }
  }

  void load_field_objectives(Plan& plan, std::int64_t plan_id, const IdMap& field_index) {
    Statement refs(
        db_,
        "SELECT fo.field_id, fo.objective_id, fo.source_line FROM field_objective fo JOIN field f "
        "ON f.id = fo.field_id WHERE f.plan_id = ? ORDER BY f.position, fo.position");
    refs.bind(1, plan_id);
    while (refs.step()) {
      std::int64_t field_id = 0, objective_id = 0, line = 0;
      refs.column(0, field_id);
      refs.column(1, objective_id);
      refs.column(2, line);
      plan.fields[index_of(field_index, field_id, "field")].objectives.push_back(
          {index_of(objective_index_, objective_id, "objective"), static_cast<int>(line)});
    }
  }

  void load_findings(Plan& plan, std::int64_t plan_id) {
    Statement st(db_, select_sql<schema::FindingRow>("finding", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    while (st.step()) {
      auto row = read_row<schema::FindingRow>(st, 1);
      plan.findings.push_back(
          {row.rule, row.severity, row.message, static_cast<int>(row.source_line), row.subject});
    }
  }

  sqlite::Database& db_;
  IdMap unit_index_, objective_index_;
  std::int64_t plan_id_ = 0;
};

class SqliteStorage final : public Storage {
 public:
  explicit SqliteStorage(const std::filesystem::path& path) : db_(path.string()) {
    schema::migrate(db_);
  }

  void save_plan(const Plan& plan) override {
    check_plan_name(plan.name);
    sqlite::Transaction tx(db_);
    remove_in_transaction(plan.name);
    PlanWriter(db_).write(plan);
    tx.commit();
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
    return PlanReader(db_).read(name);
  }

  std::optional<PlanOutline> load_outline(std::string_view name) const override {
    PlanReader reader(db_);
    auto plan = reader.read(name, false);
    if (!plan) return std::nullopt;
    return PlanOutline{std::move(*plan), reader.focus_area_counts(), reader.attribute_names(),
                       reader.finding_count()};
  }

  std::unique_ptr<FocusAreaStream> stream_focus_areas(std::string_view name) const override {
    Statement st(db_, "SELECT 1 FROM plan WHERE name = ?");
    const std::string plan_name(name);
    st.bind(1, plan_name);
    if (!st.step()) return nullptr;
    return open_sqlite_stream(db_.path(), plan_name);
  }

  std::optional<PlanSummary> summarize_plan(std::string_view name) const override {
    return summarize_stored_plan(db_, name);
  }

  std::unique_ptr<FindingStream> stream_findings(std::string_view name) const override {
    Statement st(db_, "SELECT 1 FROM plan WHERE name = ?");
    const std::string plan_name(name);
    st.bind(1, plan_name);
    if (!st.step()) return nullptr;
    return open_sqlite_findings(db_.path(), plan_name);
  }

  bool remove_plan(std::string_view name) override {
    sqlite::Transaction tx(db_);
    bool removed = remove_in_transaction(name);
    tx.commit();
    return removed;
  }

  bool rename_plan(std::string_view from, std::string_view to) override {
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
    tx.commit();
    return renamed;
  }

 private:
  bool remove_in_transaction(std::string_view name) {
    Statement st(db_, "DELETE FROM plan WHERE name = ?");
    const std::string plan_name(name);
    st.bind(1, plan_name);
    st.step();
    return db_.changes() > 0;
  }

  mutable sqlite::Database db_;
};

}  // namespace

std::unique_ptr<Storage> open_database(const std::filesystem::path& path) {
  return std::make_unique<SqliteStorage>(path);
}

}  // namespace eduplan
