// A thin, checked layer over libxlsxwriter (constant_memory mode): every lxw_error is
// reported with lxw_strerror, sheet names are made valid, long tables continue on a new sheet
// at Excel's row limit, over-long text is cut to Excel's cell limit and counted. Every sheet is
// set up for printing (A4, fitted to the page width, header and footer, repeated header rows),
// and every row is as high as its wrapped text needs (text_metrics.h).
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/exporter_sdk.hpp"
#include "xlsxkit/library_messages.h"
#include "xlsxkit/sheet_names.h"

namespace eduplan::xlsxkit {

// What went wrong while writing a workbook, for the user (in the language of sdk::say(): a module
// gets it from the request, the CLI sets it from --lang; the caller adds context).
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};
using sdk::say;

inline constexpr std::uint32_t kExcelRows = 1048576;
inline constexpr std::uint16_t kExcelColumns = 16384;
inline constexpr std::size_t kCellChars = 32767;  // UTF-16 code units
inline constexpr double kShrinkToOnePage = 0.8;
// Percent: the scale of sheets too wide for one page, the smallest that keeps text readable.
inline constexpr int kWideScale = 60;

struct Formats {
  lxw_format* title;           // the sheet's title row
  lxw_format* subtitle;        // a second title line
  lxw_format* header;          // a table's header cells
  lxw_format* header_bottom;   // a header cell beside rotated ones, its text at the bottom
  lxw_format* header_rotated;  // the matrix's unit names, read bottom to top
  lxw_format* division;        // the matrix's division names, merged over their units
  lxw_format* text;            // wrapped, top-aligned
  lxw_format* plain;           // wrapped, top-aligned, no border
  lxw_format* number;
  lxw_format* decimal;  // one decimal place
  lxw_format* mark;     // centred
  lxw_format* total;
  lxw_format* total_number;  // bold, centred
  lxw_format* note;          // small print
  lxw_format* link;          // a hyperlink in a table cell
};

// What every printed page carries: the plan's title in the header, the date and page numbers in
// the footer.
struct PrintInfo {
  std::string title;
  std::string date;  // as printed: "26.11.2026" or "2026-11-26"
  bool english = false;
  // The footer's left part in place of "Stand <date>" (a form prints its reporting period);
  // empty: "Stand <date>".
  std::string footer;
};

// How a sheet prints: A4, as wide as one page unless told otherwise.
struct PageSetup {
  bool landscape = false;
  bool one_page_wide = true;  // false: at a scale of kWideScale, columns continue on further pages
  bool one_page = false;      // also as high as one page (small sheets: the overview, an index)
  // Estimated height of the printed rows in points: a sheet that would take a little more than
  // one page is shrunk onto one (at most by kShrinkToOnePage) rather than spill a few rows.
  double rows_height = 0;
  double columns_width = 0;  // points, all printed columns (text_metrics.h: columns_points)
  std::optional<std::pair<std::uint32_t, std::uint32_t>> repeat_rows;  // on every page
  std::optional<std::pair<std::uint16_t, std::uint16_t>> repeat_columns;
};

// One cell of a row: text or a number, with its format.
struct Cell {
  std::string text;
  std::optional<double> number;
  lxw_format* format = nullptr;
  bool bold = false;  // for measuring: bold text is wider
  bool skip = false;  // nothing written: the cell stays empty, without a border
  static Cell of(std::string_view s, lxw_format* f = nullptr, bool bold = false) {
    return {std::string(s), std::nullopt, f, bold, false};
  }
  static Cell num(double v, lxw_format* f = nullptr) { return {{}, v, f, false, false}; }
  static Cell none() { return {{}, std::nullopt, nullptr, false, true}; }
  // Makes this cell Cell::of(s, f), reusing its string's storage (rows built over and over).
  void set(std::string_view s, lxw_format* f = nullptr) {
    text.assign(s);
    number.reset();
    format = f;
    bold = skip = false;
  }
  void set_number(double v, lxw_format* f = nullptr) {
    text.clear();
    number = v;
    format = f;
    bold = skip = false;
  }
};

// Widens text columns so that their longest word fits on a line (a spreadsheet breaks a word
// that does not fit in the middle), up to kMaxFittedWidth characters. Fed cell by cell, so that
// a table can be measured in one pass and written in another.
inline constexpr double kMaxFittedWidth = 60;
class ColumnFit {
 public:
  explicit ColumnFit(std::vector<double> widths) : widths_(std::move(widths)) {}
  void text(std::size_t col, std::string_view s, bool bold = false);
  // The same, for a text whose longest_word_bytes() is known (one text in several tables).
  void text(std::size_t col, std::string_view s, std::size_t longest_bytes, bool bold = false);
  void header(const std::vector<std::string>& names);  // bold
  void row(const std::vector<Cell>& cells);
  void add_column(double width) { widths_.push_back(width); }
  // False when nothing can widen the column any more (it is at kMaxFittedWidth or wider).
  bool can_widen(std::size_t col) const {
    return col < widths_.size() && widths_[col] < kMaxFittedWidth;
  }
  const std::vector<double>& widths() const { return widths_; }

 private:
  std::vector<double> widths_;
};

class Workbook {
 public:
  // `tmpdir`: where libxlsxwriter writes its temporary files.
  Workbook(const char* path, std::uint32_t max_rows, const std::string& tmpdir, PrintInfo print);
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook();  // closes if close() was not called (result ignored)

  lxw_worksheet* add_sheet(std::string_view wanted_name, std::string* actual_name = nullptr);
  lxw_workbook* raw() { return wb_; }
  const Formats& formats() const { return formats_; }
  const PrintInfo& print() const { return print_; }
  std::uint32_t max_rows() const { return max_rows_; }
  std::size_t truncated_cells() const { return truncated_; }
  std::size_t continued_sheets() const { return continued_; }
  void count_continuation() { ++continued_; }

  // Throws Failure naming what was done (`german`/`english`) and libxlsxwriter's reason.
  void check(lxw_error e, const char* german, const char* english) const;
  // Text as a string (never a formula), cut to Excel's cell limit.
  void text(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, std::string_view s,
            lxw_format* f = nullptr);
  void number(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, double v,
              lxw_format* f = nullptr);
  // Text across the columns first…last of a row, in one merged cell.
  void merge(lxw_worksheet* ws, std::uint32_t row, std::uint16_t first, std::uint16_t last,
             std::string_view s, lxw_format* f);
  // Column widths in characters, from `first` on.
  void columns(lxw_worksheet* ws, const std::vector<double>& widths, std::uint16_t first = 0);
  // A whole row, as high as its wrapped text needs in columns of `widths` (widths[i] is the
  // width of column first + i), at least `min_height` points. Returns the height.
  double row(lxw_worksheet* ws, std::uint32_t row, const std::vector<Cell>& cells,
             const std::vector<double>& widths, std::uint16_t first = 0, double min_height = 0);
  // Paper, orientation, fitting, repeated rows and columns, print area, header and footer.
  void page_setup(lxw_worksheet* ws, const PageSetup& setup, std::uint32_t last_row,
                  std::uint16_t last_col);
  void close();  // writes the file; throws on failure
  // How the user chooses the temporary directory, named in messages about it ("tmpdir": the
  // exporter's option); empty where it follows from the target (no option to name).
  void set_tmpdir_option(std::string option) { tmpdir_option_ = std::move(option); }

 private:
  LibraryMessages messages_;  // the library's own stderr lines, held around calls that may fail
  lxw_workbook* wb_;
  Formats formats_{};
  PrintInfo print_;
  std::string tmpdir_, tmpdir_option_;
  SheetNames names_;
  std::uint32_t max_rows_;
  std::size_t truncated_ = 0, continued_ = 0;
  std::string buffer_;  // a cell's text, terminated
};

// A table written row by row under a title, a few facts ("Plan: …", "Stand: …") and a header
// row, that continues on "<name> (2)",
// … (title and header repeated) when a sheet is full, so no row is lost. Its rows carry the
// autofilter; rows added after end_data() (notes, a second list) are outside it. Every sheet it
// creates is set up for printing with the title and header repeated on every page.
class Table {
 public:
  Table(Workbook& wb, std::string_view sheet_name, std::string title,
        std::vector<std::string> header, std::vector<double> widths, std::uint16_t frozen_columns,
        PageSetup setup, std::vector<std::pair<std::string, std::string>> facts = {});
  ~Table();

  void row(const std::vector<Cell>& cells);        // a data row
  void end_data();                                 // the autofilter ends here
  void extra_row(const std::vector<Cell>& cells);  // a row after the data
  void close();                                    // page setup of the last sheet
  // The sheet and row last written, to add to that row (a link).
  std::pair<lxw_worksheet*, std::uint32_t> current() const { return {ws_, row_}; }

 private:
  void open_sheet();
  void close_sheet();
  std::pair<lxw_worksheet*, std::uint32_t> next_row();
  Workbook& wb_;
  std::string name_, title_;
  std::vector<std::string> header_;
  std::vector<double> widths_;
  std::vector<std::pair<std::string, std::string>> facts_;
  std::uint16_t frozen_columns_;
  PageSetup setup_;
  lxw_worksheet* ws_ = nullptr;
  std::uint32_t row_ = 0, header_row_ = 0;
  double height_ = 0;  // of the current sheet's rows
  int sheets_ = 0;
  bool data_ended_ = false, closed_ = false;
};

}  // namespace eduplan::xlsxkit
