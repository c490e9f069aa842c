// The XLSX exporter: the plan as an Excel workbook for the administration and the council.
// Sheets: Übersicht, one per Handlungsfeld, Zuständigkeitsmatrix, Verwaltungsbereiche,
// Ableitungen, Befunde. German by default, lang=en for English.
#include <locale.h>

#include "report.h"

namespace eduplan::xlsx_exporter {
namespace {

constexpr const char* kLanguages[] = {"de", "en", nullptr};

constexpr eduplan_option_decl kOptions[] = {
    {"lang", EDUPLAN_OPTION_ENUM, "de", kLanguages, "Sprache der Blattnamen und Überschriften"},
    {"subtitle", EDUPLAN_OPTION_STRING, "", nullptr,
     "zweite Titelzeile der Übersicht (z. B. „Steckbrief Dezernat IV“)"},
    {"rows-per-sheet", EDUPLAN_OPTION_INT, "1048576", nullptr,
     "Zeilen je Blatt, bevor eine Tabelle auf einem weiteren Blatt fortgesetzt wird"},
};
// Parallel to kOptions: rows-per-sheet lies between a useful minimum and Excel's row limit.
const eduplan_option_range kRanges[] = {
    sdk::unbounded,
    sdk::unbounded,
    {10, kExcelRows},
};
static_assert(std::size(kRanges) == std::size(kOptions));

// libxlsxwriter prints numbers with "%.16G", which follows LC_NUMERIC: "1234,56" under a
// German locale, which Excel rejects. Numbers are written under "C", for this thread only.
class CNumericLocale {
 public:
  CNumericLocale() : c_(newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(0))) {
    if (c_) old_ = uselocale(c_);
  }
  ~CNumericLocale() {
    if (c_) {
      uselocale(old_);
      freelocale(c_);
    }
  }
  CNumericLocale(const CNumericLocale&) = delete;
  CNumericLocale& operator=(const CNumericLocale&) = delete;

 private:
  locale_t c_;
  locale_t old_ = static_cast<locale_t>(0);
};

void write_xlsx(const sdk::Request& request) {
  CNumericLocale c_locale;
  const Labels& l = labels(request.option("lang") == "en");
  // The host has checked the declared range.
  Workbook wb(request.output_path(), static_cast<std::uint32_t>(request.number("rows-per-sheet")));
  if (!request.batch().empty()) {  // the index of a batch of reports
    write_index(wb, request, request.option("lang") == "en");
    wb.close();
    return;
  }
  const PlanFacts facts(request);

  const std::string title = std::string(l.plan) + " " + std::string(sdk::view(request.plan().name));
  const std::string source(sdk::view(request.plan().source));
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.subject = const_cast<char*>(l.matrix);
  properties.author = const_cast<char*>("eduplan");
  properties.comments = const_cast<char*>(source.c_str());
  wb.check(workbook_set_properties(wb.raw(), &properties), "Dokumenteigenschaften");

  // Created first so that it is the first sheet, filled last when the notes are known.
  std::string overview_name;
  lxw_worksheet* overview = wb.add_sheet(l.overview, &overview_name);
  write_field_sheets(wb, facts, l);
  write_matrix(wb, facts, l);
  write_lists(wb, facts, l);
  write_overview(wb, overview, overview_name, facts, l, request.option("subtitle"));
  wb.close();
}

const eduplan_exporter kExporter = sdk::describe(
    "xlsx", "1.0.0", "Excel-Bericht: Übersicht, Handlungsfelder, Matrix, Listen", "xlsx", kOptions,
    std::size(kOptions), sdk::run<write_xlsx>, EDUPLAN_CAPABILITY_INDEX, kRanges);

}  // namespace
}  // namespace eduplan::xlsx_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::xlsx_exporter::kExporter; }
