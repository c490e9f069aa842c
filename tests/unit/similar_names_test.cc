#include "util/similar_names.h"

#include <eduplan/units_directory.h>
#include <gtest/gtest.h>

#include <map>
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

// The full Damerau-Levenshtein table (Lowrance-Wagner), for comparison with the banded one.
int full_distance(const std::u32string& a, const std::u32string& b) {
  const std::size_t n = a.size(), m = b.size();
  const int inf = static_cast<int>(n + m);
  std::vector<std::vector<int>> d(n + 2, std::vector<int>(m + 2, 0));
  d[0][0] = inf;
  for (std::size_t i = 0; i <= n; ++i) {
    d[i + 1][0] = inf;
    d[i + 1][1] = static_cast<int>(i);
  }
  for (std::size_t j = 0; j <= m; ++j) {
    d[0][j + 1] = inf;
    d[1][j + 1] = static_cast<int>(j);
  }
  std::map<char32_t, std::size_t> last_row;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t last_match_col = 0;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t i1 = last_row.count(b[j - 1]) ? last_row[b[j - 1]] : 0;
      const std::size_t j1 = last_match_col;
      int cost = 1;
      if (a[i - 1] == b[j - 1]) {
        cost = 0;
        last_match_col = j;
      }
      d[i + 1][j + 1] =
          std::min({d[i][j] + cost, d[i + 1][j] + 1, d[i][j + 1] + 1,
                    d[i1][j1] + static_cast<int>(i - i1 - 1) + 1 + static_cast<int>(j - j1 - 1)});
    }
    last_row[a[i - 1]] = i;
  }
  return d[n + 1][m + 1];
}

TEST(EditDistance, BandedTableAgreesWithTheFullOne) {
  std::mt19937 rng(7);
  auto random_word = [&](std::size_t most) {
    std::u32string s;
    const std::size_t n = rng() % (most + 1);
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char32_t>(U'a' + rng() % 3);
    return s;
  };
  for (int round = 0; round < 20000; ++round) {
    const std::u32string a = random_word(9), b = random_word(9);
    const int full = full_distance(a, b);
    for (int max = 0; max <= 3; ++max)
      ASSERT_EQ(edit_distance(a, b, max), std::min(full, max + 1)) << round << " max " << max;
  }
}

TEST(OneEditPairs, LongNamesCostTimeInProportionToTheirLength) {
  // Names of 200,000 code points one letter apart: a table of all pairs of positions would need
  // 40 billion cells. They are no names a typo check is meant for, and are left out.
  std::string common;
  for (int i = 0; i < 20000; ++i) common += "Amt Nummer";
  const auto pairs =
      one_edit_pairs({common + "A", "Volkshochschule", common + "C", "Volkshochshule"});
  EXPECT_EQ(pairs, (std::vector<std::pair<std::size_t, std::size_t>>{{1, 3}}));
  EXPECT_EQ(edit_distance(cp(common + "a"), cp(common + "b"), 2), 1);
  EXPECT_EQ(edit_distance(cp("x" + common), cp(common + "yz"), 2), 3);
  // Many spellings with one equal key (as a document may write a name in many cases).
  std::vector<std::string> same;
  std::string name = common.substr(0, 250);
  for (std::size_t i = 0; i < 200; ++i) {
    same.push_back(name);
    name[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
  }
  EXPECT_TRUE(one_edit_pairs(same).empty());
}

}  // namespace
}  // namespace eduplan
