#include "workbook.h"

#include <eduplan/exporter_sdk.hpp>

namespace eduplan::xlsx_exporter {
namespace {

// Cuts UTF-8 text so that it fits Excel's cell limit in UTF-16 code units, ending in "…".
std::string cut_to_cell(std::string_view s, bool& cut) {
  std::size_t units = 0, i = 0;
  for (; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::size_t u = len == 4 ? 2 : 1;
    if (units + u > kCellChars) break;
    units += u;
    i += len;
  }
  cut = i < s.size();
  if (!cut) return std::string(s);
  // Make room for the ellipsis (one unit), stepping back over whole code points.
  while (units + 1 > kCellChars && i > 0) {
    do --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
    units -= (static_cast<unsigned char>(s[i]) >= 0xF0) ? 2 : 1;
  }
  return std::string(s.substr(0, i)) + "…";
}

}  // namespace

Workbook::Workbook(const char* path, std::uint32_t max_rows) : max_rows_(max_rows) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are finished: flat memory
  options.use_zip64 = LXW_TRUE;        // large workbooks
  wb_ = workbook_new_opt(path, &options);
  if (!wb_) throw sdk::Failure(std::string("libxlsxwriter kann ") + path + " nicht anlegen");
  auto make = [this] { return workbook_add_format(wb_); };
  formats_.title = make();
  format_set_bold(formats_.title);
  format_set_font_size(formats_.title, 14);
  formats_.header = make();
  format_set_bold(formats_.header);
  format_set_bg_color(formats_.header, 0xD9E1F2);
  format_set_text_wrap(formats_.header);
  format_set_align(formats_.header, LXW_ALIGN_VERTICAL_TOP);
  formats_.wrap = make();
  format_set_text_wrap(formats_.wrap);
  format_set_align(formats_.wrap, LXW_ALIGN_VERTICAL_TOP);
  formats_.mark = make();
  format_set_align(formats_.mark, LXW_ALIGN_CENTER);
  formats_.total = make();
  format_set_bold(formats_.total);
}

Workbook::~Workbook() {
  if (wb_)
    workbook_close(wb_);  // frees it; after a failure the partial file is the host's temp file
}

void Workbook::check(lxw_error e, const char* what) const {
  if (e != LXW_NO_ERROR) throw sdk::Failure(std::string(what) + ": " + lxw_strerror(e));
}

lxw_worksheet* Workbook::add_sheet(std::string_view wanted, std::string* actual) {
  const std::string name = names_.make(wanted);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw sdk::Failure("Tabellenblatt „" + name + "“ kann nicht angelegt werden");
  if (actual) *actual = name;
  return ws;
}

void Workbook::text(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, std::string_view s,
                    lxw_format* f) {
  if (s.empty()) return;
  bool cut = false;
  const std::string value = cut_to_cell(s, cut);
  truncated_ += cut;
  check(worksheet_write_string(ws, row, col, value.c_str(), f), "Zelle schreiben");
}

void Workbook::number(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, double v,
                      lxw_format* f) {
  check(worksheet_write_number(ws, row, col, v, f), "Zahl schreiben");
}

void Workbook::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  check(workbook_close(wb), "Arbeitsmappe schreiben");
}

Table::Table(Workbook& wb, std::string_view sheet_name, std::vector<std::string> header,
             std::vector<double> widths, std::uint16_t frozen_columns)
    : wb_(wb),
      name_(sheet_name),
      header_(std::move(header)),
      widths_(std::move(widths)),
      frozen_columns_(frozen_columns) {
  open_sheet();
}

void Table::open_sheet() {
  if (ws_) {
    finish();
    wb_.count_continuation();
  }
  ++sheets_;
  ws_ = wb_.add_sheet(sheets_ == 1 ? name_ : name_ + " (" + std::to_string(sheets_) + ")");
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    wb_.check(worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   widths_[c], wb_.formats().wrap),
              "Spaltenbreite");
  }
  for (std::size_t c = 0; c < header_.size(); ++c) {
    wb_.text(ws_, 0, static_cast<std::uint16_t>(c), header_[c], wb_.formats().header);
  }
  worksheet_freeze_panes(ws_, 1, frozen_columns_);
  row_ = 0;
}

std::pair<lxw_worksheet*, std::uint32_t> Table::next_row() {
  if (row_ + 1 >= wb_.max_rows()) open_sheet();
  ++row_;
  return {ws_, row_};
}

void Table::finish() {
  if (!header_.empty()) {
    wb_.check(worksheet_autofilter(ws_, 0, 0, row_, static_cast<lxw_col_t>(header_.size() - 1)),
              "Autofilter");
  }
}

}  // namespace eduplan::xlsx_exporter
