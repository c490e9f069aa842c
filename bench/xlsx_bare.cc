// xlsx-bare DB PLAN OUT.xlsx YYYY-MM-DD: the floor for `eduplan export --format xlsx`.
//
// A plain program on the sqlite3 C API and libxlsxwriter that reads the plan from the database
// and writes the cells the exporter writes: the same sheets in the same order (Übersicht, one
// sheet per field, Zuständigkeitsmatrix, Verwaltungsbereiche, Ableitungen, Befunde), the same
// values and cell formats, the same merged division cells, frozen panes and filters, in
// constant_memory mode, with the database opened as eduplan opens it (read-only, no connection
// mutex). What eduplan adds on top is left out: no row heights measured, no column widths fitted
// to words (fixed widths), no print setup, header or footer, no reading the workbook back, no
// child process, no plugin ABI, no escaping or cutting of over-long text, no sheet-name
// collisions resolved, no tables continued past Excel's row limit, German only.
// tests/cli/cli_bench_fair.py proves the cells equal; docs/performance.md has the figures.
//
// Passes over the data: the outline and one unordered scan of the responsibilities
// (xlsx_bare_plan.h), one ordered pass over the focus areas that fills the field sheets and the
// matrix side by side, one over the findings.
#include <xlsxwriter.h>

#include <string_view>

#include "xlsx_bare_plan.h"

namespace bare {
namespace {

constexpr std::size_t kGridCells = 2'000'000;  // up to this many, empty matrix cells get borders

void ok(lxw_error e) {
  if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
}

struct Formats {
  lxw_format *title, *subtitle, *header, *header_bottom, *header_rotated, *division, *text, *plain,
      *number, *decimal, *mark, *total, *total_number;
};

// The exporter's formats (exporters/xlsx/workbook.cc): Arial 10 unless said, top-aligned.
Formats make_formats(lxw_workbook* wb) {
  auto make = [wb](double size, bool bold) {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "Arial");
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  };
  auto header = [&](uint8_t vertical) {
    lxw_format* f = make(10, true);
    format_set_bg_color(f, 0xD9E1F2);
    format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    if (vertical) format_set_align(f, vertical);
    return f;
  };
  Formats f{};
  f.title = make(14, true);
  f.subtitle = make(11, true);
  f.header = header(0);
  f.header_bottom = header(LXW_ALIGN_VERTICAL_BOTTOM);
  f.header_rotated = header(LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_rotation(f.header_rotated, 90);
  format_set_align(f.header_rotated, LXW_ALIGN_CENTER);
  f.division = make(10, true);
  format_set_bg_color(f.division, 0xB4C6E7);
  format_set_border(f.division, LXW_BORDER_THIN);
  format_set_text_wrap(f.division);
  format_set_align(f.division, LXW_ALIGN_CENTER);
  f.text = make(10, false);
  format_set_text_wrap(f.text);
  format_set_border(f.text, LXW_BORDER_HAIR);
  f.plain = make(10, false);
  format_set_text_wrap(f.plain);
  f.number = make(10, false);
  format_set_border(f.number, LXW_BORDER_HAIR);
  f.decimal = make(10, false);
  format_set_num_format(f.decimal, "0.0");
  format_set_border(f.decimal, LXW_BORDER_HAIR);
  f.mark = make(10, true);
  format_set_align(f.mark, LXW_ALIGN_CENTER);
  format_set_border(f.mark, LXW_BORDER_HAIR);
  f.total = make(10, true);
  format_set_text_wrap(f.total);
  format_set_border(f.total, LXW_BORDER_THIN);
  f.total_number = make(10, true);
  format_set_align(f.total_number, LXW_ALIGN_CENTER);
  format_set_border(f.total_number, LXW_BORDER_THIN);
  return f;
}

// A string cell; an empty one with a format is a formatted blank, as the exporter writes it.
void put(lxw_worksheet* ws, lxw_row_t r, std::size_t c, const char* s, lxw_format* f) {
  ok(worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), s, f));
}
void put(lxw_worksheet* ws, lxw_row_t r, std::size_t c, const std::string& s, lxw_format* f) {
  put(ws, r, c, s.c_str(), f);
}
void num(lxw_worksheet* ws, lxw_row_t r, std::size_t c, double v, lxw_format* f) {
  ok(worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), v, f));
}

// A title row, a header row, frozen below the header; fixed column widths.
void table_head(lxw_worksheet* ws, const std::string& title, const std::vector<std::string>& header,
                const std::vector<double>& widths, lxw_col_t frozen, const Formats& fmt) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    ok(worksheet_set_column(ws, col, col, widths[c], nullptr));
  }
  put(ws, 0, 0, title, fmt.title);
  for (std::size_t c = 0; c < header.size(); ++c) put(ws, 1, c, header[c], fmt.header);
  worksheet_freeze_panes(ws, 2, frozen);
}

void filter(lxw_worksheet* ws, lxw_row_t last_row, std::size_t columns) {
  ok(worksheet_autofilter(ws, 1, 0, last_row, static_cast<lxw_col_t>(columns - 1)));
}

lxw_worksheet* add_sheet(lxw_workbook* wb, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) fail("cannot add a sheet");
  return ws;
}

// Excel's rules for sheet names: no []:*?/\, at most 31 characters (code points here).
std::string sheet_name(const std::string& wanted) {
  std::string out;
  std::size_t points = 0;
  for (char c : wanted) {
    if (static_cast<unsigned char>(c) < 0x20 ||
        std::string_view("[]:*?/\\").find(c) != std::string_view::npos)
      c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && points++ == 31) break;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  return out;
}

std::string joined_titles(const std::vector<std::size_t>& fields, const Plan& p) {
  std::string out;
  for (std::size_t f : fields) out += (out.empty() ? "" : "; ") + p.fields[f].title;
  return out;
}

std::string unit_label(const Unit& unit) {
  return unit.whole ? unit.name + " (als Ganzes)" : unit.name;
}

// The sheets the focus areas go to, with their last written rows.
struct Sheets {
  std::vector<lxw_worksheet*> fields;
  std::vector<lxw_row_t> field_rows;
  lxw_worksheet* matrix;
  lxw_row_t matrix_row;
  lxw_col_t total_col;
};

// Title, the divisions merged over their units, the rotated unit names.
void write_matrix_head(lxw_worksheet* ws, const Plan& p, const Formats& fmt) {
  const std::size_t total = 3 + p.columns.size();
  ok(worksheet_set_column(ws, 0, 0, 20, nullptr));
  ok(worksheet_set_column(ws, 1, 1, 4.5, nullptr));
  ok(worksheet_set_column(ws, 2, 2, 46, nullptr));
  ok(worksheet_set_column(ws, 3, static_cast<lxw_col_t>(total), 3.6, nullptr));
  put(ws, 0, 0, "Zuständigkeitsmatrix: Handlungsschwerpunkte und Verwaltungsbereiche", fmt.title);
  put(ws, 1, 0, "Dezernat", fmt.header);
  put(ws, 1, 1, "", fmt.header);
  put(ws, 1, 2, "", fmt.header);
  for (std::size_t first = 0, last = 0; first < p.columns.size(); first = last + 1) {
    const std::size_t d = p.units[p.columns[first]].division;
    for (last = first; last + 1 < p.columns.size(); ++last) {
      if (p.units[p.columns[last + 1]].division != d) break;
    }
    const std::string name = d == kNone ? "ohne Dezernat" : p.units[d].name;
    if (first == last)
      put(ws, 1, 3 + first, name, fmt.division);
    else
      ok(worksheet_merge_range(ws, 1, static_cast<lxw_col_t>(3 + first), 1,
                               static_cast<lxw_col_t>(3 + last), name.c_str(), fmt.division));
  }
  put(ws, 1, total, "", fmt.header);
  put(ws, 2, 0, "Handlungsfeld", fmt.header_bottom);
  put(ws, 2, 1, "Nr.", fmt.header_bottom);
  put(ws, 2, 2, "Handlungsschwerpunkt", fmt.header_bottom);
  for (std::size_t c = 0; c < p.columns.size(); ++c)
    put(ws, 2, 3 + c, unit_label(p.units[p.columns[c]]), fmt.header_rotated);
  put(ws, 2, total, "Summe", fmt.header_rotated);
  worksheet_freeze_panes(ws, 3, 3);
}

// The one ordered pass over the focus areas (a row per responsibility, or one for a focus area
// without) and their further columns: each goes to its field's sheet and to the matrix.
void write_focus_areas(sqlite3* db, Plan& p, Sheets& out, const Formats& fmt) {
  Query areas(db,
              "SELECT fa.field_id, fa.id, fa.text, r.org_unit_id FROM field f JOIN focus_area fa "
              "ON fa.field_id = f.id LEFT JOIN responsibility r ON r.focus_area_id = fa.id "
              "WHERE f.plan_id = ? ORDER BY f.position, fa.position, r.position",
              p.id);
  Query attributes(db,
                   "SELECT a.focus_area_id, a.name, a.value FROM focus_area_attribute a JOIN "
                   "focus_area fa ON fa.id = a.focus_area_id JOIN field f ON f.id = fa.field_id "
                   "WHERE f.plan_id = ? ORDER BY f.position, fa.position, a.position",
                   p.id);
  const bool grid = p.focus_areas * (p.columns.size() + 1) <= kGridCells;
  std::vector<std::size_t> area_units, touched;
  std::vector<char> marked(p.columns.size(), 0);
  std::vector<std::string> values;
  struct Line {
    std::size_t division;  // kNone: a line of its own
    std::string text;
  };
  std::vector<Line> lines;
  std::string text, by_division;
  bool more = areas.step(), more_attributes = attributes.step();
  while (more) {
    const sqlite3_int64 area_id = areas.i(1);
    const std::size_t f = p.field_of.at(areas.i(0));
    Field& field = p.fields[f];
    text = areas.s(2);
    area_units.clear();
    do {
      if (!areas.null(3)) area_units.push_back(p.unit_of.at(areas.i(3)));
      more = areas.step();
    } while (more && areas.i(1) == area_id);
    values.assign(field.attributes.size(), std::string());
    for (; more_attributes && attributes.i(0) == area_id; more_attributes = attributes.step()) {
      const auto at = std::find(field.attributes.begin(), field.attributes.end(), attributes.s(1));
      values[static_cast<std::size_t>(at - field.attributes.begin())] = attributes.s(2);
    }
    // "Dezernat IV: A; B", a line per division; a whole division or a unit without one alone.
    lines.clear();
    touched.clear();
    for (std::size_t u : area_units) {
      Unit& unit = p.units[u];
      const std::size_t d = unit.division;
      if (unit.whole || d == kNone) {
        lines.push_back({kNone, unit_label(unit)});
      } else {
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [d](const Line& l) { return l.division == d; });
        if (line == lines.end())
          lines.push_back({d, p.units[d].name + ": " + unit.name});
        else
          line->text += "; " + unit.name;
      }
      if (d != kNone && std::find(touched.begin(), touched.end(), d) == touched.end()) {
        touched.push_back(d);
        ++p.units[d].division_areas;
      }
      if (unit.fields.empty() || unit.fields.back() != f) unit.fields.push_back(f);
    }
    by_division.clear();
    for (const auto& line : lines) {
      if (!by_division.empty()) by_division += '\n';
      by_division += line.text;
    }

    lxw_worksheet* ws = out.fields[f];
    const lxw_row_t r = ++out.field_rows[f];
    const double nr = static_cast<double>(++field.focus_areas);
    field.responsibilities += area_units.size();
    num(ws, r, 0, nr, fmt.number);
    put(ws, r, 1, text, fmt.text);
    put(ws, r, 2, by_division, fmt.text);
    for (std::size_t a = 0; a < values.size(); ++a) put(ws, r, 3 + a, values[a], fmt.text);

    const lxw_row_t m = ++out.matrix_row;
    put(out.matrix, m, 0, field.title, fmt.text);
    num(out.matrix, m, 1, nr, fmt.number);
    put(out.matrix, m, 2, text, fmt.text);
    if (grid) {
      for (std::size_t u : area_units) marked[p.column_of[u]] = 1;
      for (std::size_t c = 0; c < p.columns.size(); ++c) {
        put(out.matrix, m, 3 + c, marked[c] ? "x" : "", fmt.mark);
        marked[c] = 0;
      }
    } else {
      for (std::size_t u : area_units) put(out.matrix, m, 3 + p.column_of[u], "x", fmt.mark);
    }
    num(out.matrix, m, out.total_col, static_cast<double>(area_units.size()), fmt.total_number);
  }
}

// Each field's objectives below its table, outside the filter; the matrix's totals.
void finish_focus_area_sheets(const Plan& p, Sheets& out, const Formats& fmt) {
  for (std::size_t f = 0; f < p.fields.size(); ++f) {
    lxw_worksheet* ws = out.fields[f];
    lxw_row_t& r = out.field_rows[f];
    filter(ws, r, 3 + p.fields[f].attributes.size());
    if (p.fields[f].objectives.empty()) continue;
    r += 2;
    put(ws, r, 1, "Ableitungen", fmt.subtitle);
    for (std::size_t o : p.fields[f].objectives) put(ws, ++r, 1, p.objectives[o], fmt.text);
  }
  ok(worksheet_autofilter(out.matrix, 2, 0, out.matrix_row, out.total_col));
  const lxw_row_t r = ++out.matrix_row;
  put(out.matrix, r, 0, "", fmt.total);
  put(out.matrix, r, 1, "", fmt.total);
  put(out.matrix, r, 2, "Summe", fmt.total);
  double all = 0;
  for (std::size_t c = 0; c < p.columns.size(); ++c) {
    const auto n = static_cast<double>(p.units[p.columns[c]].focus_areas);
    num(out.matrix, r, 3 + c, n, fmt.total_number);
    all += n;
  }
  num(out.matrix, r, out.total_col, all, fmt.total_number);
}

// Verwaltungsbereiche and Ableitungen.
void write_lists(lxw_workbook* wb, const Plan& p, const Formats& fmt) {
  lxw_worksheet* ws = add_sheet(wb, "Verwaltungsbereiche");
  table_head(ws, "Befasste Verwaltungsbereiche",
             {"Verwaltungsbereich", "Dezernat", "Schwerpunkte", "Handlungsfelder"},
             {38, 20, 13, 72}, 1, fmt);
  lxw_row_t r = 1;
  for (const Unit& unit : p.units) {
    if (unit.whole && unit.focus_areas == 0) continue;  // only a heading
    put(ws, ++r, 0, unit_label(unit), fmt.text);
    put(ws, r, 1, unit.division == kNone ? "" : p.units[unit.division].name.c_str(), fmt.text);
    num(ws, r, 2, static_cast<double>(unit.focus_areas), fmt.number);
    put(ws, r, 3, joined_titles(unit.fields, p), fmt.text);
  }
  filter(ws, r, 4);

  ws = add_sheet(wb, "Ableitungen");
  table_head(ws, "Ableitungen aller Handlungsfelder", {"Nr.", "Ableitung", "Handlungsfelder"},
             {5, 72, 38}, 2, fmt);
  r = 1;
  for (std::size_t o = 0; o < p.objectives.size(); ++o) {
    num(ws, ++r, 0, static_cast<double>(o + 1), fmt.number);
    put(ws, r, 1, p.objectives[o], fmt.text);
    put(ws, r, 2, joined_titles(p.fields_of_objective[o], p), fmt.text);
  }
  filter(ws, r, 3);
}

// Befunde; returns the number of errors, warnings and infos.
std::array<double, 3> write_findings(sqlite3* db, lxw_workbook* wb, const Plan& p,
                                     const Formats& fmt) {
  lxw_worksheet* ws = add_sheet(wb, "Befunde");
  table_head(ws, "Befunde der Prüfung", {"Regel", "Schweregrad", "Zeile", "Betreff", "Meldung"},
             {24, 11, 7, 34, 70}, 1, fmt);
  const char* names[] = {"Fehler", "Warnung", "Hinweis"};
  std::array<double, 3> counts{};
  lxw_row_t r = 1;
  for (Query q(db,
               "SELECT rule, severity, source_line, subject, message FROM finding "
               "WHERE plan_id = ? ORDER BY id",
               p.id);
       q.step();) {
    const std::string_view severity = q.s(1);
    const std::size_t s = severity == "error" ? 0 : severity == "warning" ? 1 : 2;
    ++counts[s];
    put(ws, ++r, 0, q.s(0), fmt.text);
    put(ws, r, 1, names[s], fmt.text);
    if (q.i(2) > 0)
      num(ws, r, 2, static_cast<double>(q.i(2)), fmt.number);
    else
      put(ws, r, 2, "", fmt.text);
    put(ws, r, 3, q.s(3), fmt.text);
    put(ws, r, 4, q.s(4), fmt.text);
  }
  filter(ws, r, 5);
  return counts;
}

// Übersicht, the first sheet, written last: the plan, counts per field and per division,
// findings by severity, a chart of the divisions.
void write_overview(lxw_workbook* wb, lxw_worksheet* ws, const Plan& p, const char* date,
                    const std::array<double, 3>& severities, const Formats& fmt) {
  ok(worksheet_set_column(ws, 0, 0, 42, nullptr));
  ok(worksheet_set_column(ws, 1, 3, 21, nullptr));
  put(ws, 0, 0, p.title, fmt.title);
  lxw_row_t r = 1;
  auto fact = [&](const char* label, const std::string& value) {
    put(ws, ++r, 0, label, fmt.subtitle);
    ok(worksheet_merge_range(ws, r, 1, r, 3, value.c_str(), fmt.plain));
  };
  auto header = [&](std::vector<const char*> names) {
    r += 2;  // after an empty row
    for (std::size_t c = 0; c < names.size(); ++c) put(ws, r, c, names[c], fmt.header);
  };
  fact("Plan", p.name);
  if (p.has_source) fact("Quelle", p.source);
  fact("Stand", date);
  header({"Handlungsfeld", "Schwerpunkte", "Zuständigkeiten", "Ableitungen"});
  double areas = 0, responsibilities = 0, objectives = 0;
  for (const auto& field : p.fields) {
    put(ws, ++r, 0, field.title, fmt.text);
    num(ws, r, 1, static_cast<double>(field.focus_areas), fmt.number);
    num(ws, r, 2, static_cast<double>(field.responsibilities), fmt.number);
    num(ws, r, 3, static_cast<double>(field.objectives.size()), fmt.number);
    areas += static_cast<double>(field.focus_areas);
    responsibilities += static_cast<double>(field.responsibilities);
    objectives += static_cast<double>(field.objectives.size());
  }
  put(ws, ++r, 0, "Summe", fmt.total);
  num(ws, r, 1, areas, fmt.total_number);
  num(ws, r, 2, responsibilities, fmt.total_number);
  num(ws, r, 3, objectives, fmt.total_number);
  if (areas > 0) {
    put(ws, ++r, 0, "Zuständigkeiten je Schwerpunkt (Durchschnitt)", fmt.text);
    num(ws, r, 2, responsibilities / areas, fmt.decimal);
  }
  header({"Dezernat", "Verwaltungsbereiche", "Schwerpunkte"});
  const std::string first = std::to_string(r + 2);
  for (std::size_t d : p.divisions) {
    std::size_t responsible = 0;
    for (const Unit& unit : p.units) responsible += unit.division == d && unit.focus_areas > 0;
    put(ws, ++r, 0, p.units[d].name, fmt.text);
    num(ws, r, 1, static_cast<double>(responsible), fmt.number);
    num(ws, r, 2, static_cast<double>(p.units[d].division_areas), fmt.number);
  }
  const std::string last = std::to_string(r + 1);
  header({"Befunde", "Anzahl"});
  const char* names[] = {"Fehler", "Warnung", "Hinweis"};
  for (std::size_t s = 0; s < 3; ++s) {
    put(ws, ++r, 0, names[s], fmt.text);
    num(ws, r, 1, severities[s], fmt.number);
  }
  if (p.divisions.empty()) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
  lxw_chart_series* series =
      chart_add_series(chart, ("='Übersicht'!$A$" + first + ":$A$" + last).c_str(),
                       ("='Übersicht'!$C$" + first + ":$C$" + last).c_str());
  chart_series_set_name(series, "Schwerpunkte");
  chart_title_set_name(chart, "Schwerpunkte je Dezernat");
  ok(worksheet_insert_chart(ws, r + 2, 0, chart));
}

}  // namespace
}  // namespace bare

int main(int argc, char** argv) {
  using namespace bare;
  int year = 0, month = 0, day = 0;
  if (argc != 5 || std::sscanf(argv[4], "%4d-%2d-%2d", &year, &month, &day) != 3) {
    std::fprintf(stderr, "usage: xlsx-bare DB PLAN OUT.xlsx YYYY-MM-DD\n");
    return 2;
  }
  char date[16];
  std::snprintf(date, sizeof date, "%02d.%02d.%04d", day, month, year);
  sqlite3* db = nullptr;
  // Without the connection's mutex, as eduplan opens its connections: one thread reads, and the
  // floor should not pay for a lock it does not need (0.15 G instructions at 200k).
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK)
    fail(sqlite3_errmsg(db));
  Plan plan = read_plan(db, argv[2]);

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[3], &options);
  if (!wb) fail("cannot create the workbook");
  const Formats fmt = make_formats(wb);
  lxw_worksheet* overview = add_sheet(wb, "Übersicht");
  Sheets sheets;
  for (const auto& field : plan.fields) {
    lxw_worksheet* ws = add_sheet(wb, sheet_name(field.title));
    std::vector<std::string> header{"Nr.", "Handlungsschwerpunkt", "Befasste Verwaltungsbereiche"};
    std::vector<double> widths{5, 58, 68};
    header.insert(header.end(), field.attributes.begin(), field.attributes.end());
    widths.resize(header.size(), 16);
    table_head(ws, "Handlungsfeld " + field.title, header, widths, 2, fmt);
    sheets.fields.push_back(ws);
    sheets.field_rows.push_back(1);
  }
  sheets.matrix = add_sheet(wb, "Zuständigkeitsmatrix");
  sheets.matrix_row = 2;
  sheets.total_col = static_cast<lxw_col_t>(3 + plan.columns.size());
  write_matrix_head(sheets.matrix, plan, fmt);
  write_focus_areas(db, plan, sheets, fmt);
  finish_focus_area_sheets(plan, sheets, fmt);
  write_lists(wb, plan, fmt);
  const auto severities = write_findings(db, wb, plan, fmt);
  write_overview(wb, overview, plan, date, severities, fmt);

  const lxw_error closed = workbook_close(wb);
  sqlite3_close(db);
  if (closed != LXW_NO_ERROR) fail(lxw_strerror(closed));
  return 0;
}
