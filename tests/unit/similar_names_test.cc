#include "rules/similar_names.h"

#include <eduplan/units_directory.h>
#include <gtest/gtest.h>

#include <random>

#include "test_support.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

std::u32string cp(const std::string& s) { return code_points(s); }

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance(cp("Volkshochschule"), cp("Volkshochshule"), 2), 1);
  EXPECT_EQ(edit_distance(cp("Stadtarchiv"), cp("Stadtarhciv"), 2), 1);  // neighbours swapped
  EXPECT_EQ(edit_distance(cp("Jugendamt"), cp("Jugnedamtt"), 2), 2);
  EXPECT_EQ(edit_distance(cp("Jugendamt"), cp("Sozialamt"), 2), 3);  // more than max: max + 1
  EXPECT_EQ(edit_distance(cp("Übergänge"), cp("Ubergänge"), 2), 1);  // code points, not bytes
}

TEST(OneEditPairs, TyposButNotNumbersRomanNumeralsOrOneLetterWords) {
  const std::vector<std::string> names = {"Volkshochschule", "Volkshochshule", "FB 20",
                                          "FB 21",           "Grundschule II", "Grundschule III",
                                          "Schule A",        "Schule B",       "Jugendamt Nord",
                                          "Jugendamt Nrod",  "Stadtarchiv"};
  const auto pairs = one_edit_pairs(names);
  EXPECT_EQ(pairs, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {8, 9}}));
}

// Every unit of the example's directory, typed with one or two letters wrong, is found again with
// the right entry as the first suggestion (unless the typo is as close to another entry).
TEST(SimilarNames, TyposOfTheExampleDirectoryFindTheRightUnitFirst) {
  std::vector<Finding> problems;
  const UnitsDirectory dir =
      UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), problems);
  ASSERT_TRUE(problems.empty());
  SimilarNames index(2);
  std::vector<const DirectoryEntry*> owner;
  for (const auto& e : dir.entries()) {
    index.add(e.name, owner.size());
    owner.push_back(&e);
    for (const auto& a : e.aliases) {
      index.add(a, owner.size());
      owner.push_back(&e);
    }
  }
  std::mt19937 rng(11);
  auto typo = [&](std::u32string s) {
    const std::size_t i = 1 + rng() % (s.size() - 2);
    switch (rng() % 4) {
      case 0:
        s.erase(i, 1);
        break;  // a letter too few
      case 1:
        s.insert(i, 1, U'e');
        break;  // one too many
      case 2:
        s[i] = s[i] == U'x' ? U'y' : U'x';
        break;  // a wrong one
      default:
        std::swap(s[i], s[i + 1]);  // two swapped
    }
    return s;
  };
  int checked = 0;
  for (const auto& e : dir.entries()) {
    if (e.division.empty() || e.name.size() < 6) continue;  // units, not divisions
    for (int distance = 1; distance <= 2; ++distance) {
      for (int k = 0; k < 8; ++k) {
        std::u32string wrong = cp(e.name);
        for (int d = 0; d < distance; ++d) wrong = typo(wrong);
        std::string utf8;
        for (char32_t c : wrong) unicode::append_utf8(utf8, c);
        if (dir.find(utf8)) continue;  // the typo is another valid name
        const auto found = index.find(utf8, 3);
        ASSERT_FALSE(found.empty()) << utf8 << " (" << e.name << ")";
        const int best = found.front().second;
        bool right_among_best = false;
        for (const auto& [id, d] : found) right_among_best |= d == best && owner[id] == &e;
        EXPECT_TRUE(owner[found.front().first] == &e || right_among_best)
            << utf8 << " → " << owner[found.front().first]->name;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace eduplan
