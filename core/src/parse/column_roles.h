// What the columns and labels of a document say (internal): the role of a table column by its
// header, the label "Ableitungen", a column's name as an attribute.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "parse/blocks.h"

namespace eduplan {

// What a table column is for, from its header.
enum class Role { none, focus, units, objectives };

Role role_of(std::string_view header);

// "Ableitungen", "Ableitungen:", "Ableitung" (any case, bold already removed), and the labels
// some cities write instead: "Ziele", "Zielsetzungen" (singular too), "Ableitungen / Ziele".
bool is_objectives_label(std::string_view text);

// An objectives label other than "Ableitung(en)" ("Ziele:"): read as one, and that is said.
bool is_objectives_synonym(std::string_view text);

// A label that names the focus-area table of a field ("Handlungsschwerpunkte"), not a field.
bool is_focus_label(std::string_view text);

// A cell's header text as an attribute name: trailing ':' removed; "Spalte N" if empty.
std::string column_name(const Cell& cell, std::size_t column);

}  // namespace eduplan
