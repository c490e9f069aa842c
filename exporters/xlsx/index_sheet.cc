// The index of a batch: one row per report with a link to its file.
#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

void write_index(Workbook& wb, const sdk::Request& request, bool english) {
  const auto& fmt = wb.formats();
  const char* sheet = english ? "Reports" : "Berichte";
  Table t(wb, sheet,
          english ? std::vector<std::string>{"Report", "File", "Focus areas", "Responsibilities",
                                             "Status"}
                  : std::vector<std::string>{"Bericht", "Datei", "Schwerpunkte", "Zuständigkeiten",
                                             "Status"},
          {40, 45, 14, 16, 12}, 1);
  for (const auto& e : request.batch()) {
    auto [ws, row] = t.next_row();
    wb.text(ws, row, 0, view(e.label), fmt.wrap);
    // A link to the file (shown as its name); plain text if it failed or the link is too long.
    const std::string url = "external:" + std::string(view(e.file));
    if (!e.ok || url.size() >= 255 ||
        worksheet_write_url(ws, row, 1, url.c_str(), nullptr) != LXW_NO_ERROR) {
      wb.text(ws, row, 1, view(e.file));
    }
    wb.number(ws, row, 2, static_cast<double>(e.focus_areas));
    wb.number(ws, row, 3, static_cast<double>(e.responsibilities));
    wb.text(ws, row, 4,
            e.ok ? (english ? "ok" : "erstellt") : (english ? "failed" : "fehlgeschlagen"));
  }
  t.finish();
}

}  // namespace eduplan::xlsx_exporter
