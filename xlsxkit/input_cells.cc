#include "xlsxkit/input_cells.h"

#include <cctype>

#include "xlsxkit/text_metrics.h"

namespace eduplan::xlsxkit {
namespace {

lxw_format* input_format(Workbook& wb) {
  lxw_format* f = workbook_add_format(wb.raw());
  format_set_font_name(f, "Arial");
  format_set_font_size(f, kFontSize);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f, kInputFill);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xBFBFBF);
  format_set_unlocked(f);
  return f;
}

// A sheet name a formula may use without quotes: ASCII letters and underscores only, too long
// to be a column ("XFD" is the last), and not a truth value.
bool plain_sheet_name(std::string_view s) {
  if (s.size() < 4) return false;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  std::string upper;
  for (char c : s) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper != "TRUE" && upper != "FALSE";
}

std::string column_letters(std::uint16_t col) {
  std::string out;
  for (unsigned n = col + 1u; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string absolute_cell(std::uint32_t row, std::uint16_t col) {
  return "$" + column_letters(col) + "$" + std::to_string(row + 1);
}

// The prompt's texts, pointed to from `v`; they live as long as `prompt`.
void set_prompt(lxw_data_validation& v, const Prompt& prompt) {
  auto text = [](const std::string& s) {
    return s.empty() ? nullptr : const_cast<char*>(s.c_str());
  };
  v.input_title = text(prompt.input_title);
  v.input_message = text(prompt.input_message);
  v.error_title = text(prompt.error_title);
  v.error_message = text(prompt.error_message);
  v.show_input = prompt.input_message.empty() ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON;
  v.show_error = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v.ignore_blank = LXW_VALIDATION_ON;
}

void apply(Workbook& wb, lxw_worksheet* ws, const CellRange& r, lxw_data_validation& v) {
  wb.check(
      worksheet_data_validation_range(ws, r.first_row, r.first_col, r.last_row, r.last_col, &v),
      "Datenüberprüfung", "data validation");
}

}  // namespace

InputFormats add_input_formats(Workbook& wb) {
  InputFormats out{input_format(wb), input_format(wb), input_format(wb)};
  format_set_text_wrap(out.text);
  format_set_num_format(out.number, "0");
  format_set_align(out.number, LXW_ALIGN_CENTER);
  return out;
}

std::string absolute_reference(std::string_view sheet, const CellRange& range) {
  std::string name;
  if (plain_sheet_name(sheet)) {
    name = std::string(sheet);
  } else {
    name = "'";
    for (char c : sheet) {
      if (c == '\'') name += '\'';
      name += c;
    }
    name += "'";
  }
  std::string ref = name + "!" + absolute_cell(range.first_row, range.first_col);
  if (range.last_row != range.first_row || range.last_col != range.first_col)
    ref += ":" + absolute_cell(range.last_row, range.last_col);
  return ref;
}

void list_validation(Workbook& wb, lxw_worksheet* ws, const CellRange& range,
                     const std::string& source, const Prompt& prompt) {
  const std::string formula = "=" + source;
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  v.value_formula = const_cast<char*>(formula.c_str());
  v.dropdown = LXW_VALIDATION_ON;
  set_prompt(v, prompt);
  apply(wb, ws, range, v);
}

void whole_number_validation(Workbook& wb, lxw_worksheet* ws, const CellRange& range, int minimum,
                             int maximum, const Prompt& prompt) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_INTEGER;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = minimum;
  v.maximum_number = maximum;
  set_prompt(v, prompt);
  apply(wb, ws, range, v);
}

void protect_sheet(lxw_worksheet* ws, const SheetProtection& protection) {
  lxw_protection options{};
  options.no_select_locked_cells = protection.select_locked ? LXW_FALSE : LXW_TRUE;
  options.format_rows = protection.format_rows ? LXW_TRUE : LXW_FALSE;
  options.format_columns = protection.format_columns ? LXW_TRUE : LXW_FALSE;
  worksheet_protect(ws, nullptr, &options);
}

}  // namespace eduplan::xlsxkit
