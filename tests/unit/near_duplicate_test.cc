#include "rules/near_duplicate.h"

#include <gtest/gtest.h>

namespace eduplan {
namespace {

TEST(NearDuplicate, SameUnitDifferentlyWritten) {
  EXPECT_EQ(name_fingerprint("Bibliothek"), name_fingerprint("Stadtbibliothek"));
  EXPECT_EQ(name_fingerprint("FB 01"), name_fingerprint("FB01"));
  EXPECT_EQ(name_fingerprint("FB Schule und Sport"),
            name_fingerprint("Fachbereich Schule und Sport"));
  EXPECT_EQ(name_fingerprint("Stabsstelle Bildung- und Wissenschaft"),
            name_fingerprint("Stabsstelle Bildung und Wissenschaft"));
  EXPECT_EQ(name_fingerprint("JUGENDAMT"), name_fingerprint("Jugendamt"));
}

TEST(NearDuplicate, DistinguishingNumbersAndWordsStayApart) {
  EXPECT_NE(name_fingerprint("FB 20"), name_fingerprint("FB 21"));
  EXPECT_NE(name_fingerprint("FB 2"), name_fingerprint("FB 20"));
  EXPECT_NE(name_fingerprint("Stadtteilbibliothek Nord"),
            name_fingerprint("Stadtteilbibliothek Süd"));
  EXPECT_NE(name_fingerprint("Stadt"), name_fingerprint(""));
}

TEST(NearDuplicate, GroupsOnlyDistinctNames) {
  auto groups = near_duplicate_groups({"FB01", "Jugendamt", "FB 01", "FB01", "Amt"});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0], (std::vector<std::string>{"FB01", "FB 01"}));
}

TEST(NearDuplicate, ScalesToTensOfThousandsOfNames) {
  // Linear by construction (one hash map); 50,000 distinct names plus one variant each.
  std::vector<std::string> names;
  for (int i = 0; i < 50000; ++i) names.push_back("Amt " + std::to_string(i));
  for (int i = 0; i < 50000; i += 1000) names.push_back("amt" + std::to_string(i));
  EXPECT_EQ(near_duplicate_groups(names).size(), 50u);
}

}  // namespace
}  // namespace eduplan
