// Reading the CSV exporter's flat plan table back into a Plan (internal), so that a plan
// exported, edited in Excel or LibreOffice and imported again comes back identical.
//
// Version 2 columns: kind, field_no, field, no, focus_area, division, unit, objective, then one
// "attribute:<name>" column per further column of the focus-area tables (German: art, feldnr,
// handlungsfeld, nr, schwerpunkt, dezernat, einheit, ableitung, "merkmal:<Name>"). Version 1
// lacks field_no and attributes. Any RFC 4180 form: ';' or ',', quoted or not, BOM or not, CRLF
// or LF; header names in any case. One leading ' is removed where the exporter neutralised a
// formula. A field is identified by its number, a focus area by field and number: the same
// number with another title or text is refused, not merged; the numbers, not the rows' order,
// give the order of fields and focus areas. Empty columns right of the header (Excel) are
// ignored. The CSV structure is parsed on the text as it is (only " quotes); the values are
// made canonical afterwards (unicode::canonicalize, reported as text-canonical).
#pragma once

#include <string>
#include <string_view>

#include "eduplan/model.h"

namespace eduplan {

// True if `document` starts (after an optional BOM) with the flat table's header.
bool looks_like_flat_table(std::string_view document);

class UnitsDirectory;

// Errors (field count, unknown kind, missing texts, contradictions) are findings with lines.
// Division spellings ("Dez. IV", "Dezernat 4") are read as eduplan writes them
// (division-normalized); with a units directory, a unit's alias is read as its name and the
// unit is put under the directory's division (a different stated division stays in the
// responsibility, for the rule unit-division-mismatch) — as a document's are.
Plan read_flat_table(std::string_view document, std::vector<Finding>& findings,
                     const UnitsDirectory* directory = nullptr);

// Why a CSV document is not the flat table (its header), in words about CSV.
std::string flat_table_problem(std::string_view document);

}  // namespace eduplan
