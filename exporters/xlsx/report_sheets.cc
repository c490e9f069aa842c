#include <algorithm>
#include <set>

#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

const Labels& labels(bool english) {
  static const Labels de{"Übersicht",
                         "Zuständigkeitsmatrix",
                         "Verwaltungsbereiche",
                         "Ableitungen",
                         "Befunde",
                         "Bildungskonzept",
                         "Quelle",
                         "Handlungsfeld",
                         "Nr.",
                         "Handlungsschwerpunkt",
                         "Verwaltungsbereiche",
                         "Dezernate",
                         "Dezernat",
                         "Verwaltungsbereich",
                         "Schwerpunkte",
                         "Zuständigkeiten",
                         "Ableitungen",
                         "Handlungsfelder",
                         "Ableitung",
                         "Summe",
                         "Anzahl",
                         "Regel",
                         "Schweregrad",
                         "Zeile",
                         "Betreff",
                         "Meldung",
                         "ohne Dezernat",
                         "(als Ganzes)",
                         "Fehler",
                         "Warnung",
                         "Hinweis",
                         "Schwerpunkte je Dezernat",
                         "Zellen auf Excels Höchstlänge (32.767 Zeichen) gekürzt, mit „…“ markiert",
                         "Tabellen auf weitere Blätter fortgesetzt (Excel-Zeilengrenze)",
                         "Ableitungen",
                         "Zuständigkeiten je Schwerpunkt (Durchschnitt)"};
  static const Labels en{"Overview",
                         "Responsibility matrix",
                         "Units",
                         "Objectives",
                         "Findings",
                         "Education plan",
                         "Source",
                         "Field",
                         "No.",
                         "Focus area",
                         "Units",
                         "Divisions",
                         "Division",
                         "Unit",
                         "Focus areas",
                         "Responsibilities",
                         "Objectives",
                         "Fields",
                         "Objective",
                         "Total",
                         "Count",
                         "Rule",
                         "Severity",
                         "Line",
                         "Subject",
                         "Message",
                         "no division",
                         "(as a whole)",
                         "Error",
                         "Warning",
                         "Info",
                         "Focus areas per division",
                         "cells cut to Excel's maximum length (32,767 characters), marked with “…”",
                         "tables continued on further sheets (Excel's row limit)",
                         "Objectives",
                         "Responsibilities per focus area (average)"};
  return english ? en : de;
}

PlanFacts::PlanFacts(const sdk::Request& request) : r(request) {
  const auto units = r.units();
  division.resize(units.size());
  focus_count.assign(units.size(), 0);
  fields_of.resize(units.size());
  for (std::size_t u = 0; u < units.size(); ++u)
    division[u] = units[u].is_division ? u : units[u].division;
  std::set<std::size_t> seen;
  for (std::size_t f = 0; f < r.fields().size(); ++f) {
    for (const auto& area : sdk::Request::focus_areas(r.fields()[f])) {
      for (std::size_t u : sdk::Request::units_of(area)) {
        ++focus_count[u];
        ++responsibilities;
        if (fields_of[u].empty() || fields_of[u].back() != f) fields_of[u].push_back(f);
        if (division[u] != EDUPLAN_NO_INDEX && seen.insert(division[u]).second)
          divisions.push_back(division[u]);
      }
    }
  }
}

std::string PlanFacts::name(std::size_t u) const { return std::string(view(r.units()[u].name)); }

std::string PlanFacts::division_name(std::size_t u) const {
  return division[u] == EDUPLAN_NO_INDEX ? "" : name(division[u]);
}

void write_field_sheets(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  for (std::size_t f = 0; f < r.fields().size(); ++f) {
    const auto& field = r.fields()[f];
    const auto areas = sdk::Request::focus_areas(field);
    // The further columns of this field's table ("Zeitraum", "Status"), after the units.
    std::vector<std::string> names;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      for (const auto& a : r.attributes(f, i)) {
        const std::string n(view(a.name));
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
    }
    std::vector<std::string> header{l.nr, l.focus_area, l.units_col, l.divisions_col};
    std::vector<double> widths{6, 60, 45, 22};
    for (const auto& n : names) {
      header.push_back(n);
      widths.push_back(18);
    }
    Table t(wb, view(field.title), header, widths, 2);
    for (std::size_t i = 0; i < areas.size(); ++i) {
      std::string units, divisions;  // one line per responsible unit, side by side
      for (std::size_t u : sdk::Request::units_of(areas[i])) {
        if (!units.empty()) {
          units += '\n';
          divisions += '\n';
        }
        const std::string d = facts.division_name(u);
        units +=
            facts.name(u) + (r.units()[u].is_division ? std::string(" ") + l.whole_division : "");
        divisions += d.empty() ? std::string(l.no_division) : d;
      }
      auto [ws, row] = t.next_row();
      wb.number(ws, row, 0, static_cast<double>(i + 1));
      wb.text(ws, row, 1, view(areas[i].text), wb.formats().wrap);
      wb.text(ws, row, 2, units, wb.formats().wrap);
      wb.text(ws, row, 3, divisions, wb.formats().wrap);
      for (const auto& a : r.attributes(f, i)) {
        const auto col =
            std::find(names.begin(), names.end(), std::string(view(a.name))) - names.begin();
        wb.text(ws, row, static_cast<std::uint16_t>(4 + col), view(a.value), wb.formats().wrap);
      }
    }
    if (field.objective_count > 0) {
      t.next_row();  // a blank row between the tables
      auto [ws, row] = t.next_row();
      wb.text(ws, row, 1, l.objectives_heading, wb.formats().header);
      for (std::size_t o : sdk::Request::objectives_of(field)) {
        auto [ows, orow] = t.next_row();
        wb.text(ows, orow, 1, view(r.objectives()[o].text), wb.formats().wrap);
      }
    }
    t.finish();
  }
}

void write_lists(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  {
    Table t(wb, l.units, {l.unit, l.division, l.focus_count, l.fields}, {45, 22, 14, 60}, 1);
    for (std::size_t u = 0; u < r.units().size(); ++u) {
      if (r.units()[u].is_division && facts.focus_count[u] == 0) continue;
      std::string fields;
      for (std::size_t f : facts.fields_of[u])
        fields += (fields.empty() ? "" : "; ") + std::string(view(r.fields()[f].title));
      auto [ws, row] = t.next_row();
      const bool whole = r.units()[u].is_division != 0;
      wb.text(ws, row, 0, facts.name(u) + (whole ? std::string(" ") + l.whole_division : ""));
      wb.text(ws, row, 1, whole ? facts.name(u) : facts.division_name(u));
      wb.number(ws, row, 2, static_cast<double>(facts.focus_count[u]));
      wb.text(ws, row, 3, fields, wb.formats().wrap);
    }
    t.finish();
  }
  {
    Table t(wb, l.objectives, {l.objective, l.fields}, {70, 50}, 1);
    std::vector<std::string> fields_of(r.objectives().size());
    for (const auto& field : r.fields()) {
      for (std::size_t o : sdk::Request::objectives_of(field)) {
        fields_of[o] += (fields_of[o].empty() ? "" : "; ") + std::string(view(field.title));
      }
    }
    for (std::size_t o = 0; o < r.objectives().size(); ++o) {
      auto [ws, row] = t.next_row();
      wb.text(ws, row, 0, view(r.objectives()[o].text), wb.formats().wrap);
      wb.text(ws, row, 1, fields_of[o], wb.formats().wrap);
    }
    t.finish();
  }
  {
    Table t(wb, l.findings, {l.rule, l.severity, l.line, l.subject, l.message}, {26, 12, 8, 35, 80},
            1);
    for (const auto& f : r.findings()) {
      const auto sev = view(f.severity);
      auto [ws, row] = t.next_row();
      wb.text(ws, row, 0, view(f.rule));
      wb.text(ws, row, 1, sev == "error" ? l.error : sev == "warning" ? l.warning : l.info);
      if (f.line > 0) wb.number(ws, row, 2, f.line);
      wb.text(ws, row, 3, view(f.subject), wb.formats().wrap);
      wb.text(ws, row, 4, view(f.message), wb.formats().wrap);
    }
    t.finish();
  }
}

}  // namespace eduplan::xlsx_exporter
