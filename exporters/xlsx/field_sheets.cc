// One sheet per Handlungsfeld: a title row, each focus area with its units and further columns on
// one row, the objectives below, outside the filter.
#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

std::string heading(const char* pattern, std::string_view value) {
  std::string s(pattern);
  const auto at = s.find("{0}");
  if (at != std::string::npos) s.replace(at, 3, value);
  return s;
}

}  // namespace

FieldSheets::FieldSheets(Workbook& wb, const PlanFacts& facts, const Labels& l)
    : wb_(wb), facts_(facts), l_(l) {
  const auto fields = facts.r.fields();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const auto& columns = facts.field_columns[f];
    std::vector<std::string> header{l.nr, l.focus_area, l.units_col};
    header.insert(header.end(), columns.attribute_names.begin(), columns.attribute_names.end());
    if (!facts.scale.empty()) header.push_back(l.status_col);
    tables_.push_back(std::make_unique<Table>(
        wb, view(fields[f].title), heading(l.field_heading, view(fields[f].title)), header,
        columns.widths, 2, PageSetup{.landscape = true}));
  }
}

FieldSheets::~FieldSheets() = default;

void FieldSheets::row(const sdk::FocusArea& fa) {
  // The row's cells are rebuilt in place: their strings keep their storage from row to row.
  const auto& columns = facts_.field_columns[fa.field];
  const std::size_t count = 3 + columns.attribute_names.size() + (facts_.scale.empty() ? 0 : 1);
  cells_.resize(count);
  cells_[0].set_number(static_cast<double>(fa.index + 1));
  cells_[1].set(view(fa.area.text));
  cells_[2].set({});
  facts_.units_by_division(fa.area, cells_[2].text, lines_);
  for (std::size_t c = 0; c < columns.attribute_names.size(); ++c) cells_[3 + c].set({});
  for (const auto& a : fa.attributes) {
    for (std::size_t c = 0; c < columns.attribute_names.size(); ++c) {
      if (columns.attribute_names[c] == view(a.name)) cells_[3 + c].set(view(a.value));
    }
  }
  if (!facts_.scale.empty()) cells_.back().set(facts_.statuses(fa));
  tables_[fa.field]->row(cells_);
}

void FieldSheets::finish() {
  const auto fields = facts_.r.fields();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    Table& table = *tables_[f];
    table.end_data();
    if (fields[f].objective_count > 0) {
      table.extra_row({});
      table.extra_row(
          {Cell::none(), Cell::of(l_.objectives_heading, wb_.formats().subtitle, true)});
      for (std::size_t o : sdk::Request::objectives_of(fields[f]))
        table.extra_row({Cell::none(), Cell::of(view(facts_.r.objectives()[o].text))});
    }
    table.close();
  }
}

}  // namespace eduplan::xlsx_exporter
