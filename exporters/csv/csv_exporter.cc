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

// Parallel to kOptions, for users who chose English.
constexpr const char* kHelpEnglish[] = {
    "plan: flat plan table (can be imported again); units, objectives, findings",
    "field separator (semicolon for German Excel)",
    "put a UTF-8 BOM first (Excel needs it to show umlauts)",
    "line end",
    "put a ' before cells Excel would read as a formula (=, +, -, @)",
    "language of the header row and the row kinds",
};
static_assert(std::size(kHelpEnglish) == std::size(kOptions));

using Cells = std::vector<std::string_view>;

struct Writer {
  const Request& request;
  RecordWriter& out;
  bool english;

  std::string_view t(std::string_view de, std::string_view en) const { return english ? en : de; }

  std::string_view division_of(const eduplan_unit_view& u) const {
    return u.division == EDUPLAN_NO_INDEX ? std::string_view()
                                          : view(request.units()[u.division].name);
  }

  // One row per responsibility, per focus area without a unit, per objective of a field,
  // and per field with neither: everything needed to rebuild the plan, in document order.
  // Fields carry their number and focus areas theirs, so that equal titles stay apart; the
  // further columns of the focus-area tables follow as "merkmal:<name>". The focus areas come
  // as a stream: a plan of any size is written in one pass and little memory.
  // When the database holds status reports for the plan, four "stand:" columns at the end carry
  // the latest report of each responsibility; `eduplan import` ignores them (the plan round-trips).
  void plan_table() {
    const auto names = request.attribute_names();
    const bool monitoring = !request.status_scale().empty();
    std::vector<std::string> attribute_headers;
    for (auto n : names) attribute_headers.push_back(std::string(t("merkmal:", "attribute:")) + std::string(n));
    Cells header{t("art", "kind"),     t("feldnr", "field_no"),        t("handlungsfeld", "field"),
                 t("nr", "no"),        t("schwerpunkt", "focus_area"), t("dezernat", "division"),
                 t("einheit", "unit"), t("ableitung", "objective")};
    for (const auto& h : attribute_headers) header.push_back(h);
    if (monitoring) {
      for (auto h : {t("stand:status", "status:status"), t("stand:fortschritt", "status:progress"),
                     t("stand:bemerkung", "status:note"), t("stand:periode", "status:period")})
        header.push_back(h);
    }
    out.record(header);

    const auto fields = request.fields();
    std::size_t open = 0;  // fields before this one are finished
    std::string field_no, nr, progress;
    Cells cells;
    auto line = [&](std::string_view kind, std::size_t f, std::string_view number,
                    std::string_view text, std::string_view division, std::string_view unit,
                    std::string_view objective, std::span<const eduplan_attribute> attributes,
                    const eduplan_report_view* report = nullptr) {
      field_no = std::to_string(f + 1);
      cells.assign({kind, field_no, view(fields[f].title), number, text, division, unit, objective});
      for (auto n : names) {
        std::string_view value;
        for (const auto& a : attributes) {
          if (view(a.name) == n) value = view(a.value);
        }
        cells.push_back(value);
      }
      if (monitoring) {
        const bool given = report && report->status.size > 0;
        progress = given && report->progress >= 0 ? std::to_string(report->progress) : "";
        cells.push_back(given ? view(report->status) : "");
        cells.push_back(progress);
        cells.push_back(given ? view(report->note) : "");
        cells.push_back(given ? view(report->period) : "");
      }
      out.record(cells);
    };
    // Finishes fields up to (not including) `until`: their objectives, or a row for an empty one.
    auto finish_fields = [&](std::size_t until) {
      for (; open < until; ++open) {
        const auto& field = fields[open];
        if (field.focus_area_count == 0 && field.objective_count == 0)
          line(t("Handlungsfeld", "field"), open, "", "", "", "", "", {});
        for (std::size_t o : Request::objectives_of(field))
          line(t("Ableitung", "objective"), open, "", "", "", "", view(request.objectives()[o].text), {});
      }
    };
    request.each_focus_area([&](const sdk::FocusArea& fa) {
      finish_fields(fa.field);
      nr = std::to_string(fa.index + 1);
      const std::string number = nr;
      const auto text = view(fa.area.text);
      if (fa.area.unit_count == 0)
        line(t("Schwerpunkt", "focus_area"), fa.field, number, text, "", "", "", fa.attributes);
      const auto units = Request::units_of(fa.area);
      for (std::size_t i = 0; i < units.size(); ++i) {
        const auto& unit = request.units()[units[i]];
        const bool whole = unit.is_division != 0;
        line(t("Zuständigkeit", "responsibility"), fa.field, number, text,
             whole ? view(unit.name) : division_of(unit), whole ? std::string_view() : view(unit.name),
             "", fa.attributes, i < fa.reports.size() ? &fa.reports[i] : nullptr);
      }
    });
    finish_fields(fields.size());
  }

  void units_table() {
    out.record({t("einheit", "unit"), t("dezernat", "division"), t("ist_dezernat", "is_division"),
                t("schlüssel", "key")});
    for (const auto& u : request.units()) {
      out.record({view(u.name), division_of(u), u.is_division ? t("ja", "yes") : t("nein", "no"),
                  view(u.key)});
    }
  }

  void objectives_table() {
    out.record({t("ableitung", "objective"), t("handlungsfeld", "field")});
    for (const auto& field : request.fields()) {
      for (std::size_t o : Request::objectives_of(field))
        out.record({view(request.objectives()[o].text), view(field.title)});
    }
  }

  void findings_table() {
    out.record({t("regel", "rule"), t("schweregrad", "severity"), t("zeile", "line"),
                t("betreff", "subject"), t("meldung", "message")});
    request.each_finding([&](const eduplan_finding_view& f) {
      const std::string line = std::to_string(f.line);
      out.record({view(f.rule), view(f.severity), line, view(f.subject), view(f.message)});
    });
  }
};

void write_csv(const Request& request) {
  RecordWriter out(request.output_path(),
                   {request.option("delimiter") == "comma" ? ',' : ';',
                    request.option("newline") == "crlf", request.flag("neutralize")});
  if (request.flag("bom")) out.raw("\xEF\xBB\xBF");
  Writer w{request, out, request.option("lang") == "en"};
  const auto table = request.option("table");
  if (table == "plan")
    w.plan_table();
  else if (table == "units")
    w.units_table();
  else if (table == "objectives")
    w.objectives_table();
  else
    w.findings_table();
  out.close();
}

const eduplan_exporter kExporter =
    sdk::describe("csv", "1.0.0", "CSV-Tabellen (RFC 4180, für Excel oder andere Programme)", "csv",
                  kOptions, std::size(kOptions), sdk::run<write_csv>, EDUPLAN_CAPABILITY_STREAM,
                  nullptr, "CSV tables (RFC 4180, for Excel or other programs)", kHelpEnglish);

}  // namespace
}  // namespace eduplan::csv_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::csv_exporter::kExporter; }
