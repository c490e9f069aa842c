// Writes a plan back in the document format eduplan reads (docs/input-format.md):
// "## Handlungsfeld" headings, a focus-area table with "Division/ Unit, Unit" lists, and
// an "Ableitungen:" table. Reading the result with the same units directory gives the
// same plan.
#include <eduplan/exporter_sdk.hpp>
#include <string>
#include <vector>

namespace {

using eduplan::sdk::Request;
using eduplan::sdk::view;

// A table cell: '|' escaped, line breaks as <br>.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else if (c != '\r')
      out += c;
  }
  return out;
}

// "Dezernat IV/ Bibliothek, Stadtarchiv<br>BOB/ Stabsstelle …": units grouped by division in
// the order they come; a division responsible as a whole, or a unit without one, on its own.
std::string units_cell(const Request& r, const eduplan_focus_area_view& area) {
  std::vector<std::pair<std::size_t, std::string>> groups;  // division (or NO_INDEX), list
  for (std::size_t u : Request::units_of(area)) {
    const auto& unit = r.units()[u];
    const std::string name(view(unit.name));
    if (unit.is_division || unit.division == EDUPLAN_NO_INDEX) {
      groups.emplace_back(EDUPLAN_NO_INDEX, cell(name));
      continue;
    }
    bool added = false;
    for (auto& [division, list] : groups) {
      if (division == unit.division) {
        list += ", " + cell(name);
        added = true;
        break;
      }
    }
    if (!added)
      groups.emplace_back(unit.division,
                          std::string(view(r.units()[unit.division].name)) + "/ " + cell(name));
  }
  std::string out;
  for (const auto& [division, list] : groups) out += (out.empty() ? "" : "<br>") + list;
  return out;
}

void write_markdown(const Request& r) {
  const auto title = view(r.plan().title).empty() ? view(r.plan().name) : view(r.plan().title);
  std::string doc = "# " + std::string(title) + "\n";
  for (const auto& field : r.fields()) {
    doc += "\n## Handlungsfeld " + std::string(view(field.title)) + "\n";
    if (field.focus_area_count > 0) {
      doc +=
          "\n| genannte Handlungsschwerpunkte der Fachbereiche | befasster Verwaltungsbereich "
          "|\n|---|---|\n";
      for (const auto& area : Request::focus_areas(field)) {
        doc += "| " + cell(view(area.text)) + " | " + units_cell(r, area) + " |\n";
      }
    }
    bool first = true;
    for (std::size_t o : Request::objectives_of(field)) {
      if (first) doc += "\n|              |   |\n|--------------|---|\n";
      doc += std::string(first ? "| Ableitungen: | " : "|              | ") +
             cell(view(r.objectives()[o].text)) + " |\n";
      first = false;
    }
  }
  eduplan::sdk::OutputFile out(r.output_path());
  out.write(doc);
  out.close();
}

const eduplan_exporter kExporter =
    eduplan::sdk::describe("markdown", "1.0.0", "Plan als Dokument im Eingabeformat (Markdown)",
                           "md", nullptr, 0, eduplan::sdk::run<write_markdown>);

}  // namespace

extern "C" EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
