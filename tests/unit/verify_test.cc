// xlsxkit/verify.cc: a complete workbook passes however long its rows are (the last row of a
// sheet is found from the end of each decompressed piece, also when it is longer than a piece).
#include "xlsxkit/verify.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {
namespace {

// A directory of its own per test and process (ctest runs the tests in parallel).
std::string temporary_workbook(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("eduplan-verify-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

TEST(VerifyWorkbook, RowsLongerThanAReadPieceAreFollowed) {
  const std::string path = temporary_workbook("long-rows.xlsx");
  {
    Workbook wb(path.c_str(), kExcelRows, std::filesystem::temp_directory_path().string(),
                PrintInfo{"T", "27.11.2026"});
    lxw_worksheet* ws = wb.add_sheet("Lang");
    // Rows of 6,000 cells with text: well over the 256 KiB read per piece once decompressed.
    for (std::uint32_t r = 0; r < 5; ++r) {
      for (std::uint16_t c = 0; c < 6000; ++c)
        wb.text(ws, r, c, "Stadtbibliothek und Stadtarchiv " + std::to_string(c));
    }
    lxw_worksheet* small = wb.add_sheet("Kurz");
    wb.text(small, 0, 0, "eine Zeile");
    wb.close();
  }
  EXPECT_NO_THROW(verify_workbook(path));
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST(VerifyWorkbook, NotAnArchiveIsReported) {
  const std::string path = temporary_workbook("empty.xlsx");
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fclose(f);
  }
  try {
    verify_workbook(path);
    FAIL() << "an empty file passed";
  } catch (const Failure& e) {
    EXPECT_NE(std::string(e.what()).find("unvollständig"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

}  // namespace
}  // namespace eduplan::xlsxkit
