// The XLSX exporter: the plan as an Excel workbook for the administration and the council.
// Sheets: Übersicht, Stand (with status reports), one per Handlungsfeld, Zuständigkeitsmatrix,
// Verwaltungsbereiche, Ableitungen, Befunde. German by default, lang=en for English.
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>

#include "focus_area_tape.h"
#include "report.h"
#include "xlsxkit/properties.h"
#include "xlsxkit/verify.h"

namespace eduplan::xlsx_exporter {
namespace {

constexpr const char* kLanguages[] = {"de", "en", nullptr};

constexpr eduplan_option_decl kOptions[] = {
    {"lang", EDUPLAN_OPTION_ENUM, "de", kLanguages, "Sprache der Blattnamen und Überschriften"},
    {"subtitle", EDUPLAN_OPTION_STRING, "", nullptr,
     "zweite Titelzeile der Übersicht (z. B. „Steckbrief Dezernat IV“)"},
    {"date", EDUPLAN_OPTION_STRING, "", nullptr,
     "Datum des Berichts (JJJJ-MM-TT) in Übersicht und Fußzeile; leer: heute"},
    {"tmpdir", EDUPLAN_OPTION_STRING, "", nullptr,
     "Verzeichnis für die temporären Dateien (libxlsxwriter, Aufzeichnung der "
     "Handlungsschwerpunkte); leer: $TMPDIR, sonst /tmp"},
    {"rows-per-sheet", EDUPLAN_OPTION_INT, "1048576", nullptr,
     "Zeilen je Blatt, bevor eine Tabelle auf einem weiteren Blatt fortgesetzt wird"},
};
// Parallel to kOptions, for users who chose English.
constexpr const char* kHelpEnglish[] = {
    "language of the sheet names and headings",
    "second title line of the overview (e.g. \"Profile of Dezernat IV\")",
    "date of the report (YYYY-MM-DD) in the overview and the footer; empty: today",
    "directory for the temporary files (libxlsxwriter, the recording of the focus areas); "
    "empty: $TMPDIR, else /tmp",
    "rows per sheet before a table continues on another sheet",
};
static_assert(std::size(kHelpEnglish) == std::size(kOptions));

// Parallel to kOptions: rows-per-sheet lies between a useful minimum and Excel's row limit.
const eduplan_option_range kRanges[] = {
    sdk::unbounded, sdk::unbounded, sdk::unbounded, sdk::unbounded, {10, kExcelRows},
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

// The report's date as printed: "26.11.2026" (German) or "2026-11-26" (English), from the
// date option or today.
std::string report_date(std::string_view option, bool english) {
  int y = 0, m = 0, d = 0;
  if (option.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    y = local.tm_year + 1900;
    m = local.tm_mon + 1;
    d = local.tm_mday;
  } else {
    const std::string s(option);
    char rest = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || s.size() != 10 ||
        m < 1 || m > 12 || d < 1 || d > 31 || y < 1900) {
      throw sdk::Failure(sdk::say("date={0}: ein Datum wie 2026-11-26 erwartet",
                                  "date={0}: a date such as 2026-11-26 expected", s));
    }
  }
  char out[16];
  if (english)
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  else
    std::snprintf(out, sizeof out, "%02d.%02d.%04d", d, m, y);
  return out;
}

// Where libxlsxwriter keeps its temporary files (as large as the sheets, uncompressed) and the
// exporter its recording of the focus areas: the option, else $TMPDIR, else /tmp. It must be a
// writable directory.
std::string temporary_directory(std::string_view option) {
  std::string dir(option);
  if (dir.empty()) {
    const char* env = std::getenv("TMPDIR");
    dir = env && *env ? env : "/tmp";
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw sdk::Failure(
        sdk::say("tmpdir {0} ist kein Verzeichnis", "tmpdir {0} is not a directory", dir));
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw sdk::Failure(
        sdk::say("tmpdir {0} ist nicht beschreibbar", "tmpdir {0} is not writable", dir));
  return dir;
}

void set_properties(Workbook& wb, const std::string& title, const char* subject,
                    const std::string& comments) {
  DocumentProperties properties;
  properties.title = title;
  properties.subject = subject;
  properties.comments = comments;
  set_document_properties(wb, properties);
}

void write_xlsx(const sdk::Request& request) {
  CNumericLocale c_locale;
  const bool english = request.option("lang") == "en";
  const Labels& l = labels(english);
  const std::string date = report_date(request.option("date"), english);
  // The host has checked the declared range of rows-per-sheet.
  const auto rows = static_cast<std::uint32_t>(request.number("rows-per-sheet"));
  const std::string tmpdir = temporary_directory(request.option("tmpdir"));
  if (!request.batch().empty()) {  // the index of a batch of reports
    const std::string title(sdk::view(request.plan().title));
    Workbook wb(request.output_path(), rows, tmpdir, PrintInfo{title, date, english});
    wb.set_tmpdir_option("tmpdir");
    set_properties(wb, title, l.index_sheet, "");
    write_index(wb, request, l);
    wb.close();
    verify_workbook(request.output_path(), tmpdir);
    return;
  }
  // From the database, the first pass records the focus areas and the second plays them back:
  // cheaper than reading the join again. From a plan in memory both passes read the view.
  std::optional<FocusAreaTape> tape;
  if (request.stream()) tape.emplace(tmpdir);
  const PlanFacts facts(request, l, tape ? &*tape : nullptr);
  // A Steckbrief is titled for its division or unit, the plan's title beneath.
  const std::string subtitle(request.option("subtitle"));
  const std::string plan_title = display_title(request, l);
  const std::string title = subtitle.empty() ? plan_title : subtitle + " – " + plan_title;
  Workbook wb(request.output_path(), rows, tmpdir, PrintInfo{title, date, english});
  wb.set_tmpdir_option("tmpdir");
  set_properties(wb, title, l.matrix, std::string(sdk::view(request.plan().name)));

  // Created first so that it is the first sheet, filled last when the notes are known.
  std::string overview_name;
  lxw_worksheet* overview = wb.add_sheet(l.overview, &overview_name);
  write_status_sheet(wb, facts, l);  // second, when the plan has status reports
  {
    // One pass over the focus areas fills the field sheets and the matrix side by side
    // (constant_memory keeps one row per sheet, whatever the order of the sheets).
    FieldSheets field_sheets(wb, facts, l);
    MatrixSheet matrix(wb, facts, l);
    const auto row = [&](const sdk::FocusArea& fa) {
      field_sheets.row(fa);
      matrix.row(fa);
    };
    if (tape)
      tape->replay(row);
    else
      request.each_focus_area(row);
    field_sheets.finish();
    matrix.finish();
  }
  write_lists(wb, facts, l);
  write_overview(wb, overview, overview_name, facts, l, subtitle);
  wb.close();
  verify_workbook(request.output_path(), tmpdir);
}

const eduplan_exporter kExporter = sdk::describe(
    "xlsx", "1.0.0", "Excel-Bericht: Übersicht, Handlungsfelder, Matrix, Listen; druckfertig",
    "xlsx", kOptions, std::size(kOptions), sdk::run<write_xlsx>,
    EDUPLAN_CAPABILITY_INDEX | EDUPLAN_CAPABILITY_STREAM, kRanges,
    "Excel report: overview, fields, matrix, lists; ready to print", kHelpEnglish);

}  // namespace
}  // namespace eduplan::xlsx_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::xlsx_exporter::kExporter; }
