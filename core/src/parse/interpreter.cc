// Headings, paragraphs and list items: fields, candidate headings and objectives.
#include "parse/interpreter.h"

#include "parse/document_parser.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {

std::string excerpt(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + " …";
}

bool Interpreter::names_contents(std::string_view heading) {
  std::string h = unicode::lower(text::trim(heading));
  while (!h.empty() && (h.back() == ':' || h.back() == '.')) h.pop_back();
  for (std::string_view name : {"inhalt", "inhaltsverzeichnis", "inhaltsübersicht", "contents",
                                "table of contents", "gliederung"}) {
    if (h == name) return true;
  }
  return false;
}

bool Interpreter::too_many_errors() const { return errors_ >= kMaxErrors; }

void Interpreter::block(const Block& b) {
  if (too_many_errors()) return;
  if (first_line_ == 0) first_line_ = b.line;
  if (b.kind != BlockKind::list_item) end_list();
  // Only a table right after a focus table can continue it.
  std::optional<FocusTable> previous = std::move(last_focus_table_);
  last_focus_table_.reset();
  switch (b.kind) {
    case BlockKind::heading:
      return heading(b.text, b.level, b.line);
    case BlockKind::paragraph:
      return paragraph(b);
    case BlockKind::list_item:
      return list_item(b);
    case BlockKind::table:
      return table(b, previous);
  }
}

RawDocument Interpreter::finish(int last_line) {
  end_list();
  drop_candidate();
  if (doc_.fields.empty() && errors_ == 0) {
    // The document's first block, where a reader starts to look (the last line would say
    // nothing about where a field is missing).
    report(rule::kDocumentNoField, first_line_ > 0 ? first_line_ : last_line,
           tr({"Dokument enthält kein Handlungsfeld (erwartet: Überschrift „Handlungsfeld …“ "
               "oder eine Überschrift mit einer Schwerpunkttabelle darunter)",
               "the document contains no field (expected: a heading \"Handlungsfeld …\" or a "
               "heading with a focus-area table below it)"}));
  }
  return std::move(doc_);
}

void Interpreter::heading(const std::string& text, int level, int line) {
  objectives_mode_ = false;
  if (text.empty()) return empty_heading(level, line);
  if (is_objectives_label(text)) {
    note_label(text, line);
    start_named_candidate();
    objectives_mode_ = field_ != nullptr;
    return;
  }
  if (field_ && is_focus_label(text)) {  // "Handlungsschwerpunkte" above the table
    candidate_.reset();
    return;
  }
  drop_candidate();
  bool numbered = false;
  if (auto title = field_title(text, &numbered)) {
    start_field({text, *title, line, true, numbered, false}, level);
    return;
  }
  // A deeper heading inside a field ("### Teil A" under "## Handlungsfeld MINT") is running
  // text of that field, as the documentation says: it neither ends the field nor starts one,
  // and a table below it stays the field's.
  if (field_ && level > field_level_ && level <= 6 && field_level_ <= 6) return;
  if (!field_ || level <= field_level_) field_ = nullptr;
  if (!field_) section_ = {text, line};
  // The first level-1 heading is the plan's title, unless it heads a table of contents typed by
  // hand ("Inhalt", "Inhaltsverzeichnis"): that is no title.
  if (level == 1 && doc_.fields.empty() && doc_.title.empty() && !names_contents(text))
    doc_.title = text;
  candidate_ = Candidate{text, text, line, false, false, false};
  candidate_level_ = level;
}

void Interpreter::paragraph(const Block& b) {
  const std::string& t = b.text;
  if (is_objectives_label(t)) {
    note_label(t, b.line);
    start_named_candidate();
    objectives_mode_ = field_ != nullptr;
    return;
  }
  // "Ableitungen: Text" on one line: a label and the first objective.
  if (const auto colon = t.find(':'); colon != std::string::npos &&
                                      is_objectives_label(t.substr(0, colon + 1)) &&
                                      (field_ || (candidate_ && candidate_->named))) {
    note_label(t.substr(0, colon + 1), b.line);
    start_named_candidate();
    objectives_mode_ = true;
    const std::string objective(text::trim(std::string_view(t).substr(colon + 1)));
    if (field_) note_semicolons(objective, b.line);
    add_objective(objective, b.line);
    return;
  }
  if (const auto colon = t.find(':'); colon != std::string::npos && !field_ &&
                                      !doc_.fields.empty() &&
                                      is_objectives_label(t.substr(0, colon + 1))) {
    outside_field(b.line, 1);
    return;
  }
  if (b.bold) return heading(t, kBoldLevel, b.line);
  if (objectives_mode_ && field_ && field_->objectives.empty()) {
    // "Ableitungen:" and then paragraphs, not a list: said, not dropped in silence.
    report(rule::kObjectivesParagraphIgnored, b.line,
           tr({"Absatz „{0}“ unter „Ableitungen“ nicht als Ableitung gelesen: Ableitungen als "
               "Liste („- …“) oder Tabelle schreiben",
               "paragraph \"{0}\" below \"Ableitungen\" not read as an objective: write "
               "objectives as a list (\"- …\") or a table"},
              t.size() > 120 ? t.substr(0, 120) + " …" : t));
  }
  objectives_mode_ = false;  // running text: the objectives above it have ended
  short_line(t, b.line, true);
}

void Interpreter::list_item(const Block& b) {
  if (objectives_mode_) {
    if (!objectives_list_) list_indent_ = b.level;
    objectives_list_ = true;
    // A sub-item (indented further than the list's items) continues its objective: one
    // objective is what the author wrote as one item with its details below it.
    if (b.level >= list_indent_ + 2 && list_objectives_ > 0 && field_ &&
        !field_->objectives.empty()) {
      auto& parent = field_->objectives.back();
      report(rule::kObjectiveContinued, b.line,
             tr({"Unterpunkt „{0}“ an die Ableitung „{1}“ (Zeile {2}) angefügt; ist er eine "
                 "eigene Ableitung, nicht einrücken",
                 "sub-item \"{0}\" joined to the objective \"{1}\" (line {2}); if it is an "
                 "objective of its own, do not indent it"},
                excerpt(b.text), excerpt(parent.text), parent.line));
      parent.text += " " + b.text;
      return;
    }
    ++list_objectives_;
    add_objective(b.text, b.line);
    return;
  }
  if (short_line(b.text, b.line, false)) return;
  if (field_ && list_items_++ == 0) list_line_ = b.line;
  if (!field_ && !doc_.fields.empty() && outside_items_++ == 0) outside_line_ = b.line;
}

// A plain line that names a field ("Handlungsfeld MINT") is a candidate heading.
bool Interpreter::short_line(const std::string& t, int line, bool plain_line) {
  bool numbered = false;
  auto title = field_title(t, &numbered);
  if (!title || t.size() > 80 || t.ends_with('.')) return false;
  drop_candidate();
  candidate_ = Candidate{t, *title, line, true, numbered, plain_line};
  candidate_level_ = kBoldLevel;
  return true;
}

// Objectives below a line "Handlungsfeld X" (no table between): the line is their field.
void Interpreter::start_named_candidate() {
  if (candidate_ && candidate_->named) start_field(*candidate_, candidate_level_);
  candidate_.reset();
}

// A line "Handlungsfeld X" that did not become a field is said, not dropped in silence.
void Interpreter::drop_candidate() {
  if (candidate_ && candidate_->named && candidate_->plain_line) {
    report(rule::kFieldLineIgnored, candidate_->line,
           tr({"Zeile „{0}“ nennt ein Handlungsfeld, aber weder eine Tabelle noch Ableitungen "
               "folgen; nicht als Handlungsfeld gelesen (als Überschrift formatieren)",
               "the line \"{0}\" names a field, but neither a table nor objectives follow; not "
               "read as a field (format it as a heading)"},
              candidate_->heading));
  }
  candidate_.reset();
}

void Interpreter::end_list() {
  if (objectives_list_) objectives_mode_ = false;  // the list of objectives has ended
  objectives_list_ = false;
  list_objectives_ = 0;
  if (list_items_ > 0 && field_) {
    report(rule::kListIgnored, list_line_,
           tr({"Liste mit {0} Einträgen im Handlungsfeld „{1}“ steht nicht unter „Ableitungen“; "
               "als Fließtext ignoriert",
               "list of {0} items in the field \"{1}\" does not stand under \"Ableitungen\"; "
               "ignored as running text"},
              list_items_, field_->title));
  }
  list_items_ = 0;
  if (outside_items_ > 0) outside_field(outside_line_, outside_items_);
  outside_items_ = 0;
}

// Objectives or a list after the first field under a heading that is no field ("##
// Handlungsfeld-übergreifende Ableitungen", "## Anhang"): said, not dropped in silence.
void Interpreter::outside_field(int line, std::size_t items) {
  report(rule::kContentOutsideField, line,
         section_.heading.empty()
             ? tr({"{0} Zeile(n) mit Listeneinträgen oder Ableitungen stehen außerhalb eines "
                   "Handlungsfelds; nicht gelesen",
                   "{0} line(s) of list items or objectives stand outside a field; not read"},
                  items)
             : tr({"{0} Zeile(n) mit Listeneinträgen oder Ableitungen unter der Überschrift „{1}“ "
                   "(Zeile {2}), die kein Handlungsfeld ist; nicht gelesen (gehören sie zu einem "
                   "Handlungsfeld, unter dessen Überschrift setzen)",
                   "{0} line(s) of list items or objectives under the heading \"{1}\" (line {2}), "
                   "which is no field; not read (if they belong to a field, put them under its "
                   "heading)"},
                  items, section_.heading, section_.line));
}

void Interpreter::start_field(const Candidate& c, int level) {
  if (!c.named) {
    report(rule::kFieldHeadingRead, c.line,
           tr({"Überschrift „{0}“ ohne das Wort „Handlungsfeld“ als Handlungsfeld gelesen, weil "
               "eine Schwerpunkttabelle folgt",
               "heading \"{0}\" without the word \"Handlungsfeld\" read as a field because a "
               "focus-area table follows"},
              c.heading));
    if (doc_.title == c.heading && doc_.fields.empty()) doc_.title.clear();
  } else if (c.numbered) {
    report(rule::kFieldHeadingRead, c.line,
           tr({"Überschrift „{0}“ als Handlungsfeld „{1}“ gelesen (Nummerierung entfernt)",
               "heading \"{0}\" read as the field \"{1}\" (numbering taken off)"},
              c.heading, c.title));
  }
  doc_.fields.push_back(RawField{c.title, c.line, {}, {}});
  field_ = &doc_.fields.back();
  field_level_ = level;
  candidate_.reset();
  objectives_mode_ = false;
}

// A heading with no text left (struck through entirely: "## ~~Handlungsfeld X~~") names no
// field; it ends the field at its level, and what stands below it is read as outside any field
// (table-outside-field, content-outside-field), not as a field without a title.
void Interpreter::empty_heading(int level, int line) {
  drop_candidate();
  report(rule::kHeadingEmpty, line,
         tr({"Überschrift ohne Text (durchgestrichen?): kein Handlungsfeld; was darunter steht, "
             "gehört zu keinem Handlungsfeld und wird nicht gelesen",
             "heading without text (struck through?): no field; what stands below it belongs to "
             "no field and is not read"}));
  if (field_ && level > field_level_ && level <= 6 && field_level_ <= 6) return;  // running text
  field_ = nullptr;
  section_ = {tr({"(Überschrift ohne Text)", "(heading without text)"}), line};
}

void Interpreter::note_label(std::string_view text, int line) {
  if (!is_objectives_synonym(text)) return;
  std::string label(text::trim(text));
  while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
  if (!labels_noted_.insert(unicode::lower(label)).second) return;  // once per spelling
  report(rule::kObjectivesLabelRead, line,
         tr({"„{0}“ als „Ableitungen“ gelesen", "\"{0}\" read as \"Ableitungen\""}, label));
}

void Interpreter::add_objective(const std::string& text, int line) {
  if (field_ && !text.empty()) field_->objectives.push_back({text, line});
}

void Interpreter::report(const rule::Rule& rule, int line, std::string message) {
  errors_ += rule.severity == Severity::error;
  findings_.push_back(make_finding(rule, std::move(message), line));
}
}  // namespace eduplan
