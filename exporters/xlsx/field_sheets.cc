// One sheet per Handlungsfeld: a title row, each focus area with its units and further columns on
// one row, the objectives below, outside the filter. Written in one pass over the focus areas.
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

class FieldSheets {
 public:
  FieldSheets(Workbook& wb, const PlanFacts& facts, const Labels& l)
      : wb_(wb), facts_(facts), l_(l) {}

  // Opens the sheets of the fields before `field` (empty ones included), then `field`'s.
  void open_until(std::size_t field) {
    while (next_ <= field) {
      close();
      const auto& f = facts_.r.fields()[next_];
      const auto& columns = facts_.field_columns[next_];
      std::vector<std::string> header{l_.nr, l_.focus_area, l_.units_col};
      header.insert(header.end(), columns.attribute_names.begin(), columns.attribute_names.end());
      table_.emplace(wb_, view(f.title), heading(l_.field_heading, view(f.title)), header,
                     columns.widths, 2, PageSetup{.landscape = true});
      current_ = next_++;
    }
  }

  void row(const sdk::FocusArea& fa) {
    const auto& columns = facts_.field_columns[fa.field];
    std::vector<Cell> cells{Cell::num(static_cast<double>(fa.index + 1)),
                            Cell::of(view(fa.area.text)),
                            Cell::of(facts_.units_by_division(fa.area))};
    cells.resize(3 + columns.attribute_names.size(), Cell::of(""));
    for (const auto& a : fa.attributes) {
      for (std::size_t c = 0; c < columns.attribute_names.size(); ++c) {
        if (columns.attribute_names[c] == view(a.name)) cells[3 + c] = Cell::of(view(a.value));
      }
    }
    table_->row(cells);
  }

  // Finishes the open sheet: its objectives below the table.
  void close() {
    if (!table_) return;
    table_->end_data();
    const auto& field = facts_.r.fields()[current_];
    if (field.objective_count > 0) {
      table_->extra_row({});
      table_->extra_row(
          {Cell::none(), Cell::of(l_.objectives_heading, wb_.formats().subtitle, true)});
      for (std::size_t o : sdk::Request::objectives_of(field))
        table_->extra_row({Cell::none(), Cell::of(view(facts_.r.objectives()[o].text))});
    }
    table_->close();
    table_.reset();
  }

 private:
  Workbook& wb_;
  const PlanFacts& facts_;
  const Labels& l_;
  std::optional<Table> table_;
  std::size_t next_ = 0, current_ = 0;
};

}  // namespace

void write_field_sheets(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  FieldSheets sheets(wb, facts, l);
  facts.r.each_focus_area([&](const sdk::FocusArea& fa) {
    sheets.open_until(fa.field);
    sheets.row(fa);
  });
  if (!facts.r.fields().empty()) sheets.open_until(facts.r.fields().size() - 1);
  sheets.close();
}

}  // namespace eduplan::xlsx_exporter
