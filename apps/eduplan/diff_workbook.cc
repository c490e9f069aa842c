// The comparison of two plan versions as a workbook: one printable sheet per category.
#include <eduplan/error.h>
#include <eduplan/language.h>

#include <clocale>
#include <cmath>
#include <ctime>
#include <string>

#include "diff_report.h"
#include "xlsxkit/verify.h"
#include "xlsxkit/workbook.h"

namespace eduplan::cli {
namespace {

using xlsxkit::Cell;
using xlsxkit::ColumnFit;
using xlsxkit::PageSetup;
using xlsxkit::Table;
using xlsxkit::Workbook;

using Rows = std::vector<std::vector<Cell>>;

// LC_NUMERIC "C" while libxlsxwriter prints numbers (main() takes the user's locale).
class CNumeric {
 public:
  CNumeric() : saved_(std::setlocale(LC_NUMERIC, nullptr)) { std::setlocale(LC_NUMERIC, "C"); }
  ~CNumeric() { std::setlocale(LC_NUMERIC, saved_.c_str()); }
  CNumeric(const CNumeric&) = delete;
  CNumeric& operator=(const CNumeric&) = delete;

 private:
  std::string saved_;
};

std::string today(bool english) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, english ? "%Y-%m-%d" : "%d.%m.%Y", &tm);
  return buf;
}

struct Sheet {
  std::string name, title;
  std::vector<std::string> header;
  std::vector<double> widths;
  Rows rows;
};

void write_sheet(Workbook& wb, const Sheet& s,
                 const std::vector<std::pair<std::string, std::string>>& facts) {
  ColumnFit fit(s.widths);
  fit.header(s.header);
  for (const auto& row : s.rows) fit.row(row);
  Table t(wb, s.name, s.title, s.header, fit.widths(), 1, PageSetup{.landscape = true}, facts);
  for (const auto& row : s.rows) t.row(row);
  t.end_data();
  if (s.rows.empty())
    t.extra_row({Cell::of(tr({"keine Änderungen", "no changes"}), wb.formats().note)});
  t.close();
}

std::vector<Sheet> sheets(const PlanDiff& d) {
  const std::string field = tr({"Handlungsfeld", "Field"}),
                    area = tr({"Handlungsschwerpunkt", "Focus area"}),
                    unit = tr({"Verwaltungsbereich", "Unit"}), change = tr({"Änderung", "Change"}),
                    added = tr({"neu", "added"}), removed = tr({"entfallen", "removed"}),
                    before = tr({"bisher", "before"}), after = tr({"neu", "now"});
  std::vector<Sheet> out;
  Sheet s{tr({"Neu", "Added"}), tr({"Neue Handlungsschwerpunkte", "Focus areas added"}),
          {field, area}, {30, 70}, {}};
  for (const auto& f : d.added) s.rows.push_back({Cell::of(f.field), Cell::of(f.text)});
  out.push_back(std::move(s));
  s = {tr({"Entfallen", "Removed"}), tr({"Entfallene Handlungsschwerpunkte", "Focus areas removed"}),
       {field, area}, {30, 70}, {}};
  for (const auto& f : d.removed) s.rows.push_back({Cell::of(f.field), Cell::of(f.text)});
  out.push_back(std::move(s));
  s = {tr({"Umformuliert", "Reworded"}),
       tr({"Umformulierte Handlungsschwerpunkte", "Focus areas reworded"}),
       {field, before, after, tr({"Ähnlichkeit (%)", "Similarity (%)"})}, {24, 45, 45, 12}, {}};
  for (const auto& r : d.reworded)
    s.rows.push_back({Cell::of(r.field), Cell::of(r.from), Cell::of(r.to),
                      Cell::num(std::round(r.similarity * 100))});
  out.push_back(std::move(s));
  s = {tr({"Zuständigkeiten", "Responsibilities"}),
       tr({"Neue und entfallene Zuständigkeiten", "Responsibilities added and removed"}),
       {change, field, area, unit}, {11, 24, 50, 32}, {}};
  for (const auto& r : d.responsibilities_added)
    s.rows.push_back({Cell::of(added), Cell::of(r.field), Cell::of(r.focus_area), Cell::of(r.unit)});
  for (const auto& r : d.responsibilities_removed)
    s.rows.push_back(
        {Cell::of(removed), Cell::of(r.field), Cell::of(r.focus_area), Cell::of(r.unit)});
  out.push_back(std::move(s));
  s = {tr({"Dezernatswechsel", "Moved units"}),
       tr({"Verwaltungsbereiche in einem anderen Dezernat", "Units moved between divisions"}),
       {unit, tr({"bisheriges Dezernat", "division before"}), tr({"neues Dezernat", "division now"})},
       {40, 30, 30}, {}};
  for (const auto& m : d.moved)
    s.rows.push_back({Cell::of(m.unit), Cell::of(m.from), Cell::of(m.to)});
  out.push_back(std::move(s));
  s = {tr({"Ableitungen", "Objectives"}),
       tr({"Neue und entfallene Ableitungen", "Objectives added and removed"}),
       {change, field, tr({"Ableitung", "Objective"})}, {11, 30, 70}, {}};
  for (const auto& o : d.objectives_added)
    s.rows.push_back({Cell::of(added), Cell::of(o.field), Cell::of(o.text)});
  for (const auto& o : d.objectives_removed)
    s.rows.push_back({Cell::of(removed), Cell::of(o.field), Cell::of(o.text)});
  out.push_back(std::move(s));
  return out;
}

}  // namespace

void write_diff_workbook(const std::filesystem::path& path, const std::string& target,
                         const Plan& a, const Plan& b, const PlanDiff& diff) {
  const bool english = language() == Language::en;
  const std::string title =
      tr({"Vergleich „{0}“ → „{1}“", "Comparison \"{0}\" → \"{1}\""}, a.name, b.name);
  const std::vector<std::pair<std::string, std::string>> facts{
      {tr({"Bisherige Fassung", "Earlier version"}), a.name},
      {tr({"Neue Fassung", "New version"}), b.name}};
  std::string tmpdir = path.parent_path().string();
  if (tmpdir.empty()) tmpdir = ".";
  try {
    const CNumeric c_numeric;
    Workbook wb(path.c_str(), xlsxkit::kExcelRows, tmpdir,
                xlsxkit::PrintInfo{title, today(english), english});
    for (const auto& s : sheets(diff)) write_sheet(wb, s, facts);
    wb.close();
    xlsxkit::verify_workbook(path.string());
  } catch (const xlsxkit::Failure& e) {
    throw IoError(tr({"{0}: Arbeitsmappe nicht geschrieben: {1}", "{0}: workbook not written: {1}"},
                     target, e.what()));
  }
}

}  // namespace eduplan::cli
