// xlsx-bare DB PLAN OUT.xlsx YYYY-MM-DD: the floor for `eduplan export --format xlsx`.
//
// A plain program on the sqlite3 C API and libxlsxwriter that reads the plan from the database
// and writes the cells the exporter writes: the same sheets in the same order (Übersicht, one
// sheet per field, Zuständigkeitsmatrix, Verwaltungsbereiche, Ableitungen, Befunde), the same
// values, the same cell formats, the same merged division cells, frozen panes and filters, in
// constant_memory mode. What eduplan adds on top is left out: no row heights measured, no
// column widths fitted to words (fixed widths), no print setup, header or footer, no reading
// the workbook back, no child process, no plugin ABI, no escaping or cutting of over-long text,
// no sheet-name collisions resolved. tests/cli/cli_bench_fair.py proves the cells equal.
//
// Passes over the data: one unordered scan of the responsibilities (each unit's count and first
// appearance: the matrix header needs them before its first row), one ordered pass over the
// focus areas that fills the field sheets and the matrix side by side, one over the findings.
#include <sqlite3.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

constexpr std::size_t kNone = SIZE_MAX;
constexpr std::size_t kGridCells = 2'000'000;  // up to this many, empty matrix cells get borders

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "xlsx-bare: %s\n", what);
  std::exit(1);
}

void ok(lxw_error e) {
  if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
}

class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
  }
  Query(sqlite3* db, const char* sql, sqlite3_int64 plan) : Query(db, sql) {
    sqlite3_bind_int64(st_, 1, plan);
  }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  sqlite3_stmt* raw() { return st_; }
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
    return rc == SQLITE_ROW;
  }
  sqlite3_int64 i(int c) { return sqlite3_column_int64(st_, c); }
  const char* s(int c) {
    const auto* p = sqlite3_column_text(st_, c);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  bool null(int c) { return sqlite3_column_type(st_, c) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

using Position = std::array<sqlite3_int64, 3>;  // field, focus area, responsibility

struct Unit {
  std::string name;
  std::size_t division = kNone;  // its division, or itself for a division
  bool whole = false;            // a division (responsible as a whole where it is named)
  std::size_t focus_areas = 0;   // responsibilities
  Position first{INT64_MAX, 0, 0};
  std::vector<std::size_t> fields;
  std::size_t division_areas = 0;  // a division: focus areas any of its units takes part in
};

struct Field {
  std::string title;
  std::vector<std::size_t> objectives;
  std::vector<std::string> attributes;  // further columns, in order of first appearance
  lxw_worksheet* ws = nullptr;
  lxw_row_t row = 1;  // the last written
  std::size_t focus_areas = 0, responsibilities = 0;
};

struct Formats {
  lxw_format *title, *subtitle, *header, *header_bottom, *header_rotated, *division, *text, *plain,
      *number, *decimal, *mark, *total, *total_number;
};

// The exporter's formats (exporters/xlsx/workbook.cc), Arial 10 unless said.
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
void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const char* s, lxw_format* f) {
  ok(worksheet_write_string(ws, r, c, s, f));
}
void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
  put(ws, r, c, s.c_str(), f);
}
void num(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
  ok(worksheet_write_number(ws, r, c, v, f));
}

// A title row, a header row, frozen below the header; fixed column widths.
void table_head(lxw_worksheet* ws, const std::string& title, const std::vector<std::string>& header,
                const std::vector<double>& widths, lxw_col_t frozen, const Formats& fmt) {
  for (std::size_t c = 0; c < widths.size(); ++c)
    ok(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                            nullptr));
  put(ws, 0, 0, title, fmt.title);
  for (std::size_t c = 0; c < header.size(); ++c)
    put(ws, 1, static_cast<lxw_col_t>(c), header[c], fmt.header);
  worksheet_freeze_panes(ws, 2, frozen);
}

void filter(lxw_worksheet* ws, lxw_row_t last_row, std::size_t columns) {
  ok(worksheet_autofilter(ws, 1, 0, last_row, static_cast<lxw_col_t>(columns - 1)));
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
    const bool starts_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_point && points++ == 31) break;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  return out;
}

std::string joined_titles(const std::vector<std::size_t>& fields, const std::vector<Field>& all) {
  std::string out;
  for (std::size_t f : fields) out += (out.empty() ? "" : "; ") + all[f].title;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int year = 0, month = 0, day = 0;
  if (argc != 5 || std::sscanf(argv[4], "%4d-%2d-%2d", &year, &month, &day) != 3) {
    std::fprintf(stderr, "usage: xlsx-bare DB PLAN OUT.xlsx YYYY-MM-DD\n");
    return 2;
  }
  char date[16];
  std::snprintf(date, sizeof date, "%02d.%02d.%04d", day, month, year);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    fail(sqlite3_errmsg(db));

  // The plan's outline: units, objectives, fields with their objectives and further columns.
  Query plan(db, "SELECT id, title, source FROM plan WHERE name = ?");
  sqlite3_bind_text(plan.raw(), 1, argv[2], -1, SQLITE_STATIC);
  if (!plan.step()) fail("no such plan");
  const sqlite3_int64 plan_id = plan.i(0);
  const std::string title = *plan.s(1) ? plan.s(1) : "Bildungskonzept";
  const std::string path = plan.s(2);
  const std::string source = path.substr(path.find_last_of("/\\") + 1);  // its file name

  std::vector<Unit> units;
  std::unordered_map<sqlite3_int64, std::size_t> unit_of, objective_of, field_of;
  std::vector<sqlite3_int64> parents;
  for (Query q(
           db,
           "SELECT id, name, parent_id, is_division FROM org_unit WHERE plan_id = ? ORDER BY id",
           plan_id);
       q.step();) {
    unit_of[q.i(0)] = units.size();
    parents.push_back(q.null(2) ? 0 : q.i(2));
    units.push_back({.name = q.s(1), .whole = q.i(3) != 0});
  }
  for (std::size_t u = 0; u < units.size(); ++u)
    units[u].division = units[u].whole ? u : parents[u] ? unit_of.at(parents[u]) : kNone;
  std::vector<std::string> objectives;
  for (Query q(db, "SELECT id, text FROM objective WHERE plan_id = ? ORDER BY id", plan_id);
       q.step();) {
    objective_of[q.i(0)] = objectives.size();
    objectives.push_back(q.s(1));
  }
  std::vector<Field> fields;
  for (Query q(db, "SELECT id, title FROM field WHERE plan_id = ? ORDER BY position", plan_id);
       q.step();) {
    field_of[q.i(0)] = fields.size();
    fields.push_back({.title = q.s(1)});
  }
  std::vector<std::vector<std::size_t>> fields_of_objective(objectives.size());
  for (Query q(db,
               "SELECT fo.field_id, fo.objective_id FROM field_objective fo JOIN field f ON f.id = "
               "fo.field_id WHERE f.plan_id = ? ORDER BY f.position, fo.position",
               plan_id);
       q.step();) {
    const std::size_t f = field_of.at(q.i(0)), o = objective_of.at(q.i(1));
    fields[f].objectives.push_back(o);
    fields_of_objective[o].push_back(f);
  }
  for (Query q(
           db,
           "SELECT fa.field_id, a.name FROM focus_area_attribute a JOIN focus_area fa ON fa.id = "
           "a.focus_area_id JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ? "
           "ORDER BY f.position, fa.position, a.position",
           plan_id);
       q.step();) {
    auto& names = fields[field_of.at(q.i(0))].attributes;
    if (std::find(names.begin(), names.end(), q.s(1)) == names.end()) names.emplace_back(q.s(1));
  }

  // Each unit's count and first appearance, in one unordered scan; the divisions in the order
  // of their first appearance; the matrix columns (each division, then its units; units
  // without division last).
  for (Query q(db,
               "SELECT r.org_unit_id, f.position, fa.position, r.position FROM field f JOIN "
               "focus_area fa ON fa.field_id = f.id JOIN responsibility r ON r.focus_area_id = "
               "fa.id WHERE f.plan_id = ?",
               plan_id);
       q.step();) {
    Unit& unit = units[unit_of.at(q.i(0))];
    ++unit.focus_areas;
    unit.first = std::min(unit.first, Position{q.i(1), q.i(2), q.i(3)});
  }
  std::vector<std::size_t> divisions;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::size_t d = units[u].division;
    if (units[u].focus_areas == 0 || d == kNone) continue;
    if (std::find(divisions.begin(), divisions.end(), d) == divisions.end()) divisions.push_back(d);
    units[d].first = std::min(units[d].first, units[u].first);
  }
  std::sort(divisions.begin(), divisions.end(),
            [&](std::size_t a, std::size_t b) { return units[a].first < units[b].first; });
  std::vector<std::size_t> cols;
  for (std::size_t d : divisions) {
    if (units[d].focus_areas > 0) cols.push_back(d);
    for (std::size_t u = 0; u < units.size(); ++u)
      if (!units[u].whole && units[u].division == d && units[u].focus_areas > 0) cols.push_back(u);
  }
  for (std::size_t u = 0; u < units.size(); ++u)
    if (units[u].division == kNone && units[u].focus_areas > 0) cols.push_back(u);
  std::vector<std::size_t> column_of(units.size(), 0);
  for (std::size_t c = 0; c < cols.size(); ++c) column_of[cols[c]] = c;
  Query count(
      db,
      "SELECT count(*) FROM focus_area fa JOIN field f ON f.id = fa.field_id WHERE f.plan_id = ?",
      plan_id);
  count.step();
  const bool grid = static_cast<std::size_t>(count.i(0)) * (cols.size() + 1) <= kGridCells;

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[3], &options);
  if (!wb) fail("cannot create the workbook");
  const Formats fmt = make_formats(wb);
  lxw_worksheet* overview = workbook_add_worksheet(wb, "Übersicht");

  for (auto& field : fields) {
    field.ws = workbook_add_worksheet(wb, sheet_name(field.title).c_str());
    if (!field.ws) fail("cannot add a field's sheet");
    std::vector<std::string> header{"Nr.", "Handlungsschwerpunkt", "Befasste Verwaltungsbereiche"};
    std::vector<double> widths{5, 58, 68};
    for (const auto& a : field.attributes) header.push_back(a), widths.push_back(16);
    table_head(field.ws, "Handlungsfeld " + field.title, header, widths, 2, fmt);
  }

  // The matrix: title, the divisions merged over their units, the rotated unit names.
  lxw_worksheet* matrix = workbook_add_worksheet(wb, "Zuständigkeitsmatrix");
  const auto total_col = static_cast<lxw_col_t>(3 + cols.size());
  ok(worksheet_set_column(matrix, 0, 0, 20, nullptr));
  ok(worksheet_set_column(matrix, 1, 1, 4.5, nullptr));
  ok(worksheet_set_column(matrix, 2, 2, 46, nullptr));
  ok(worksheet_set_column(matrix, 3, total_col, 3.6, nullptr));
  put(matrix, 0, 0, "Zuständigkeitsmatrix: Handlungsschwerpunkte und Verwaltungsbereiche",
      fmt.title);
  put(matrix, 1, 0, "Dezernat", fmt.header);
  put(matrix, 1, 1, "", fmt.header);
  put(matrix, 1, 2, "", fmt.header);
  for (std::size_t first = 0; first < cols.size();) {
    const std::size_t d = units[cols[first]].division;
    std::size_t last = first;
    while (last + 1 < cols.size() && units[cols[last + 1]].division == d) ++last;
    const std::string name = d == kNone ? "ohne Dezernat" : units[d].name;
    const auto a = static_cast<lxw_col_t>(3 + first), b = static_cast<lxw_col_t>(3 + last);
    if (a == b)
      put(matrix, 1, a, name, fmt.division);
    else
      ok(worksheet_merge_range(matrix, 1, a, 1, b, name.c_str(), fmt.division));
    first = last + 1;
  }
  put(matrix, 1, total_col, "", fmt.header);
  put(matrix, 2, 0, "Handlungsfeld", fmt.header_bottom);
  put(matrix, 2, 1, "Nr.", fmt.header_bottom);
  put(matrix, 2, 2, "Handlungsschwerpunkt", fmt.header_bottom);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const Unit& unit = units[cols[c]];
    put(matrix, 2, static_cast<lxw_col_t>(3 + c),
        unit.whole ? unit.name + " (als Ganzes)" : unit.name, fmt.header_rotated);
  }
  put(matrix, 2, total_col, "Summe", fmt.header_rotated);
  worksheet_freeze_panes(matrix, 3, 3);

  // One ordered pass over the focus areas (a row per responsibility, or one for none) and their
  // further columns: each goes to its field's sheet and to the matrix.
  Query areas(
      db,
      "SELECT fa.field_id, fa.id, fa.text, r.org_unit_id FROM field f JOIN focus_area fa ON "
      "fa.field_id = f.id LEFT JOIN responsibility r ON r.focus_area_id = fa.id "
      "WHERE f.plan_id = ? ORDER BY f.position, fa.position, r.position",
      plan_id);
  Query attributes(db,
                   "SELECT a.focus_area_id, a.name, a.value FROM focus_area_attribute a JOIN "
                   "focus_area fa ON fa.id = a.focus_area_id JOIN field f ON f.id = fa.field_id "
                   "WHERE f.plan_id = ? ORDER BY f.position, fa.position, a.position",
                   plan_id);
  lxw_row_t matrix_row = 2;
  std::vector<std::size_t> area_units, touched;
  std::vector<char> marked(cols.size(), 0);
  std::vector<std::string> values;
  struct Line {
    std::size_t division;
    std::string text;
  };
  std::vector<Line> lines;
  std::string text, by_division;
  bool more = areas.step(), more_attributes = attributes.step();
  while (more) {
    const sqlite3_int64 area_id = areas.i(1);
    Field& field = fields[field_of.at(areas.i(0))];
    const std::size_t f = static_cast<std::size_t>(&field - fields.data());
    text = areas.s(2);
    area_units.clear();
    do {
      if (!areas.null(3)) area_units.push_back(unit_of.at(areas.i(3)));
      more = areas.step();
    } while (more && areas.i(1) == area_id);
    values.assign(field.attributes.size(), std::string());
    for (; more_attributes && attributes.i(0) == area_id; more_attributes = attributes.step()) {
      const auto at = std::find(field.attributes.begin(), field.attributes.end(), attributes.s(1));
      values[static_cast<std::size_t>(at - field.attributes.begin())] = attributes.s(2);
    }
    // "Dezernat IV: A; B" a line per division; a whole division or a unit without one alone.
    lines.clear();
    touched.clear();
    for (std::size_t u : area_units) {
      const Unit& unit = units[u];
      const std::size_t d = unit.division;
      if (unit.whole || d == kNone) {
        lines.push_back({kNone, unit.whole ? unit.name + " (als Ganzes)" : unit.name});
      } else {
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [d](const Line& l) { return l.division == d; });
        if (line == lines.end())
          lines.push_back({d, units[d].name + ": " + unit.name});
        else
          line->text += "; " + unit.name;
      }
      if (d != kNone && std::find(touched.begin(), touched.end(), d) == touched.end()) {
        touched.push_back(d);
        ++units[d].division_areas;
      }
      if (units[u].fields.empty() || units[u].fields.back() != f) units[u].fields.push_back(f);
    }
    by_division.clear();
    for (const auto& line : lines)
      (by_division.empty() ? by_division : by_division += '\n') += line.text;

    const lxw_row_t r = ++field.row;
    const double nr = static_cast<double>(++field.focus_areas);
    field.responsibilities += area_units.size();
    num(field.ws, r, 0, nr, fmt.number);
    put(field.ws, r, 1, text, fmt.text);
    put(field.ws, r, 2, by_division, fmt.text);
    for (std::size_t a = 0; a < values.size(); ++a)
      put(field.ws, r, static_cast<lxw_col_t>(3 + a), values[a], fmt.text);

    ++matrix_row;
    put(matrix, matrix_row, 0, field.title, fmt.text);
    num(matrix, matrix_row, 1, nr, fmt.number);
    put(matrix, matrix_row, 2, text, fmt.text);
    if (grid) {
      for (std::size_t u : area_units) marked[column_of[u]] = 1;
      for (std::size_t c = 0; c < cols.size(); ++c) {
        put(matrix, matrix_row, static_cast<lxw_col_t>(3 + c), marked[c] ? "x" : "", fmt.mark);
        marked[c] = 0;
      }
    } else {
      for (std::size_t u : area_units)
        put(matrix, matrix_row, static_cast<lxw_col_t>(3 + column_of[u]), "x", fmt.mark);
    }
    num(matrix, matrix_row, total_col, static_cast<double>(area_units.size()), fmt.total_number);
  }

  // Each field's objectives below its table, outside the filter; the matrix's totals.
  for (auto& field : fields) {
    filter(field.ws, field.row, 3 + field.attributes.size());
    if (field.objectives.empty()) continue;
    field.row += 2;
    put(field.ws, field.row, 1, "Ableitungen", fmt.subtitle);
    for (std::size_t o : field.objectives) put(field.ws, ++field.row, 1, objectives[o], fmt.text);
  }
  ok(worksheet_autofilter(matrix, 2, 0, matrix_row, total_col));
  ++matrix_row;
  put(matrix, matrix_row, 0, "", fmt.total);
  put(matrix, matrix_row, 1, "", fmt.total);
  put(matrix, matrix_row, 2, "Summe", fmt.total);
  double all = 0;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const auto n = static_cast<double>(units[cols[c]].focus_areas);
    num(matrix, matrix_row, static_cast<lxw_col_t>(3 + c), n, fmt.total_number);
    all += n;
  }
  num(matrix, matrix_row, total_col, all, fmt.total_number);

  // Verwaltungsbereiche: every unit but a division that is only a heading.
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Verwaltungsbereiche");
  table_head(ws, "Befasste Verwaltungsbereiche",
             {"Verwaltungsbereich", "Dezernat", "Schwerpunkte", "Handlungsfelder"},
             {38, 20, 13, 72}, 1, fmt);
  lxw_row_t r = 1;
  for (const Unit& unit : units) {
    if (unit.whole && unit.focus_areas == 0) continue;
    put(ws, ++r, 0, unit.whole ? unit.name + " (als Ganzes)" : unit.name, fmt.text);
    put(ws, r, 1, unit.division == kNone ? std::string() : units[unit.division].name, fmt.text);
    num(ws, r, 2, static_cast<double>(unit.focus_areas), fmt.number);
    put(ws, r, 3, joined_titles(unit.fields, fields), fmt.text);
  }
  filter(ws, r, 4);

  ws = workbook_add_worksheet(wb, "Ableitungen");
  table_head(ws, "Ableitungen aller Handlungsfelder", {"Nr.", "Ableitung", "Handlungsfelder"},
             {5, 72, 38}, 2, fmt);
  r = 1;
  for (std::size_t o = 0; o < objectives.size(); ++o) {
    num(ws, ++r, 0, static_cast<double>(o + 1), fmt.number);
    put(ws, r, 1, objectives[o], fmt.text);
    put(ws, r, 2, joined_titles(fields_of_objective[o], fields), fmt.text);
  }
  filter(ws, r, 3);

  ws = workbook_add_worksheet(wb, "Befunde");
  table_head(ws, "Befunde der Prüfung", {"Regel", "Schweregrad", "Zeile", "Betreff", "Meldung"},
             {24, 11, 7, 34, 70}, 1, fmt);
  r = 1;
  std::array<double, 3> severities{};  // errors, warnings, infos
  for (Query q(db,
               "SELECT rule, severity, source_line, subject, message FROM finding WHERE plan_id = "
               "? ORDER BY id",
               plan_id);
       q.step();) {
    const std::string severity = q.s(1);
    const std::size_t s = severity == "error" ? 0 : severity == "warning" ? 1 : 2;
    ++severities[s];
    put(ws, ++r, 0, q.s(0), fmt.text);
    put(ws, r, 1, s == 0 ? "Fehler" : s == 1 ? "Warnung" : "Hinweis", fmt.text);
    if (q.i(2) > 0)
      num(ws, r, 2, static_cast<double>(q.i(2)), fmt.number);
    else
      put(ws, r, 2, "", fmt.text);
    put(ws, r, 3, q.s(3), fmt.text);
    put(ws, r, 4, q.s(4), fmt.text);
  }
  filter(ws, r, 5);

  // Übersicht, the first sheet, written last: the plan, counts per field and per division,
  // findings by severity, a chart of the divisions.
  ws = overview;
  ok(worksheet_set_column(ws, 0, 0, 42, nullptr));
  ok(worksheet_set_column(ws, 1, 3, 21, nullptr));
  put(ws, 0, 0, title, fmt.title);
  r = 1;
  auto fact = [&](const char* label, const std::string& value) {
    put(ws, ++r, 0, label, fmt.subtitle);
    ok(worksheet_merge_range(ws, r, 1, r, 3, value.c_str(), fmt.plain));
  };
  fact("Plan", argv[2]);
  if (!path.empty()) fact("Quelle", source);
  fact("Stand", date);
  auto header = [&](std::vector<const char*> names) {
    ++r;
    for (std::size_t c = 0; c < names.size(); ++c)
      put(ws, r, static_cast<lxw_col_t>(c), names[c], fmt.header);
  };
  ++r;
  header({"Handlungsfeld", "Schwerpunkte", "Zuständigkeiten", "Ableitungen"});
  double areas_total = 0, resp_total = 0, obj_total = 0;
  for (const auto& field : fields) {
    put(ws, ++r, 0, field.title, fmt.text);
    num(ws, r, 1, static_cast<double>(field.focus_areas), fmt.number);
    num(ws, r, 2, static_cast<double>(field.responsibilities), fmt.number);
    num(ws, r, 3, static_cast<double>(field.objectives.size()), fmt.number);
    areas_total += static_cast<double>(field.focus_areas);
    resp_total += static_cast<double>(field.responsibilities);
    obj_total += static_cast<double>(field.objectives.size());
  }
  put(ws, ++r, 0, "Summe", fmt.total);
  num(ws, r, 1, areas_total, fmt.total_number);
  num(ws, r, 2, resp_total, fmt.total_number);
  num(ws, r, 3, obj_total, fmt.total_number);
  if (areas_total > 0) {
    put(ws, ++r, 0, "Zuständigkeiten je Schwerpunkt (Durchschnitt)", fmt.text);
    num(ws, r, 2, resp_total / areas_total, fmt.decimal);
  }
  ++r;
  header({"Dezernat", "Verwaltungsbereiche", "Schwerpunkte"});
  const lxw_row_t division_first = r + 1;
  for (std::size_t d : divisions) {
    std::size_t responsible = 0;
    for (const Unit& unit : units) responsible += unit.division == d && unit.focus_areas > 0;
    put(ws, ++r, 0, units[d].name, fmt.text);
    num(ws, r, 1, static_cast<double>(responsible), fmt.number);
    num(ws, r, 2, static_cast<double>(units[d].division_areas), fmt.number);
  }
  const lxw_row_t division_last = r;
  ++r;
  header({"Befunde", "Anzahl"});
  const char* severity_names[] = {"Fehler", "Warnung", "Hinweis"};
  for (std::size_t s = 0; s < 3; ++s) {
    put(ws, ++r, 0, severity_names[s], fmt.text);
    num(ws, r, 1, severities[s], fmt.number);
  }
  if (!divisions.empty()) {
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
    const std::string first = std::to_string(division_first + 1),
                      last = std::to_string(division_last + 1);
    lxw_chart_series* series =
        chart_add_series(chart, ("='Übersicht'!$A$" + first + ":$A$" + last).c_str(),
                         ("='Übersicht'!$C$" + first + ":$C$" + last).c_str());
    chart_series_set_name(series, "Schwerpunkte");
    chart_title_set_name(chart, "Schwerpunkte je Dezernat");
    ok(worksheet_insert_chart(ws, r + 2, 0, chart));
  }

  const lxw_error closed = workbook_close(wb);
  sqlite3_close(db);
  if (closed != LXW_NO_ERROR) fail(lxw_strerror(closed));
  return 0;
}
