// Reading returned forms: cells of every kind (shared strings as Excel and libxlsxwriter write
// them, inline strings and rich text as openpyxl and LibreOffice write them, numbers, booleans,
// error values), the header found by its names, and damaged or hostile workbooks refused.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "monitor/form_reader.h"
#include "monitor/xlsx_reader.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp(const char* name) { return fs::temp_directory_path() / (std::to_string(::getpid()) + name); }

// A workbook with the given members, zipped with libzip.
std::string package(const std::vector<std::pair<std::string, std::string>>& members) {
  const auto path = temp("-pkg.xlsx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : members) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  auto bytes = slurp(path);
  fs::remove(path);
  return bytes;
}

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string minimal_workbook(const std::string& sheet_data, const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> m = {
      {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMain +
                              "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                              "relationships\"><sheets><sheet name=\"Rückmeldung\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml",
       std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + sheet_data + "</sheetData></worksheet>"}};
  if (!shared.empty())
    m.push_back({"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain + "\">" + shared + "</sst>"});
  return package(m);
}

TEST(XlsxReader, ReadsEveryKindOfCell) {
  const auto bytes = minimal_workbook(
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
      "<c r=\"C2\"><v>50.0</v></c><c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#N/A</v></c>"
      "<c r=\"F2\" t=\"s\"><v>1</v></c><c r=\"G2\" t=\"str\"><f>A1</f><v>calc</v></c>"
      "<c r=\"H2\" t=\"inlineStr\"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>"
      "<row><c t=\"n\"><v>7</v></c></row>",
      "<si><t>geteilt</t></si><si><r><t>Zeile_x000D_</t></r><r><t>zwei</t></r><rPh><t>x</t></rPh></si>");
  xlsx::Workbook book(bytes);
  ASSERT_EQ(book.sheet_names(), std::vector<std::string>{"Rückmeldung"});
  const auto sheet = book.sheet(0);
  ASSERT_EQ(sheet.rows.size(), 2u);
  const auto& r = sheet.rows[0];
  EXPECT_EQ(r.number, 2);
  EXPECT_EQ(r.find(1)->text, "geteilt");
  EXPECT_EQ(r.find(2)->text, "inline");
  EXPECT_EQ(r.find(3)->text, "50.0");
  EXPECT_EQ(r.find(3)->kind, xlsx::CellKind::number);
  EXPECT_EQ(r.find(4)->kind, xlsx::CellKind::boolean);
  EXPECT_EQ(r.find(5)->kind, xlsx::CellKind::error);
  EXPECT_EQ(r.find(6)->text, "Zeile\rzwei");
  EXPECT_EQ(r.find(7)->text, "calc");
  EXPECT_EQ(r.find(8)->text, "rich");
  EXPECT_EQ(sheet.rows[1].number, 3);  // a row without r follows the one before
  EXPECT_EQ(sheet.rows[1].find(1)->text, "7");
}

TEST(XlsxReader, SharedStringOutOfRangeIsAnError) {
  const auto bytes = minimal_workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>", "<si><t>x</t></si>");
  xlsx::Workbook book(bytes);
  EXPECT_THROW(book.sheet(0), ArchiveError);
}

TEST(XlsxReader, RefusesDoctypeAndNonWorkbooks) {
  const auto escaped = minimal_workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                                        "<si><t>&lt;</t></si>");
  EXPECT_NO_THROW(xlsx::Workbook{escaped});  // predefined entities are fine
  const auto doctype = package({{"xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><workbook/>"}});
  EXPECT_THROW(xlsx::Workbook{doctype}, ArchiveError);
  const auto docx = package({{"word/document.xml", "<document/>"}});
  EXPECT_THROW(xlsx::Workbook{docx}, ArchiveError);
  EXPECT_THROW(xlsx::Workbook{std::string("PK\3\4 broken")}, ArchiveError);
}

TEST(XlsxReader, References) {
  int row = 0, column = 0;
  EXPECT_TRUE(xlsx::parse_reference("AB12", row, column));
  EXPECT_EQ(row, 12);
  EXPECT_EQ(column, 28);
  EXPECT_FALSE(xlsx::parse_reference("12", row, column));
  EXPECT_FALSE(xlsx::parse_reference("A0", row, column));
  EXPECT_EQ(xlsx::column_name(27), "AA");
  EXPECT_EQ(xlsx::cell_reference("Rückmeldung", 7, 4), "Rückmeldung!D7");
  EXPECT_EQ(xlsx::cell_reference("Mein Blatt", 1, 1), "'Mein Blatt'!A1");
}

// A form as libxlsxwriter writes it (shared strings, numbers), header in row 3, columns in
// another order than `status forms` writes them.
TEST(FormReader, FindsTheHeaderByItsNames) {
  const auto path = temp("-form.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Rückmeldung");
  worksheet_write_string(ws, 0, 0, "Rückmeldung 2026-H1", nullptr);
  const char* header[] = {"Status", " Schlüssel ", "Handlungsfeld", "Handlungsschwerpunkt", "Bemerkung",
                          "Fortschritt (%)"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), header[c], nullptr);
  worksheet_write_string(ws, 3, 0, "begonnen", nullptr);
  worksheet_write_string(ws, 3, 1, "fa/unit", nullptr);
  worksheet_write_number(ws, 3, 5, 50, nullptr);
  worksheet_write_boolean(ws, 4, 4, 1, nullptr);
  lxw_worksheet* facts = workbook_add_worksheet(wb, "Angaben");
  worksheet_write_string(facts, 0, 0, "Plan", nullptr);
  worksheet_write_string(facts, 0, 1, "seed", nullptr);
  worksheet_write_string(facts, 1, 0, "Periode", nullptr);
  worksheet_write_string(facts, 1, 1, "2026-H1", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const auto bytes = slurp(path);
  fs::remove(path);
  std::vector<ImportProblem> problems;
  const auto form = forms::read_form("dir/f.xlsx", bytes, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(form.plan, "seed");
  EXPECT_EQ(form.period, "2026-H1");
  EXPECT_EQ(form.period_where, "dir/f.xlsx:Angaben!B2");
  ASSERT_EQ(form.rows.size(), 2u);
  EXPECT_EQ(form.rows[0].row, 4);
  EXPECT_EQ(form.rows[0].cells[forms::kKey].text, "fa/unit");
  EXPECT_EQ(form.rows[0].cells[forms::kStatus].text, "begonnen");
  EXPECT_EQ(form.rows[0].cells[forms::kProgress].text, "50");
  EXPECT_TRUE(form.rows[0].cells[forms::kProgress].is_number);
  EXPECT_TRUE(form.rows[1].cells[forms::kNote].is_boolean);
  EXPECT_EQ(form.where(4, form.columns[forms::kProgress]), "dir/f.xlsx:Rückmeldung!F4");
  EXPECT_EQ(form.source(4), "f.xlsx:Rückmeldung!A4");
}

// libxlsxwriter with use_zip64 (as xlsxkit writes every workbook, the status forms too) puts a
// zip64 extra field into the local headers only; libzip's consistency check refused that.
TEST(XlsxReader, ReadsZip64WorkbooksOfLibxlsxwriter) {
  const auto path = temp("-zip64.xlsx");
  lxw_workbook_options options{};
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Rückmeldung");
  worksheet_write_string(ws, 0, 0, "Schlüssel", nullptr);
  worksheet_write_number(ws, 1, 0, 50, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const auto bytes = slurp(path);
  fs::remove(path);
  xlsx::Workbook book(bytes);
  const auto sheet = book.sheet(0);
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].find(1)->text, "Schlüssel");
  EXPECT_EQ(sheet.rows[1].find(1)->text, "50");
}

TEST(FormReader, MissingColumnAndNoHeader) {
  const auto bytes = minimal_workbook(
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Handlungsfeld</t></is></c>"
      "<c r=\"B5\" t=\"inlineStr\"><is><t>Handlungsschwerpunkt</t></is></c>"
      "<c r=\"C5\" t=\"inlineStr\"><is><t>Status</t></is></c>"
      "<c r=\"D5\" t=\"inlineStr\"><is><t>Fortschritt (%)</t></is></c>"
      "<c r=\"E5\" t=\"inlineStr\"><is><t>Bemerkung</t></is></c></row>");
  std::vector<ImportProblem> problems;
  forms::read_form("f.xlsx", bytes, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "f.xlsx:Rückmeldung!A5");
  EXPECT_NE(problems[0].message.find("Schlüssel"), std::string::npos);
  problems.clear();
  forms::read_form("f.xlsx", minimal_workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "f.xlsx");
}

TEST(FormReader, CsvWithBomAndEitherDelimiter) {
  for (const char* text :
       {"\xEF\xBB\xBFSchlüssel;Handlungsfeld;Handlungsschwerpunkt;Status;Fortschritt (%);Bemerkung\r\n"
        "k/u;F;\"A; B\";begonnen;50 %;\r\n",
        "Schlüssel,Handlungsfeld,Handlungsschwerpunkt,Status,Fortschritt (%),Bemerkung\nk/u,F,\"A; B\",begonnen,50 %,\n"}) {
    std::vector<ImportProblem> problems;
    const auto form = forms::read_form("f.csv", text, problems);
    EXPECT_TRUE(problems.empty());
    ASSERT_EQ(form.rows.size(), 1u);
    EXPECT_EQ(form.rows[0].cells[forms::kFocusArea].text, "A; B");
    EXPECT_EQ(form.rows[0].cells[forms::kProgress].text, "50 %");
    EXPECT_EQ(form.where(2, 4), "f.csv:2");
    EXPECT_EQ(form.source(2), "f.csv:2");
  }
}

TEST(FormReader, EncryptedWorkbookIsNamed) {
  std::vector<ImportProblem> problems;
  forms::read_form("g.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("verschlüsselt/kein XLSX"), std::string::npos);
}

}  // namespace
}  // namespace eduplan
