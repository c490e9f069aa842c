// Objectives tables: "Ableitungen:" beside the objectives, a header "Ableitungen", or the rest of
// a focus table below an "Ableitungen:" row. One column is read; text in others is reported.
#include "eduplan/language.h"
#include "model/rule_catalog.h"
#include "parse/bullets.h"
#include "parse/interpreter.h"
#include "parse/numbering.h"
#include "util/text.h"

namespace eduplan {

void Interpreter::objectives_table(const Block& b, std::size_t from) {
  const std::size_t first_objective = field_ ? field_->objectives.size() : 0;
  objectives_table_rows(b, from);
  if (!field_) return;
  std::vector<std::string*> objective_texts;
  for (std::size_t k = first_objective; k < field_->objectives.size(); ++k)
    objective_texts.push_back(&field_->objectives[k].text);
  if (auto n = strip_consecutive_numbers(objective_texts)) {
    report(rule::kNumberingRemoved, b.rows[from].line,
           tr({"fortlaufende Nummerierung „{0}“ … „{1}“ vor den Ableitungen entfernt",
               "consecutive numbering \"{0}\" … \"{1}\" in front of the objectives taken off"},
              n->first, n->last));
  }
}

namespace {

// A list item's marker at the start of a line of a cell: "- ", "* ", "• ", "– ", "1. ", "1) ",
// "a) ". Its length, or 0.
std::size_t item_marker(std::string_view line) {
  if (const std::size_t n = bullet_length(line)) return n;
  std::size_t k = 0;
  while (k < line.size() && k < 3 && line[k] >= '0' && line[k] <= '9') ++k;
  if (k == 0 && !line.empty() && line[0] >= 'a' && line[0] <= 'z' && line.size() > 1 &&
      line[1] == ')')
    k = 1;
  if (k > 0 && k + 1 < line.size() && (line[k] == '.' || line[k] == ')') && line[k + 1] == ' ')
    return k + 2;
  return 0;
}

// True if `text` ends where a line only wraps: after a comma, a slash or a hyphen ("Aus-"),
// or after a word that cannot end an objective (an article, a preposition, a conjunction:
// "… Beteiligungsformate für", "… politischen und").
bool wraps_after(std::string_view text) {
  text = text::trim(text);
  if (text.empty()) return false;
  if (text.ends_with(',') || text.ends_with('/') || text.ends_with('-')) return true;
  const std::size_t space = text.rfind(' ');
  const std::string_view word = space == std::string_view::npos ? text : text.substr(space + 1);
  static constexpr std::string_view kWords[] = {
      "und", "oder", "sowie", "bzw.", "für", "der", "die", "das", "den", "dem", "des", "ein",
      "eine", "einer", "eines", "einem", "einen", "mit", "von", "vom", "zu", "zur", "zum", "im",
      "in", "ins", "an", "am", "auf", "bei", "beim", "durch", "aus", "nach", "über", "unter",
      "vor", "zwischen", "gegen", "ohne", "um", "als", "wie", "bis", "insbesondere"};
  for (auto w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// True if `text` begins with a word that cannot begin an objective: a conjunction ("und",
// "sowie", "wobei" …), so it continues the text before it.
bool continues_before(std::string_view text) {
  text = text::trim(text);
  const std::string_view word = text.substr(0, text.find(' '));
  static constexpr std::string_view kWords[] = {"und", "oder", "sowie", "bzw.", "sondern",
                                                "sodass", "wobei", "welche", "welcher", "welches",
                                                "dass", "damit"};
  for (auto w : kWords) {
    if (word == w && word.size() < text.size()) return true;
  }
  return false;
}

bool starts_lower_case(std::string_view text) {
  text = text::trim(text);
  return !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || text.starts_with("\xC3\xA4") ||
                           text.starts_with("\xC3\xB6") || text.starts_with("\xC3\xBC"));
}

}  // namespace

// The objectives in one cell: its text as one objective (a line break in it only wraps, as in
// the example's "…optimieren/<br>Vernetzung …"), unless its lines are list items ("- A<br>- B",
// a list in an HTML cell): then each item is an objective, continued by the lines below it.
void Interpreter::add_cell_objectives(const Cell& cell, int line) {
  // Numbers ("1. ") mark items only in a cell of several lines; in a cell of one line they are
  // the table's numbering (numbering-removed, if it counts through the rows).
  const bool numbers = cell.lines.size() > 1;
  auto marker = [&](std::string_view l) -> std::size_t {
    const std::size_t m = item_marker(l);
    const bool numbered = m > 0 && ((l[0] >= '0' && l[0] <= '9') || (l[0] >= 'a' && l[0] <= 'z'));
    return numbered && !numbers ? 0 : m;
  };
  bool items = false;
  for (const auto& l : cell.lines) items = items || marker(l) > 0;
  if (!items) {
    // A line break between a line that could end an objective and one that could begin one
    // ("… ausbauen<br>Angebote …"): maybe two objectives. Read as one, as documented, and said.
    bool said = false;
    for (std::size_t k = 0; k + 1 < cell.lines.size() && !said; ++k) {
      if (wraps_after(cell.lines[k]) || starts_lower_case(cell.lines[k + 1]) ||
          continues_before(cell.lines[k + 1]))
        continue;
      said = true;
      report(rule::kObjectiveLinesJoined, line,
             tr({"Zeilen „{0}“ und „{1}“ einer Zelle als eine Ableitung gelesen (ein Zeilenumbruch "
                 "in der Zelle umbricht nur); sind es mehrere Ableitungen, als Aufzählung („- …“) "
                 "oder je in eine Tabellenzeile schreiben",
                 "lines \"{0}\" and \"{1}\" of one cell read as one objective (a line break in "
                 "a cell only wraps); if they are several objectives, write them as a list "
                 "(\"- …\") or each in a row of its own"},
                excerpt(cell.lines[k]), excerpt(cell.lines[k + 1])));
    }
    if (!said) note_semicolons(cell.text(), line);
    add_objective(cell.text(), line);
    return;
  }
  std::string current;
  for (const auto& l : cell.lines) {
    if (const std::size_t m = marker(l)) {
      add_objective(current, line);
      current = std::string(text::trim(std::string_view(l).substr(m)));
    } else {
      current += (current.empty() ? "" : " ") + l;
    }
  }
  add_objective(current, line);
}

// "A; B" read as one objective (a cell, "Ableitungen: A; B"): maybe several; said.
void Interpreter::note_semicolons(const std::string& text, int line) {
  const std::size_t semicolon = text.find("; ");
  if (semicolon == std::string::npos) return;
  report(rule::kObjectiveLinesJoined, line,
         tr({"„{0}“ als eine Ableitung gelesen; sind die durch „;“ getrennten Teile mehrere "
             "Ableitungen, als Aufzählung („- …“) oder je in eine Tabellenzeile schreiben",
             "\"{0}\" read as one objective; if the parts separated by \";\" are several "
             "objectives, write them as a list (\"- …\") or each in a row of its own"},
            excerpt(text, 120)));
}

void Interpreter::objectives_table_rows(const Block& b, std::size_t from) {
  auto text_at = [&](std::size_t row, std::size_t col) {
    const auto& cells = b.rows[row].cells;
    return col < cells.size() ? cells[col].text() : std::string();
  };
  const std::size_t table_start = field_ ? field_->objectives.size() : 0;
  std::optional<std::size_t> label;
  for (std::size_t c = 0; c < b.rows[from].cells.size() && !label; ++c) {
    const std::string t = b.rows[from].cells[c].text();
    if (is_objectives_label(t) || role_of(t) == Role::objectives) label = c;
  }
  std::optional<std::size_t> column;
  bool header_row = false;
  if (label) note_label(text_at(from, *label), b.rows[from].line);
  if (label) {
    const bool colon = text_at(from, *label).find(':') != std::string::npos;
    // Text below the label in its column makes the label a column's header — unless that text
    // is in a cell merged across the row (Word's "Zellen verbinden", LibreOffice, HTML colspan):
    // an objective written over the whole width, not a column of its own.
    for (std::size_t i = from + 1; i < b.rows.size() && !header_row; ++i) {
      const auto& cells = b.rows[i].cells;
      const bool spanning = *label < cells.size() && cells[*label].span > 1;
      header_row = (!colon || cells.size() > 1) && !spanning && !text_at(i, *label).empty() &&
                   !is_objectives_label(text_at(i, *label));
    }
    if (header_row) column = *label;
  }
  std::vector<std::size_t> ignored;  // columns with text that is not an objective
  std::vector<bool> seen;            // by column: in `ignored` already
  for (std::size_t i = from + (header_row ? 1 : 0); i < b.rows.size(); ++i) {
    const auto& cells = b.rows[i].cells;
    std::optional<std::size_t> take = column;
    if (!take) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string t = cells[c].text();
        if (!t.empty() && !is_objectives_label(t) && role_of(t) != Role::objectives) take = c;
      }
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string t = cells[c].text();
      if (t.empty() || c == take ||
          (!column && (is_objectives_label(t) || role_of(t) == Role::objectives)))
        continue;
      if (c >= seen.size()) seen.resize(c + 1, false);
      if (!seen[c]) ignored.push_back(c);  // each column once, in linear time
      seen[c] = true;
    }
    if (take && *take < cells.size()) {
      const Cell& cell = cells[*take];
      // A row that continues the objective of the row above, wrapped at a page break or by a
      // converter ("… Angeboten," | "die für …"): joined to it, and said.
      const bool single = cell.lines.size() == 1 && item_marker(cell.lines.front()) == 0;
      if (single && field_ && field_->objectives.size() > table_start &&
          (wraps_after(field_->objectives.back().text) || continues_before(cell.text()))) {
        auto& above = field_->objectives.back();
        report(rule::kObjectiveContinued, b.rows[i].line,
               tr({"Tabellenzeile „{0}“ setzt die Ableitung „{1}“ (Zeile {2}) fort, die mitten im "
                   "Satz endet; angefügt",
                   "table row \"{0}\" continues the objective \"{1}\" (line {2}), which ends "
                   "mid-sentence; joined"},
                  excerpt(cell.text()), excerpt(above.text), above.line));
        above.text += " " + cell.text();
      } else {
        add_cell_objectives(cell, b.rows[i].line);
      }
    }
  }
  if (!ignored.empty()) {
    std::string names;
    for (std::size_t k = 0; k < ignored.size() && k < 10; ++k) {
      const std::size_t c = ignored[k];
      const std::string name = header_row && c < b.rows[from].cells.size()
                                   ? column_name(b.rows[from].cells[c], c)
                                   : tr({"Spalte {0}", "Column {0}"}, c + 1);
      names += (names.empty() ? "" : ", ") + eduplan::quoted(name);
    }
    if (ignored.size() > 10) names += " …";
    report(rule::kObjectivesColumnIgnored, b.rows[from].line,
           tr({"Ableitungstabelle: weitere Spalten {0} ignoriert (nur die Spalte der "
               "Ableitungen wird gelesen)",
               "objectives table: further columns {0} ignored (only the objectives' column is "
               "read)"},
              names));
  }
}

}  // namespace eduplan
