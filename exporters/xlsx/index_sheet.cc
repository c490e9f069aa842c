// The index of a batch: a title, the plan and the date above one row per report with a link to
// its file; printed on one page.
#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

void write_index(Workbook& wb, const sdk::Request& request, const Labels& l) {
  const auto& fmt = wb.formats();
  // For an index the host names the batch in plan().title and its plan in plan().name.
  const auto plan = view(request.plan().name);
  Table t(wb, l.index_sheet, std::string(view(request.plan().title)),
          {l.report, l.file, l.focus_count, l.responsibilities, l.status}, {40, 42, 13, 15, 14}, 1,
          PageSetup{.landscape = true, .one_page = true},
          {{l.plan_name, plan.empty() ? std::string(l.all_plans) : std::string(plan)},
           {l.date, wb.print().date}});
  for (const auto& e : request.batch()) {
    t.row({Cell::of(view(e.label)), Cell::of(view(e.file)),
           Cell::num(static_cast<double>(e.focus_areas)),
           Cell::num(static_cast<double>(e.responsibilities)),
           Cell::of(e.ok ? l.written : l.failed)});
    // The file name becomes a link to the file, unless it failed or the link is too long.
    auto [ws, row] = t.current();
    const std::string url = "external:" + std::string(view(e.file));
    if (e.ok && url.size() < 255) worksheet_write_url(ws, row, 1, url.c_str(), fmt.link);
  }
  t.close();
}

}  // namespace eduplan::xlsx_exporter
