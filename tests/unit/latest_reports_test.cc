// Which report counts for a responsibility when reports of several periods are looked at
// together (status show without --period, exports without --period): the latest period's,
// and within a period the one stored last.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eduplan/monitoring.h"

namespace {

eduplan::StatusReport report(std::string period, std::string status, long long sequence) {
  eduplan::StatusReport r;
  r.key = "fa/ou";
  r.period = std::move(period);
  r.status = std::move(status);
  r.sequence = sequence;
  return r;
}

std::string latest(const std::vector<eduplan::StatusReport>& history) {
  const auto out = eduplan::latest_reports(history);
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? "" : out.begin()->second.period + " " + out.begin()->second.status;
}

TEST(LatestReports, WithinAPeriodTheOneStoredLast) {
  EXPECT_EQ(latest({report("2026-H1", "begonnen", 1), report("2026-H1", "umgesetzt", 2)}),
            "2026-H1 umgesetzt");
}

TEST(LatestReports, ALateCorrectionOfAnEarlierPeriodDoesNotHideANewerOne) {
  EXPECT_EQ(latest({report("2026-H2", "umgesetzt", 1), report("2026-H1", "begonnen", 2)}),
            "2026-H2 umgesetzt");
  EXPECT_EQ(latest({report("2026-H1", "begonnen", 1), report("2026-H2", "umgesetzt", 2),
                    report("2026-H1", "verzögert", 3)}),
            "2026-H2 umgesetzt");
}

TEST(LatestReports, PeriodsFollowEachOtherWithNumbersComparedAsNumbers) {
  EXPECT_EQ(latest({report("2026-M10", "b", 1), report("2026-M9", "a", 2)}), "2026-M10 b");
  EXPECT_EQ(latest({report("2027-Q1", "b", 1), report("2026-Q4", "a", 2)}), "2027-Q1 b");
  EXPECT_EQ(latest({report("2026", "a", 1), report("2026-H1", "b", 2)}), "2026-H1 b");
  EXPECT_EQ(latest({report("2026-H1", "a", 2), report("2026-H01", "b", 1)}), latest(
      {report("2026-H01", "b", 1), report("2026-H1", "a", 2)}));  // the order given does not matter
}

TEST(LatestReports, TheYearComesFirstWhereverItIsWritten) {
  EXPECT_EQ(latest({report("Q3.2026", "a", 2), report("Q1.2027", "b", 1)}), "Q1.2027 b");
  EXPECT_TRUE(eduplan::period_before("Q4.2026", "Q1.2027"));
  EXPECT_TRUE(eduplan::period_before("2026.9", "2026.10"));
  EXPECT_TRUE(eduplan::period_before("2026", "2026-H1"));
  EXPECT_TRUE(eduplan::period_before("Sommer", "2026-H1"));  // no year: first
  EXPECT_FALSE(eduplan::period_before("2026-H1", "2026-H1"));
}

}  // namespace
