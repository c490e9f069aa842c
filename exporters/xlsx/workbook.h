// A thin, checked layer over libxlsxwriter (constant_memory mode): every lxw_error is
// reported with lxw_strerror, sheet names are made valid, long tables continue on a new
// sheet at Excel's row limit, over-long text is cut to Excel's cell limit and counted.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sheet_names.h"

namespace eduplan::xlsx_exporter {

inline constexpr std::uint32_t kExcelRows = 1048576;
inline constexpr std::uint16_t kExcelColumns = 16384;
inline constexpr std::size_t kCellChars = 32767;  // UTF-16 code units

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* wrap;
  lxw_format* mark;
  lxw_format* total;
};

class Workbook {
 public:
  Workbook(const char* path, std::uint32_t max_rows);
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook();  // closes if close() was not called (result ignored)

  lxw_worksheet* add_sheet(std::string_view wanted_name, std::string* actual_name = nullptr);
  lxw_workbook* raw() { return wb_; }
  const Formats& formats() const { return formats_; }
  std::uint32_t max_rows() const { return max_rows_; }
  std::size_t truncated_cells() const { return truncated_; }
  std::size_t continued_sheets() const { return continued_; }
  void count_continuation() { ++continued_; }

  void check(lxw_error e, const char* what) const;  // throws sdk::Failure
  // Text as a string (never a formula), cut to Excel's cell limit.
  void text(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, std::string_view s,
            lxw_format* f = nullptr);
  void number(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, double v,
              lxw_format* f = nullptr);
  void close();  // writes the file; throws on failure

 private:
  lxw_workbook* wb_;
  Formats formats_{};
  SheetNames names_;
  std::uint32_t max_rows_;
  std::size_t truncated_ = 0, continued_ = 0;
};

// A table written row by row that continues on "<name> (2)", … with the header repeated
// when a sheet is full, so no row is lost. Sets column widths, autofilter and frozen
// header on every sheet it creates.
class Table {
 public:
  Table(Workbook& wb, std::string_view sheet_name, std::vector<std::string> header,
        std::vector<double> widths, std::uint16_t frozen_columns = 0);
  ~Table() = default;

  // Starts a new row and returns the sheet and row to write it to.
  std::pair<lxw_worksheet*, std::uint32_t> next_row();
  void finish();  // sets the autofilter of the last sheet

 private:
  void open_sheet();
  Workbook& wb_;
  std::string name_;
  std::vector<std::string> header_;
  std::vector<double> widths_;
  std::uint16_t frozen_columns_;
  lxw_worksheet* ws_ = nullptr;
  std::uint32_t row_ = 0;
  int sheets_ = 0;
};

}  // namespace eduplan::xlsx_exporter
