#include "storage/plan_reader.h"

#include <algorithm>

#include <boost/mp11/algorithm.hpp>
#include <climits>
#include <unordered_map>
#include <vector>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "storage/schema.h"

namespace eduplan {
namespace {

using sqlite::Statement;
using IdMap = std::unordered_map<std::int64_t, std::size_t>;  // row id -> index in the Plan

template <class Row>
std::string select_sql(std::string_view table, std::string_view rest) {
  return "SELECT id, " + sqlite::column_list<Row>() + " FROM " + std::string(table) + " " +
         std::string(rest);
}

// read_row, and positions and lines within 0..INT_MAX (the model keeps lines as int).
template <class Row>
Row read_checked_row(const Statement& st, int first_col = 0) {
  Row row = sqlite::read_row<Row>(st, first_col);
  int col = first_col;
  boost::mp11::mp_for_each<sqlite::RowMembers<Row>>([&](auto d) {
    const std::string_view member = d.name;
    if (member == "position" || member == "source_line") st.integer(col, 0, INT_MAX);
    ++col;
  });
  return row;
}

std::string row_id(std::int64_t id) { return "id " + std::to_string(id); }

class PlanReader {
 public:
  PlanReader(sqlite::Database& db, int version) : db_(db), version_(version) {}

  // The whole plan, or (with_focus_areas false) its outline: no focus areas, no findings.
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
    load_fields(plan, plan_id);
    if (with_focus_areas) {
      load_focus_areas(plan, plan_id);
      load_responsibilities(plan_id);
      if (version_ >= 2) load_attributes(plan_id);
    }
    load_field_objectives(plan, plan_id);
    if (with_focus_areas) load_findings(plan, plan_id);
    plan_id_ = plan_id;
    return plan;
  }

  // After read(name, false): per field the number of its focus areas, the names of the further
  // columns in order of appearance, and the number of findings.
  void complete(PlanOutline& out) {
    Statement counts(db_,
                     "SELECT (SELECT count(*) FROM focus_area fa WHERE fa.field_id = f.id) "
                     "FROM field f WHERE f.plan_id = ? ORDER BY f.position");
    counts.bind(1, plan_id_);
    while (counts.step()) {
      std::int64_t n = 0;
      counts.column(0, n);
      out.focus_area_counts.push_back(static_cast<std::size_t>(n));
    }
    if (version_ >= 2) {
      Statement names(db_,
                      "SELECT a.name FROM focus_area_attribute a JOIN focus_area fa ON fa.id = "
                      "a.focus_area_id JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? "
                      "ORDER BY f.position, fa.position, a.position");
      names.bind(1, plan_id_);
      std::string name;
      while (names.step()) {
        names.column(0, name);
        if (std::find(out.attribute_names.begin(), out.attribute_names.end(), name) ==
            out.attribute_names.end())
          out.attribute_names.push_back(name);
      }
    }
    Statement findings(db_, "SELECT count(*) FROM finding WHERE plan_id = ?");
    findings.bind(1, plan_id_);
    std::int64_t n = 0;
    if (findings.step()) findings.column(0, n);
    out.finding_count = static_cast<std::size_t>(n);
  }

 private:
  [[noreturn]] void invalid(std::string_view table, const std::string& row,
                            const std::string& what) const {
    throw StorageError(tr({"{0}: Datenbank enthält Ungültiges: Tabelle {1}, Zeile {2}: {3}",
                           "{0}: the database holds invalid data: table {1}, row {2}: {3}"},
                          db_.path(), table, row, what));
  }

  // The index of the row `id` of `target` that `column` of a row of `table` refers to.
  std::size_t resolve(const IdMap& ids, std::int64_t id, std::string_view table,
                      const std::string& row, std::string_view column,
                      std::string_view target) const {
    auto it = ids.find(id);
    if (it == ids.end()) {
      invalid(table, row,
              tr({"{0} = {1}: keine Zeile von {2} in diesem Plan",
                  "{0} = {1}: no row of {2} in this plan"},
                 column, static_cast<long long>(id), target));
    }
    return it->second;
  }

  // A unit's parent is a division of the same plan; divisions have none (docs/schema.md).
  // So no unit is its own ancestor and no chain is deeper than one level.
  void load_units(Plan& plan, std::int64_t plan_id) {
    Statement st(db_, select_sql<schema::OrgUnitRow>("org_unit", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    std::vector<std::int64_t> ids;
    std::vector<std::optional<std::int64_t>> parents;
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_checked_row<schema::OrgUnitRow>(st, 1);
      units_[id] = plan.units.size();
      ids.push_back(id);
      parents.push_back(row.parent_id);
      plan.units.push_back({std::move(row.name), std::nullopt, row.is_division, std::move(row.key),
                            static_cast<int>(row.source_line)});
    }
    for (std::size_t i = 0; i < parents.size(); ++i) {
      if (!parents[i]) continue;
      const std::string row = row_id(ids[i]);
      const long long parent_id = *parents[i];
      if (parent_id == ids[i]) {
        invalid("org_unit", row,
                tr({"parent_id = {0} ist die Einheit selbst", "parent_id = {0} is the unit itself"},
                   parent_id));
      }
      if (plan.units[i].is_division) {
        invalid("org_unit", row,
                tr({"ein Dezernat (is_division = 1) mit parent_id = {0}; Dezernate haben keins",
                    "a division (is_division = 1) with parent_id = {0}; divisions have none"},
                   parent_id));
      }
      const std::size_t parent =
          resolve(units_, parent_id, "org_unit", row, "parent_id", "org_unit");
      if (!plan.units[parent].is_division) {
        invalid("org_unit", row,
                tr({"parent_id = {0} ist kein Dezernat (is_division = 0); über einer Einheit "
                    "steht höchstens ein Dezernat",
                    "parent_id = {0} is not a division (is_division = 0); a unit has at most "
                    "one division above it"},
                   parent_id));
      }
      plan.units[i].parent = parent;
    }
  }

  void load_objectives(Plan& plan, std::int64_t plan_id) {
    Statement st(db_,
                 select_sql<schema::ObjectiveRow>("objective", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_checked_row<schema::ObjectiveRow>(st, 1);
      objectives_[id] = plan.objectives.size();
      plan.objectives.push_back(
          {std::move(row.text), std::move(row.key), static_cast<int>(row.source_line)});
    }
  }

  void load_fields(Plan& plan, std::int64_t plan_id) {
    Statement st(db_, select_sql<schema::FieldRow>("field", "WHERE plan_id = ? ORDER BY position"));
    st.bind(1, plan_id);
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_checked_row<schema::FieldRow>(st, 1);
      fields_[id] = plan.fields.size();
      plan.fields.push_back(
          {std::move(row.title), std::move(row.key), static_cast<int>(row.source_line), {}, {}});
    }
  }

  // Positions only order the rows: gaps (rows another program deleted) are read in order.
  void load_focus_areas(Plan& plan, std::int64_t plan_id) {
    Statement st(db_,
                 "SELECT fa.id, fa.field_id, fa.position, fa.text, fa.key, fa.source_line FROM "
                 "focus_area fa JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? "
                 "ORDER BY f.position, fa.position");
    st.bind(1, plan_id);
    while (st.step()) {
      std::int64_t id = 0;
      st.column(0, id);
      auto row = read_checked_row<schema::FocusAreaRow>(st, 1);
      Field& field = plan.fields[resolve(fields_, row.field_id, "focus_area", row_id(id),
                                         "field_id", "field")];
      focus_areas_[id] = {&field, field.focus_areas.size()};
      field.focus_areas.push_back(
          {std::move(row.text), std::move(row.key), static_cast<int>(row.source_line), {}, {}});
    }
  }

  // The rows of `table` whose focus_area_id is one of this plan's focus areas.
  std::string focus_area_rows_sql(std::string_view columns, std::string_view table,
                                  std::string_view order) const {
    return "SELECT " + std::string(columns) + " FROM " + std::string(table) +
           " WHERE focus_area_id IN (SELECT fa.id FROM focus_area fa JOIN field f ON f.id = "
           "fa.field_id WHERE f.plan_id = ?) ORDER BY " +
           std::string(order);
  }

  FocusArea& focus_area(std::int64_t id) {
    const auto& [field, index] = focus_areas_.at(id);  // the query selects only these
    return field->focus_areas[index];
  }

  void load_responsibilities(std::int64_t plan_id) {
    Statement st(
        db_, focus_area_rows_sql(sqlite::column_list<schema::ResponsibilityRow>(), "responsibility",
                                 "focus_area_id, position, org_unit_id"));
    st.bind(1, plan_id);
    while (st.step()) {
      auto row = read_checked_row<schema::ResponsibilityRow>(st);
      const std::string label = "focus_area_id " + std::to_string(row.focus_area_id) +
                                ", org_unit_id " + std::to_string(row.org_unit_id);
      const std::size_t unit =
          resolve(units_, row.org_unit_id, "responsibility", label, "org_unit_id", "org_unit");
      focus_area(row.focus_area_id)
          .responsibilities.push_back({unit, static_cast<int>(row.source_line),
                                       std::move(row.written_name), std::move(row.stated_division),
                                       std::move(row.split_from)});
    }
  }

  void load_attributes(std::int64_t plan_id) {
    Statement st(db_, focus_area_rows_sql(sqlite::column_list<schema::FocusAreaAttributeRow>(),
                                          "focus_area_attribute", "focus_area_id, position"));
    st.bind(1, plan_id);
    while (st.step()) {
      auto row = read_checked_row<schema::FocusAreaAttributeRow>(st);
      focus_area(row.focus_area_id)
          .attributes.push_back({std::move(row.name), std::move(row.value)});
    }
  }

  void load_field_objectives(Plan& plan, std::int64_t plan_id) {
    Statement st(db_,
                 "SELECT fo.field_id, fo.objective_id, fo.position, fo.source_line FROM "
                 "field_objective fo JOIN field f ON f.id = fo.field_id WHERE f.plan_id = ? "
                 "ORDER BY f.position, fo.position, fo.objective_id");
    st.bind(1, plan_id);
    while (st.step()) {
      auto row = read_checked_row<schema::FieldObjectiveRow>(st);
      const std::string label = "field_id " + std::to_string(row.field_id) + ", objective_id " +
                                std::to_string(row.objective_id);
      const std::size_t objective = resolve(objectives_, row.objective_id, "field_objective", label,
                                            "objective_id", "objective");
      plan.fields[fields_.at(row.field_id)].objectives.push_back(
          {objective, static_cast<int>(row.source_line)});
    }
  }

  void load_findings(Plan& plan, std::int64_t plan_id) {
    Statement st(db_, select_sql<schema::FindingRow>("finding", "WHERE plan_id = ? ORDER BY id"));
    st.bind(1, plan_id);
    while (st.step()) {
      auto row = read_checked_row<schema::FindingRow>(st, 1);
      plan.findings.push_back({std::move(row.rule), row.severity, std::move(row.message),
                               static_cast<int>(row.source_line), std::move(row.subject)});
    }
  }

  sqlite::Database& db_;
  int version_;
  std::int64_t plan_id_ = 0;
  IdMap units_, objectives_, fields_;
  std::unordered_map<std::int64_t, std::pair<Field*, std::size_t>> focus_areas_;
};

}  // namespace

std::optional<Plan> load_stored_plan(sqlite::Database& db, int version, std::string_view name) {
  return PlanReader(db, version).read(name);
}

std::optional<PlanOutline> load_stored_outline(sqlite::Database& db, int version,
                                               std::string_view name) {
  PlanReader reader(db, version);
  auto plan = reader.read(name, false);
  if (!plan) return std::nullopt;
  PlanOutline out;
  out.plan = std::move(*plan);
  reader.complete(out);
  return out;
}

}  // namespace eduplan
