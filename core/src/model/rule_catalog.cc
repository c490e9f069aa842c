#include "eduplan/validation.h"

namespace eduplan {

const std::vector<RuleInfo>& rule_catalog() {
  using enum Severity;
  static const std::vector<RuleInfo> rules = {
      // Reading: errors reject the document.
      {"encoding-nul-byte", error, "Die Datei enthält ein NUL-Byte (meist eine Binärdatei)."},
      {"encoding-invalid-utf8", error, "Die Datei ist kein gültiges UTF-8."},
      {"table-cell-count", error,
       "Eine Tabellenzeile hat eine andere Zellenzahl als die erste Zeile der Tabelle."},
      {"table-outside-field", error,
       "Eine Tabelle steht vor dem ersten oder außerhalb eines Handlungsfelds."},
      {"document-no-field", error, "Das Dokument enthält kein Handlungsfeld."},
      {"directory-invalid", error, "Das Verwaltungsverzeichnis (CSV) ist fehlerhaft."},
      {"flat-table-invalid", error,
       "Eine Zeile der flachen Plantabelle (CSV-Export) ist unvollständig oder unbekannt."},
      {"csv-syntax", error, "Eine CSV-Datei verletzt RFC 4180 (z. B. offenes Anführungszeichen)."},
      {"table-unknown", warning,
       "Eine Tabelle ist weder Schwerpunkt- noch Ableitungstabelle und wird ignoriert."},
      {"focus-no-text", warning, "Eine Zeile nennt Verwaltungsbereiche, aber keinen Schwerpunkt."},
      {"focus-row-continued", info, "Eine Zeile ohne Schwerpunkttext setzt die vorige Zeile fort."},
      {"unit-repeated", info, "Eine Einheit steht mehrfach in derselben Zeile."},
      {"objective-duplicate", warning, "Eine Ableitung steht zweimal im selben Handlungsfeld."},
      // Units.
      {"unit-multiple-divisions", warning,
       "Eine Einheit steht im Dokument unter verschiedenen Dezernaten."},
      {"unit-division-mismatch", warning,
       "Das Dezernat im Dokument weicht vom Verwaltungsverzeichnis ab."},
      {"unit-near-duplicate", warning, "Zwei Schreibweisen meinen vermutlich dieselbe Einheit."},
      {"unit-no-division", warning, "Für eine Einheit ist kein Dezernat bekannt."},
      {"unit-division-inferred", info,
       "Eine Einheit ohne Dezernat wurde dem Dezernat zugeordnet, das sie anderswo hat."},
      {"unit-compound-split", info, "„A und B“ wurde in zwei bekannte Einheiten geteilt."},
      // Structure.
      {"focus-no-unit", warning, "Für einen Schwerpunkt ist kein Verwaltungsbereich genannt."},
      {"focus-duplicate", warning,
       "Ein Schwerpunkt steht zweimal im selben Handlungsfeld (beide bleiben erhalten)."},
      {"field-duplicate", warning, "Zwei Handlungsfelder haben denselben Titel."},
      {"field-empty", warning, "Ein Handlungsfeld hat keine Schwerpunkte."},
      {"field-no-objective", warning, "Ein Handlungsfeld hat keine Ableitungen."},
      {"objective-shared", info, "Eine Ableitung gehört zu mehreren Handlungsfeldern."},
  };
  return rules;
}

}  // namespace eduplan
