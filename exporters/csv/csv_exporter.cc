// The CSV exporter: the flat plan table (which eduplan import reads back), units,
// objectives and findings. Defaults suit German Excel: ';', UTF-8 BOM, CRLF.
#include <eduplan/exporter_sdk.hpp>

#include "csv_writer.h"

namespace eduplan::csv_exporter {
namespace {

using sdk::Request;
using sdk::view;

constexpr const char* kTables[] = {"plan", "units", "objectives", "findings", nullptr};
constexpr const char* kDelimiters[] = {"semicolon", "comma", nullptr};
constexpr const char* kNewlines[] = {"crlf", "lf", nullptr};
constexpr const char* kLanguages[] = {"de", "en", nullptr};

const eduplan_option_decl kOptions[] = {
    {"table", EDUPLAN_OPTION_ENUM, "plan", kTables,
     "plan: flache Plantabelle (wieder importierbar); units, objectives, findings"},
    {"delimiter", EDUPLAN_OPTION_ENUM, "semicolon", kDelimiters,
     "Trennzeichen (semicolon für deutsches Excel)"},
    {"bom", EDUPLAN_OPTION_BOOL, "true", nullptr,
     "UTF-8-BOM voranstellen (nötig für Umlaute in Excel)"},
    {"newline", EDUPLAN_OPTION_ENUM, "crlf", kNewlines, "Zeilenende"},
    {"neutralize", EDUPLAN_OPTION_BOOL, "true", nullptr,
     "Zellen, die Excel als Formel läse (=, +, -, @), ein ' voranstellen"},
    {"lang", EDUPLAN_OPTION_ENUM, "de", kLanguages, "Sprache der Kopfzeile und der Zeilenarten"},
};

using Row = std::vector<std::string>;

std::string str(eduplan_str s) { return std::string(view(s)); }

struct Writer {
  const Request& request;
  CsvStyle style;
  bool english;
  std::string out;

  std::string t(const char* de, const char* en) const { return english ? en : de; }
  void row(const Row& cells) { out += format_record(cells, style); }

  std::string division_of(const eduplan_unit_view& u) const {
    return u.division == EDUPLAN_NO_INDEX ? "" : str(request.units()[u.division].name);
  }

  // One row per responsibility, per focus area without a unit, per objective of a field,
  // and per field with neither: everything needed to rebuild the plan, in document order.
  // Fields carry their number and focus areas theirs, so that equal titles stay apart; the
  // further columns of the focus-area tables follow as "merkmal:<name>".
  void plan_table() {
    const auto names = request.attribute_names();
    Row header{t("art", "kind"),     t("feldnr", "field_no"),        t("handlungsfeld", "field"),
               t("nr", "no"),        t("schwerpunkt", "focus_area"), t("dezernat", "division"),
               t("einheit", "unit"), t("ableitung", "objective")};
    for (auto n : names) header.push_back(t("merkmal:", "attribute:") + std::string(n));
    row(header);
    const auto fields = request.fields();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto& field = fields[f];
      const std::string title = str(field.title), field_no = std::to_string(f + 1);
      const auto areas = Request::focus_areas(field);
      auto line = [&](const char* kind_de, const char* kind_en, const std::string& nr,
                      const std::string& text, const std::string& division, const std::string& unit,
                      const std::string& objective, std::size_t area) {
        Row r{t(kind_de, kind_en), field_no, title, nr, text, division, unit, objective};
        for (auto n : names) {
          std::string value;
          if (!nr.empty()) {
            for (const auto& a : request.attributes(f, area)) {
              if (view(a.name) == n) value = str(a.value);
            }
          }
          r.push_back(std::move(value));
        }
        row(r);
      };
      if (areas.empty() && field.objective_count == 0)
        line("Handlungsfeld", "field", "", "", "", "", "", 0);
      for (std::size_t i = 0; i < areas.size(); ++i) {
        const std::string nr = std::to_string(i + 1), text = str(areas[i].text);
        if (areas[i].unit_count == 0) line("Schwerpunkt", "focus_area", nr, text, "", "", "", i);
        for (std::size_t u : Request::units_of(areas[i])) {
          const auto& unit = request.units()[u];
          const bool whole = unit.is_division != 0;
          line("Zuständigkeit", "responsibility", nr, text,
               whole ? str(unit.name) : division_of(unit), whole ? "" : str(unit.name), "", i);
        }
      }
      for (std::size_t o : Request::objectives_of(field))
        line("Ableitung", "objective", "", "", "", "", str(request.objectives()[o].text), 0);
    }
  }

  void units_table() {
    row({t("einheit", "unit"), t("dezernat", "division"), t("ist_dezernat", "is_division"),
         t("schlüssel", "key")});
    for (const auto& u : request.units()) {
      row({str(u.name), division_of(u), u.is_division ? t("ja", "yes") : t("nein", "no"),
           str(u.key)});
    }
  }

  void objectives_table() {
    row({t("ableitung", "objective"), t("handlungsfeld", "field")});
    for (const auto& field : request.fields()) {
      for (std::size_t o : Request::objectives_of(field))
        row({str(request.objectives()[o].text), str(field.title)});
    }
  }

  void findings_table() {
    row({t("regel", "rule"), t("schweregrad", "severity"), t("zeile", "line"),
         t("betreff", "subject"), t("meldung", "message")});
    for (const auto& f : request.findings()) {
      row({str(f.rule), str(f.severity), std::to_string(f.line), str(f.subject), str(f.message)});
    }
  }
};

void write_csv(const Request& request) {
  Writer w{request,
           {request.option("delimiter") == "comma" ? ',' : ';', request.option("newline") == "crlf",
            request.flag("neutralize")},
           request.option("lang") == "en",
           request.flag("bom") ? "\xEF\xBB\xBF" : ""};
  const auto table = request.option("table");
  if (table == "plan")
    w.plan_table();
  else if (table == "units")
    w.units_table();
  else if (table == "objectives")
    w.objectives_table();
  else
    w.findings_table();
  sdk::OutputFile file(request.output_path());
  file.write(w.out);
  file.close();
}

const eduplan_exporter kExporter =
    sdk::describe("csv", "1.0.0", "CSV-Tabellen (RFC 4180, für Excel oder andere Programme)", "csv",
                  kOptions, std::size(kOptions), sdk::run<write_csv>);

}  // namespace
}  // namespace eduplan::csv_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::csv_exporter::kExporter; }
