// xlsx-bare DB PLAN OUT.xlsx: the floor for the XLSX exporter. Loads the plan like
// eduplan does, then writes the same cells (field sheets, matrix marks and totals, the
// three lists) with plain libxlsxwriter calls in constant_memory mode: no formats, checks,
// sheet-name rules, truncation or splitting. Prints: seconds peak_rss_mib.
#include <eduplan/storage.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: xlsx-bare DB PLAN OUT.xlsx\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto plan = eduplan::open_database(argv[1])->load_plan(argv[2]);
  if (!plan) return 1;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[3], &options);
  auto division = [&](std::size_t u) {
    const auto& unit = plan->units[u];
    return unit.parent ? plan->units[*unit.parent].name : std::string();
  };
  for (std::size_t f = 0; f < plan->fields.size(); ++f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, ("F" + std::to_string(f + 1)).c_str());
    lxw_row_t row = 1;
    for (const auto& fa : plan->fields[f].focus_areas) {
      std::string units, divisions;
      for (const auto& r : fa.responsibilities) {
        units += plan->units[r.unit].name + "\n";
        divisions += division(r.unit) + "\n";
      }
      worksheet_write_number(ws, row, 0, static_cast<double>(row), nullptr);
      worksheet_write_string(ws, row, 1, fa.text.c_str(), nullptr);
      worksheet_write_string(ws, row, 2, units.c_str(), nullptr);
      worksheet_write_string(ws, row++, 3, divisions.c_str(), nullptr);
    }
  }
  lxw_worksheet* matrix = workbook_add_worksheet(wb, "Matrix");
  std::map<std::size_t, lxw_col_t> col;
  for (std::size_t u = 0; u < plan->units.size(); ++u) col[u] = static_cast<lxw_col_t>(3 + u);
  for (std::size_t u = 0; u < plan->units.size(); ++u)
    worksheet_write_string(matrix, 1, col[u], plan->units[u].name.c_str(), nullptr);
  lxw_row_t row = 2;
  std::vector<double> totals(plan->units.size(), 0);
  for (const auto& field : plan->fields) {
    for (const auto& fa : field.focus_areas) {
      worksheet_write_string(matrix, row, 0, field.title.c_str(), nullptr);
      worksheet_write_string(matrix, row, 2, fa.text.c_str(), nullptr);
      for (const auto& r : fa.responsibilities) {
        worksheet_write_string(matrix, row, col[r.unit], "x", nullptr);
        ++totals[r.unit];
      }
      worksheet_write_number(matrix, row++, static_cast<lxw_col_t>(3 + plan->units.size()),
                             static_cast<double>(fa.responsibilities.size()), nullptr);
    }
  }
  for (std::size_t u = 0; u < totals.size(); ++u)
    worksheet_write_number(matrix, row, col[u], totals[u], nullptr);
  lxw_worksheet* units = workbook_add_worksheet(wb, "Units");
  for (std::size_t u = 0; u < plan->units.size(); ++u) {
    worksheet_write_string(units, static_cast<lxw_row_t>(u + 1), 0, plan->units[u].name.c_str(),
                           nullptr);
    worksheet_write_string(units, static_cast<lxw_row_t>(u + 1), 1, division(u).c_str(), nullptr);
  }
  lxw_worksheet* objectives = workbook_add_worksheet(wb, "Objectives");
  for (std::size_t o = 0; o < plan->objectives.size(); ++o) {
    worksheet_write_string(objectives, static_cast<lxw_row_t>(o + 1), 0,
                           plan->objectives[o].text.c_str(), nullptr);
  }
  lxw_worksheet* findings = workbook_add_worksheet(wb, "Findings");
  for (std::size_t i = 0; i < plan->findings.size(); ++i) {
    worksheet_write_string(findings, static_cast<lxw_row_t>(i + 1), 0,
                           plan->findings[i].rule.c_str(), nullptr);
    worksheet_write_string(findings, static_cast<lxw_row_t>(i + 1), 1,
                           plan->findings[i].message.c_str(), nullptr);
  }
  const lxw_error e = workbook_close(wb);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%.3f %.1f\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return e == LXW_NO_ERROR ? 0 : 1;
}
