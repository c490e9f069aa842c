// Importing returned status forms: every file read (monitor/form_reader), every row checked
// against the scale and the plan's responsibilities, every problem of every file collected;
// the reports are stored in one transaction only if there is none.
#include "eduplan/report_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <new>
#include <unordered_map>
#include <unordered_set>

#include "eduplan/error.h"
#include "eduplan/keys.h"
#include "eduplan/language.h"
#include "eduplan/plan_stream.h"
#include "eduplan/storage.h"
#include "monitor/form_reader.h"
#include "monitor/xlsx_reader.h"
#include "util/file_io.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

using text::iequals;
using text::replace_all;
using text::trim;

using forms::Form;
using forms::FormRow;

// What a form prints beside a responsibility's key: its field's title and its focus area.
struct Printed {
  std::string field, focus_area;
};
// The responsibilities of a plan by key.
using KeySet = std::unordered_map<std::string, Printed>;

// The responsibility keys of a stored plan; nothing if there is no such plan.
std::optional<KeySet> responsibility_keys(const Storage& storage, const std::string& plan) {
  const auto outline = storage.load_outline(plan);
  auto stream = storage.stream_focus_areas(plan);
  if (!outline || !stream) return std::nullopt;
  KeySet keys;
  const auto& units = outline->plan.units;
  const auto& fields = outline->plan.fields;
  stream->rewind();
  while (auto row = stream->next()) {
    const std::string field = row->field < fields.size() ? fields[row->field].title : std::string();
    for (const auto& r : row->area->responsibilities) {
      if (r.unit < units.size())
        keys.emplace(row->area->key + "/" + units[r.unit].key, Printed{field, row->area->text});
    }
  }
  return keys;
}

// A text for a message: its first 60 characters.
std::string excerpt(const std::string& text) {
  constexpr std::size_t kMax = 60;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == kMax) return text.substr(0, i) + "…";
  }
  return text;
}

// The first character a note must not hold, as (code point, position from 1): a control
// character but tab and line breaks (C0, DEL, C1 such as U+0085 from a pasted text) or a
// noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their like in every plane). They would go
// out raw in every report and export. `text` must be valid UTF-8.
std::optional<std::pair<char32_t, std::size_t>> forbidden_character(std::string_view text) {
  std::size_t position = 0;
  for (std::size_t i = 0, length = 1; i < text.size(); i += length) {
    const char32_t c = unicode::decode(text, i, length);
    ++position;
    const bool control =
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    const bool noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    if (control || noncharacter) return std::pair{c, position};
  }
  return std::nullopt;
}

std::string code_point(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// A number typed into a note shown as a date, a percentage, a currency …: the file holds the
// bare number (46203 for 30.06.2026, 0.5 for 50 %), not what the cell shows. Refused, as a date
// in the period or progress is: eduplan does not render Excel's number formats, and a note
// stored as "46203" would say nothing. Plain numbers (General, "0.00") are stored as written.
std::optional<std::string> formatted_note(const forms::FormCell& cell) {
  if (cell.is_date)
    return tr({"die Bemerkung ist ein Datum oder eine Uhrzeit (in der Datei die Zahl {0}): "
               "Bemerkungen werden als Text gelesen; mit Worten eintragen, z. B. „bis 30.06.2026“",
               "the note is a date or time (the number {0} in the file): notes are read as text; "
               "type it with words, e.g. \"by 30.06.2026\""},
              cell.text);
  if (cell.is_percent)
    return tr(
        {"die Bemerkung ist eine als Prozent formatierte Zahl (in der Datei {0}): Bemerkungen "
         "werden als Text gelesen; mit Worten eintragen, z. B. „50 % erreicht“",
         "the note is a number formatted as a percentage ({0} in the file): notes are read "
         "as text; type it with words, e.g. \"50 % reached\""},
        cell.text);
  if (cell.is_formatted)
    return tr(
        {"die Bemerkung ist eine formatierte Zahl (Währung, Bruch o. Ä.; in der Datei {0}): "
         "Bemerkungen werden als Text gelesen; mit Worten eintragen, z. B. „Kosten 1.234,50 €“",
         "the note is a formatted number (currency, fraction or the like; {0} in the file): "
         "notes are read as text; type it with words, e.g. \"costs 1,234.50 €\""},
        cell.text);
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Progress as a whole number 0..100: 50, 50.0, "50", "50 %", "50,0 %"; nothing if it is
// anything else.
std::optional<int> parse_progress(std::string text) {
  for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF"}) text = replace_all(text, space, " ");
  std::string_view t = trim(text);
  if (t.ends_with('%')) t = trim(t.substr(0, t.size() - 1));
  std::string s(t);
  for (auto& c : s) {
    if (c == ',') c = '.';
  }
  if (s.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  const double whole = std::round(value);
  if (std::fabs(value - whole) > 1e-9 || whole < 0 || whole > 100) return std::nullopt;
  return static_cast<int>(whole);
}

// The number a cell formatted as a percentage shows: "1" → "100", "0.455" → "45.5".
std::string as_percent(const std::string& value) {
  double v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v)) return value;
  // 0.29 * 100 is 28.999999999999996, 1.005 * 100 is 100.49999999999999: the number as shown,
  // to ten significant digits.
  const double shown = v * 100;
  char buffer[64];
  const auto r =
      std::to_chars(buffer, buffer + sizeof buffer, shown, std::chars_format::general, 10);
  if (r.ec != std::errc()) return value;
  std::string out(buffer, r.ptr);
  if (out.find('e') == std::string::npos && out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

class Importer {
 public:
  Importer(Storage& storage, const ReportImportOptions& options)
      : storage_(storage), options_(options), scale_(storage.status_scale()) {}

  void add(const Form& form) {
    if (!form.passed_over.empty()) {
      result_.passed_over.push_back({form.file, form.passed_over});
      return;
    }
    ++result_.files;
    if (form.columns[forms::kKey] == 0) return;  // the form could not be read
    const auto plan = plan_of(form);
    const auto period = period_of(form);
    const KeySet* keys = plan ? keys_of(form, *plan) : nullptr;
    if (keys) check_unit(form);
    if (keys) check_printed_texts(form, *keys);
    for (const auto& row : form.rows) check_row(form, row, keys, period.value_or(""));
  }

  ReportImportResult finish() {
    result_.plan = plan_.value_or("");
    if (result_.problems.empty() && plan_ && !reports_.empty()) {
      const auto choose = [this](const std::vector<StatusReport>& history) {
        return chosen(history);
      };
      if (options_.dry_run)
        choose(storage_.status_reports(*plan_));
      else
        storage_.choose_and_add_status_reports(*plan_, choose);
    }
    return std::move(result_);
  }

  static bool same_values(const StatusReport& a, const StatusReport& b) {
    return a.status == b.status && a.progress == b.progress &&
           (a.note == b.note || same_text(a.note, b.note));
  }

  // Notes that read the same: the same words and lines, whatever the Unicode form (NFC, NFD),
  // the line ends (CR LF, LF) and the spaces between the words.
  static bool same_text(const std::string& a, const std::string& b) {
    const auto plain = [](const std::string& text) {
      const std::string nfc = unicode::canonicalize(text, nullptr);
      std::string out;
      bool space = false;
      for (std::size_t i = 0; i < nfc.size(); ++i) {
        const char c = nfc[i];
        if (c == '\r') {
          if (i + 1 < nfc.size() && nfc[i + 1] == '\n') continue;
          out += '\n';
          space = false;
        } else if (c == ' ' || c == '\t') {
          space = true;
        } else {
          if (space && !out.empty() && out.back() != '\n' && c != '\n') out += ' ';
          space = false;
          out += c;
        }
      }
      return out;
    };
    return plain(a) == plain(b);
  }

  // The reports to store, from the plan's history (read in the transaction that stores them):
  // a form imported again adds nothing — a report equal to the latest stored one of its
  // responsibility and period is not stored twice — and an old form read again after a
  // corrected one does not undo the correction: a report equal to an earlier one that a later
  // one replaced is left out unless options_.reinstate.
  std::vector<StatusReport> chosen(const std::vector<StatusReport>& history) {
    struct Past {
      const StatusReport* latest = nullptr;
      std::vector<const StatusReport*> earlier;
    };
    std::unordered_map<std::string, Past> past;
    for (const auto& r : history) {  // in order of storing
      auto& p = past[r.period + '\n' + r.key];
      if (p.latest) p.earlier.push_back(p.latest);
      p.latest = &r;
    }
    result_.unchanged = 0;
    result_.outdated.clear();
    std::vector<StatusReport> kept;
    kept.reserve(reports_.size());
    for (auto& r : reports_) {  // called once: the reports move to what is stored
      const auto it = past.find(r.period + '\n' + r.key);
      if (it != past.end()) {
        const StatusReport& latest = *it->second.latest;
        if (same_values(latest, r)) {
          ++result_.unchanged;
          continue;
        }
        const auto& earlier = it->second.earlier;
        if (!options_.reinstate &&
            std::any_of(earlier.begin(), earlier.end(),
                        [&](const StatusReport* e) { return same_values(*e, r); })) {
          result_.outdated.push_back({r.source, outdated_message(latest)});
          continue;
        }
      }
      kept.push_back(std::move(r));
    }
    reports_.clear();
    result_.stored = kept.size();
    return kept;
  }

  static std::string outdated_message(const StatusReport& latest) {
    const std::string values =
        latest.status + (latest.progress ? ", " + std::to_string(*latest.progress) + " %" : "");
    return tr({"gleicht einer früheren Rückmeldung, die seither ersetzt ist; es gilt „{0}“ aus "
               "{1} (eingelesen {2}) — ein älteres Formular? Nicht gespeichert (--reinstate "
               "speichert es doch)",
               "equals an earlier report that has since been replaced; \"{0}\" from {1} (imported "
               "{2}) stands — an older form? Not stored (--reinstate stores it all the same)"},
              values, latest.source, latest.imported_at);
  }

  std::vector<ImportProblem>& problems() { return result_.problems; }

 private:
  void problem(std::string where, std::string message) {
    result_.problems.push_back({std::move(where), std::move(message)});
  }

  std::optional<std::string> plan_of(const Form& form) {
    std::optional<std::string> plan = form.plan;
    const std::string where = form.plan_where.empty() ? form.file : form.plan_where;
    if (plan && plan->empty()) {
      problem(where, tr({"der Plan ist im Formular nicht angegeben", "the form names no plan"}));
      return std::nullopt;
    }
    if (plan && options_.plan && *plan != *options_.plan) {
      if (!storage_.load_outline(*plan)) {
        // A plan renamed after its forms went out: --plan names it as it is called now, and
        // the keys are checked against it as for any form.
        result_.warnings.push_back(
            {where, tr({"Formular für Plan „{0}“, den es unter diesem Namen nicht mehr gibt "
                        "(umbenannt?); gelesen für „{1}“ (--plan)",
                        "form for plan \"{0}\", which no longer exists by that name (renamed?); "
                        "read for \"{1}\" (--plan)"},
                       *plan, *options_.plan)});
        plan = options_.plan;
      } else {
        problem(where, tr({"Formular für Plan „{0}“, erwartet „{1}“",
                           "form for plan \"{0}\", expected \"{1}\""},
                          *plan, *options_.plan));
        return std::nullopt;
      }
    }
    if (!plan) plan = options_.plan;
    if (!plan) {
      problem(form.file, form.sheet.empty()
                             ? tr({"CSV-Formular ohne Plan: --plan angeben",
                                   "CSV form without a plan: give --plan"})
                             : tr({"kein Blatt „Angaben“ mit dem Plan: --plan angeben",
                                   "no sheet \"Angaben\" naming the plan: give --plan"}));
      return std::nullopt;
    }
    if (!plan_) {
      plan_ = plan;
    } else if (*plan_ != *plan) {
      problem(where,
              tr({"Formular für Plan „{0}“, die anderen Formulare sind für „{1}“ (ein Plan je "
                  "Einlesen)",
                  "form for plan \"{0}\", the other forms are for \"{1}\" (one plan per import)"},
                 *plan, *plan_));
      return std::nullopt;
    }
    return plan;
  }

  std::optional<std::string> period_of(const Form& form) {
    const std::string where = form.period_where.empty() ? form.file : form.period_where;
    if (form.period && form.period->empty()) {
      problem(where,
              tr({"die Periode ist im Formular nicht angegeben", "the form names no period"}));
      return std::nullopt;
    }
    if (form.period && form.period_is_date) {
      problem(where,
              tr({"ein Datum ({0}), kein Berichtszeitraum: den Zeitraum des Formulars wieder "
                  "eintragen (z. B. 2026-H1)",
                  "a date ({0}), not a reporting period: type the form's period again "
                  "(e.g. 2026-H1)"},
                 *form.period));
      return std::nullopt;
    }
    if (form.period && !is_valid_period(*form.period)) {
      problem(where,
              tr({"„{0}“ ist kein Berichtszeitraum (1–32 Zeichen aus A–Z, a–z, 0–9, „-“, „_“, „.“)",
                  "\"{0}\" is not a reporting period (1–32 characters of A–Z, a–z, 0–9, \"-\", "
                  "\"_\", \".\")"},
                 *form.period));
      return std::nullopt;
    }
    if (form.period && options_.period && *form.period != *options_.period) {
      problem(where,
              tr({"Formular für Periode {0}, erwartet {1}", "form for period {0}, expected {1}"},
                 *form.period, *options_.period));
      return std::nullopt;
    }
    if (form.period) return form.period;
    if (!options_.period) {
      problem(form.file, form.sheet.empty()
                             ? tr({"CSV-Formular ohne Periode: --period angeben",
                                   "CSV form without a period: give --period"})
                             : tr({"kein Blatt „Angaben“ mit der Periode: --period angeben",
                                   "no sheet \"Angaben\" naming the period: give --period"}));
    }
    return options_.period;
  }

  const KeySet* keys_of(const Form& form, const std::string& plan) {
    auto it = keys_.find(plan);
    if (it == keys_.end()) it = keys_.emplace(plan, responsibility_keys(storage_, plan)).first;
    if (!it->second) {
      problem(form.plan_where.empty() ? form.file : form.plan_where,
              tr({"Plan „{0}“ ist nicht in der Datenbank (umbenannt? Dann mit --plan und dem "
                  "neuen Namen einlesen)",
                  "plan \"{0}\" is not in the database (renamed? Then import with --plan and the "
                  "new name)"},
                 plan));
      return nullptr;
    }
    return &*it->second;
  }

  // The key of the unit named `unit` in the plan (case, no-break spaces and decomposed umlauts
  // do not count), if it has one by that name.
  std::optional<std::string> unit_key(const std::string& plan, const std::string& unit) {
    auto it = unit_keys_.find(plan);
    if (it == unit_keys_.end()) {
      std::unordered_map<std::string, std::string> keys;
      if (const auto outline = storage_.load_outline(plan)) {
        for (const auto& u : outline->plan.units) keys.emplace(unicode::folded(u.name), u.key);
      }
      it = unit_keys_.emplace(plan, std::move(keys)).first;
    }
    const auto found = it->second.find(unicode::folded(unit));
    if (found == it->second.end()) return std::nullopt;
    return found->second;
  }

  // A form names the unit it is for: one of the plan's, else the form was changed.
  void check_unit(const Form& form) {
    if (!form.unit || !plan_ || checked_units_.contains(form.file)) return;
    checked_units_.insert(form.file);
    if (!unit_key(*plan_, *form.unit))
      problem(form.unit_where,
              tr({"„{0}“ ist kein Verwaltungsbereich des Plans „{1}“ (das Formular wurde "
                  "verändert?)",
                  "\"{0}\" is no unit of plan \"{1}\" (was the form changed?)"},
                 *form.unit, *plan_));
  }

  // The plan another key belongs to, if any ("" if none).
  std::string plan_holding(const std::string& key) {
    if (!other_keys_) {
      other_keys_.emplace();
      for (const auto& name : storage_.plan_names()) {
        if (name == plan_) continue;
        if (const auto keys = responsibility_keys(storage_, name)) {
          for (const auto& entry : *keys) other_keys_->try_emplace(entry.first, name);
        }
      }
    }
    const auto it = other_keys_->find(key);
    return it == other_keys_->end() ? std::string() : it->second;
  }

  // The printed field and focus area of every answered row must still be its key's. A sheet
  // whose protection was lifted and whose columns B:F were sorted (by focus area, say) without
  // the narrow key column pairs each key with another row's answers: every status would be
  // stored for the wrong responsibility. Spacing, line breaks, case and Unicode form do not
  // count, as they do not for keys. Workbooks only: a CSV form may leave the texts out.
  void check_printed_texts(const Form& form, const KeySet& keys) {
    using namespace forms;
    if (form.sheet.empty()) return;
    const FormRow* first = nullptr;
    int column = 0;
    const std::string* printed = nullptr;
    std::size_t moved = 0;
    for (const auto& row : form.rows) {
      const auto it = keys.find(row.cells[kKey].text);
      if (!forms::answered(row) || it == keys.end()) continue;
      for (const auto& [c, text] :
           {std::pair{kFocusArea, &it->second.focus_area}, std::pair{kField, &it->second.field}}) {
        if (normalize_for_key(row.cells[c].text) == normalize_for_key(*text)) continue;
        if (moved++ == 0) {
          first = &row;
          column = c;
          printed = text;
        }
        break;
      }
    }
    if (first) moved_rows(form, *first, column, *printed, moved - 1);
  }

  // The first row whose texts are not its key's, and how many more there are: one message
  // per file, as all of its rows are suspect.
  void moved_rows(const Form& form, const FormRow& row, int column, const std::string& printed,
                  std::size_t more) {
    using namespace forms;
    const std::string key_cell = xlsx::column_name(form.columns[kKey]) + std::to_string(row.row);
    std::string message = tr(
        {"„{0}“ ist nicht {1} des Schlüssels in {2} („{3}“): die Zeilen wurden wohl ohne Spalte "
         "A sortiert oder verändert; die Angaben stünden bei falschen Zuständigkeiten. Die Zeilen "
         "wieder ordnen oder das Originalformular neu ausfüllen",
         "\"{0}\" is not the {1} of the key in {2} (\"{3}\"): the rows seem to have been sorted or "
         "edited without column A; the answers would go to the wrong responsibilities. Put the "
         "rows back in order or fill in the original form again"},
        excerpt(row.cells[column].text),
        column == kField ? tr({"das Handlungsfeld", "field (Handlungsfeld)"})
                         : tr({"der Handlungsschwerpunkt", "focus area (Handlungsschwerpunkt)"}),
        key_cell, excerpt(printed));
    if (more > 0)
      message += more == 1
                     ? tr({" (ebenso 1 weitere Zeile)", " (likewise 1 more row)"})
                     : tr({" (ebenso {0} weitere Zeilen)", " (likewise {0} more rows)"}, more);
    problem(form.where(row.row, form.columns[column]), std::move(message));
  }

  void check_note(const Form& form, const FormRow& row) {
    using namespace forms;
    const auto& cell = row.cells[kNote];
    const auto& note = cell.text;
    const std::string at = form.where(row.row, form.columns[kNote]);
    // What the database cannot hold, said here with its cell (and in a dry run too): the
    // reader decodes "_x0000_" and "_xD800_" written into a cell's XML.
    if (const auto bad = text::find_invalid_utf8(note)) {
      problem(at, tr({"die Bemerkung enthält ein ungültiges Zeichen (Byte {0})",
                      "the note holds an invalid character (byte {0})"},
                     *bad + 1));
    } else if (const auto nul = note.find('\0'); nul != std::string::npos) {
      problem(at, tr({"die Bemerkung enthält ein NUL-Zeichen (Byte {0})",
                      "the note holds a NUL character (byte {0})"},
                     nul + 1));
    } else if (const auto c = forbidden_character(note)) {
      const bool control = c->first < 0xA0;
      problem(at, tr({"die Bemerkung enthält ein ungültiges Zeichen: {0} ({1}) an Stelle {2} — aus "
                      "einem anderen Programm eingefügt? Die Bemerkung neu tippen",
                      "the note holds an invalid character: {0} ({1}) at position {2} — pasted "
                      "from another program? Type the note again"},
                     code_point(c->first),
                     control ? tr({"ein Steuerzeichen", "a control character"})
                             : tr({"ein Unicode-Nichtzeichen", "a Unicode noncharacter"}),
                     c->second));
    } else if (const auto message = formatted_note(cell)) {
      problem(at, *message);
    }
  }

  void check_row(const Form& form, const FormRow& row, const KeySet* keys,
                 const std::string& period) {
    using namespace forms;
    const auto at = [&](int column) { return form.where(row.row, form.columns[column]); };
    const auto& key = row.cells[kKey].text;
    const auto& status = row.cells[kStatus].text;
    const auto& progress = row.cells[kProgress].text;
    const auto& note = row.cells[kNote].text;
    if (status.empty() && progress.empty() && note.empty()) {
      if (!key.empty()) ++result_.skipped;
      return;
    }
    const std::size_t before = result_.problems.size();
    for (int c : {kKey, kStatus, kProgress, kNote}) {
      if (row.cells[c].is_error)
        problem(at(c), tr({"Zelle enthält den Fehlerwert {0}", "cell holds the error value {0}"},
                          row.cells[c].text));
      if (row.cells[c].is_uncomputed)
        problem(at(c),
                tr({"Formel {0} ohne berechnetes Ergebnis: die Datei in Excel oder LibreOffice "
                    "öffnen und speichern, oder den Wert eintragen",
                    "formula {0} without a computed result: open and save the file in Excel or "
                    "LibreOffice, or type the value"},
                   row.cells[c].text));
    }
    if (key.empty()) {
      problem(at(kKey), tr({"Schlüssel fehlt", "key is missing"}));
    } else if (keys && keys->contains(key) && form.unit && plan_) {
      // A form is one unit's: a row copied from another unit's form (the sheet's protection
      // lifted) would report for that unit.
      const auto expected = unit_key(*plan_, *form.unit);
      const auto slash = key.rfind('/');
      if (expected && slash != std::string::npos && key.substr(slash + 1) != *expected)
        problem(at(kKey), tr({"Schlüssel „{0}“ ist die Zuständigkeit eines anderen Bereichs, das "
                              "Formular ist das von „{1}“ ({2})",
                              "key \"{0}\" is another unit's responsibility; the form is that of "
                              "\"{1}\" ({2})"},
                             key, *form.unit, form.unit_where));
    } else if (keys && !keys->contains(key)) {
      const auto other = plan_holding(key);
      if (other.empty())
        problem(at(kKey), tr({"unbekannter Schlüssel „{0}“ (keine Zuständigkeit im Plan „{1}“)",
                              "unknown key \"{0}\" (no responsibility in plan \"{1}\")"},
                             key, plan_.value_or("")));
      else
        problem(at(kKey), tr({"Schlüssel „{0}“ gehört zum Plan „{1}“, nicht zu „{2}“",
                              "key \"{0}\" belongs to plan \"{1}\", not to \"{2}\""},
                             key, other, plan_.value_or("")));
    }
    std::string canonical;
    if (status.empty()) {
      problem(at(kStatus),
              tr({"Fortschritt oder Bemerkung ohne Status", "progress or note without a status"}));
    } else {
      // As typed or pasted: no-break spaces, decomposed umlauts (macOS, PDF) and case do not
      // count — folded as the scale's statuses are when it is set, so no two match one.
      const std::string typed = unicode::folded(status);
      for (const auto& s : scale_) {
        if (unicode::folded(s) == typed) canonical = s;
      }
      if (canonical.empty())
        problem(at(kStatus), tr({"Status „{0}“ ist nicht in der Skala ({1})",
                                 "status \"{0}\" is not on the scale ({1})"},
                                status, joined(scale_)));
    }
    std::optional<int> percent;
    const auto& progress_cell = row.cells[kProgress];
    if (!progress.empty() && !progress_cell.is_error && !progress_cell.is_uncomputed) {
      // A cell shown as a percentage holds a hundredth of what it shows ("100%" typed into
      // Excel or Calc is 1): what counts is what the user sees.
      const std::string shown = progress_cell.is_percent ? as_percent(progress) : progress;
      percent = parse_progress(shown);
      double fraction = 0;
      const bool looks_like_percent_cell =
          progress_cell.is_number && !progress_cell.is_percent &&
          std::from_chars(progress.data(), progress.data() + progress.size(), fraction).ec ==
              std::errc() &&
          fraction > 0 && fraction < 1;
      if (progress_cell.is_date)  // 45 in a date format shows as 14.02.1900: not what was meant
        problem(at(kProgress),
                tr({"Fortschritt ist ein Datum ({0}), keine ganze Zahl von 0 bis 100",
                    "progress is a date ({0}), not a whole number from 0 to 100"},
                   progress));
      else if (!percent && looks_like_percent_cell)
        problem(
            at(kProgress),
            tr({"Fortschritt {0} ist keine ganze Zahl von 0 bis 100 — als Prozent formatierte "
                "Zelle? Die Zahl ohne % eintragen (50 für 50 %)",
                "progress {0} is not a whole number from 0 to 100 — a cell formatted as percent? "
                "Type the number without % (50 for 50 %)"},
               progress));
      else if (!percent)
        problem(at(kProgress), tr({"Fortschritt „{0}“ ist keine ganze Zahl von 0 bis 100",
                                   "progress \"{0}\" is not a whole number from 0 to 100"},
                                  progress_cell.is_percent ? shown + " %" : progress));
    }
    check_note(form, row);
    if (result_.problems.size() != before || period.empty() || !keys) return;
    StatusReport report{key, period, canonical, percent, note, form.source(row.row), {}, 0};
    auto [it, inserted] = seen_.try_emplace(period + '\n' + key, reports_.size());
    if (inserted) {
      reports_.push_back(std::move(report));
      return;
    }
    const auto& first = reports_[it->second];
    if (first.status == report.status && first.progress == report.progress &&
        first.note == report.note) {
      ++result_.duplicates;
      return;
    }
    const auto& area = row.cells[kFocusArea].text;
    const std::string named = area.empty() ? key : key + " (" + area + ")";
    problem(at(kStatus), tr({"Zuständigkeit „{0}“ zweimal mit verschiedenen Angaben (auch in {1})",
                             "responsibility \"{0}\" twice with different values (also in {1})"},
                            named, first.source));
  }

  Storage& storage_;
  const ReportImportOptions& options_;
  std::vector<std::string> scale_;
  std::optional<std::string> plan_;
  std::map<std::string, std::optional<KeySet>> keys_;
  std::optional<std::unordered_map<std::string, std::string>> other_keys_;
  std::map<std::string, std::unordered_map<std::string, std::string>>
      unit_keys_;                                      // plan → name → key
  std::unordered_set<std::string> checked_units_;      // files whose unit was checked
  std::unordered_map<std::string, std::size_t> seen_;  // period and key -> index in reports_
  std::vector<StatusReport> reports_;
  ReportImportResult result_;
};

}  // namespace

ReportImportResult import_status_reports(Storage& storage, const std::vector<std::string>& files,
                                         const ReportImportOptions& options) {
  if (options.period && !is_valid_period(*options.period)) {
    throw UsageError(tr({"„{0}“ ist kein Berichtszeitraum (1–32 Zeichen aus A–Z, a–z, 0–9, „-“, "
                         "„_“, „.“, z. B. 2026-H1)",
                         "\"{0}\" is not a reporting period (1–32 characters of A–Z, a–z, 0–9, "
                         "\"-\", \"_\", \".\", e.g. 2026-H1)"},
                        *options.period));
  }
  if (options.plan && !storage.load_outline(*options.plan)) {
    throw UsageError(
        tr({"kein Plan „{0}“ in der Datenbank", "no plan \"{0}\" in the database"}, *options.plan));
  }
  Importer importer(storage, options);
  for (const auto& file : files) {
    std::vector<ImportProblem> problems;
    try {
      const std::string bytes = read_file(file, kMaxArchiveFileBytes);
      const auto form = forms::read_form(file, bytes, problems);
      for (auto& p : problems) importer.problems().push_back(std::move(p));
      importer.add(form);
    } catch (const std::bad_alloc&) {  // the machine's limit, not the file's fault
      throw IoError(tr({"{0}: zu wenig Arbeitsspeicher, um die Datei zu lesen; nichts gespeichert "
                        "(ist der Speicher begrenzt, etwa mit ulimit -v?)",
                        "{0}: out of memory reading the file; nothing stored (is memory limited, "
                        "say by ulimit -v?)"},
                       file));
    }
  }
  return importer.finish();
}

}  // namespace eduplan
