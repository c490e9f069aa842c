#include <eduplan/keys.h>
#include <gtest/gtest.h>

namespace eduplan {
namespace {

TEST(Keys, IgnoreCaseAndSpacing) {
  EXPECT_EQ(make_key("ou", "Stadt  Archiv"), make_key("ou", " stadt archiv "));
  EXPECT_EQ(make_key("ou", "ÄMTER"), make_key("ou", "ämter"));
  EXPECT_NE(make_key("ou", "FB 20"), make_key("ou", "FB 21"));
}

TEST(Keys, PrefixAndParentSeparateNamespaces) {
  EXPECT_NE(make_key("ou", "MINT"), make_key("fld", "MINT"));
  EXPECT_NE(make_key("fa", "fld-1", "Text"), make_key("fa", "fld-2", "Text"));
  EXPECT_EQ(make_key("fa", "fld-1", "Text").size(), 3u + 16u);
}

}  // namespace
}  // namespace eduplan
