// Writes one status form; see status_form.h and docs/monitoring.md ("Forms").
#include "status_form.h"

#include <eduplan/language.h>

#include <algorithm>

#include "xlsxkit/input_cells.h"
#include "xlsxkit/properties.h"
#include "xlsxkit/text_metrics.h"
#include "xlsxkit/verify.h"
#include "xlsxkit/workbook.h"

namespace eduplan::cli {
namespace {

using namespace xlsxkit;

// The form sheet: title, instructions, header, then one row per responsibility.
constexpr std::uint32_t kInstructionRow = 1, kHeaderRow = 2, kFirstRow = 3;
constexpr std::uint16_t kStatusCol = 3, kProgressCol = 4, kNoteCol = 5;
// The `Angaben` sheet: Plan, Periode, Einheit, Dezernat, Erstellt, then the scale.
constexpr std::uint32_t kScaleRow = 5;

lxw_format* key_format(Workbook& wb) {
  // Locked, one line: the key is for the machine, shown small and grey in a narrow column.
  lxw_format* f = workbook_add_format(wb.raw());
  format_set_font_name(f, "Arial");
  format_set_font_size(f, 7);
  format_set_font_color(f, 0x808080);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f, LXW_BORDER_HAIR);
  return f;
}

std::string instructions(const FormSpec& form) {
  return tr({"Bitte für jede Zeile Status (Auswahlliste: {0}), Fortschritt in Prozent (0–100) und "
             "bei Bedarf eine Bemerkung eintragen. Nur die gelben Zellen sind veränderbar; Zeilen "
             "ohne Angaben gelten als nicht gemeldet.",
             "For each row, enter the status (drop-down: {0}), the progress in percent (0–100) "
             "and a note where needed. Only the yellow cells can be changed; rows left empty "
             "count as not reported."},
            [&] {
              std::string list;
              for (const auto& s : form.scale) list += (list.empty() ? "" : ", ") + s;
              return list;
            }());
}

void write_form_sheet(Workbook& wb, const FormSpec& form, const std::string& info_sheet) {
  std::string name;
  lxw_worksheet* ws = wb.add_sheet(kFormSheet, &name);
  if (name != kFormSheet)
    throw Failure(
        tr({"Tabellenblatt {0} statt {1}", "worksheet {0} instead of {1}"}, name, kFormSheet));
  const auto& fmt = wb.formats();
  const InputFormats input = add_input_formats(wb);
  lxw_format* key = key_format(wb);

  ColumnFit fit({10, 18, 40, 14, 11, 40});
  fit.header(form_header());
  for (const auto& s : form.scale) fit.text(kStatusCol, s);
  for (const auto& r : form.rows)
    fit.row({Cell::none(), Cell::of(r.field), Cell::of(r.focus_area)});
  std::vector<double> widths = fit.widths();
  widths[0] = 10;  // the key column stays narrow: the key is cut, not wrapped
  wb.columns(ws, widths);

  wb.check(worksheet_set_row(ws, 0, 21, nullptr), "Zeilenhöhe", "row height");
  wb.text(ws, 0, 0, "Rückmeldung " + form.period + " – " + form.unit, fmt.title);
  double height = 21;
  const std::string text = instructions(form);
  double sum = 0;
  for (double w : widths) sum += w;
  const double all = merged_width(widths.size(), sum / static_cast<double>(widths.size()));
  const double instruction_height = row_height(wrapped_lines(text, all));
  wb.check(worksheet_set_row(ws, kInstructionRow, instruction_height, nullptr), "Zeilenhöhe",
           "row height");
  wb.merge(ws, kInstructionRow, 0, static_cast<std::uint16_t>(widths.size() - 1), text, fmt.plain);
  height += instruction_height;
  std::vector<Cell> head;
  for (const auto& h : form_header()) head.push_back(Cell::of(h, fmt.header, true));
  height += wb.row(ws, kHeaderRow, head, widths);

  std::uint32_t r = kFirstRow;
  for (const auto& row : form.rows) {
    height +=
        wb.row(ws, r,
               {Cell::none(), Cell::of(row.field), Cell::of(row.focus_area),
                Cell::of("", input.choice), Cell::of("", input.number), Cell::of("", input.text)},
               widths);
    wb.text(ws, r, 0, row.key, key);  // after the row: not measured, it does not wrap
    ++r;
  }
  const std::uint32_t last = r - 1;
  worksheet_freeze_panes(ws, kFirstRow, 0);
  worksheet_set_selection(ws, kFirstRow, kStatusCol, kFirstRow, kStatusCol);

  const auto scale_range = absolute_reference(
      info_sheet, {kScaleRow, kScaleRow, 1, static_cast<std::uint16_t>(form.scale.size())});
  list_validation(
      wb, ws, {kFirstRow, last, kStatusCol, kStatusCol}, scale_range,
      {tr({"Status", "Status"}),
       tr({"Bitte einen Status aus der Liste wählen.", "Please choose a status from the list."}),
       tr({"Unbekannter Status", "Unknown status"}),
       tr({"Nur die Status der Liste sind zulässig.",
           "Only the statuses of the list are allowed."})});
  whole_number_validation(
      wb, ws, {kFirstRow, last, kProgressCol, kProgressCol}, 0, 100,
      {tr({"Fortschritt", "Progress"}),
       tr({"Ganze Zahl von 0 bis 100 (Prozent).", "A whole number from 0 to 100 (percent)."}),
       tr({"Ungültiger Fortschritt", "Invalid progress"}),
       tr({"Bitte eine ganze Zahl von 0 bis 100 eingeben.",
           "Please enter a whole number from 0 to 100."})});
  protect_sheet(ws);

  PageSetup setup;
  setup.landscape = true;
  setup.repeat_rows = std::pair{kHeaderRow, kHeaderRow};
  setup.rows_height = height;
  setup.columns_width = columns_points(widths);
  wb.page_setup(ws, setup, last, kNoteCol);
}

void write_info_sheet(Workbook& wb, const FormSpec& form, std::string& name) {
  lxw_worksheet* ws = wb.add_sheet(kInfoSheet, &name);
  if (name != kInfoSheet)
    throw Failure(
        tr({"Tabellenblatt {0} statt {1}", "worksheet {0} instead of {1}"}, name, kInfoSheet));
  const auto& fmt = wb.formats();
  const std::pair<const char*, const std::string*> facts[] = {{"Plan", &form.plan},
                                                              {"Periode", &form.period},
                                                              {"Einheit", &form.unit},
                                                              {"Dezernat", &form.division},
                                                              {"Erstellt", &form.created}};
  ColumnFit fit(std::vector<double>(form.scale.size() + 1, 12));
  fit.text(0, "Statusskala", true);
  for (const auto& [label, value] : facts) fit.text(1, *value);
  for (std::size_t i = 0; i < form.scale.size(); ++i) fit.text(i + 1, form.scale[i]);
  std::vector<double> widths = fit.widths();
  for (const auto& [label, value] : facts)  // a value on one line where it fits
    widths[1] =
        std::max(widths[1], std::min(kMaxFittedWidth, width_for_points(text_width(*value))));
  wb.columns(ws, widths);
  std::uint32_t r = 0;
  for (const auto& [label, value] : facts)
    wb.row(ws, r++, {Cell::of(label, fmt.total, true), Cell::of(*value, fmt.text)}, widths);
  std::vector<Cell> scale{Cell::of("Statusskala", fmt.total, true)};
  for (const auto& s : form.scale) scale.push_back(Cell::of(s, fmt.text));
  wb.row(ws, kScaleRow, scale, widths);
  protect_sheet(ws);
  PageSetup setup;
  setup.one_page = true;
  wb.page_setup(ws, setup, kScaleRow, static_cast<std::uint16_t>(form.scale.size()));
}

}  // namespace

void write_status_form(const std::string& path, const std::string& tmpdir, const FormSpec& form) {
  if (form.scale.empty())
    throw Failure(tr({"die Statusskala ist leer", "the status scale is empty"}));
  if (form.rows.empty()) throw Failure(tr({"keine Zuständigkeiten", "no responsibilities"}));
  const bool english = language() == Language::en;
  PrintInfo print{"Rückmeldung " + form.period + " – " + form.unit, form.created, english,
                  "Plan " + form.plan + ", Periode " + form.period};
  Workbook wb(path.c_str(), kExcelRows, tmpdir, print);
  DocumentProperties properties;
  properties.title = print.title;
  properties.subject = "Rückmeldebogen";
  properties.keywords = "eduplan, Rückmeldung, " + form.period;
  set_document_properties(wb, properties);
  set_custom_property(wb, "eduplan.plan", form.plan);
  set_custom_property(wb, "eduplan.period", form.period);
  // The form sheet first; the info sheet's name is what the drop-down refers to.
  std::string info_name = kInfoSheet;
  write_form_sheet(wb, form, info_name);
  write_info_sheet(wb, form, info_name);
  wb.close();
  verify_workbook(path);
}

}  // namespace eduplan::cli
