// The catalogue of findings (internal): one constant per rule with its id, severity and what
// it reports, in German and English. Code that reports a finding names the constant, so a
// misspelt rule does not compile and a rule's severity is written once.
// clang-format off
#pragma once

#include <string>
#include <string_view>

#include "eduplan/language.h"
#include "eduplan/model.h"

namespace eduplan::rule {

struct Rule {
  std::string_view id;
  Severity severity;
  Text description;  // one sentence: what the rule reports
};

using enum Severity;


// Reading: errors reject the document.
inline constexpr Rule kEncodingNulByte{
    "encoding-nul-byte", error,
    {"Die Datei enthält ein NUL-Byte (meist eine Binärdatei).",
     "The file contains a NUL byte (usually a binary file)."}};
inline constexpr Rule kEncodingInvalidUtf8{
    "encoding-invalid-utf8", error,
    {"Die Datei ist weder gültiges UTF-8 noch Windows-1252 oder UTF-16 (meist eine Binärdatei).",
     "The file is neither valid UTF-8 nor Windows-1252 or UTF-16 (usually a binary file)."}};
inline constexpr Rule kEncodingConverted{
    "encoding-converted", warning,
    {"Die Datei ist nicht in UTF-8 gespeichert (Windows-1252 oder UTF-16) und wurde umgewandelt.",
     "The file is not saved as UTF-8 (Windows-1252 or UTF-16) and was converted."}};
inline constexpr Rule kTableCellCount{
    "table-cell-count", error,
    {"Eine Tabellenzeile hat mehr Zellen als die erste Zeile der Tabelle.",
     "A table row has more cells than the table's first row."}};
inline constexpr Rule kDocumentNoField{
    "document-no-field", error,
    {"Das Dokument enthält kein Handlungsfeld.",
     "The document contains no field."}};
inline constexpr Rule kDocumentUnreadable{
    "document-unreadable", error,
    {"Eine Word- oder LibreOffice-Datei ist beschädigt, zu groß oder enthält Unerlaubtes (z. B. externe XML-Entitäten).",
     "A Word or LibreOffice file is damaged, too large or holds something forbidden (e.g. external XML entities)."}};
inline constexpr Rule kDirectoryInvalid{
    "directory-invalid", error,
    {"Das Verwaltungsverzeichnis (CSV) ist fehlerhaft.",
     "The units directory (CSV) is broken."}};
inline constexpr Rule kFlatTableInvalid{
    "flat-table-invalid", error,
    {"Eine Zeile der flachen Plantabelle (CSV-Export) ist unvollständig, widersprüchlich oder unbekannt.",
     "A row of the flat plan table (CSV export) is incomplete, contradictory or unknown."}};
inline constexpr Rule kNameConflict{
    "name-conflict", error,
    {"Ein Name steht für zwei Dinge, die der Plan auseinanderhalten muss: z. B. für ein Dezernat und für eine Einheit.",
     "A name stands for two things the plan must keep apart: e.g. for a division and for a unit."}};
inline constexpr Rule kCsvSyntax{
    "csv-syntax", error,
    {"Eine CSV-Datei verletzt RFC 4180 (z. B. offenes Anführungszeichen).",
     "A CSV file violates RFC 4180 (e.g. an unclosed quote)."}};

// Reading: warnings and notes.
inline constexpr Rule kTableOutsideField{
    "table-outside-field", warning,
    {"Eine Tabelle steht vor dem ersten oder außerhalb eines Handlungsfelds und wird ignoriert.",
     "A table stands before the first field or outside a field and is ignored."}};
inline constexpr Rule kTableUnknown{
    "table-unknown", warning,
    {"Eine Tabelle ist weder Schwerpunkt- noch Ableitungstabelle und wird ignoriert.",
     "A table is neither a focus-area nor an objectives table and is ignored."}};
inline constexpr Rule kTableCellMissing{
    "table-cell-missing", warning,
    {"Einer Tabellenzeile fehlen Zellen am Ende; sie gelten als leer.",
     "A table row lacks cells at its end; they count as empty."}};
inline constexpr Rule kTableColumnsGuessed{
    "table-columns-guessed", warning,
    {"Eine Schwerpunkttabelle ohne Kopfzeile hat mehr als zwei Spalten; Spalte 1 gilt als Schwerpunkt, Spalte 2 als Verwaltungsbereich, die übrigen als unbenannte Merkmale.",
     "A focus-area table without a header row has more than two columns; column 1 counts as focus area, column 2 as units, the others as unnamed attributes."}};
inline constexpr Rule kNumberingRemoved{
    "numbering-removed", info,
    {"Eine fortlaufende Nummerierung der Schwerpunkte oder Ableitungen („1.“, „2.“ … vor dem Text, oder eine Spalte „Nr.“, die nur zählt) wurde entfernt; die Reihenfolge bleibt.",
     "A consecutive numbering of the focus areas or objectives (\"1.\", \"2.\" … in front of the text, or a column \"Nr.\" that only counts) was taken off; the order stays."}};
inline constexpr Rule kTableExtraColumns{
    "table-extra-columns", info,
    {"Eine Schwerpunkttabelle hat weitere Spalten; sie werden als Merkmale der Schwerpunkte gespeichert.",
     "A focus-area table has further columns; they are stored as attributes of the focus areas."}};
inline constexpr Rule kObjectivesColumnIgnored{
    "objectives-column-ignored", warning,
    {"Eine Ableitungstabelle hat weitere Spalten mit Text; nur die Spalte der Ableitungen wird gelesen.",
     "An objectives table has further columns with text; only the objectives' column is read."}};
inline constexpr Rule kTableContinued{
    "table-continued", info,
    {"Eine Tabelle ohne eigene Kopfzeile direkt unter einer Schwerpunkttabelle setzt sie fort (Seitenumbruch); ihre erste Zeile ist ein Schwerpunkt.",
     "A table without a header of its own right below a focus-area table continues it (a page break); its first row is a focus area."}};
inline constexpr Rule kFocusTableAgain{
    "focus-table-again", warning,
    {"Ein Handlungsfeld hat nach seinen Schwerpunkten (und Ableitungen) eine weitere Schwerpunkttabelle mit eigener Kopfzeile; ihre Schwerpunkte gehören zu diesem Feld. Meist fehlt die Überschrift des nächsten Handlungsfelds.",
     "A field has, after its focus areas (and objectives), another focus-area table with a header of its own; its focus areas belong to this field. Usually the next field's heading is missing."}};
inline constexpr Rule kTableTitleRow{
    "table-title-row", info,
    {"Eine Titelzeile (eine Zelle über die ganze Tabelle) über der Kopfzeile einer Schwerpunkttabelle wurde übersprungen, "
     "oder, nennt sie ein neues Handlungsfeld, als dessen Überschrift gelesen.",
     "A title row (one cell across the table) above a focus-area table's header was skipped, or, naming a new "
     "field, read as its heading."}};
inline constexpr Rule kTableHeaderRepeated{
    "table-header-repeated", info,
    {"Eine wiederholte Kopfzeile (Seitenumbruch im Original) wurde übersprungen.",
     "A repeated header row (a page break in the original) was skipped."}};
inline constexpr Rule kFocusNoText{
    "focus-no-text", warning,
    {"Eine Zeile nennt Verwaltungsbereiche, aber keinen Schwerpunkt.",
     "A row names units but no focus area."}};
inline constexpr Rule kFocusRowContinued{
    "focus-row-continued", info,
    {"Eine Zeile ohne Schwerpunkttext setzt die vorige Zeile fort.",
     "A row without focus-area text continues the previous row."}};
inline constexpr Rule kFieldHeadingRead{
    "field-heading-read", info,
    {"Eine Überschrift wurde als Handlungsfeld gelesen: ohne das Wort „Handlungsfeld“ (weil eine Schwerpunkttabelle folgt) oder mit entfernter Nummerierung.",
     "A heading was read as a field: without the word \"Handlungsfeld\" (because a focus-area table follows) or with its numbering taken off."}};
inline constexpr Rule kFieldLineIgnored{
    "field-line-ignored", warning,
    {"Eine Zeile „Handlungsfeld …“ ohne Tabelle und ohne Ableitungen darunter wurde nicht als Handlungsfeld gelesen.",
     "A line \"Handlungsfeld …\" with neither a table nor objectives below it was not read as a field."}};
inline constexpr Rule kListIgnored{
    "list-ignored", info,
    {"Eine Liste in einem Handlungsfeld steht nicht unter „Ableitungen“ und wird als Fließtext ignoriert.",
     "A list in a field does not stand under \"Ableitungen\" and is ignored as running text."}};
inline constexpr Rule kHiddenText{
    "hidden-text", warning,
    {"Ausgeblendeter Text einer Word- oder LibreOffice-Datei (verborgen formatiert) wird nicht gelesen: er ist nicht, was der Rat liest.",
     "Hidden text of a Word or LibreOffice file (formatted as hidden) is not read: it is not what the council reads."}};
inline constexpr Rule kObjectivesParagraphIgnored{
    "objectives-paragraph-ignored", warning,
    {"Unter „Ableitungen“ steht ein Absatz statt einer Liste oder Tabelle; er wird nicht als Ableitung gelesen.",
     "A paragraph instead of a list or table stands below \"Ableitungen\"; it is not read as an objective."}};
inline constexpr Rule kObjectivesLabelRead{
    "objectives-label-read", info,
    {"Eine andere Beschriftung („Ziele:“, „Zielsetzungen:“, „Ableitungen / Ziele:“) wurde wie „Ableitungen:“ gelesen.",
     "Another label (\"Ziele:\", \"Zielsetzungen:\", \"Ableitungen / Ziele:\") was read like \"Ableitungen:\"."}};
inline constexpr Rule kObjectiveContinued{
    "objective-continued", info,
    {"Ein eingerückter Unterpunkt oder eine Tabellenzeile, die eine umbrochene Ableitung fortsetzt, wurde an die Ableitung davor angefügt.",
     "An indented sub-item, or a table row that continues a wrapped objective, was joined to the objective before it."}};
inline constexpr Rule kObjectiveLinesJoined{
    "objective-lines-joined", info,
    {"Die Zeilen einer Tabellenzelle oder durch „;“ getrennte Teile wurden als eine Ableitung gelesen, obwohl sie auch mehrere sein könnten.",
     "The lines of a table cell, or parts separated by \";\", were read as one objective although they could be several."}};
inline constexpr Rule kHeadingEmpty{
    "heading-empty", warning,
    {"Eine Überschrift ohne Text (etwa ganz durchgestrichen) ist kein Handlungsfeld; was unter ihr steht, gehört zu keinem Handlungsfeld.",
     "A heading without text (struck through entirely, say) is no field; what stands below it belongs to no field."}};
inline constexpr Rule kContentOutsideField{
    "content-outside-field", warning,
    {"Eine Liste oder Ableitungen nach dem ersten Handlungsfeld stehen unter einer Überschrift, die kein Handlungsfeld ist; nicht gelesen.",
     "A list or objectives after the first field stand under a heading that is no field; not read."}};
inline constexpr Rule kTextCanonical{
    "text-canonical", info,
    {"Zeichen wurden vereinheitlicht (Unicode-NFC, Sonderleerzeichen, unsichtbare Zeichen, typografische Anführungszeichen, HTML-Entitäten, Markdown-Escapes, HTML-Kommentare, Link-Adressen, Steuerzeichen).",
     "Characters were made uniform (Unicode NFC, special spaces, invisible characters, typographic quotes, HTML entities, Markdown escapes, HTML comments, link addresses, control characters)."}};
inline constexpr Rule kTextDropped{
    "text-dropped", warning,
    {"Durchgestrichener Text oder ein Fußnotenverweis wurde nicht übernommen.",
     "Struck-through text or a footnote reference was not taken over."}};
inline constexpr Rule kUnitRepeated{
    "unit-repeated", info,
    {"Eine Einheit steht mehrfach in derselben Zeile.",
     "A unit is named twice in one row."}};
inline constexpr Rule kObjectiveSpellingMerged{
    "objective-spelling-merged", info,
    {"Zwei Ableitungen, die sich nur in Groß-/Kleinschreibung, Strichen, Leerzeichen oder einem Schlusspunkt unterscheiden, gelten als dieselbe; gespeichert wird die erste Schreibweise.",
     "Two objectives that differ only in case, dashes, spaces or a final stop count as one; the first spelling is stored."}};
inline constexpr Rule kObjectiveDuplicate{
    "objective-duplicate", warning,
    {"Eine Ableitung steht zweimal im selben Handlungsfeld.",
     "An objective stands twice in the same field."}};

// Units.
inline constexpr Rule kUnitMultipleDivisions{
    "unit-multiple-divisions", warning,
    {"Eine Einheit steht im Dokument unter verschiedenen Dezernaten.",
     "A unit stands under different divisions in the document."}};
inline constexpr Rule kUnitDivisionMismatch{
    "unit-division-mismatch", warning,
    {"Das Dezernat im Dokument weicht vom Verwaltungsverzeichnis ab.",
     "The division in the document differs from the units directory."}};
inline constexpr Rule kUnitNotInDirectory{
    "unit-not-in-directory", warning,
    {"Eine Einheit steht nicht im Verwaltungsverzeichnis (mit Vorschlägen ähnlicher Namen).",
     "A unit is not in the units directory (with suggestions of similar names)."}};
inline constexpr Rule kUnitNearDuplicate{
    "unit-near-duplicate", warning,
    {"Zwei Schreibweisen meinen vermutlich dieselbe Einheit.",
     "Two spellings probably mean the same unit."}};
inline constexpr Rule kUnitNoDivision{
    "unit-no-division", warning,
    {"Für eine Einheit ist kein Dezernat bekannt.",
     "No division is known for a unit."}};
inline constexpr Rule kUnitDivisionInferred{
    "unit-division-inferred", info,
    {"Eine Einheit ohne Dezernat wurde dem Dezernat zugeordnet, das sie anderswo hat.",
     "A unit named without division was given the division it has elsewhere."}};
inline constexpr Rule kUnitCompoundSplit{
    "unit-compound-split", info,
    {"„A und B“ wurde in zwei bekannte Einheiten geteilt.",
     "\"A und B\" was split into two known units."}};
inline constexpr Rule kUnitEntrySplit{
    "unit-entry-split", info,
    {"Ein Eintrag wurde an einem Dezernatsnamen oder zwischen zwei bekannten Einheiten geteilt (ein verlorener Zeilenumbruch).",
     "An entry was split at a division's name or between two known units (a lost line break)."}};
inline constexpr Rule kUnitRoleIgnored{
    "unit-role-ignored", info,
    {"Eine Rollenangabe vor Verwaltungsbereichen („federführend:“, „beteiligt:“) wurde weggelassen: gespeichert wird, wer befasst ist, nicht in welcher Rolle.",
     "A role written before units (\"federführend:\", \"beteiligt:\") was left out: what is stored is who is involved, not in which role."}};
inline constexpr Rule kDivisionNormalized{
    "division-normalized", info,
    {"Eine Schreibweise eines Dezernats („Dezernat 4“, „Dez. IV“) wurde als „Dezernat IV“ gelesen.",
     "A spelling of a division (\"Dezernat 4\", \"Dez. IV\") was read as \"Dezernat IV\"."}};
inline constexpr Rule kDivisionAssumed{
    "division-assumed", warning,
    {"Der Text vor einem „/“ wurde als Dezernat gelesen, obwohl er weder wie ein Dezernat heißt noch im Verwaltungsverzeichnis als Dezernat steht („Fachbereich Schule/ Sport“).",
     "The text before a \"/\" was read as a division although it is neither named like one nor a division in the units directory (\"Fachbereich Schule/ Sport\")."}};
inline constexpr Rule kDivisionSeparator{
    "division-separator", info,
    {"Ein Dezernat war mit „–“, „-“, „:“ oder in Klammern statt mit „/“ abgesetzt („Dezernat IV – Bibliothek“, „Bibliothek (Dezernat IV)“) und wurde wie „Dezernat IV/ Bibliothek“ gelesen.",
     "A division was set off with \"–\", \"-\", \":\" or in parentheses instead of \"/\" (\"Dezernat IV – Bibliothek\", \"Bibliothek (Dezernat IV)\") and read like \"Dezernat IV/ Bibliothek\"."}};
inline constexpr Rule kDivisionInList{
    "division-in-list", info,
    {"Ein Dezernat steht in der Liste eines anderen Dezernats („Dezernat V/ Jugendamt, Dezernat IV“); es wurde als Dezernat als Ganzes gelesen, nicht als Einheit.",
     "A division stands in the list of another division (\"Dezernat V/ Jugendamt, Dezernat IV\"); it was read as the division as a whole, not as a unit."}};

// Structure.
inline constexpr Rule kTextWordsJoined{
    "text-words-joined", warning,
    {"Ein Text enthält Wörter ohne Leerzeichen dazwischen („beiKonzeptentwicklungen“): vermutlich ein verlorener Zeilenumbruch.",
     "A text holds words without a space between them (\"beiKonzeptentwicklungen\"): probably a lost line break."}};
inline constexpr Rule kFocusNoUnit{
    "focus-no-unit", warning,
    {"Für einen Schwerpunkt ist kein Verwaltungsbereich genannt.",
     "A focus area names no responsible unit."}};
inline constexpr Rule kFocusDuplicate{
    "focus-duplicate", warning,
    {"Ein Schwerpunkt steht zweimal im selben Handlungsfeld (beide bleiben erhalten).",
     "A focus area stands twice in the same field (both are kept)."}};
inline constexpr Rule kFieldDuplicate{
    "field-duplicate", warning,
    {"Zwei Handlungsfelder haben denselben Titel.",
     "Two fields have the same title."}};
inline constexpr Rule kFieldEmpty{
    "field-empty", warning,
    {"Ein Handlungsfeld hat keine Schwerpunkte.",
     "A field has no focus areas."}};
inline constexpr Rule kFieldNoObjective{
    "field-no-objective", warning,
    {"Ein Handlungsfeld hat keine Ableitungen.",
     "A field has no objectives."}};
inline constexpr Rule kObjectiveShared{
    "objective-shared", info,
    {"Eine Ableitung gehört zu mehreren Handlungsfeldern.",
     "An objective belongs to several fields."}};

// Every rule, in the order `eduplan rules` and docs/rules.md list them.
inline constexpr const Rule* kAll[] = {
    &kEncodingNulByte,
    &kEncodingInvalidUtf8,
    &kEncodingConverted,
    &kTableCellCount,
    &kDocumentNoField,
    &kDocumentUnreadable,
    &kDirectoryInvalid,
    &kFlatTableInvalid,
    &kNameConflict,
    &kCsvSyntax,
    &kTableOutsideField,
    &kTableUnknown,
    &kTableCellMissing,
    &kTableColumnsGuessed,
    &kNumberingRemoved,
    &kTableExtraColumns,
    &kObjectivesColumnIgnored,
    &kTableContinued,
    &kFocusTableAgain,
    &kTableTitleRow,
    &kTableHeaderRepeated,
    &kFocusNoText,
    &kFocusRowContinued,
    &kFieldHeadingRead,
    &kFieldLineIgnored,
    &kListIgnored,
    &kHiddenText,
    &kContentOutsideField,
    &kObjectivesParagraphIgnored,
    &kObjectivesLabelRead,
    &kObjectiveContinued,
    &kObjectiveLinesJoined,
    &kHeadingEmpty,
    &kTextCanonical,
    &kTextDropped,
    &kUnitRepeated,
    &kObjectiveDuplicate,
    &kObjectiveSpellingMerged,
    &kUnitMultipleDivisions,
    &kUnitDivisionMismatch,
    &kUnitNotInDirectory,
    &kUnitNearDuplicate,
    &kUnitNoDivision,
    &kUnitDivisionInferred,
    &kUnitCompoundSplit,
    &kUnitEntrySplit,
    &kUnitRoleIgnored,
    &kDivisionNormalized,
    &kDivisionAssumed,
    &kDivisionSeparator,
    &kDivisionInList,
    &kTextWordsJoined,
    &kFocusNoUnit,
    &kFocusDuplicate,
    &kFieldDuplicate,
    &kFieldEmpty,
    &kFieldNoObjective,
    &kObjectiveShared,
};

}  // namespace eduplan::rule
// clang-format on

namespace eduplan {

// A finding of `rule`: its id and severity come from the catalogue.
inline Finding make_finding(const rule::Rule& rule, std::string message, int line,
                            std::string subject = {}) {
  return {std::string(rule.id), rule.severity, std::move(message), line, std::move(subject)};
}

}  // namespace eduplan
