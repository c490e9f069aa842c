// The domain model of a municipal education concept (Bildungskonzept).
//
// A Plan owns its fields, units and objectives in plain vectors; elements refer to
// each other by index into those vectors, so a Plan is a value that can be copied,
// compared and stored without pointer fix-ups. Every element keeps the line of the
// source document it came from (0 when it has none, e.g. a unit only known from the
// units directory).
//
// All types are described with Boost.Describe: generic code (JSON, storage rows,
// enum <-> text) works from these descriptions instead of per-type code.
#pragma once

#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/export.h"

namespace eduplan {

enum class Severity { error, warning, info };
BOOST_DESCRIBE_ENUM(Severity, error, warning, info)

// A problem found in a document, or an automatic correction made while reading it.
struct Finding {
  std::string rule;  // stable rule id, e.g. "unit-near-duplicate"
  Severity severity = Severity::info;
  std::string message;  // human-readable (German)
  int line = 0;         // 1-based source line; 0 if the finding concerns no single line
  std::string subject;  // what the finding is about: a unit name, a field title, ...

  friend bool operator==(const Finding&, const Finding&) = default;
};
BOOST_DESCRIBE_STRUCT(Finding, (), (rule, severity, message, line, subject))

// A division ("Dezernat IV", "BOB") or a unit under one ("Stadtarchiv").
struct OrgUnit {
  std::string name;                   // canonical name
  std::optional<std::size_t> parent;  // index of the division in Plan::units; none for divisions
                                      // and for units whose division is unknown
  bool is_division = false;
  std::string key;      // stable key, see keys.h
  int source_line = 0;  // first mention in the document

  friend bool operator==(const OrgUnit&, const OrgUnit&) = default;
};
BOOST_DESCRIBE_STRUCT(OrgUnit, (), (name, parent, is_division, key, source_line))

// One responsible unit of a focus area (Zuständigkeit), as resolved, with how it was written.
struct Responsibility {
  std::size_t unit = 0;  // index into Plan::units (a unit or a whole division)
  int source_line = 0;
  std::string written_name;     // the name as it stood in the document
  std::string stated_division;  // the division the document states for it (canonical name; for
                                // a list continued after a trailing comma, the previous line's);
                                // empty if none
  std::string split_from;       // non-empty if split from a compound "A und B"

  friend bool operator==(const Responsibility&, const Responsibility&) = default;
};
BOOST_DESCRIBE_STRUCT(Responsibility, (),
                      (unit, source_line, written_name, stated_division, split_from))

// A further column of a focus-area table ("Zeitraum", "Status", …) and its value in one row.
struct Attribute {
  std::string name;
  std::string value;

  friend bool operator==(const Attribute&, const Attribute&) = default;
};
BOOST_DESCRIBE_STRUCT(Attribute, (), (name, value))

// A Handlungsschwerpunkt: one row of a field's table.
struct FocusArea {
  std::string text;
  std::string key;
  int source_line = 0;
  std::vector<Responsibility> responsibilities;  // in document order, no unit twice
  std::vector<Attribute> attributes;             // the table's further columns, in column order

  friend bool operator==(const FocusArea&, const FocusArea&) = default;
};
BOOST_DESCRIBE_STRUCT(FocusArea, (), (text, key, source_line, responsibilities, attributes))

// A reference from a field to one of the plan's objectives.
struct ObjectiveRef {
  std::size_t objective = 0;  // index into Plan::objectives
  int source_line = 0;

  friend bool operator==(const ObjectiveRef&, const ObjectiveRef&) = default;
};
BOOST_DESCRIBE_STRUCT(ObjectiveRef, (), (objective, source_line))

// A Handlungsfeld.
struct Field {
  std::string title;
  std::string key;
  int source_line = 0;
  std::vector<FocusArea> focus_areas;    // document order
  std::vector<ObjectiveRef> objectives;  // document order

  friend bool operator==(const Field&, const Field&) = default;
};
BOOST_DESCRIBE_STRUCT(Field, (), (title, key, source_line, focus_areas, objectives))

// An Ableitung. One text is one objective, however many fields list it.
struct Objective {
  std::string text;
  std::string key;
  int source_line = 0;  // first mention

  friend bool operator==(const Objective&, const Objective&) = default;
};
BOOST_DESCRIBE_STRUCT(Objective, (), (text, key, source_line))

// A Bildungskonzept.
struct Plan {
  std::string name;    // the name it is stored under
  std::string title;   // the document's "# " title, if any
  std::string source;  // where it was read from
  std::vector<Field> fields;
  std::vector<OrgUnit> units;
  std::vector<Objective> objectives;
  std::vector<Finding> findings;

  friend bool operator==(const Plan&, const Plan&) = default;
};
BOOST_DESCRIBE_STRUCT(Plan, (), (name, title, source, fields, units, objectives, findings))

// True if any finding has severity error.
EDUPLAN_EXPORT bool has_errors(const std::vector<Finding>& findings);

}  // namespace eduplan
