// The XLSX exporter's recording of the focus areas: what is played back is what was recorded,
// across the pieces the file is written and read in, and a file that cannot be written fails.
#include "../../exporters/xlsx/focus_area_tape.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace eduplan::xlsx_exporter {
namespace {

namespace fs = std::filesystem;

eduplan_str str(const std::string& s) { return {s.data(), s.size()}; }
std::string text(eduplan_str s) { return std::string(s.data, s.size); }

// One focus area as owned data, recordable through views.
struct Area {
  std::size_t field = 0, index = 0;
  int line = 0;
  std::string text, key;
  std::vector<std::size_t> units;
  std::vector<std::pair<std::string, std::string>> attributes;
  struct Report {
    std::string status;
    int progress;
    std::string note, period;
  };
  std::vector<Report> reports;
};

void record(FocusAreaTape& tape, const Area& a) {
  eduplan_focus_area_view view{};
  view.text = str(a.text);
  view.key = str(a.key);
  view.line = a.line;
  view.units = a.units.data();
  view.unit_count = a.units.size();
  std::vector<eduplan_attribute> attributes;
  for (const auto& [n, v] : a.attributes) attributes.push_back({str(n), str(v)});
  std::vector<eduplan_report_view> reports;
  for (const auto& r : a.reports)
    reports.push_back({str(r.status), r.progress, str(r.note), str(r.period)});
  tape.record(sdk::FocusArea{a.field, a.index, view, attributes, reports});
}

void expect_same(const Area& a, const sdk::FocusArea& fa) {
  EXPECT_EQ(fa.field, a.field);
  EXPECT_EQ(fa.index, a.index);
  EXPECT_EQ(fa.area.line, a.line);
  EXPECT_EQ(text(fa.area.text), a.text);
  EXPECT_EQ(text(fa.area.key), a.key);
  ASSERT_EQ(fa.area.unit_count, a.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) EXPECT_EQ(fa.area.units[i], a.units[i]);
  ASSERT_EQ(fa.attributes.size(), a.attributes.size());
  for (std::size_t i = 0; i < a.attributes.size(); ++i) {
    EXPECT_EQ(text(fa.attributes[i].name), a.attributes[i].first);
    EXPECT_EQ(text(fa.attributes[i].value), a.attributes[i].second);
  }
  ASSERT_EQ(fa.reports.size(), a.reports.size());
  for (std::size_t i = 0; i < a.reports.size(); ++i) {
    EXPECT_EQ(text(fa.reports[i].status), a.reports[i].status);
    EXPECT_EQ(fa.reports[i].progress, a.reports[i].progress);
    EXPECT_EQ(text(fa.reports[i].note), a.reports[i].note);
    EXPECT_EQ(text(fa.reports[i].period), a.reports[i].period);
  }
}

class TapeTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_directory("eduplan-tape"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(TapeTest, PlaysBackWhatWasRecordedInOrder) {
  std::vector<Area> areas;
  // Empty texts and lists, a text larger than the pieces the file is read in, a zero byte,
  // and many small records that cross the pieces' borders.
  areas.push_back({});
  areas.push_back({1, 0, 42, "Schwerpunkt mit Umlauten: Übergänge", "k1", {0, 3, 7},
                   {{"Zeitraum", "2025"}, {"Status", ""}},
                   {{"begonnen", 40, "Notiz", "2026-H1"}, {"", -1, "", ""}, {"offen", 0, "", ""}}});
  areas.push_back({2, 5, -1, std::string(3 << 20, 'x'), "", {}, {}, {}});
  areas.push_back({3, 1, 7, std::string("a\0b", 3), "key", {SIZE_MAX, 0}, {}, {}});
  for (std::size_t i = 0; i < 30000; ++i)
    areas.push_back({i % 9, i, static_cast<int>(i), "Text " + std::to_string(i), "",
                     std::vector<std::size_t>(i % 5, i), {{"A", std::to_string(i)}}, {}});
  FocusAreaTape tape(dir_.string());
  for (const auto& a : areas) record(tape, a);
  EXPECT_EQ(tape.size(), areas.size());
  EXPECT_TRUE(fs::is_empty(dir_));  // the file has no name
  for (int pass = 0; pass < 2; ++pass) {
    std::size_t at = 0;
    tape.replay([&](const sdk::FocusArea& fa) {
      ASSERT_LT(at, areas.size());
      expect_same(areas[at++], fa);
    });
    EXPECT_EQ(at, areas.size());
  }
}

TEST_F(TapeTest, ADirectoryThatIsNoneFailsNamingIt) {
  try {
    FocusAreaTape tape((dir_ / "missing").string());
    FAIL() << "no failure";
  } catch (const sdk::Failure& e) {
    EXPECT_NE(std::string(e.what()).find("tmpdir " + (dir_ / "missing").string() +
                                         ": kann keine temporäre Datei anlegen"),
              std::string::npos)
        << e.what();
  }
}

// A file-size limit stands in for a full temporary directory (EFBIG for ENOSPC). Run in a
// child process: exits 3 when writing fails with the expected message.
[[noreturn]] void fill_under_a_size_limit(const std::string& dir) {
  std::signal(SIGXFSZ, SIG_IGN);
  const rlimit limit{1 << 16, 1 << 16};
  ::setrlimit(RLIMIT_FSIZE, &limit);
  FocusAreaTape tape(dir);
  const Area area{0, 0, 0, std::string(100, 'y'), "", {}, {}, {}};
  try {
    for (int i = 0; i < 20000; ++i) record(tape, area);
    tape.replay([](const sdk::FocusArea&) {});
  } catch (const sdk::Failure& e) {
    const bool named = std::string(e.what()).find(
                           "die temporäre Datei kann nicht geschrieben werden") != std::string::npos;
    std::exit(named ? 3 : 4);
  }
  std::exit(5);
}

TEST_F(TapeTest, AFullDirectoryFailsInsteadOfLosingRows) {
  EXPECT_EXIT(fill_under_a_size_limit(dir_.string()), ::testing::ExitedWithCode(3), "");
}

}  // namespace
}  // namespace eduplan::xlsx_exporter
