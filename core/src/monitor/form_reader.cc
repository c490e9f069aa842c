#include "monitor/form_reader.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include "eduplan/language.h"
#include "monitor/xlsx_reader.h"
#include "parse/csv_reader.h"
#include "util/encoding.h"
#include "util/text.h"
#include "util/xml_tree.h"
#include "util/zip_archive.h"

namespace eduplan::forms {
namespace {

using text::iequals;
using text::replace_all;
using text::trim;

constexpr const char* kFormSheet = "Rückmeldung";
constexpr const char* kFactsSheet = "Angaben";
constexpr int kHeaderSearchRows = 20;
// A row holding at least this many of the six names is taken for a damaged header row.
constexpr int kHeaderLike = 3;

bool is_ole2(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

// A header row's cells as (column, text).
using Cells = std::vector<std::pair<int, std::string>>;

struct HeaderMatch {
  int found = 0;
  std::array<int, kColumns> columns{};  // 0 if missing
  std::array<int, kColumns> twice{};    // a second column of the same name, 0 if none
};

HeaderMatch match_header(const Cells& cells) {
  HeaderMatch m;
  for (const auto& [column, text] : cells) {
    const auto name = trim(text);
    for (int c = 0; c < kColumns; ++c) {
      if (!iequals(name, column_title(c))) continue;
      if (m.columns[c] == 0) {
        m.columns[c] = column;
        ++m.found;
      } else if (m.twice[c] == 0) {
        m.twice[c] = column;
      }
      break;
    }
  }
  return m;
}

std::string titles_list() {
  std::string out;
  for (int c = 0; c < kColumns; ++c) out += (c ? ", " : "") + std::string(column_title(c));
  return out;
}

void missing_columns(const Form& form, int row, const HeaderMatch& m,
                     std::vector<ImportProblem>& problems) {
  for (int c = 0; c < kColumns; ++c) {
    if (m.columns[c] != 0) continue;
    problems.push_back(
        {form.where(row, 1), tr({"Spalte „{0}“ fehlt in der Kopfzeile (erwartet: {1})",
                                 "column \"{0}\" is missing from the header row (expected: {1})"},
                                column_title(c), titles_list())});
  }
}

// "G3" in a sheet, "Feld 7" in a CSV line.
std::string header_cell(const Form& form, int row, int column) {
  if (form.sheet.empty()) return tr({"Feld {0}", "field {0}"}, column);
  return xlsx::column_name(column) + std::to_string(row);
}

// A column named twice (a copy of "Status" beside the form, say): which one holds the answers
// is not for the reader to guess. True if there is one.
bool duplicate_columns(const Form& form, int row, const HeaderMatch& m,
                       std::vector<ImportProblem>& problems) {
  bool any = false;
  for (int c = 0; c < kColumns; ++c) {
    if (m.twice[c] == 0) continue;
    any = true;
    problems.push_back({form.where(row, m.twice[c]),
                        tr({"Spalte „{0}“ steht zweimal in der Kopfzeile ({1} und {2}): welche "
                            "gilt, ist nicht klar; die zusätzliche Spalte löschen",
                            "column \"{0}\" appears twice in the header row ({1} and {2}): which "
                            "one counts is unclear; delete the extra column"},
                           column_title(c), header_cell(form, row, m.columns[c]),
                           header_cell(form, row, m.twice[c]))});
  }
  return any;
}

FormCell form_cell(const xlsx::Cell* cell) {
  FormCell out;
  if (!cell) return out;
  out.text = std::string(trim(cell->text));
  out.is_number = cell->kind == xlsx::CellKind::number;
  out.is_error = cell->kind == xlsx::CellKind::error;
  out.is_boolean = cell->kind == xlsx::CellKind::boolean;
  out.is_uncomputed = cell->kind == xlsx::CellKind::uncomputed;
  out.is_percent = out.is_number && cell->percent;
  out.is_date = out.is_number && cell->date;
  out.is_formatted = out.is_number && cell->formatted;
  return out;
}

// One of the facts `Angaben` gives: where the form keeps it.
struct Fact {
  const char* label;
  std::optional<std::string>* value;
  std::string* where;
  bool blank_counts;  // an empty value is the fact ("no plan"), not a fact left out
};

// A fact given a second time, differently (a second "Periode" row): which one holds is not for
// the reader to guess.
void fact_twice(const Fact& fact, const std::string& text, const std::string& where,
                std::vector<ImportProblem>& problems) {
  const std::string& first = **fact.value;
  if (text.empty() || text == first) return;
  const std::string first_cell = fact.where->substr(fact.where->rfind('!') + 1);
  problems.push_back(
      {where, tr({"„{0}“ steht zweimal im Blatt „{1}“, verschieden ({2}: „{3}“, hier "
                  "„{4}“): welche Angabe gilt, ist nicht klar; die zusätzliche "
                  "Zeile löschen",
                  "\"{0}\" appears twice in sheet \"{1}\", differently ({2}: \"{3}\", "
                  "here \"{4}\"): which one counts is unclear; delete the extra row"},
                 fact.label, kFactsSheet, first_cell, first, text)});
}

void read_facts(xlsx::Workbook& book, Form& form, std::vector<ImportProblem>& problems) {
  const auto index = book.find_sheet(kFactsSheet);
  if (!index) return;
  const auto sheet = book.sheet(*index);
  const Fact facts[] = {{"Plan", &form.plan, &form.plan_where, true},
                        {"Periode", &form.period, &form.period_where, true},
                        {"Einheit", &form.unit, &form.unit_where, false}};
  for (const auto& row : sheet.rows) {
    const auto* label = row.find(1);
    if (!label) continue;
    const auto name = trim(label->text);
    const auto* value = row.find(2);
    const std::string text = value ? std::string(trim(value->text)) : std::string();
    const std::string where = form.file + ":" + xlsx::cell_reference(sheet.name, row.number, 2);
    for (const auto& fact : facts) {
      if (name != fact.label) continue;
      if (*fact.value) {
        fact_twice(fact, text, where, problems);
      } else if (fact.blank_counts || !text.empty()) {
        *fact.value = text;
        *fact.where = where;
        if (fact.value == &form.period)
          form.period_is_date = value && value->kind == xlsx::CellKind::number && value->date;
      }
    }
  }
}

// The row in the first rows of `sheet` that holds most of the six names, and its match.
HeaderMatch find_header(const xlsx::Sheet& sheet, int& header_row) {
  HeaderMatch best;
  header_row = 0;
  for (const auto& row : sheet.rows) {
    if (row.number > kHeaderSearchRows) break;
    Cells cells;
    for (const auto& c : row.cells) cells.emplace_back(c.column, c.text);
    const auto m = match_header(cells);
    if (m.found > best.found) {
      best = m;
      header_row = row.number;
    }
  }
  return best;
}

// The first answer (status, progress or note) below the header of a sheet laid out as a form,
// as (row, column); (0, 0) if there is none.
std::pair<int, int> first_answer(const xlsx::Sheet& sheet) {
  int header_row = 0;
  const auto m = find_header(sheet, header_row);
  if (m.found < kHeaderLike) return {0, 0};
  for (const auto& row : sheet.rows) {
    if (row.number <= header_row) continue;
    for (int c : {kStatus, kProgress, kNote}) {
      if (m.columns[c] != 0 && row.find(m.columns[c])) return {row.number, m.columns[c]};
    }
  }
  return {0, 0};
}

// Only the form sheet is read. A copy of it with answers (Excel's "Move or Copy" → "Rückmeldung
// (2)", filled instead of the original or beside it) would be dropped without a word: which
// answers count is for the unit to say, not for the reader to guess.
void other_filled_sheets(xlsx::Workbook& book, std::size_t form_index, const Form& form,
                         std::vector<ImportProblem>& problems) {
  const bool filled = std::any_of(form.rows.begin(), form.rows.end(), answered);
  for (std::size_t i = 0; i < book.sheet_names().size(); ++i) {
    if (i == form_index || book.sheet_names()[i] == kFactsSheet) continue;
    const auto sheet = book.sheet(i);
    const auto [row, column] = first_answer(sheet);
    if (row == 0) continue;
    const std::string where = form.file + ":" + xlsx::cell_reference(sheet.name, row, column);
    problems.push_back(
        {where, filled ? tr({"das Blatt „{0}“ ist eine weitere Kopie des Formulars mit Angaben; "
                             "eingelesen wird nur das Blatt „{1}“: welche Angaben gelten, ist "
                             "nicht klar; sie in „{1}“ zusammenführen und die Kopie löschen",
                             "sheet \"{0}\" is another copy of the form with answers in it; only "
                             "sheet \"{1}\" is read: which answers count is unclear; merge them "
                             "into \"{1}\" and delete the copy"},
                            sheet.name, form.sheet)
                       : tr({"die Angaben stehen im Blatt „{0}“, einer Kopie des Formulars; "
                             "eingelesen wird nur das Blatt „{1}“, und das ist leer: die Angaben "
                             "nach „{1}“ übertragen (oder „{1}“ löschen und „{0}“ so nennen)",
                             "the answers are in sheet \"{0}\", a copy of the form; only sheet "
                             "\"{1}\" is read, and it is empty: move the answers to \"{1}\" (or "
                             "delete \"{1}\" and rename \"{0}\" to it)"},
                            sheet.name, form.sheet)});
  }
}

void read_workbook(std::string_view bytes, Form& form, std::vector<ImportProblem>& problems) {
  xlsx::Workbook book(bytes);
  if (book.sheet_names().empty()) {
    problems.push_back({form.file, tr({"kein Formular: die Arbeitsmappe hat keine Blätter",
                                       "not a form: the workbook has no sheets"})});
    return;
  }
  const auto named = book.find_sheet(kFormSheet);
  const std::size_t index = named.value_or(0);
  const auto sheet = book.sheet(index);
  form.sheet = sheet.name;
  int header_row = 0;
  const HeaderMatch best = find_header(sheet, header_row);
  if (best.found < kHeaderLike) {
    problems.push_back(
        {form.file,
         named
             ? tr({"kein Formular: Blatt „{0}“ hat in den ersten {1} Zeilen keine Kopfzeile ({2})",
                   "not a form: sheet \"{0}\" has no header row ({2}) in its first {1} rows"},
                  sheet.name, std::to_string(kHeaderSearchRows), titles_list())
             : tr({"kein Formular: kein Blatt „{0}“, und das erste Blatt „{1}“ hat in den ersten "
                   "{2} Zeilen keine Kopfzeile ({3})",
                   "not a form: no sheet \"{0}\", and the first sheet \"{1}\" has no header row "
                   "({3}) in its first {2} rows"},
                  kFormSheet, sheet.name, std::to_string(kHeaderSearchRows), titles_list())});
    return;
  }
  if (best.found < kColumns) {
    missing_columns(form, header_row, best, problems);
    return;
  }
  if (duplicate_columns(form, header_row, best, problems)) return;
  for (int c = 0; c < kColumns; ++c) form.columns[c] = best.columns[c];
  read_facts(book, form, problems);
  for (const auto& row : sheet.rows) {
    if (row.number <= header_row) continue;
    FormRow out{row.number, {}};
    bool any = false;
    for (int c = 0; c < kColumns; ++c) {
      out.cells[c] = form_cell(row.find(form.columns[c]));
      any = any || !out.cells[c].text.empty();
    }
    if (any) form.rows.push_back(std::move(out));
  }
  other_filled_sheets(book, index, form, problems);
}

char guess_delimiter(std::string_view text) {
  const auto line = text.substr(0, text.find('\n'));
  const auto count = [&](char c) { return std::count(line.begin(), line.end(), c); };
  return count(';') >= count(',') ? ';' : ',';
}

void read_csv(std::string_view bytes, Form& form, std::vector<ImportProblem>& problems) {
  const auto decoded = decode_text(bytes);
  if (!decoded) {
    // UTF-8 with one piece in another encoding (a note pasted from elsewhere): its line.
    if (const auto at = mixed_encoding(bytes)) {
      const auto line =
          1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*at), '\n');
      problems.push_back(
          {form.file + ":" + std::to_string(line),
           tr({"ungültiges Zeichen (Byte {0} der Datei): die Datei ist UTF-8, diese "
               "Stelle nicht (aus einem anderen Programm eingefügt?); die Stelle neu "
               "tippen oder die Datei als „CSV UTF-8“ speichern",
               "invalid character (byte {0} of the file): the file is UTF-8, this "
               "place is not (pasted from another program?); type it again or save "
               "the file as \"CSV UTF-8\""},
              *at + 1)});
      return;
    }
    problems.push_back({form.file, tr({"kein Formular: weder XLSX noch CSV-Text",
                                       "not a form: neither XLSX nor CSV text"})});
    return;
  }
  // The header row may follow a title and an instruction row (a form saved as CSV by Excel or
  // LibreOffice keeps them): it is looked for in the first rows, with ';', ',' and tab (Excel's
  // "Unicode text" is UTF-16 with tabs).
  const char first = guess_delimiter(decoded->text);
  std::vector<Finding> findings;
  std::vector<csv::Record> records;
  std::size_t header = 0;
  HeaderMatch m;
  for (char delimiter : {first, first == ';' ? ',' : ';', '\t'}) {
    std::vector<Finding> found;
    auto parsed = csv::parse(decoded->text, delimiter, found);
    bool better = delimiter == first;  // the first reading stands unless the other finds more
    for (std::size_t r = 0; r < parsed.size() && r < kHeaderSearchRows; ++r) {
      Cells cells;
      for (std::size_t i = 0; i < parsed[r].fields.size(); ++i)
        cells.emplace_back(static_cast<int>(i) + 1, parsed[r].fields[i]);
      const auto match = match_header(cells);
      if (match.found > m.found) {
        m = match;
        header = r;
        better = true;
      }
    }
    if (better) {
      records = std::move(parsed);
      findings = std::move(found);
    }
    if (m.found == kColumns) break;
  }
  for (const auto& f : findings) problems.push_back({form.where(f.line, 0), f.message});
  if (records.empty()) {
    problems.push_back(
        {form.file, tr({"kein Formular: die Datei ist leer", "not a form: the file is empty"})});
    return;
  }
  const auto& head = records[header];
  // Saved from a form, the CSV keeps the title row "Rückmeldung 2026-H1 – Stadtarchiv": its
  // period is the form's, and must agree with --period like the Angaben sheet's.
  for (std::size_t r = 0; r < header && r < records.size(); ++r) {
    for (const auto& field : records[r].fields) {
      const std::string_view t = trim(field);
      if (!t.starts_with("Rückmeldung ")) continue;
      std::string_view rest = trim(t.substr(std::string_view("Rückmeldung ").size()));
      const auto period = rest.substr(0, rest.find(' '));
      if (!period.empty() && !form.period) {
        form.period = std::string(period);
        form.period_where = form.where(records[r].line, 0);
      }
    }
  }
  if (m.found < kHeaderLike) {
    problems.push_back({form.where(records.front().line, 0),
                        tr({"kein Formular: keine Kopfzeile ({0}) in den ersten {1} Zeilen",
                            "not a form: no header row ({0}) in the first {1} lines"},
                           titles_list(), kHeaderSearchRows)});
    return;
  }
  if (m.found < kColumns) {
    missing_columns(form, head.line, m, problems);
    return;
  }
  if (duplicate_columns(form, head.line, m, problems)) return;
  for (int c = 0; c < kColumns; ++c) form.columns[c] = m.columns[c];
  for (std::size_t r = header + 1; r < records.size(); ++r) {
    FormRow out{records[r].line, {}};
    bool any = false;
    for (int c = 0; c < kColumns; ++c) {
      const auto i = static_cast<std::size_t>(form.columns[c] - 1);
      if (i < records[r].fields.size()) out.cells[c].text = std::string(trim(records[r].fields[i]));
      any = any || !out.cells[c].text.empty();
    }
    if (any) form.rows.push_back(std::move(out));
  }
}

bool has_csv_extension(const std::string& file) {
  const auto ext = std::filesystem::path(file).extension().string();
  return iequals(ext, ".csv") || iequals(ext, ".txt");
}

}  // namespace

const char* column_title(int column) {
  static constexpr const char* titles[kColumns] = {
      "Schlüssel", "Handlungsfeld",   "Handlungsschwerpunkt",
      "Status",    "Fortschritt (%)", "Bemerkung"};
  return titles[column];
}

bool answered(const FormRow& row) {
  return !row.cells[kStatus].text.empty() || !row.cells[kProgress].text.empty() ||
         !row.cells[kNote].text.empty();
}

std::string Form::where(int row, int column) const {
  if (sheet.empty()) return row > 0 ? file + ":" + std::to_string(row) : file;
  return file + ":" + xlsx::cell_reference(sheet, row, column);
}

std::string Form::source(int row) const {
  if (sheet.empty()) return name + ":" + std::to_string(row);
  return name + ":" + xlsx::cell_reference(sheet, row, columns[kStatus]);
}

Form read_form(const std::string& file, std::string_view bytes,
               std::vector<ImportProblem>& problems) {
  Form form;
  form.file = file;
  form.name = std::filesystem::path(file).filename().string();
  if (bytes.empty()) {
    problems.push_back({file, tr({"die Datei ist leer (0 Byte): kein Formular",
                                  "the file is empty (0 bytes): not a form"})});
    return form;
  }
  if (is_status_forms_index(bytes)) {
    form.passed_over = tr({"die Übersicht von „eduplan status forms“, kein Formular: übergangen",
                           "the index \"eduplan status forms\" writes, not a form: passed over"});
    return form;
  }
  // Excel keeps "~$name.xlsx" beside a workbook it has open: the owner's name, a few hundred
  // bytes. The form itself may not be saved yet.
  if (form.name.starts_with("~$") && bytes.size() < 4096 && !looks_like_zip(bytes)) {
    form.passed_over =
        tr({"eine Sperrdatei von Excel (die Mappe ist gerade geöffnet; ist sie "
            "gespeichert?): übergangen",
            "an Excel lock file (the workbook is open; is it saved?): passed over"});
    return form;
  }
  if (is_ole2(bytes)) {
    problems.push_back(
        {file,
         tr({"verschlüsselt/kein XLSX: eine mit Kennwort geschützte Arbeitsmappe oder eine alte "
             ".xls-Datei; bitte ohne Kennwort als .xlsx speichern",
             "encrypted/not an XLSX file: a password-protected workbook or an old .xls file; "
             "save it as .xlsx without a password"})});
    return form;
  }
  if (looks_like_zip(bytes)) {
    try {
      XmlErrorScope memory;  // a text read as empty for want of memory would be a wrong value
      read_workbook(bytes, form, problems);
      memory.check();
    } catch (const ArchiveError& e) {
      form.rows.clear();
      problems.push_back(
          {file, tr({"beschädigte oder keine XLSX-Datei: {0}", "damaged or not an XLSX file: {0}"},
                    std::string(e.what()))});
    }
    return form;
  }
  if (!has_csv_extension(file)) {
    problems.push_back(
        {file, tr({"kein Formular: weder eine XLSX-Arbeitsmappe noch eine .csv-Datei",
                   "not a form: neither an XLSX workbook nor a .csv file"})});
    return form;
  }
  read_csv(bytes, form, problems);
  return form;
}

}  // namespace eduplan::forms

namespace eduplan {

bool is_status_forms_index(std::string_view head) {
  // As written, or saved again by Excel (Windows-1252: "ä" one byte) or LibreOffice (fields in
  // quotes, "," between them).
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::string_view line = head.substr(0, head.find_first_of("\r\n"));
  std::string plain;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') continue;
    if (c == ',') {
      plain += ';';
    } else if (static_cast<unsigned char>(c) == 0xE4 &&
               (i + 1 >= line.size() || (static_cast<unsigned char>(line[i + 1]) & 0xC0) != 0x80)) {
      plain += "\xC3\xA4";  // "ä" in Windows-1252
    } else {
      plain += c;
    }
  }
  return plain == kStatusFormsIndexHeader;
}

}  // namespace eduplan
