#include "xlsxkit/workbook.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "xlsxkit/library_errors.h"
#include "xlsxkit/ooxml_text.h"
#include "xlsxkit/temporary_files.h"
#include "xlsxkit/text_metrics.h"

namespace eduplan::xlsxkit {
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

// Header and footer text: '&' starts a code there and is written "&&"; at most 255 characters.
std::string header_text(std::string_view s) {
  std::string out;
  // "_xHHHH_" stays as it is: LibreOffice prints a header's text without decoding it.
  for (char c : without_controls(s)) {
    if (c == '&') out += '&';
    out += c;
  }
  std::string cut(first_bytes(out, 200));
  std::size_t ampersands = 0;  // a "&&" cut in two would leave a code without its letter
  while (ampersands < cut.size() && cut[cut.size() - 1 - ampersands] == '&') ++ampersands;
  if (ampersands % 2 == 1) cut.pop_back();
  return cut;
}

}  // namespace

void ColumnFit::text(std::size_t col, std::string_view s, bool bold) {
  if (col >= widths_.size() || s.empty() || !can_widen(col)) return;
  text(col, s, longest_word_bytes(s), bold);
}

void ColumnFit::text(std::size_t col, std::string_view s, std::size_t longest_bytes, bool bold) {
  if (col >= widths_.size() || s.empty() || !can_widen(col)) return;
  // A text whose longest word could not outgrow the column even in the widest characters
  // leaves it as it is (most texts: a large plan is measured without decoding a character).
  if (width_for_points(max_text_width(longest_bytes, kFontSize, bold)) <= widths_[col]) return;
  const double need = width_for_points(longest_word(s, kFontSize, bold));
  widths_[col] = std::max(widths_[col], std::min(kMaxFittedWidth, need));
}

void ColumnFit::header(const std::vector<std::string>& names) {
  for (std::size_t c = 0; c < names.size(); ++c) text(c, names[c], true);
}

void ColumnFit::row(const std::vector<Cell>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (!cells[c].number && !cells[c].skip) text(c, cells[c].text, cells[c].bold);
  }
}

Workbook::Workbook(const char* path, std::uint32_t max_rows, const std::string& tmpdir,
                   PrintInfo print)
    : print_(std::move(print)), tmpdir_(tmpdir), max_rows_(max_rows) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are finished: flat memory
  options.use_zip64 = LXW_TRUE;        // large workbooks
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  wb_ = workbook_new_opt(path, &options);
  if (!wb_) {
    throw Failure(
        say("libxlsxwriter kann {0} nicht anlegen", "libxlsxwriter cannot create {0}", path));
  }
  // Every cell in Arial (Liberation Sans in LibreOffice: the same metrics), so that the row
  // heights measured in text_metrics.cc hold wherever the workbook is opened.
  auto make = [this](double size, bool bold) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_font_name(f, "Arial");
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  };
  formats_.title = make(14, true);
  formats_.subtitle = make(11, true);
  formats_.header = make(kFontSize, true);
  format_set_bg_color(formats_.header, 0xD9E1F2);
  format_set_text_wrap(formats_.header);
  format_set_border(formats_.header, LXW_BORDER_THIN);
  formats_.header_bottom = make(kFontSize, true);
  format_set_bg_color(formats_.header_bottom, 0xD9E1F2);
  format_set_text_wrap(formats_.header_bottom);
  format_set_border(formats_.header_bottom, LXW_BORDER_THIN);
  format_set_align(formats_.header_bottom, LXW_ALIGN_VERTICAL_BOTTOM);
  formats_.header_rotated = make(kFontSize, true);
  format_set_rotation(formats_.header_rotated, 90);
  format_set_text_wrap(formats_.header_rotated);
  format_set_bg_color(formats_.header_rotated, 0xD9E1F2);
  format_set_border(formats_.header_rotated, LXW_BORDER_THIN);
  format_set_align(formats_.header_rotated, LXW_ALIGN_CENTER);
  format_set_align(formats_.header_rotated, LXW_ALIGN_VERTICAL_BOTTOM);
  formats_.division = make(kFontSize, true);
  format_set_bg_color(formats_.division, 0xB4C6E7);
  format_set_border(formats_.division, LXW_BORDER_THIN);
  format_set_text_wrap(formats_.division);
  format_set_align(formats_.division, LXW_ALIGN_CENTER);
  formats_.text = make(kFontSize, false);
  format_set_text_wrap(formats_.text);
  format_set_border(formats_.text, LXW_BORDER_HAIR);
  formats_.plain = make(kFontSize, false);
  format_set_text_wrap(formats_.plain);
  formats_.number = make(kFontSize, false);
  format_set_border(formats_.number, LXW_BORDER_HAIR);
  formats_.decimal = make(kFontSize, false);
  format_set_num_format(formats_.decimal, "0.0");
  format_set_border(formats_.decimal, LXW_BORDER_HAIR);
  formats_.mark = make(kFontSize, true);
  format_set_align(formats_.mark, LXW_ALIGN_CENTER);
  format_set_border(formats_.mark, LXW_BORDER_HAIR);
  formats_.total = make(kFontSize, true);
  format_set_text_wrap(formats_.total);
  format_set_border(formats_.total, LXW_BORDER_THIN);
  formats_.total_number = make(kFontSize, true);
  format_set_align(formats_.total_number, LXW_ALIGN_CENTER);
  format_set_border(formats_.total_number, LXW_BORDER_THIN);
  formats_.note = make(9, false);
  format_set_italic(formats_.note);
  format_set_text_wrap(formats_.note);
  formats_.link = make(kFontSize, false);
  format_set_font_color(formats_.link, LXW_COLOR_BLUE);
  format_set_underline(formats_.link, LXW_UNDERLINE_SINGLE);
  format_set_text_wrap(formats_.link);
  format_set_border(formats_.link, LXW_BORDER_HAIR);
}

Workbook::~Workbook() {
  if (!wb_) return;
  // Only after a failure, which is reported already. workbook_close() would still assemble and
  // write the whole package — onto the full disk again — and libxlsxwriter 1.1.4 crashes in it
  // after some failures (a sheet that could not be added when no file descriptor was left). The
  // partial file is the host's temporary file anyway: the workbook is freed without writing,
  // its sheets' temporary files closed first (lxw_workbook_free leaves them open).
  lxw_worksheet* ws = nullptr;
  LXW_FOREACH_WORKSHEET(ws, wb_) {
    if (ws->optimize_tmpfile) std::fclose(ws->optimize_tmpfile);
    ws->optimize_tmpfile = nullptr;
    ws->file = nullptr;
  }
  lxw_workbook_free(wb_);
}

void Workbook::check(lxw_error e, const char* german, const char* english) const {
  if (e != LXW_NO_ERROR)
    throw Failure(say("{0}: {1}", "{0}: {1}", say(german, english), library_error(e)));
}

lxw_worksheet* Workbook::add_sheet(std::string_view wanted, std::string* actual) {
  const std::string name = names_.make(wanted);
  LibraryMessages::Held messages(messages_);  // "[ERROR] … tmpfile …": said below
  errno = 0;
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) {
    const int error = errno;  // a temporary file for its rows that could not be made
    messages.drop();
    if (error != 0) {
      throw Failure(say("Tabellenblatt „{0}“ kann nicht angelegt werden ({1})",
                        "worksheet \"{0}\" cannot be created ({1})", name,
                        sdk::error_text(error)));
    }
    throw Failure(say("Tabellenblatt „{0}“ kann nicht angelegt werden",
                      "worksheet \"{0}\" cannot be created", name));
  }
  if (actual) *actual = name;
  return ws;
}

void Workbook::text(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, std::string_view s,
                    lxw_format* f) {
  if (s.empty()) {
    if (f) check(worksheet_write_blank(ws, row, col, f), "Zelle schreiben", "writing a cell");
    return;
  }
  // Most text is short and has no "_x": it is written as it is, through a buffer that is
  // reused (the library wants a terminated string and copies it).
  if (s.size() + 2 <= kCellChars && s.find("_x") == std::string_view::npos) {
    buffer_.assign(s);
    check(worksheet_write_string(ws, row, col, buffer_.c_str(), f), "Zelle schreiben",
          "writing a cell");
    return;
  }
  bool cut = false;
  const std::string value = cut_to_cell(escape_ooxml_sequences(s), cut);
  truncated_ += cut;
  check(worksheet_write_string(ws, row, col, value.c_str(), f), "Zelle schreiben",
        "writing a cell");
}

void Workbook::merge(lxw_worksheet* ws, std::uint32_t row, std::uint16_t first, std::uint16_t last,
                     std::string_view s, lxw_format* f) {
  bool cut = false;
  const std::string value = cut_to_cell(escape_ooxml_sequences(s), cut);
  truncated_ += cut;
  check(worksheet_merge_range(ws, row, first, row, last, value.c_str(), f), "Zellen verbinden",
        "merging cells");
}

void Workbook::number(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, double v,
                      lxw_format* f) {
  check(worksheet_write_number(ws, row, col, v, f), "Zahl schreiben", "writing a number");
}

void Workbook::columns(lxw_worksheet* ws, const std::vector<double>& widths, std::uint16_t first) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(first + c);
    check(worksheet_set_column(ws, col, col, widths[c], nullptr), "Spaltenbreite", "column width");
  }
}

double Workbook::row(lxw_worksheet* ws, std::uint32_t r, const std::vector<Cell>& cells,
                     const std::vector<double>& widths, std::uint16_t first, double min_height) {
  std::size_t lines = 1;
  for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
    if (!cells[c].number && !cells[c].text.empty())
      lines = std::max(lines, wrapped_lines(cells[c].text, widths[c], kFontSize, cells[c].bold));
  }
  // constant_memory: the row's height must be set before its cells are written.
  const double height = std::max(min_height, row_height(lines));
  check(worksheet_set_row(ws, r, height, nullptr), "Zeilenhöhe", "row height");
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto col = static_cast<std::uint16_t>(first + c);
    if (cells[c].skip) continue;
    if (cells[c].number)
      number(ws, r, col, *cells[c].number, cells[c].format ? cells[c].format : formats_.number);
    else
      text(ws, r, col, cells[c].text, cells[c].format ? cells[c].format : formats_.text);
  }
  return height;
}

void Workbook::page_setup(lxw_worksheet* ws, const PageSetup& setup, std::uint32_t last_row,
                          std::uint16_t last_col) {
  worksheet_set_paper(ws, 9);  // A4
  if (setup.landscape) worksheet_set_landscape(ws);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  bool one_page = setup.one_page;
  if (!one_page && setup.rows_height > 0) {
    // The printable area (A4 less the margins) and the scale that fits the columns to its width.
    const double page_width = (setup.landscape ? 842.0 : 595.0) - 2 * 0.4 * 72;
    const double page_height = (setup.landscape ? 595.0 : 842.0) - 2 * 0.6 * 72;
    const double scale =
        setup.columns_width > 0 ? std::min(1.0, page_width / setup.columns_width) : 1.0;
    one_page = setup.rows_height * scale > page_height &&
               setup.rows_height * scale * kShrinkToOnePage <= page_height;
  }
  if (setup.one_page_wide)
    worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
  else
    worksheet_set_print_scale(ws, kWideScale);
  if (setup.repeat_rows)
    check(worksheet_repeat_rows(ws, setup.repeat_rows->first, setup.repeat_rows->second),
          "Wiederholungszeilen", "rows to repeat");
  if (setup.repeat_columns)
    check(worksheet_repeat_columns(ws, setup.repeat_columns->first, setup.repeat_columns->second),
          "Wiederholungsspalten", "columns to repeat");
  check(worksheet_print_area(ws, 0, 0, last_row, last_col), "Druckbereich", "print area");
  const std::string header = "&C&\"Arial,Bold\"&10" + header_text(print_.title);
  const std::string left = !print_.footer.empty()
                               ? header_text(print_.footer)
                               : (print_.english ? "As of " : "Stand ") + print_.date;
  const std::string footer = std::string("&L&\"Arial\"&8") + left + "&R&\"Arial\"&8" +
                             (print_.english ? "Page &P of &N" : "Seite &P von &N");
  check(worksheet_set_header(ws, header.c_str()), "Kopfzeile", "page header");
  check(worksheet_set_footer(ws, footer.c_str()), "Fußzeile", "page footer");
}

void Workbook::close() {
  // On failure the destructor closes what was written (into the host's temporary file).
  check_temporary_files(wb_, tmpdir_, tmpdir_option_);
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  LibraryMessages::Held messages(messages_);  // its "[ERROR] …" lines: said below
  errno = 0;
  const lxw_error e = workbook_close(wb);
  const int error = errno;  // what the zip writer met, if anything
  if (e == LXW_NO_ERROR) return;
  messages.drop();
  // libxlsxwriter's text ("Zip generic error ZIP_ERRNO …") does not say what happened.
  const std::string why = error == ENOSPC ? say("der Datenträger ist voll", "the disk is full")
                          : error != 0    ? sdk::error_text(error)
                                          : std::string();
  throw Failure(why.empty() ? say("Arbeitsmappe schreiben: {0}", "writing the workbook: {0}",
                                  library_error(e))
                            : say("Arbeitsmappe schreiben: {0} ({1})",
                                  "writing the workbook: {0} ({1})", why, library_error(e)));
}

Table::Table(Workbook& wb, std::string_view sheet_name, std::string title,
             std::vector<std::string> header, std::vector<double> widths,
             std::uint16_t frozen_columns, PageSetup setup,
             std::vector<std::pair<std::string, std::string>> facts)
    : wb_(wb),
      name_(sheet_name),
      title_(std::move(title)),
      header_(std::move(header)),
      widths_(std::move(widths)),
      facts_(std::move(facts)),
      frozen_columns_(frozen_columns),
      setup_(setup) {
  open_sheet();
}

Table::~Table() {
  if (!closed_) {
    try {
      close();
    } catch (...) {  // the workbook reports its own failure when it is closed
    }
  }
}

void Table::open_sheet() {
  if (ws_) {
    close_sheet();
    wb_.count_continuation();
  }
  ++sheets_;
  ws_ = wb_.add_sheet(sheets_ == 1 ? name_ : name_ + " (" + std::to_string(sheets_) + ")");
  wb_.columns(ws_, widths_);
  const auto& fmt = wb_.formats();
  // Row 0: the title; then the facts, one per row; then the header.
  wb_.check(worksheet_set_row(ws_, 0, 21, nullptr), "Zeilenhöhe", "row height");
  wb_.text(ws_, 0, 0, title_, fmt.title);
  height_ = 21;
  std::uint32_t r = 1;
  for (const auto& [label, value] : facts_) {
    height_ += wb_.row(ws_, r++, {Cell::of(label, fmt.subtitle, true), Cell::of(value, fmt.plain)},
                       widths_);
  }
  std::vector<Cell> head;
  for (const auto& h : header_) head.push_back(Cell::of(h, fmt.header, true));
  header_row_ = r;
  height_ += wb_.row(ws_, header_row_, head, widths_);
  worksheet_freeze_panes(ws_, header_row_ + 1, frozen_columns_);
  row_ = header_row_;
}

void Table::close_sheet() {
  if (!data_ended_ && !header_.empty()) {
    wb_.check(
        worksheet_autofilter(ws_, header_row_, 0, row_, static_cast<lxw_col_t>(header_.size() - 1)),
        "Autofilter", "autofilter");
  }
  PageSetup setup = setup_;
  setup.repeat_rows = std::pair{0u, header_row_};
  setup.rows_height = height_;
  setup.columns_width = columns_points(widths_);
  wb_.page_setup(ws_, setup, row_,
                 static_cast<std::uint16_t>(std::max<std::size_t>(widths_.size(), 1) - 1));
}

std::pair<lxw_worksheet*, std::uint32_t> Table::next_row() {
  if (row_ + 1 >= wb_.max_rows()) open_sheet();
  ++row_;
  return {ws_, row_};
}

void Table::row(const std::vector<Cell>& cells) {
  auto [ws, r] = next_row();
  height_ += wb_.row(ws, r, cells, widths_);
}

void Table::end_data() {
  if (data_ended_ || header_.empty()) return;
  wb_.check(
      worksheet_autofilter(ws_, header_row_, 0, row_, static_cast<lxw_col_t>(header_.size() - 1)),
      "Autofilter", "autofilter");
  data_ended_ = true;
}

void Table::extra_row(const std::vector<Cell>& cells) {
  end_data();
  auto [ws, r] = next_row();
  height_ += wb_.row(ws, r, cells, widths_);
}

void Table::close() {
  closed_ = true;
  close_sheet();
}

}  // namespace eduplan::xlsxkit
